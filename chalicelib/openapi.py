"""The OpenAPI 3.1 document of the site's JSON APIs, served at ``/openapi.json``.

Two sections, merged into one document:

* the public, read-only WordPress-compatible API (``/wp-json/...``), built
  here from the route table of :mod:`chalicelib.wordpress.discovery` and the
  parameter tables of :mod:`chalicelib.wordpress.params`, so the document cannot drift from
  what the handlers parse;
* the admin JSON API (``/admin/api/...``), read from
  ``chalicelib/admin/openapi.json`` (its ``paths``, ``components`` and
  ``tags``), which whoever writes an admin route documents there.

``tests/test_openapi.py`` checks every route registered on the app under the
documented prefixes against this document, and every documented operation
against the app.  The document is built on first request and kept for the
life of the Lambda container (per site URL).
"""
import json
import os
import re

from chalice import Response

from .settings import get_settings
from .wordpress import params as wp_params
from .wordpress.discovery import ROUTES as WP_ROUTES
from .wordpress.routes import CATCH_ROUTES as WP_CATCH_ROUTES

ADMIN_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'admin', 'openapi.json')
OPENAPI_VERSION = '3.1.0'
API_VERSION = '1.0.0'
WP_TAG = 'WordPress REST API'
HTTP_METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace')

_documents = {}


def _ref(name, kind='schemas'):
    return {'$ref': '#/components/%s/%s' % (kind, name)}


def operation_id(method, path):
    return method + '_' + re.sub(r'[^A-Za-z0-9]+', '_', path).strip('_')


# -- schemas ------------------------------------------------------------------

# No property of a successful response is `required`: `_fields` may name any
# subset, nested ones too (`_fields=title.rendered`), and `context=embed`
# drops fields; tests/test_openapi.py checks that full items have every field.
_RENDERED = {'type': 'object', 'properties': {'rendered': {'type': 'string'}}}
_RENDERED_PROTECTED = {'type': 'object', 'properties': {
    'rendered': {'type': 'string'}, 'protected': {'type': 'boolean'}}}
_LINK_LIST = {'type': 'array', 'items': {'type': 'object', 'properties': {
    'href': {'type': 'string', 'format': 'uri'}}, 'required': ['href']}}
_URL_SLUG = {'type': 'string', 'pattern': r'^[a-z0-9%-]+$',
             'description': 'As WordPress gives it: a non-ASCII character percent-encoded '
                            'in UTF-8 with lowercase hex (`%c3%a9tudes`), as in `link`.'}
_DATE = {'type': 'string', 'description': 'Site time (UTC here), no offset: '
         '2025-12-17T09:02:33.', 'pattern': r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$'}

SCHEMAS = {
    'WpError': {
        'type': 'object', 'description': "WordPress's error shape.",
        'properties': {
            'code': {'type': 'string', 'examples': [
                'rest_post_invalid_id', 'rest_post_invalid_page_number',
                'rest_invalid_param', 'rest_no_search_term_defined',
                'rest_orderby_include_missing_include', 'rest_no_route',
                'rest_term_invalid', 'rest_forbidden_context', 'rest_forbidden_status']},
            'message': {'type': 'string'},
            'data': {'type': 'object', 'properties': {
                'status': {'type': 'integer'},
                'params': {'type': 'object', 'description': 'rest_invalid_param only: '
                           'parameter name -> what is wrong with it.',
                           'additionalProperties': {'type': 'string'}},
                'details': {'type': 'object'}}, 'required': ['status']}},
        'required': ['code', 'message', 'data']},
    'FaqPost': {
        'type': 'object',
        'description': 'A published FAQ, as WordPress answers a `faq` post. With '
                       '`_fields` or `context=embed` only the named fields are present.',
        'properties': {
            'id': {'type': 'integer'}, 'date': _DATE, 'date_gmt': _DATE,
            'guid': _RENDERED, 'modified': _DATE, 'modified_gmt': _DATE,
            'slug': _URL_SLUG, 'status': {'type': 'string', 'enum': ['publish']},
            'type': {'type': 'string', 'enum': ['faq']},
            'link': {'type': 'string', 'format': 'uri'},
            'title': _RENDERED, 'content': _RENDERED_PROTECTED,
            'excerpt': _RENDERED_PROTECTED, 'template': {'type': 'string'},
            'faq-categories': {'type': 'array', 'items': {'type': 'integer'},
                               'description': 'Term ids of the faq-categories taxonomy.'},
            'class_list': {'type': 'array', 'items': {'type': 'string'}},
            'yoast_head': {'type': 'string', 'description': 'The SEO tags of the page head.'},
            'yoast_head_json': _ref('YoastHead'),
            '_links': {'type': 'object', 'properties': {
                'self': _LINK_LIST, 'collection': _LINK_LIST, 'about': _LINK_LIST,
                'wp:term': _LINK_LIST, 'curies': {'type': 'array'}}},
        }},
    'YoastHead': {
        'type': 'object',
        'description': "Yoast SEO's head fields, from this site's own page head: "
                       'its schema @graph also holds a schema.org FAQPage node.',
        'properties': {
            'title': {'type': 'string'}, 'description': {'type': 'string'},
            'robots': {'type': 'object', 'additionalProperties': {'type': 'string'}},
            'canonical': {'type': 'string', 'format': 'uri'},
            'og_locale': {'type': 'string'}, 'og_type': {'type': 'string'},
            'og_title': {'type': 'string'}, 'og_description': {'type': 'string'},
            'og_url': {'type': 'string', 'format': 'uri'}, 'og_site_name': {'type': 'string'},
            'article_published_time': {'type': 'string'},
            'article_modified_time': {'type': 'string'},
            'twitter_card': {'type': 'string'},
            'twitter_misc': {'type': 'object', 'additionalProperties': {'type': 'string'}},
            'schema': {'type': 'object', 'properties': {
                '@context': {'type': 'string'},
                '@graph': {'type': 'array', 'items': {'type': 'object'}}}}}},
    'FaqCategory': {
        'type': 'object', 'description': 'A term of the faq-categories taxonomy.',
        'properties': {
            'id': {'type': 'integer', 'description': 'The WordPress term id.'},
            'count': {'type': 'integer', 'description': 'Published FAQs in it.'},
            'description': {'type': 'string'}, 'link': {'type': 'string', 'format': 'uri'},
            'name': {'type': 'string'}, 'slug': _URL_SLUG,
            'taxonomy': {'type': 'string', 'enum': ['faq-categories']},
            'parent': {'type': 'integer'},
            '_links': {'type': 'object'}}},
    'RestIndex': {
        'type': 'object', 'properties': {
            'name': {'type': 'string'}, 'description': {'type': 'string'},
            'url': {'type': 'string'}, 'home': {'type': 'string'},
            'namespaces': {'type': 'array', 'items': {'type': 'string'}},
            'routes': {'type': 'object', 'additionalProperties': _ref('RouteDescription')},
            '_links': {'type': 'object'}}},
    'NamespaceIndex': {
        'type': 'object', 'properties': {
            'namespace': {'type': 'string'},
            'routes': {'type': 'object', 'additionalProperties': _ref('RouteDescription')},
            '_links': {'type': 'object'}}},
    'RouteDescription': {
        'type': 'object', 'properties': {
            'namespace': {'type': 'string'},
            'methods': {'type': 'array', 'items': {'type': 'string'}},
            'endpoints': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'methods': {'type': 'array', 'items': {'type': 'string'}},
                'args': {'type': 'object'}}}}}},
    'PostType': {
        'type': 'object', 'properties': {
            'name': {'type': 'string'}, 'slug': {'type': 'string'},
            'taxonomies': {'type': 'array', 'items': {'type': 'string'}},
            'rest_base': {'type': 'string'}, 'rest_namespace': {'type': 'string'}}},
    'Taxonomy': {
        'type': 'object', 'properties': {
            'name': {'type': 'string'}, 'slug': {'type': 'string'},
            'types': {'type': 'array', 'items': {'type': 'string'}},
            'hierarchical': {'type': 'boolean'}, 'rest_base': {'type': 'string'}}},
}

HEADERS = {
    'X-WP-Total': {'description': 'Items matching the query, on every page.',
                   'schema': {'type': 'integer'}},
    'X-WP-TotalPages': {'description': 'Pages of `per_page` items.',
                        'schema': {'type': 'integer'}},
    'Link': {'description': 'The API root (`rel="https://api.w.org/"`) and, on '
                            'collections, `rel="prev"`/`rel="next"` pages.',
             'schema': {'type': 'string'}},
}


def _error(description):
    return {'description': description,
            'content': {'application/json': {'schema': _ref('WpError')}}}


RESPONSES = {
    'BadRequest': _error('A parameter is invalid (`rest_invalid_param`, naming it in '
                         '`data.params`), or the combination is (`rest_no_search_term_'
                         'defined`, `rest_orderby_include_missing_include`, '
                         '`rest_post_invalid_page_number`).'),
    'Unauthorized': _error('What needs a login on WordPress (`context=edit`, another '
                           '`status`): `rest_forbidden_context`, `rest_forbidden_status`.'),
    'NotFound': _error('`rest_post_invalid_id`, `rest_term_invalid`, `rest_type_invalid`, '
                       '`rest_taxonomy_invalid` or `rest_no_route`.'),
}


# -- the public section -------------------------------------------------------

def parameter_schema(param):
    """JSON Schema of one :class:`wp_params.Param`."""
    schema = param.constraints()
    if param.default is not None:
        default = param.default
        schema['default'] = list(default) if isinstance(default, tuple) else (
            [default] if param.type == 'array' else default)
    return schema


_TERM_IDS = {'type': 'array', 'items': {'type': 'integer'}}


def query_parameters(param):
    """The query parameters of one :class:`wp_params.Param`: one, or for a
    taxonomy filter three, its id list and the two keys of its advanced form
    (``faq-categories[terms]=11,12&faq-categories[operator]=AND``), each a
    query parameter of its own, the way WordPress reads them."""
    if param.type == 'terms':
        name = param.name
        return [
            {'name': name, 'in': 'query', 'required': False, 'style': 'form',
             'explode': False, 'schema': dict(_TERM_IDS),
             'description': param.description + ' A comma list of term ids; `%s[]=` '
                            'repeats also work.' % name},
            {'name': name + '[terms]', 'in': 'query', 'required': False, 'style': 'form',
             'explode': False, 'schema': dict(_TERM_IDS),
             'description': 'The term ids of the advanced form of `%s`.' % name},
            {'name': name + '[operator]', 'in': 'query', 'required': False,
             'schema': {'type': 'string', 'enum': ['AND', 'OR'], 'default': 'OR'},
             'description': 'Whether items must have all the terms (AND) or any (OR).'}]
    parameter = {'name': param.name, 'in': 'query', 'required': False,
                 'description': param.description, 'schema': parameter_schema(param)}
    if param.type == 'array':
        parameter.update(style='form', explode=False)
        parameter['description'] += ' A comma list; `name[]=` repeats also work.'
    return [parameter]


def path_parameter(name, description, integer=False):
    return {'name': name, 'in': 'path', 'required': True, 'description': description,
            'schema': {'type': 'integer', 'minimum': 1} if integer else {'type': 'string'}}


_ROUTE_RESULTS = {
    '/wp-json': (_ref('RestIndex'), False),
    '/wp-json/wp/v2': (_ref('NamespaceIndex'), False),
    '/wp-json/wp/v2/faq': ({'type': 'array', 'items': _ref('FaqPost')}, True),
    '/wp-json/wp/v2/faq/{id}': (_ref('FaqPost'), False),
    '/wp-json/wp/v2/faq-categories': ({'type': 'array', 'items': _ref('FaqCategory')}, True),
    '/wp-json/wp/v2/faq-categories/{id}': (_ref('FaqCategory'), False),
    '/wp-json/wp/v2/types': ({'type': 'object', 'additionalProperties': _ref('PostType')},
                             False),
    '/wp-json/wp/v2/types/{type}': (_ref('PostType'), False),
    '/wp-json/wp/v2/taxonomies': ({'type': 'object',
                                   'additionalProperties': _ref('Taxonomy')}, False),
    '/wp-json/wp/v2/taxonomies/{taxonomy}': (_ref('Taxonomy'), False),
}


def _route_operation(route):
    schema, paged = _ROUTE_RESULTS[route.path]
    ok = {'description': 'OK', 'headers': {'Link': HEADERS['Link']},
          'content': {'application/json': {'schema': schema}}}
    if paged:
        ok['headers'] = dict(HEADERS)
    parameters = [path_parameter(name, text, integer=name == 'id')
                  for name, text in route.path_params]
    parameters += [parameter for p in route.params + wp_params.GLOBAL_PARAMS
                   for parameter in query_parameters(p)]
    responses = {'200': ok, '400': _ref('BadRequest', 'responses'),
                 '401': _ref('Unauthorized', 'responses'),
                 '404': _ref('NotFound', 'responses')}
    return {'tags': [WP_TAG], 'summary': route.summary,
            'description': 'WordPress route `%s`.' % route.pattern,
            'operationId': operation_id('get', route.path),
            'parameters': parameters, 'responses': responses}


def _catch_operation(path):
    names = re.findall(r'{(\w+)}', path)
    return {'tags': [WP_TAG], 'summary': 'Any other route: `rest_no_route`.',
            'description': 'Chalice has no greedy routes; this catches unknown paths '
                           'of this depth under /wp-json/.',
            'operationId': operation_id('get', path),
            'parameters': [path_parameter(n, 'Any segment.') for n in names],
            'responses': {'404': _ref('NotFound', 'responses')}}


def public_paths():
    """The ``/wp-json/`` routes and ``/openapi.json`` itself."""
    paths = {route.path: {'get': _route_operation(route)} for route in WP_ROUTES}
    for path in WP_CATCH_ROUTES:
        paths[path] = {'get': _catch_operation(path)}
    paths['/openapi.json'] = {'get': {
        'tags': ['Documentation'], 'summary': 'This OpenAPI document.',
        'operationId': operation_id('get', '/openapi.json'),
        'responses': {'200': {'description': 'OpenAPI 3.1',
                              'content': {'application/json': {
                                  'schema': {'type': 'object'}}}}}}}
    return paths


# -- the admin section --------------------------------------------------------

def admin_section():
    """``paths``, ``components`` and ``tags`` of the admin JSON API.

    Kept in ``admin/openapi.json``, beside the admin's code, so the admin API's
    authors document their routes without touching the public section.
    """
    try:
        with open(ADMIN_FILE, encoding='utf-8') as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return {'paths': {}, 'components': {}, 'tags': []}
    return {'paths': data.get('paths') or {}, 'components': data.get('components') or {},
            'tags': data.get('tags') or []}


# -- the document -------------------------------------------------------------

def document(site_url=None):
    """The whole document (a fresh dict; cache it with :func:`cached_document`)."""
    settings = get_settings()
    site_url = site_url or settings.site_url
    admin = admin_section()
    components = {'schemas': dict(SCHEMAS), 'responses': dict(RESPONSES)}
    for kind, entries in admin['components'].items():
        components.setdefault(kind, {}).update(entries)
    paths = public_paths()
    for path, item in admin['paths'].items():
        paths.setdefault(path, {}).update(item)
    return {
        'openapi': OPENAPI_VERSION,
        'info': {'title': '%s FAQ API' % settings.site_name, 'version': API_VERSION,
                 'description': 'The public WordPress-compatible read API (`/wp-json/`, '
                                'as WordPress 6 answers for the `faq` post type and the '
                                '`faq-categories` taxonomy) and the admin JSON API. '
                                'Every GET operation also answers HEAD: the same status '
                                'and headers, without the body.'},
        'servers': [{'url': site_url}],
        'tags': [{'name': WP_TAG, 'description': 'Read-only, anonymous, published '
                  'entries only.', 'externalDocs': {
                      'url': 'https://developer.wordpress.org/rest-api/reference/'}},
                 {'name': 'Documentation'}] + list(admin['tags']),
        'paths': paths,
        'components': components,
    }


def cached_document():
    site_url = get_settings().site_url
    if site_url not in _documents:
        _documents[site_url] = json.dumps(document(site_url), ensure_ascii=False,
                                          separators=(',', ':'))
    return _documents[site_url]


def response(request=None):
    """``GET /openapi.json``."""
    return Response(body=cached_document(), status_code=200,
                    headers={'Content-Type': 'application/json; charset=utf-8',
                             'Cache-Control': 'public, max-age=300'})
