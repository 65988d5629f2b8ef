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
from tests.openapi_validation import ResponseValidator

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
        read = {p.name for p in route.params + wp_params.GLOBAL_PARAMS}
        read |= {p.name + key for p in route.params if p.type == 'terms'
                 for key in ('[terms]', '[operator]')}
        assert names == read, route.path
    per_page = next(p for p in document['paths']['/wp-json/wp/v2/faq']['get']['parameters']
                    if p['name'] == 'per_page')
    assert per_page['schema'] == {'type': 'integer', 'minimum': 1, 'maximum': 100,
                                  'default': 10}


def test_the_admin_api_documents_the_slug_rule_the_code_applies(document):
    from chalicelib.models import SLUG_PATTERN
    patterns = set()

    def walk(node, key=None):
        if isinstance(node, dict):
            for name, value in node.items():
                if name == 'pattern' and 'a-z0-9' in value:
                    patterns.add(value)
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(openapi.admin_section())
    assert patterns == {SLUG_PATTERN.pattern}


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


@pytest.fixture(scope='module')
def validator(document):
    return ResponseValidator(document)


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
def test_real_responses_match_the_documented_schemas(client, seeded, validator, url, status):
    response = client.http.get(url)
    assert response.status_code == status
    route = _route_for(url.split('?')[0])
    validator.validate('GET', route, status, response.headers.get('Content-Type'),
                       response.body)
    documented, _ = validator.response_for('GET', route, status)
    for header in documented.get('headers', {}):
        assert header in response.headers, header


def test_a_default_faq_item_has_exactly_the_documented_fields(client, seeded):
    schema = openapi.document(SITE)['components']['schemas']['FaqPost']
    item = json.loads(client.http.get('/wp-json/wp/v2/faq/545').body)
    assert list(item) == list(schema['properties'])
    term = json.loads(client.http.get('/wp-json/wp/v2/faq-categories/11').body)
    assert list(term) == list(openapi.document(SITE)['components']['schemas'][
        'FaqCategory']['properties'])


# -- the admin API's real responses, every status it documents --------------------

NESTED = '[' * 1000 + ']' * 1000
TOO_LARGE = json.dumps({'title': 'x', 'content': 'x' * (600 * 1024)})
ENTRY = {'title': 'Is it documented?', 'content': '<p>Every <a href="/faq/nowhere/">answer</a>.</p>',
         'status': 'publish', 'categories': ['cma-exam']}
# (method, path, JSON body or raw text, headers, status); {id} is the entry made first
ADMIN_CALLS = [
    ('POST', '/admin/api/faqs', ENTRY, None, 201),
    ('POST', '/admin/api/faqs', dict(ENTRY, slug='is-it-documented'), None, 409),
    ('POST', '/admin/api/faqs', dict(ENTRY, content='<p> </p>'), None, 400),
    ('POST', '/admin/api/faqs', NESTED, None, 400),
    ('POST', '/admin/api/faqs', TOO_LARGE, None, 413),
    ('GET', '/admin/api/faqs?per_page=2', None, None, 200),
    ('GET', '/admin/api/faqs?status=AAA', None, None, 400),
    ('GET', '/admin/api/faqs/{id}', None, None, 200),
    ('GET', '/admin/api/faqs/999999', None, None, 404),
    ('PATCH', '/admin/api/faqs/{id}', {'title': 'Is it documented now?', 'version': 1},
     None, 200),
    ('PUT', '/admin/api/faqs/{id}', ENTRY, None, 428),
    ('PUT', '/admin/api/faqs/{id}', ENTRY, {'If-Match': '"1"'}, 412),
    ('PUT', '/admin/api/faqs/{id}', ENTRY, {'If-Match': 'W/"l"'}, 400),
    ('PUT', '/admin/api/faqs/{id}', TOO_LARGE, None, 413),
    ('DELETE', '/admin/api/faqs/{id}', None, {'If-Match': 'W/"l"'}, 400),
    ('GET', '/admin/api/faqs/{id}/revisions', None, None, 200),
    ('GET', '/admin/api/faqs/{id}/revisions/1', None, None, 200),
    ('GET', '/admin/api/faqs/{id}/revisions/9', None, None, 404),
    ('POST', '/admin/api/faqs/{id}/revisions/1/restore', {'version': 2}, None, 200),
    ('POST', '/admin/api/faqs/{id}/revisions/1/restore', {}, {'If-Match': '"1"'}, 412),
    ('POST', '/admin/api/faqs/{id}/unpublish', {}, None, 200),
    ('POST', '/admin/api/faqs/{id}/publish', {'title': 'x'}, None, 400),
    ('POST', '/admin/api/faqs/{id}/restore', None, None, 409),
    ('POST', '/admin/api/faqs/{id}/explode', None, None, 404),
    ('DELETE', '/admin/api/faqs/{id}', None, None, 200),
    ('POST', '/admin/api/faqs/{id}/purge', None, None, 204),
    ('GET', '/admin/api/audit', None, None, 200),
    ('GET', '/admin/api/audit?month=2026-13', None, None, 400),
    ('GET', '/admin/api/audit?month=', None, None, 400),
    ('GET', '/admin/api/categories', None, None, 200),
    ('POST', '/admin/api/categories', {'name': 'New one'}, None, 201),
    ('POST', '/admin/api/categories', {'name': 'New one'}, None, 409),
    ('POST', '/admin/api/categories', {'name': ''}, None, 400),
    ('GET', '/admin/api/categories/new-one', None, None, 200),
    ('PATCH', '/admin/api/categories/new-one', {'description': 'Described.'}, None, 200),
    ('PATCH', '/admin/api/categories/new-one', {'name': '<b>x</b>'}, None, 400),
    ('DELETE', '/admin/api/categories/cma-exam', None, None, 409),
    ('DELETE', '/admin/api/categories/new-one', None, None, 204),
    ('GET', '/admin/api/categories/new-one', None, None, 404),
    ('GET', '/admin/api/reports/broken-links', None, None, 200),
]


def test_admin_responses_match_the_documented_schemas(client, seeded, token, validator):
    from tests.admin_helpers import api
    problems, entry_id = [], None
    for method, path, body, headers, status in ADMIN_CALLS + [
            ('GET', '/admin/api/faqs', None, {'Authorization': ''}, 401)]:
        url = path.replace('{id}', str(entry_id))
        raw = body if isinstance(body, str) else None
        got, answer, response_headers = api(client, method, url, token, None if raw else body,
                                             headers=headers, raw=raw)
        if entry_id is None:
            entry_id = answer['id']
        assert got == status, (method, url, answer)
        content_type = response_headers.get('Content-Type')
        problems += validator.problems(method, _route_for(url.split('?')[0]), got,
                                       content_type, json.dumps(answer) if answer else b'')
    assert not problems, '\n'.join(problems)


# -- the input schemas say what the API refuses ---------------------------------

BODIES = [  # (a change to a good new entry, or to a good new category)
    {}, {'title': 'Qu’est-ce que le CMA ? 🎓'}, {'title': '  spaced   out  '},
    {'content': 'x'}, {'content': '<p>one</p>\n<p>two</p>'}, {'content': 'a < b'},
    {'description': ''}, {'description': None}, {'slug': ''}, {'slug': None},
    {'version': 3}, {'content_format': 'markdown', 'content': '*yes*'},
    {'title': '<b>bold</b>'}, {'title': '   '}, {'title': ''}, {'title': 'nul\x00'},
    {'title': 'bidi \u202e'}, {'title': 'x' * 301}, {'title': None},
    {'content': ''}, {'content': '<p></p>'}, {'content': '<p> </p> <br>'},
    {'content': 'bell\x07'}, {'description': '<i>x</i>'}, {'description': 'd' * 321},
    {'version': 0}, {'version': None}, {'version': 'one'}, {'slug': 'Not A Slug'},
    {'status': 'trash'}, {'categories': ['x'] * 21}, {'unknown': 1},
]
CATEGORY_BODIES = [
    {}, {'slug': ''}, {'description': None}, {'name': 'Über uns'},
    {'name': ''}, {'name': '   '}, {'name': None}, {'name': '<b>x</b>'}, {'name': 'x\x00'},
    {'description': '<p>x</p>'}, {'slug': 'BAD'}, {'slug': 5}, {'slug': False}, {'other': 1},
]


def _schema_accepts(document, name, value):
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012
    registry = Registry().with_resource('urn:doc', DRAFT202012.create_resource(document))
    validator = Draft202012Validator({'$ref': 'urn:doc#/components/schemas/' + name},
                                     registry=registry, format_checker=FormatChecker())
    return validator.is_valid(value)


def test_the_entry_and_category_schemas_accept_exactly_what_the_api_accepts(
        client, seeded, token, document):
    from tests.admin_helpers import api
    disagree = []
    for n, change in enumerate(BODIES):
        body = dict({'title': 'Question %d?' % n, 'content': '<p>An answer.</p>'}, **change)
        status, answer, _ = api(client, 'POST', '/admin/api/faqs', token, body)
        if (status == 201) != _schema_accepts(document, 'AdminEntryInput', body):
            disagree.append((body, status, answer))
    for n, change in enumerate(CATEGORY_BODIES):
        body = dict({'name': 'Category %d' % n}, **change)
        status, answer, _ = api(client, 'POST', '/admin/api/categories', token, body)
        if (status == 201) != _schema_accepts(document, 'AdminCategoryInput', body):
            disagree.append((body, status, answer))
    assert disagree == []


def test_the_validator_checks_formats_bounds_and_all_of(validator):
    """Guards the checks above: what the home-made validator missed is caught."""
    entry = {'id': 5, 'slug': 'a-b', 'title': 'T', 'description': 'D',
             'description_given': False, 'status': 'draft', 'categories': [],
             'created': '2026-01-01T00:00:00Z', 'modified': '2026-01-01T00:00:00Z',
             'version': 1, 'reading_minutes': 1, 'link': 'https://example.com/faq/a-b/',
             'content': '<p>x</p>', 'old_slugs': []}
    route = '/admin/api/faqs/{entry_id}'
    assert validator.problems('GET', route, 200, 'application/json', json.dumps(entry)) == []
    for change, expected in (({'link': 'not a uri'}, "is not a 'uri'"),
                             ({'created': 'yesterday'}, "is not a 'date-time'"),
                             ({'version': 0}, 'less than the minimum')):
        found = validator.problems('GET', route, 200, 'application/json',
                                   json.dumps(dict(entry, **change)))
        assert len(found) == 1 and expected in found[0], found
    revision = dict(entry, replaced=5)                     # allOf: AdminEntry + replaced
    assert validator.problems('GET', route + '/revisions/{version}', 200, 'application/json',
                              json.dumps(revision))
    assert 'not documented' in validator.problems('GET', '/openapi.json', 418, '', b'')[0]
