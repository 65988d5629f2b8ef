"""The query parameters of the WordPress API: what each route accepts, and how
a query string is read.

The tables (``POST_COLLECTION``, ``TERM_ITEM``...) describe each parameter
as WordPress 6 registers it: name, type, default, enum, bounds.  One
description serves three readers, so they cannot disagree: :class:`Query`
validates requests against it, the ``/wp-json/`` index lists it
(:meth:`Param.wp_arg`) and ``/openapi.json`` documents it
(:mod:`chalicelib.openapi`).

:class:`Query` reads the query string the way PHP and WordPress do
(``a[]=1&a[]=2``, ``a=1,2``, the last of repeated keys), and
:meth:`Query.parse` reports every invalid parameter at once in one
``rest_invalid_param`` error.  That is an :class:`ApiError`, the error
every route answers in WordPress's ``{code, message, data}`` shape: it lives
here, where the first of them is raised, and the handlers raise it too.
"""
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

from ..urls import slug_from_url

# The API's names, as the WordPress site registered them.
NAMESPACE = 'wp/v2'
POST_TYPE = 'faq'
TAXONOMY = 'faq-categories'
MAX_PER_PAGE = 100


# -- errors -------------------------------------------------------------------

class ApiError(Exception):
    """An error answered in WordPress's shape ``{code, message, data}``."""

    def __init__(self, code, message, status, **data):
        super().__init__(message)
        self.code, self.message, self.status, self.extra = code, message, status, data

    def body(self):
        return {'code': self.code, 'message': self.message,
                'data': dict({'status': self.status}, **self.extra)}


def no_route_error():
    return ApiError('rest_no_route',
                    'No route was found matching the URL and request method.', 404)


def invalid_post_id():
    return ApiError('rest_post_invalid_id', 'Invalid post ID.', 404)


# -- parameters ---------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """One query parameter, described as WordPress registers it."""
    name: str
    type: str                  # integer, string, boolean, array, terms
    description: str
    default: object = None
    enum: tuple = ()
    minimum: int = None
    maximum: int = None
    items: str = None          # the type of an array's items
    item_enum: tuple = ()
    format: str = None         # date-time

    def wp_arg(self):
        """The argument as the ``/wp-json/`` index lists it."""
        arg = {'description': self.description}
        if self.type == 'terms':
            arg.update(type=['object', 'array'], oneOf=[
                {'title': 'Term ID List', 'description': 'Match terms with the listed IDs.',
                 'type': 'array', 'items': {'type': 'integer'}},
                {'title': 'Term ID Taxonomy Query',
                 'description': 'Perform an advanced term query.', 'type': 'object',
                 'properties': {
                     'terms': {'description': 'Term IDs.', 'type': 'array',
                               'items': {'type': 'integer'}, 'default': []},
                     'operator': {'description': 'Whether items must be assigned all '
                                  'or any of the specified terms.', 'type': 'string',
                                  'enum': ['AND', 'OR'], 'default': 'OR'}},
                 'additionalProperties': False}])
        else:
            arg.update(self.constraints())
        if self.default is not None:
            arg['default'] = list(self.default) if isinstance(self.default, tuple) \
                else self.default
        arg['required'] = False
        return arg

    def constraints(self):
        """Type, format, enum, bounds and items, as JSON Schema: what the
        ``/wp-json/`` index and the OpenAPI document both say of it."""
        schema = {'type': self.type}
        if self.format:
            schema['format'] = self.format
        if self.enum:
            schema['enum'] = list(self.enum)
        if self.minimum is not None:
            schema['minimum'] = self.minimum
        if self.maximum is not None:
            schema['maximum'] = self.maximum
        if self.items:
            schema['items'] = {'type': self.items}
            if self.item_enum:
                schema['items']['enum'] = list(self.item_enum)
        return schema


def _context(default='view'):
    return Param('context', 'string', 'Scope under which the request is made; '
                 'determines fields present in response.', default=default,
                 enum=('view', 'embed', 'edit'))


_PAGE = Param('page', 'integer', 'Current page of the collection.', default=1, minimum=1)
_PER_PAGE = Param('per_page', 'integer',
                  'Maximum number of items to be returned in result set.',
                  default=10, minimum=1, maximum=MAX_PER_PAGE)
_SEARCH = Param('search', 'string', 'Limit results to those matching a string.')
_OFFSET = Param('offset', 'integer', 'Offset the result set by a specific number of items.')
_EXCLUDE = Param('exclude', 'array', 'Ensure result set excludes specific IDs.',
                 default=(), items='integer')
_INCLUDE = Param('include', 'array', 'Limit result set to specific IDs.',
                 default=(), items='integer')

POST_ORDERBY = ('date', 'id', 'include', 'modified', 'relevance', 'slug',
                'include_slugs', 'title')
POST_STATUSES = ('publish', 'future', 'draft', 'pending', 'private', 'trash',
                 'auto-draft', 'inherit', 'any')
SEARCH_COLUMNS = ('post_title', 'post_content', 'post_excerpt')

POST_COLLECTION = (
    _context(), _PAGE, _PER_PAGE, _SEARCH,
    Param('after', 'string', 'Limit response to posts published after a given '
          'ISO8601 compliant date.', format='date-time'),
    Param('modified_after', 'string', 'Limit response to posts modified after a '
          'given ISO8601 compliant date.', format='date-time'),
    Param('before', 'string', 'Limit response to posts published before a given '
          'ISO8601 compliant date.', format='date-time'),
    Param('modified_before', 'string', 'Limit response to posts modified before a '
          'given ISO8601 compliant date.', format='date-time'),
    _EXCLUDE, _INCLUDE, _OFFSET,
    Param('order', 'string', 'Order sort attribute ascending or descending.',
          default='desc', enum=('asc', 'desc')),
    Param('orderby', 'string', 'Sort collection by post attribute.', default='date',
          enum=POST_ORDERBY),
    Param('search_columns', 'array', 'Array of column names to be searched.',
          default=(), items='string', item_enum=SEARCH_COLUMNS),
    Param('slug', 'array', 'Limit result set to posts with one or more specific slugs.',
          items='string'),
    Param('status', 'array', 'Limit result set to posts assigned one or more statuses.',
          default='publish', items='string', item_enum=POST_STATUSES),
    Param('tax_relation', 'string', 'Limit result set based on relationship between '
          'multiple taxonomies.', enum=('AND', 'OR')),
    Param(TAXONOMY, 'terms', 'Limit result set to items with specific terms assigned '
          'in the %s taxonomy.' % TAXONOMY),
    Param(TAXONOMY + '_exclude', 'terms', 'Limit result set to items except those with '
          'specific terms assigned in the %s taxonomy.' % TAXONOMY),
)
POST_ITEM = (_context(), Param('password', 'string',
                               'The password for the post if it is password protected.'))

TERM_ORDERBY = ('id', 'include', 'name', 'slug', 'include_slugs', 'term_group',
                'description', 'count')
TERM_COLLECTION = (
    _context(), _PAGE, _PER_PAGE, _SEARCH, _EXCLUDE, _INCLUDE, _OFFSET,
    Param('order', 'string', 'Order sort attribute ascending or descending.',
          default='asc', enum=('asc', 'desc')),
    Param('orderby', 'string', 'Sort collection by term attribute.', default='name',
          enum=TERM_ORDERBY),
    Param('hide_empty', 'boolean', 'Whether to hide terms not assigned to any posts.',
          default=False),
    Param('parent', 'integer', 'Limit result set to terms assigned to a specific parent.'),
    Param('post', 'integer', 'Limit result set to terms assigned to a specific post.'),
    Param('slug', 'array', 'Limit result set to terms with one or more specific slugs.',
          items='string'),
)
TERM_ITEM = (_context(),)
TYPE_COLLECTION = (_context(),)
TAXONOMY_COLLECTION = (_context(), Param(
    'type', 'string', 'Limit results to taxonomies associated with a specific post type.'))
INDEX_PARAMS = (_context(),)

# Parameters every route honours (WordPress's "global parameters").
GLOBAL_PARAMS = (
    Param('_fields', 'array', 'Limit the response to these fields (a comma list; '
          '"a.b" names a nested field).', items='string'),
    Param('_pretty', 'string', 'Pretty-print the JSON when present, whatever its value '
          '(as WordPress does).'),
)


def requested_slugs(values):
    """The slugs a ``slug`` parameter names, in either URL form: WordPress
    runs each through ``sanitize_title``, which lowercases and encodes."""
    return [slug_from_url(s.strip()).lower() for s in values]


def _wp_list(text):
    """``wp_parse_list``: split on commas and whitespace."""
    return [part for part in re.split(r'[\s,]+', text) if part]


def _natural_list(values):
    """WordPress's ``%l``: "a, b, and c"."""
    values = list(values)
    if len(values) <= 2:
        return ' and '.join(values)
    return ', '.join(values[:-1]) + ', and ' + values[-1]


_NUMBER = re.compile(r'^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$')
_DATE_TIME = re.compile(
    r'^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::\d{2})?)?$')
_BIG = 10 ** 18


class _Invalid(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def _integer(value, name):
    """``rest_is_integer``: numeric text with an integral value."""
    if not isinstance(value, str) or not _NUMBER.match(value):
        raise _Invalid('rest_invalid_type', '%s is not of type integer.' % name)
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise _Invalid('rest_invalid_type', '%s is not of type integer.' % name) from None
    if abs(number) > _BIG:
        return _BIG if number > 0 else -_BIG
    if number != number.to_integral_value():
        raise _Invalid('rest_invalid_type', '%s is not of type integer.' % name)
    return int(number)


def _boolean(value, name):
    text = value.lower() if isinstance(value, str) else value
    if text in ('true', '1'):
        return True
    if text in ('false', '0'):
        return False
    raise _Invalid('rest_invalid_type', '%s is not of type boolean.' % name)


def parse_date(value, name='date'):
    """``rest_parse_date``: RFC 3339, offset optional (then site time, UTC here)."""
    if not isinstance(value, str) or not _DATE_TIME.match(value):
        raise _Invalid('rest_invalid_date', 'Invalid date.')
    text = value[:10] + 'T' + value[11:]
    text = text.replace('Z', '+00:00')
    text = re.sub(r'\.(\d{6})\d+', r'.\1', text)
    text = re.sub(r'([+-]\d{2})$', r'\1:00', text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _Invalid('rest_invalid_date', 'Invalid date.') from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _check_number(number, param, name):
    low, high = param.minimum, param.maximum
    if low is not None and high is not None and not low <= number <= high:
        raise _Invalid('rest_out_of_bounds', '%s must be between %d (inclusive) and %d '
                       '(inclusive)' % (name, low, high))
    if low is not None and high is None and number < low:
        raise _Invalid('rest_out_of_bounds', '%s must be greater than or equal to %d'
                       % (name, low))
    return number


def _scalar(param, value, name):
    if param.type == 'integer':
        return _check_number(_integer(value, name), param, name)
    if param.type == 'boolean':
        return _boolean(value, name)
    if param.format == 'date-time':
        return parse_date(value, name)
    if param.enum and value not in param.enum:
        raise _Invalid('rest_not_in_enum', '%s is not one of %s.'
                       % (name, _natural_list(param.enum)))
    return value


def _array(param, values):
    parsed = []
    for index, value in enumerate(values):
        name = '%s[%d]' % (param.name, index)
        if param.items == 'integer':
            parsed.append(_integer(value, name))
        elif param.item_enum and value not in param.item_enum:
            raise _Invalid('rest_not_in_enum', '%s is not one of %s.'
                           % (name, _natural_list(param.item_enum)))
        else:
            parsed.append(value)
    return parsed


class Query:
    """The query string of a request, read the way PHP reads it."""

    def __init__(self, request):
        params = getattr(request, 'query_params', None) or {}
        self.pairs = []
        for key in params:
            values = params.getlist(key) if hasattr(params, 'getlist') else [params[key]]
            self.pairs.extend((key, value) for value in values)
        self.keys = {key for key, _ in self.pairs}

    def values(self, *keys):
        return [value for key, value in self.pairs if key in keys]

    def last(self, key):
        found = self.values(key)
        return found[-1] if found else None

    def array(self, name):
        """``name=a,b``, ``name[]=a&name[]=b`` and ``name[0]=a`` all give a list."""
        indexed = re.compile(re.escape(name) + r'\[\d*\]$')
        present = name in self.keys or any(indexed.match(k) for k in self.keys)
        values = []
        for key, value in self.pairs:
            if key == name or indexed.match(key):
                values.extend(_wp_list(value))
        return present, values

    def parse(self, params):
        """Validated values of ``params``: defaults filled, unknown keys ignored.

        Every invalid parameter is reported at once, as WordPress does, in a
        ``rest_invalid_param`` error that names them in ``data.params``.
        """
        values, problems = {}, {}
        for param in params:
            try:
                values[param.name] = self._one(param)
            except _Invalid as invalid:
                problems[param.name] = invalid
        if problems:
            raise ApiError(
                'rest_invalid_param', 'Invalid parameter(s): %s' % ', '.join(problems), 400,
                params={k: v.message for k, v in problems.items()},
                details={k: {'code': v.code, 'message': v.message, 'data': None}
                         for k, v in problems.items()})
        return values

    def _one(self, param):
        if param.type == 'terms':
            return self._terms(param)
        if param.type == 'array':
            present, raw = self.array(param.name)
            if not present:
                default = param.default
                return list(default) if isinstance(default, tuple) else \
                    ([default] if default is not None else None)
            return _array(param, raw)
        raw = self.last(param.name)
        if raw is None:
            return param.default
        return _scalar(param, raw, param.name)

    def _terms(self, param):
        """A taxonomy filter: an id list, or ``[terms]`` with an ``[operator]``."""
        name = param.name
        present, ids = self.array(name)
        terms_present, terms = self.array(name + '[terms]')
        operator = self.last(name + '[operator]')
        if not present and not terms_present and operator is None:
            return None
        ids = _array(Param(name, 'array', '', items='integer'), ids + terms)
        if operator is not None and operator not in ('AND', 'OR'):
            raise _Invalid('rest_not_in_enum', '%s[operator] is not one of AND and OR.'
                           % name)
        return {'terms': ids, 'operator': 'AND' if operator == 'AND' else 'OR'}
