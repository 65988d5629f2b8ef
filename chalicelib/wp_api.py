"""WordPress's REST API, read-only, for the FAQ post type and its categories.

Clients written for the WordPress site this one replaces (headless
front-ends, feed builders, the Yoast-aware crawlers) keep working against
``/wp-json/``: the routes, query parameters, defaults, item fields, headers
and error bodies are WordPress 6's, as documented in its REST API handbook
and seen in the sample ``seed/wordpress-faq-549.json``.  Only published
entries are visible: this API has no authentication.

How a listing is answered
    ``GET /wp-json/wp/v2/faq`` reads every published entry with
    ``FaqRepository.all_by_status`` (one DynamoDB ``Query`` on the
    ``by-status`` index per MB of items, never a Scan) and, when an item
    shows term ids or the request filters by them, the categories (one
    more ``Query``), then filters, sorts and pages in memory as WordPress's
    ``WP_Query`` would.  The ceiling: past 1 MB of published items (about
    300 answers of 3 KB) every listing request costs one more ``Query`` per
    MB, and Lambda memory and time grow with it; the 1 MB counts whole items
    even when only small attributes are asked for (``_fields`` without
    ``content``, ``excerpt`` and ``yoast_*``, and no ``search``, which saves
    transfer and parsing, not reads).  Past a few thousand entries, page
    with ``ExclusiveStartKey`` cursors and fetch only the page's bodies
    (``BatchGetItem``) instead.  A page of 100 items is about 1.4 MB of JSON
    for 3 KB answers (each item carries its body three times: content,
    ``yoast_head`` and the FAQPage answer); Lambda's 6 MB response limit is
    reached near 40 KB per item.  ``yoast_head``/``yoast_head_json`` are
    memoised per entry version in the container (:func:`yoast_fields`).

yoast_head_json and yoast_head
    Built from this site's own page head (``render.faq_seo``), so they say
    what the FAQ page says: Yoast's fields plus ``article_published_time``
    and, in ``schema['@graph']``, the schema.org ``FAQPage`` node our pages
    add (the Yoast sample has none; its WebPage, BreadcrumbList and WebSite
    nodes are reproduced, the breadcrumb naming the index "FAQs" where the
    sample says "faqs").

Deliberate differences from WordPress, each because this site has no users,
media or comments: a draft's id answers ``rest_post_invalid_id`` (404) rather
than ``rest_forbidden`` (401), so drafts cannot be discovered; items have no
``wp:attachment`` link (there is no media endpoint); ``_embed``, ``_envelope``
and ``_jsonp`` are ignored; ``orderby`` has no ``author``/``parent`` (FAQs
have neither); ``search`` matches the visible text of an answer, its title
and its meta description (WordPress matches raw HTML and the manual
excerpt), case- and accent-insensitively as MySQL's collation does; stored
content has Gutenberg's blank lines between blocks collapsed, so
``content.rendered`` differs from WordPress's in that whitespace only.

Nothing here imports ``urllib.request`` or boto3: the module is on the Lambda
cold-start path.
"""
import functools
import html
import json
import logging
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from chalice import ChaliceUnhandledError, Response

from . import content as html_content
from . import render
from .config import get_settings
from .storage import get_repository
from .urls import SiteUrls
from .wp_routes import CATCH_ROUTES, CORS, EXPOSED_HEADERS  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

NAMESPACE = 'wp/v2'
POST_TYPE = 'faq'
TAXONOMY = 'faq-categories'
API_REL = 'https://api.w.org/'
JSON_TYPE = 'application/json; charset=UTF-8'
MAX_PER_PAGE = 100
EXCERPT_WORDS = 55
EXCERPT_MORE = ' [&hellip;]'
CURIES = [{'name': 'wp', 'href': 'https://api.w.org/{rel}', 'templated': True}]


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
    Param('_pretty', 'boolean', 'Pretty-print the JSON.'),
)


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


# -- site, items and fields ---------------------------------------------------

class Site:
    """What items are built from: settings, URLs and (lazily) the categories."""

    def __init__(self, settings=None, repository=None):
        self.settings = settings or get_settings()
        self.urls = SiteUrls('', self.settings.site_url)
        self.api = self.settings.site_url + '/wp-json'
        self._repository = repository
        self._categories = None

    @property
    def repository(self):
        if self._repository is None:
            self._repository = get_repository()
        return self._repository

    @property
    def categories(self):
        if self._categories is None:
            self._categories = self.repository.list_categories()
        return self._categories

    @functools.cached_property
    def term_ids(self):
        return {c.slug: c.id for c in self.categories}

    @functools.cached_property
    def term_slugs(self):
        return {c.id: c.slug for c in self.categories}

    def route(self, path):
        return self.api + '/' + path


POST_FIELDS = ('id', 'date', 'date_gmt', 'guid', 'modified', 'modified_gmt', 'slug',
               'status', 'type', 'link', 'title', 'content', 'excerpt', 'template',
               TAXONOMY, 'class_list', 'yoast_head', 'yoast_head_json', '_links')
POST_EMBED_FIELDS = ('id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', '_links')
BODY_FIELDS = frozenset(('content', 'excerpt', 'yoast_head', 'yoast_head_json'))
TERM_FIELDS = ('id', 'count', 'description', 'link', 'name', 'slug', 'taxonomy',
               'parent', '_links')
TERM_EMBED_FIELDS = ('id', 'link', 'name', 'slug', 'taxonomy', '_links')


def wp_time(moment):
    """WordPress's ``date``/``date_gmt`` form; site time is UTC here."""
    return moment.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S')


def rendered_text(text):
    """Plain text as WordPress renders a title or term name (``&`` as ``&#038;``)."""
    return html.escape(text, quote=False).replace('&amp;', '&#038;')


def excerpt_html(entry):
    """WordPress's automatic excerpt: the first 55 words, in a paragraph."""
    words = html_content.plain_text(entry.content).split()
    more = EXCERPT_MORE if len(words) > EXCERPT_WORDS else ''
    return '<p>%s%s</p>\n' % (html.escape(' '.join(words[:EXCERPT_WORDS]), quote=False),
                              more)


def guid(site, entry_id):
    return '%s/?post_type=%s&#038;p=%d' % (site.settings.site_url, POST_TYPE, entry_id)


def post_link(site, entry):
    if entry.is_published:
        return site.urls.absolute(site.urls.faq(entry.slug))
    return '%s/?post_type=%s&p=%d' % (site.settings.site_url, POST_TYPE, entry.id)


def robots_object(robots):
    """Yoast's ``robots`` object from the meta robots text."""
    parts = [p.strip() for p in robots.split(',') if p.strip()]
    return {part.split(':', 1)[0]: part for part in parts}


def yoast_head_json(seo, site):
    """Yoast's ``yoast_head_json`` from this site's own head fields.

    The same data as the page head (:func:`render.faq_seo`), so it carries
    what our pages carry beyond the Yoast sample: ``article_published_time``
    and the schema.org ``FAQPage`` node in ``schema['@graph']``.
    """
    settings = site.settings
    data = {'title': seo['title']}
    if seo.get('description'):
        data['description'] = seo['description']
    data['robots'] = robots_object(seo['robots'])
    data['canonical'] = seo['canonical']
    data['og_locale'] = settings.locale
    data['og_type'] = seo['og_type']
    data['og_title'] = seo['title']
    if seo.get('description'):
        data['og_description'] = seo['description']
    data['og_url'] = seo['canonical']
    data['og_site_name'] = settings.site_name
    if seo.get('article_published_time'):
        data['article_published_time'] = seo['article_published_time']
        data['article_modified_time'] = seo['article_modified_time']
    data['twitter_card'] = 'summary_large_image'
    if seo.get('twitter_misc'):
        data['twitter_misc'] = dict(seo['twitter_misc'])
    data['schema'] = seo['schema']
    return data


def yoast_head(seo, site):
    """The SEO tags of the FAQ page's head, as one HTML string."""
    return render.render('wp/yoast_head.html', **render.page_context(
        site.settings, site.urls, seo)).strip()


@functools.lru_cache(maxsize=512)
def yoast_fields(entry, settings):
    """``(yoast_head, yoast_head_json)`` of an entry, memoised per container.

    Entries and settings are frozen values (hashed and compared whole, body
    included), so a changed entry is a new key and nothing goes stale; the
    cache holds about 4 MB and saves half of a 100-item page's time.  The
    returned dict is shared: serialise it, never change it.
    """
    site = Site(settings)
    seo = render.faq_seo(entry, settings, site.urls)
    return yoast_head(seo, site), yoast_head_json(seo, site)


def post_links(site, entry_id):
    return {
        'self': [{'href': site.route('%s/%s/%d' % (NAMESPACE, POST_TYPE, entry_id)),
                  'targetHints': {'allow': ['GET']}}],
        'collection': [{'href': site.route('%s/%s' % (NAMESPACE, POST_TYPE))}],
        'about': [{'href': site.route('%s/types/%s' % (NAMESPACE, POST_TYPE))}],
        'wp:term': [{'taxonomy': TAXONOMY, 'embeddable': True,
                     'href': site.route('%s/%s?post=%d' % (NAMESPACE, TAXONOMY, entry_id))}],
        'curies': CURIES,
    }


def post_item(entry, site, wanted=None):
    """One ``wp/v2/faq`` item; only the ``wanted`` top-level fields are built."""
    def want(name):
        return wanted is None or name in wanted

    item = {}
    if want('id'):
        item['id'] = entry.id
    for name, moment in (('date', entry.created), ('date_gmt', entry.created)):
        if want(name):
            item[name] = wp_time(moment)
    if want('guid'):
        item['guid'] = {'rendered': guid(site, entry.id)}
    for name in ('modified', 'modified_gmt'):
        if want(name):
            item[name] = wp_time(entry.modified)
    if want('slug'):
        item['slug'] = entry.slug
    if want('status'):
        item['status'] = entry.status
    if want('type'):
        item['type'] = POST_TYPE
    if want('link'):
        item['link'] = post_link(site, entry)
    if want('title'):
        item['title'] = {'rendered': rendered_text(entry.title)}
    if want('content'):
        item['content'] = {'rendered': html_content.mount_links(
            entry.content, site.settings.site_url), 'protected': False}
    if want('excerpt'):
        item['excerpt'] = {'rendered': excerpt_html(entry), 'protected': False}
    if want('template'):
        item['template'] = ''
    if want(TAXONOMY):
        item[TAXONOMY] = [site.term_ids[s] for s in entry.categories if s in site.term_ids]
    if want('class_list'):
        item['class_list'] = ['post-%d' % entry.id, POST_TYPE, 'type-' + POST_TYPE,
                              'status-' + entry.status, 'hentry'] + [
            '%s-%s' % (TAXONOMY, slug) for slug in entry.categories]
    if want('yoast_head') or want('yoast_head_json'):
        head, head_json = yoast_fields(entry, site.settings)
        if want('yoast_head'):
            item['yoast_head'] = head
        if want('yoast_head_json'):
            item['yoast_head_json'] = head_json
    if want('_links'):
        item['_links'] = post_links(site, entry.id)
    return item


def term_link(site, category):
    return '%s/faq-category/%s/' % (site.settings.site_url, category.slug)


def term_item(category, count, site, wanted=None):
    """One ``wp/v2/faq-categories`` term, shaped as ``seed/faq-categories.json``."""
    def want(name):
        return wanted is None or name in wanted

    item = {}
    for name, value in (
            ('id', lambda: category.id), ('count', lambda: count),
            ('description', lambda: category.description),
            ('link', lambda: term_link(site, category)),
            ('name', lambda: html.escape(category.name, quote=False)),
            ('slug', lambda: category.slug), ('taxonomy', lambda: TAXONOMY),
            ('parent', lambda: 0)):
        if want(name):
            item[name] = value()
    if want('_links'):
        item['_links'] = {
            'self': [{'href': site.route('%s/%s/%d' % (NAMESPACE, TAXONOMY, category.id))}],
            'collection': [{'href': site.route('%s/%s' % (NAMESPACE, TAXONOMY))}],
            'about': [{'href': site.route('%s/taxonomies/%s' % (NAMESPACE, TAXONOMY))}],
            'wp:post_type': [{'href': site.route('%s/%s?%s=%d' % (
                NAMESPACE, POST_TYPE, TAXONOMY, category.id))}],
            'curies': CURIES,
        }
    return item


def field_tree(query):
    """``_fields`` as a nested dict (``True`` = the whole value), or None."""
    present, fields = query.array('_fields')
    if not present:
        return None
    tree = {}
    for field in fields:
        parts = field.strip().split('.')
        node = tree
        for part in parts[:-1]:
            if node.get(part) is True:
                break
            node = node.setdefault(part, {})
        else:
            node[parts[-1]] = True
    return tree


def filter_fields(data, tree):
    """``rest_filter_response_fields``: keep what ``_fields`` names, in data order."""
    if tree is None:
        return data
    if isinstance(data, list):
        return [filter_fields(item, tree) for item in data]
    if not isinstance(data, dict):
        return data
    kept = {}
    for key, value in data.items():
        if key not in tree:
            continue
        sub = tree[key]
        kept[key] = filter_fields(value, sub) if isinstance(sub, dict) \
            and isinstance(value, dict) else value
    return kept


def _wanted(tree, context, all_fields, embed_fields):
    fields = embed_fields if context == 'embed' else all_fields
    if tree is not None:
        return frozenset(f for f in fields if f in tree)
    return None if context != 'embed' else frozenset(fields)


# -- responses ----------------------------------------------------------------

def _api_link(site_url):
    return '<%s/wp-json/>; rel="%s"' % (site_url, API_REL)


def json_response(body, query=None, status=200, headers=None, links=()):
    settings = get_settings()
    pretty = query is not None and query.last('_pretty') not in (None, '0', 'false')
    text = json.dumps(body, ensure_ascii=False, indent=2 if pretty else None,
                      separators=None if pretty else (',', ':'))
    all_headers = {'Content-Type': JSON_TYPE, 'X-Robots-Tag': 'noindex',
                   'X-Content-Type-Options': 'nosniff',
                   'Access-Control-Expose-Headers': ', '.join(EXPOSED_HEADERS),
                   'Link': ', '.join((_api_link(settings.site_url),) + tuple(links))}
    all_headers.update(headers or {})
    return Response(body=text, status_code=status, headers=all_headers)


def error_response(error):
    return json_response(error.body(), status=error.status)


def endpoint(handler):
    """Answer ``ApiError`` (and anything unexpected) as WordPress-shaped JSON."""
    @functools.wraps(handler)
    def wrapper(request, *args):
        try:
            return handler(Query(request), *args)
        except ApiError as error:
            return error_response(error)
        except ChaliceUnhandledError:
            raise           # DynamoDB unavailable: the app's middleware answers 503
        except Exception:   # never a stack trace or Chalice's own 500 body
            log.exception('WordPress API request failed')
            return error_response(ApiError(
                'internal_server_error',
                'There has been a critical error on this website.', 500))
    return wrapper


def _forbid_edit(values, message):
    if values.get('context') == 'edit':
        raise ApiError('rest_forbidden_context', message, 401)


def _paging_links(site, route, query, page, max_pages):
    """``Link`` values for the previous and next pages, keeping every parameter."""
    def url(number):
        pairs = [(k, v) for k, v in query.pairs if k != 'page']
        return site.route(route) + '?' + urlencode(pairs + [('page', str(number))])
    links = []
    if page > 1 and min(page - 1, max_pages) >= 1:
        links.append('<%s>; rel="prev"' % url(min(page - 1, max_pages)))
    if max_pages > page:
        links.append('<%s>; rel="next"' % url(page + 1))
    return links


def _collection(items, query, tree, site, route, total, page, per_page):
    max_pages = int(math.ceil(total / per_page)) if total else 0
    links = _paging_links(site, route, query, page, max_pages)
    return json_response(filter_fields(items, tree), query, headers={
        'X-WP-Total': str(total), 'X-WP-TotalPages': str(max_pages)}, links=tuple(links))


# -- search -------------------------------------------------------------------

STOPWORDS = frozenset(
    'about an are as at be by com for from how in is it of on or that the this to was '
    'what when where who will with www'.split())
_SEARCH_TERMS = re.compile(r'".*?("|$)|((?<=[\t ",+])|^)[^\t ",+]+')


def fold(text):
    """Case- and accent-insensitive form, as MySQL's ``_ci`` collations compare."""
    if not text or text.isascii():
        return (text or '').lower()
    decomposed = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class Search:
    """``WP_Query``'s search: terms, exclusions and relevance ranking."""
    sentence: str
    terms: list         # (folded term, excluded?)
    count: int          # raw terms, before stopwords were dropped

    @classmethod
    def parse(cls, text):
        text = text.replace('\r', '').replace('\n', '')
        matches = [m.group(0) for m in _SEARCH_TERMS.finditer(text)]
        terms = []
        for raw in matches:
            term = raw.strip('"\'') if re.match(r'^".+"$', raw) else raw.strip('"\' ')
            if not term or (len(term) == 1 and re.match(r'^[a-z\-]$', term, re.I)):
                continue
            if term.lower() in STOPWORDS:
                continue
            terms.append(term)
        if not terms or len(terms) > 9:
            terms = [text]
        parsed = []
        for term in terms:
            excluded = term.startswith('-') and len(term) > 1
            parsed.append((fold(term[1:] if excluded else term), excluded))
        return cls(fold(text), parsed, max(1, len(matches)))

    def matches(self, fields):
        for term, excluded in self.terms:
            found = any(term in value for value in fields)
            if found == excluded:
                return False
        return True

    def rank(self, title, excerpt, body):
        """1 (best) to 6, as ``WP_Query::parse_search_order``."""
        wanted = [t for t, excluded in self.terms if not excluded]
        if self.count > 1:
            sentence = '' if re.search(r'(?:\s|^)-', self.sentence) else self.sentence
            if sentence and sentence in title:
                return 1
            if wanted and len(wanted) < 7 and all(t in title for t in wanted):
                return 2
            if len(wanted) > 1 and any(t in title for t in wanted):
                return 3
            if sentence and sentence in excerpt:
                return 4
            if sentence and sentence in body:
                return 5
            return 6
        return 1 if wanted and wanted[0] in title else 2


# -- the routes ---------------------------------------------------------------

def _post_filters(values, site):
    """Predicates over entries for the collection's filter parameters."""
    tests = []
    include, exclude = values['include'], values['exclude']
    if include:
        allowed = set(include)
        tests.append(lambda e: e.id in allowed)
    if exclude:
        banned = set(exclude)
        tests.append(lambda e: e.id not in banned)
    if values['slug']:
        slugs = {s.strip().lower() for s in values['slug']}
        tests.append(lambda e: e.slug in slugs)
    for name, attribute, after in (('after', 'created', True), ('before', 'created', False),
                                   ('modified_after', 'modified', True),
                                   ('modified_before', 'modified', False)):
        moment = values[name]
        if moment is not None:
            tests.append((lambda a, m: lambda e: getattr(e, a) > m)(attribute, moment)
                         if after else
                         (lambda a, m: lambda e: getattr(e, a) < m)(attribute, moment))
    tax_tests = []
    include_terms, exclude_terms = values[TAXONOMY], values[TAXONOMY + '_exclude']
    if include_terms and include_terms['terms']:
        slugs = {site.term_slugs.get(t) for t in include_terms['terms']} - {None}
        if include_terms['operator'] == 'AND':
            needed = len(set(include_terms['terms']))
            tax_tests.append(lambda e: len(slugs) == needed and slugs <= set(e.categories))
        else:
            tax_tests.append(lambda e: bool(slugs & set(e.categories)))
    if exclude_terms and exclude_terms['terms']:
        banned_slugs = {site.term_slugs.get(t) for t in exclude_terms['terms']} - {None}
        tax_tests.append(lambda e: not banned_slugs & set(e.categories))
    if tax_tests:
        if values['tax_relation'] == 'OR':
            tests.append(lambda e: any(t(e) for t in tax_tests))
        else:
            tests.extend(tax_tests)
    return tests


def _search_fields(entry, columns):
    columns = columns or SEARCH_COLUMNS
    return (fold(entry.title) if 'post_title' in columns else '',
            fold(entry.description) if 'post_excerpt' in columns else '',
            fold(html_content.plain_text(entry.content)) if 'post_content' in columns else '')


def _sort_posts(entries, values, search, searched):
    orderby, descending = values['orderby'], values['order'] == 'desc'
    if orderby == 'include':
        position = {entry_id: n for n, entry_id in enumerate(values['include'])}
        return sorted(entries, key=lambda e: position.get(e.id, len(position)))
    if orderby == 'include_slugs':
        position = {slug: n for n, slug in enumerate(values['slug'] or ())}
        return sorted(entries, key=lambda e: position.get(e.slug, len(position)))
    if orderby == 'relevance':
        ranked = sorted(entries, key=lambda e: (e.created, e.id), reverse=descending)
        return sorted(ranked, key=lambda e: search.rank(*searched[e.id]))
    key = {
        'date': lambda e: (e.created, e.id),
        'modified': lambda e: (e.modified, e.id),
        'id': lambda e: e.id,
        'title': lambda e: (fold(e.title), e.id),
        'slug': lambda e: (e.slug, e.id),
    }[orderby]
    return sorted(entries, key=key, reverse=descending)


@endpoint
def list_faqs(query):
    """``GET /wp-json/wp/v2/faq``."""
    values = query.parse(POST_COLLECTION)
    _forbid_edit(values, 'Sorry, you are not allowed to edit posts in this post type.')
    if any(status != 'publish' for status in values['status']):
        raise ApiError('rest_forbidden_status', 'Status is forbidden.', 401)
    search_text = values['search'] or ''
    if values['orderby'] == 'relevance' and not search_text:
        raise ApiError('rest_no_search_term_defined',
                       'You need to define a search term to order by relevance.', 400)
    if values['orderby'] == 'include' and not values['include']:
        raise ApiError('rest_orderby_include_missing_include',
                       'You need to define an include parameter to order by include.', 400)
    tree = field_tree(query)
    wanted = _wanted(tree, values['context'], POST_FIELDS, POST_EMBED_FIELDS)
    search = Search.parse(search_text) if search_text else None
    needs_body = search is not None or wanted is None or bool(BODY_FIELDS & wanted)

    site = Site()
    entries = site.repository.all_by_status('publish', content=needs_body)
    tests = _post_filters(values, site)
    searched = {}
    if search is not None:
        columns = values['search_columns']
        searched = {e.id: _search_fields(e, columns) for e in entries}
        tests.append(lambda e: search.matches(searched[e.id]))
    matched = [e for e in entries if all(test(e) for test in tests)]
    matched = _sort_posts(matched, values, search, searched)

    total, page, per_page = len(matched), values['page'], values['per_page']
    max_pages = int(math.ceil(total / per_page))
    if page > max_pages and total > 0:
        raise ApiError('rest_post_invalid_page_number', 'The page number requested is '
                       'larger than the number of pages available.', 400)
    start = abs(values['offset']) if values['offset'] is not None else (page - 1) * per_page
    items = [post_item(e, site, wanted) for e in matched[start:start + per_page]]
    return _collection(items, query, tree, site, '%s/%s' % (NAMESPACE, POST_TYPE),
                       total, page, per_page)


def _positive_id(raw):
    if not isinstance(raw, str) or not raw.isdigit() or not raw.isascii():
        raise no_route_error()      # WordPress's route pattern is (?P<id>[\d]+)
    return int(raw)


@endpoint
def get_faq(query, raw_id):
    """``GET /wp-json/wp/v2/faq/{id}``: published entries only."""
    entry_id = _positive_id(raw_id)
    values = query.parse(POST_ITEM)
    if entry_id < 1 or entry_id > 2 ** 63:
        raise invalid_post_id()
    site = Site()
    entry = site.repository.get_by_id(entry_id)
    if entry is None or not entry.is_published:
        raise invalid_post_id()
    _forbid_edit(values, 'Sorry, you are not allowed to edit this post.')
    tree = field_tree(query)
    wanted = _wanted(tree, values['context'], POST_FIELDS, POST_EMBED_FIELDS)
    item = post_item(entry, site, wanted)
    alternate = '<%s>; rel="alternate"; type="text/html"' % post_link(site, entry)
    return json_response(filter_fields(item, tree), query, headers={'Allow': 'GET'},
                         links=(alternate,))


def _term_counts(site):
    counts = {}
    for entry in site.repository.all_by_status('publish'):
        for slug in entry.categories:
            counts[slug] = counts.get(slug, 0) + 1
    return counts


@endpoint
def list_terms(query):
    """``GET /wp-json/wp/v2/faq-categories``."""
    values = query.parse(TERM_COLLECTION)
    _forbid_edit(values, 'Sorry, you are not allowed to edit terms in this taxonomy.')
    tree = field_tree(query)
    wanted = _wanted(tree, values['context'], TERM_FIELDS, TERM_EMBED_FIELDS)
    site = Site()
    categories = list(site.categories)
    if values['post'] is not None:
        entry = site.repository.get_by_id(values['post']) if values['post'] > 0 else None
        if entry is None or not entry.is_published:
            raise ApiError('rest_post_invalid_id', 'Invalid post ID.', 400)
        categories = [c for c in categories if c.slug in entry.categories]
    needs_counts = values['hide_empty'] or values['orderby'] == 'count' \
        or wanted is None or 'count' in wanted
    counts = _term_counts(site) if needs_counts else {}
    tests = []
    if values['include']:
        tests.append(lambda c: c.id in set(values['include']))
    if values['exclude']:
        tests.append(lambda c: c.id not in set(values['exclude']))
    if values['slug']:
        tests.append(lambda c: c.slug in {s.strip().lower() for s in values['slug']})
    if values['search']:
        needle = fold(values['search'])
        tests.append(lambda c: needle in fold(c.name) or needle in fold(c.slug))
    if values['hide_empty']:
        tests.append(lambda c: counts.get(c.slug, 0) > 0)
    if values['parent']:
        tests.append(lambda c: False)      # every term here is top-level
    matched = [c for c in categories if all(test(c) for test in tests)]
    orderby, descending = values['orderby'], values['order'] == 'desc'
    if orderby == 'include' and values['include']:
        position = {i: n for n, i in enumerate(values['include'])}
        matched.sort(key=lambda c: position.get(c.id, len(position)))
    elif orderby == 'include_slugs' and values['slug']:
        position = {s: n for n, s in enumerate(values['slug'])}
        matched.sort(key=lambda c: position.get(c.slug, len(position)))
    else:
        key = {'id': lambda c: c.id, 'slug': lambda c: c.slug,
               'description': lambda c: (fold(c.description), c.id),
               'count': lambda c: (counts.get(c.slug, 0), c.id),
               'term_group': lambda c: c.id}.get(orderby, lambda c: (fold(c.name), c.id))
        matched.sort(key=key, reverse=descending)
    per_page = values['per_page']
    start = values['offset'] if values['offset'] else (values['page'] - 1) * per_page
    start = abs(start)
    page = int(math.ceil(start / per_page)) + 1
    items = [term_item(c, counts.get(c.slug, 0), site, wanted)
             for c in matched[start:start + per_page]]
    return _collection(items, query, tree, site, '%s/%s' % (NAMESPACE, TAXONOMY),
                       len(matched), page, per_page)


@endpoint
def get_term(query, raw_id):
    """``GET /wp-json/wp/v2/faq-categories/{id}``."""
    term_id = _positive_id(raw_id)
    values = query.parse(TERM_ITEM)
    site = Site()
    category = next((c for c in site.categories if c.id == term_id), None)
    if category is None:
        raise ApiError('rest_term_invalid', 'Term does not exist.', 404)
    _forbid_edit(values, 'Sorry, you are not allowed to edit this term.')
    tree = field_tree(query)
    wanted = _wanted(tree, values['context'], TERM_FIELDS, TERM_EMBED_FIELDS)
    counts = _term_counts(site) if wanted is None or 'count' in wanted else {}
    return json_response(filter_fields(term_item(category, counts.get(category.slug, 0),
                                                 site, wanted), tree), query)


def post_type_object(site):
    return {
        'description': '', 'hierarchical': False, 'has_archive': True,
        'name': render.FAQ_INDEX_NAME, 'slug': POST_TYPE, 'icon': None,
        'taxonomies': [TAXONOMY], 'rest_base': POST_TYPE, 'rest_namespace': NAMESPACE,
        '_links': {'collection': [{'href': site.route(NAMESPACE + '/types')}],
                   'wp:items': [{'href': site.route('%s/%s' % (NAMESPACE, POST_TYPE))}],
                   'curies': CURIES},
    }


def taxonomy_object(site):
    return {
        'name': 'FAQ Categories', 'slug': TAXONOMY, 'description': '',
        'types': [POST_TYPE], 'hierarchical': True, 'rest_base': TAXONOMY,
        'rest_namespace': NAMESPACE,
        '_links': {'collection': [{'href': site.route(NAMESPACE + '/taxonomies')}],
                   'wp:items': [{'href': site.route('%s/%s' % (NAMESPACE, TAXONOMY))}],
                   'curies': CURIES},
    }


def _no_edit(query, params):
    values = query.parse(params)
    _forbid_edit(values, 'Sorry, you are not allowed to manage this resource.')
    return values


@endpoint
def list_types(query):
    """``GET /wp-json/wp/v2/types``: the one public post type."""
    _no_edit(query, TYPE_COLLECTION)
    site = Site()
    return json_response(filter_fields({POST_TYPE: post_type_object(site)},
                                       field_tree(query)), query)


@endpoint
def get_type(query, name):
    """``GET /wp-json/wp/v2/types/{type}``."""
    _no_edit(query, TYPE_COLLECTION)
    if name != POST_TYPE:
        raise ApiError('rest_type_invalid', 'Invalid post type.', 404)
    return json_response(filter_fields(post_type_object(Site()), field_tree(query)), query)


@endpoint
def list_taxonomies(query):
    """``GET /wp-json/wp/v2/taxonomies`` (``?type=faq`` filters)."""
    values = _no_edit(query, TAXONOMY_COLLECTION)
    site = Site()
    found = {TAXONOMY: taxonomy_object(site)} if values['type'] in (None, POST_TYPE) else {}
    return json_response(filter_fields(found, field_tree(query)), query)


@endpoint
def get_taxonomy(query, name):
    """``GET /wp-json/wp/v2/taxonomies/{taxonomy}``."""
    _no_edit(query, TAXONOMY_COLLECTION[:1])
    if name != TAXONOMY:
        raise ApiError('rest_taxonomy_invalid', 'Invalid taxonomy.', 404)
    return json_response(filter_fields(taxonomy_object(Site()), field_tree(query)), query)


# -- discovery: the index documents -------------------------------------------

@dataclass(frozen=True)
class Route:
    """A WordPress route this site answers, and the Chalice path serving it."""
    pattern: str           # WordPress's route, as the index names it
    path: str              # the Chalice route
    summary: str
    params: tuple
    path_params: tuple = ()     # (name, description)


ROUTES = (
    Route('/', '/wp-json', 'The API index: site, namespaces and routes.', INDEX_PARAMS),
    Route('/' + NAMESPACE, '/wp-json/wp/v2', 'The wp/v2 namespace index.', INDEX_PARAMS),
    Route('/%s/%s' % (NAMESPACE, POST_TYPE), '/wp-json/wp/v2/faq',
          'Published FAQs, newest first.', POST_COLLECTION),
    Route('/%s/%s/(?P<id>[\\d]+)' % (NAMESPACE, POST_TYPE), '/wp-json/wp/v2/faq/{id}',
          'One published FAQ.', POST_ITEM,
          (('id', 'Unique identifier for the post.'),)),
    Route('/%s/%s' % (NAMESPACE, TAXONOMY), '/wp-json/wp/v2/faq-categories',
          'FAQ categories.', TERM_COLLECTION),
    Route('/%s/%s/(?P<id>[\\d]+)' % (NAMESPACE, TAXONOMY),
          '/wp-json/wp/v2/faq-categories/{id}', 'One FAQ category.', TERM_ITEM,
          (('id', 'Unique identifier for the term.'),)),
    Route('/%s/types' % NAMESPACE, '/wp-json/wp/v2/types', 'Public post types.',
          TYPE_COLLECTION),
    Route('/%s/types/(?P<type>[\\w-]+)' % NAMESPACE, '/wp-json/wp/v2/types/{type}',
          'One post type.', TYPE_COLLECTION,
          (('type', 'An alphanumeric identifier for the post type.'),)),
    Route('/%s/taxonomies' % NAMESPACE, '/wp-json/wp/v2/taxonomies',
          'Public taxonomies.', TAXONOMY_COLLECTION),
    Route('/%s/taxonomies/(?P<taxonomy>[\\w-]+)' % NAMESPACE,
          '/wp-json/wp/v2/taxonomies/{taxonomy}', 'One taxonomy.', TAXONOMY_COLLECTION[:1],
          (('taxonomy', 'An alphanumeric identifier for the taxonomy.'),)),
)



def _route_document(route, site):
    args = {}
    for name, description in route.path_params:
        args[name] = {'description': description,
                      'type': 'integer' if name == 'id' else 'string', 'required': False}
    for param in route.params:
        args[param.name] = param.wp_arg()
    namespace = '' if route.pattern == '/' else NAMESPACE
    document = {'namespace': namespace, 'methods': ['GET'],
                'endpoints': [{'methods': ['GET'], 'args': args}]}
    if not route.path_params:
        href = site.api + route.pattern if route.pattern != '/' else site.api + '/'
        document['_links'] = {'self': [{'href': href}]}
    return document


@endpoint
def index(query):
    """``GET /wp-json/``: what WordPress's discovery clients read first."""
    query.parse(INDEX_PARAMS)
    site = Site()
    settings = site.settings
    body = {
        'name': settings.site_name, 'description': settings.site_tagline,
        'url': settings.site_url, 'home': settings.site_url,
        'gmt_offset': 0, 'timezone_string': 'UTC',
        'page_for_posts': 0, 'page_on_front': 0, 'show_on_front': 'posts',
        'namespaces': [NAMESPACE], 'authentication': [],
        'routes': {route.pattern: _route_document(route, site) for route in ROUTES},
        'site_logo': 0, 'site_icon': 0, 'site_icon_url': '',
        '_links': {'help': [{'href': 'https://developer.wordpress.org/rest-api/'}]},
    }
    return json_response(filter_fields(body, field_tree(query)), query)


@endpoint
def namespace_index(query):
    """``GET /wp-json/wp/v2``."""
    query.parse(INDEX_PARAMS)
    site = Site()
    body = {'namespace': NAMESPACE,
            'routes': {route.pattern: _route_document(route, site) for route in ROUTES
                       if route.pattern.startswith('/' + NAMESPACE)},
            '_links': {'up': [{'href': site.api + '/'}]}}
    return json_response(filter_fields(body, field_tree(query)), query)


@endpoint
def no_route(query):
    """Any other path under ``/wp-json/``."""
    raise no_route_error()
