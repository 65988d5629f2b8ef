"""``/openapi.json`` is complete and true.

Complete: every route registered on the app under ``CHECKED_PREFIXES`` is in
the document with each of its methods, and every documented operation is a
route.  True: real responses of the API validate against the documented
schemas, and the documented query parameters are the ones the handlers read.

To cover the admin JSON API, document its routes in
``chalicelib/admin/openapi.json`` and add ``'/admin/api'`` to
``CHECKED_PREFIXES``; until then admin routes are not required to be there,
but any documented admin operation must exist.
"""
import json
import re

import pytest

from app import app
from chalicelib import openapi
from chalicelib.wordpress import discovery, importer, params as wp_params
from tests.helpers import SEED, import_seed, load_json

CHECKED_PREFIXES = ('/wp-json', '/openapi.json', '/admin/api')
SITE = 'https://certilyst.com/resources'


def under(path, prefixes):
    return any(path == p or path.startswith(p + '/') for p in prefixes)


def app_operations(prefixes=None):
    """``(path, method)`` of every route Chalice registered (under ``prefixes``).

    HEAD is left out: app.py registers it beside every GET, and the document
    says once that every GET answers HEAD (tests/test_head.py checks it).
    """
    return {(path, method.lower()) for path, methods in app.routes.items()
            if prefixes is None or under(path, prefixes) for method in methods
            if method != 'HEAD'}


def documented_operations(document):
    return {(path, method) for path, item in document['paths'].items()
            for method in item if method in openapi.HTTP_METHODS}


def missing_from(document, prefixes=CHECKED_PREFIXES):
    return sorted(app_operations(prefixes) - documented_operations(document))


@pytest.fixture(scope='module')
def document():
    return openapi.document(SITE)


def test_every_checked_route_is_documented(document):
    checked = app_operations(CHECKED_PREFIXES)
    assert len(checked) >= 25          # the check really covers the API
    assert not missing_from(document), 'routes missing from /openapi.json'


def test_every_documented_operation_is_a_route(document):
    assert not documented_operations(document) - app_operations()


def test_a_route_missing_from_the_document_fails_the_check(document):
    """Guards the check above: drop one documented route and it is reported."""
    trimmed = dict(document, paths={k: v for k, v in document['paths'].items()
                                    if k != '/wp-json/wp/v2/faq/{id}'})
    assert missing_from(trimmed) == [('/wp-json/wp/v2/faq/{id}', 'get')]
    emptied = dict(document, paths=dict(document['paths'], **{'/openapi.json': {}}))
    assert missing_from(emptied) == [('/openapi.json', 'get')]


def test_path_templates_declare_their_parameters(document):
    assert document['openapi'] == '3.1.0' and document['servers'] == [{'url': SITE}]
    seen = set()
    for path, item in document['paths'].items():
        for method, operation in item.items():
            if method not in openapi.HTTP_METHODS:
                continue
            declared = [p['name'] for p in operation.get('parameters', ())
                        if p['in'] == 'path']
            assert sorted(declared) == sorted(re.findall(r'{(\w+)}', path)), path
            assert all(p['required'] for p in operation.get('parameters', ())
                       if p['in'] == 'path')
            assert operation['operationId'] not in seen
            seen.add(operation['operationId'])
            assert operation['responses'], path


def test_every_reference_resolves(document):
    def walk(node):
        if isinstance(node, dict):
            if '$ref' in node:
                resolve(document, node['$ref'])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(document)


def test_documented_query_parameters_are_the_ones_the_api_reads(document):
    for route in discovery.ROUTES:
        parameters = document['paths'][route.path]['get']['parameters']
        names = {p['name'] for p in parameters if p['in'] == 'query'}
        assert names == {p.name for p in route.params + wp_params.GLOBAL_PARAMS}, route.path
    per_page = next(p for p in document['paths']['/wp-json/wp/v2/faq']['get']['parameters']
                    if p['name'] == 'per_page')
    assert per_page['schema'] == {'type': 'integer', 'minimum': 1, 'maximum': 100,
                                  'default': 10}


def test_the_document_says_every_get_answers_head(document):
    assert 'HEAD' in document['info']['description']
    assert all(('HEAD' in app.routes[path]) == ('GET' in app.routes[path])
               for path in app.routes)


def test_the_admin_section_is_merged_from_its_own_file(document):
    admin = openapi.admin_section()
    assert set(admin) == {'paths', 'components', 'tags'}
    for path in admin['paths']:
        assert path in document['paths']


def test_served_at_openapi_json(client, local_settings):
    response = client.http.get('/openapi.json')
    assert response.status_code == 200
    assert response.headers['Content-Type'].startswith('application/json')
    served = json.loads(response.body)
    assert served['servers'] == [{'url': local_settings['SITE_URL']}]
    assert documented_operations(served) == documented_operations(
        openapi.document(local_settings['SITE_URL']))


# -- the responses match the schemas ---------------------------------------------

def resolve(document, ref):
    node = document
    for part in ref.lstrip('#/').split('/'):
        node = node[part]
    return node


_TYPES = {'object': dict, 'array': list, 'string': str, 'boolean': bool,
          'null': type(None)}


def _is(value, kind):
    if kind == 'integer':
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == 'number':
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def validate(value, schema, document, where='$'):
    """The JSON Schema subset the document uses: type, enum, pattern,
    properties, required, additionalProperties, items, oneOf, $ref."""
    if '$ref' in schema:
        return validate(value, resolve(document, schema['$ref']), document, where)
    if 'oneOf' in schema:
        passing = 0
        for option in schema['oneOf']:
            try:
                validate(value, option, document, where)
                passing += 1
            except AssertionError:
                pass
        assert passing == 1, where
    kinds = schema.get('type')
    if kinds:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        assert any(_is(value, k) for k in kinds), '%s: %r is not %s' % (where, value, kinds)
    if 'enum' in schema:
        assert value in schema['enum'], where
    if 'pattern' in schema and isinstance(value, str):
        assert re.search(schema['pattern'], value), where
    if isinstance(value, dict):
        for name in schema.get('required', ()):
            assert name in value, '%s: %s is required' % (where, name)
        properties = schema.get('properties', {})
        extra = schema.get('additionalProperties')
        for name, item in value.items():
            if name in properties:
                validate(item, properties[name], document, where + '.' + name)
            elif isinstance(extra, dict):
                validate(item, extra, document, where + '.' + name)
            else:
                assert extra is not False, '%s: %s is not documented' % (where, name)
    if isinstance(value, list) and 'items' in schema:
        for n, item in enumerate(value):
            validate(item, schema['items'], document, '%s[%d]' % (where, n))


def _route_for(path):
    """The Chalice route that answers ``path`` (literal segments win)."""
    parts = path.split('/')
    for route in sorted(app.routes):
        segments = route.split('/')
        if len(segments) == len(parts) and all(
                s == p or s.startswith('{') for s, p in zip(segments, parts)):
            return route
    raise AssertionError('no route for ' + path)


@pytest.fixture
def seeded(repo):
    importer.import_terms(repo, load_json(SEED + '/faq-categories.json'))
    assert not import_seed(repo).failed
    return repo


@pytest.mark.parametrize('url, status', [
    ('/wp-json', 200), ('/wp-json/wp/v2', 200),
    ('/wp-json/wp/v2/faq?per_page=3', 200), ('/wp-json/wp/v2/faq/549', 200),
    ('/wp-json/wp/v2/faq?context=embed', 200),
    ('/wp-json/wp/v2/faq-categories', 200), ('/wp-json/wp/v2/faq-categories/11', 200),
    ('/wp-json/wp/v2/types', 200), ('/wp-json/wp/v2/types/faq', 200),
    ('/wp-json/wp/v2/taxonomies', 200), ('/wp-json/wp/v2/taxonomies/faq-categories', 200),
    ('/wp-json/wp/v2/faq/1', 404), ('/wp-json/wp/v2/faq?page=0', 400),
    ('/wp-json/wp/v2/faq?page=99', 400), ('/wp-json/wp/v2/faq?context=edit', 401),
    ('/wp-json/wp/v2/faq-categories/5', 404), ('/wp-json/wp/v2/types/post', 404),
    ('/wp-json/nope', 404), ('/wp-json/wp/v2/posts/1', 404),
    ('/wp-json/wp/v2/faq/549/revisions', 404), ('/openapi.json', 200),
])
def test_real_responses_match_the_documented_schemas(client, seeded, url, status):
    document = openapi.document(SITE)
    response = client.http.get(url)
    assert response.status_code == status
    path = url.split('?')[0]
    operation = document['paths'][_route_for(path)]['get']
    documented = operation['responses'][str(status)]
    if '$ref' in documented:
        documented = resolve(document, documented['$ref'])
    schema = documented['content']['application/json']['schema']
    validate(json.loads(response.body), schema, document)
    for header in documented.get('headers', {}):
        assert header in response.headers, header


def test_a_default_faq_item_has_exactly_the_documented_fields(client, seeded):
    schema = openapi.document(SITE)['components']['schemas']['FaqPost']
    item = json.loads(client.http.get('/wp-json/wp/v2/faq/545').body)
    assert list(item) == list(schema['properties'])
    term = json.loads(client.http.get('/wp-json/wp/v2/faq-categories/11').body)
    assert list(term) == list(openapi.document(SITE)['components']['schemas'][
        'FaqCategory']['properties'])
