"""Hostile input to the admin API: always a clear 4xx, never a 500, nothing bad stored."""
import json

import pytest

from tests.admin_helpers import api

XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
       'javascript:alert(1)', '<svg/onload=alert(1)>', "'-alert(1)-'",
       '<a href="javascript:alert(1)">x</a>', '<iframe src=//evil.example>']
GOOD = {'title': 'A fine question?', 'content': '<p>A fine answer.</p>'}


def stored_items(repo, dynamodb_client):
    return dynamodb_client.scan(TableName=repo.table_name)['Items']


def assert_nothing_stored(repo):
    for status in ('publish', 'draft', 'trash'):
        assert repo.all_by_status(status) == []


@pytest.mark.parametrize('payload', XSS)
@pytest.mark.parametrize('field', ['title', 'slug', 'description', 'status',
                                   'categories', 'content_format'])
def test_markup_in_plain_fields_is_refused(client, token, repo, field, payload):
    value = [payload] if field == 'categories' else payload
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token, dict(GOOD, **{field: value}))
    if field in ('title', 'description') and '<' not in payload:
        # no markup, just odd text: stored as given and escaped wherever shown
        assert status == 201, body
        assert getattr(repo.get_by_id(body['id']), field) == payload
        return
    assert status == 400, (field, payload, body)
    assert field in body['error']['fields']
    assert_nothing_stored(repo)


@pytest.mark.parametrize('payload', XSS)
def test_markup_in_content_is_sanitised_not_stored_raw(client, token, repo, payload):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token,
                          dict(GOOD, content='<p>Answer %s text</p>' % payload,
                               status='publish'))
    # the answer around the markup is worth keeping: stored, made harmless
    assert status == 201, body
    stored = repo.get_by_id(body['id']).content
    assert stored.startswith('<p>Answer ') and ' text' in stored, stored
    for bad in ('<script', 'onerror=', 'onload=', 'href="javascript:', '<iframe', '<svg'):
        assert bad not in stored.lower()
    page = client.http.get('/faq/%s/' % body['slug'])
    assert page.status_code == 200
    html = page.body.decode()
    assert stored in html
    assert 'alert(1)</script>' not in html.lower() and 'onerror=' not in html.lower()


@pytest.mark.parametrize('raw', [
    '{', '{"title": }', '[1, 2]', '"just a string"', 'null', '12', '\xff\xfe',
    '{"title": "x", "title": ', 'NaN', '{"title": "\\ud800"}'])
def test_broken_json_is_a_400(client, token, repo, raw):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token, raw=raw)
    assert status == 400, (raw, body)
    assert body['error']['message']
    assert_nothing_stored(repo)


@pytest.mark.parametrize('fields,field', [
    ({'title': 5}, 'title'), ({'title': None}, 'title'), ({'title': ['x']}, 'title'),
    ({'title': ''}, 'title'), ({'title': '   '}, 'title'), ({'title': 'x' * 301}, 'title'),
    ({'content': {'html': 'x'}}, 'content'), ({'content': ''}, 'content'),
    ({'content': '<p> </p>'}, 'content'), ({'content': 'x' * (200 * 1024 + 1)}, 'content'),
    ({'slug': 'UPPER'}, 'slug'), ({'slug': 'a' * 201}, 'slug'), ({'slug': 7}, 'slug'),
    ({'slug': 'caf\u00e9 noir'}, 'slug'), ({'slug': 'zero\u200bwidth'}, 'slug'),
    ({'status': 'trash'}, 'status'), ({'status': True}, 'status'),
    ({'categories': 'cma'}, 'categories'),
    ({'categories': [1]}, 'categories'), ({'categories': ['ok'] * 21}, 'categories'),
    ({'categories': ['unknown-category']}, 'categories'),
    ({'description': 'd' * 321}, 'description'), ({'titel': 'typo'}, 'body'),
    ({'id': 5}, 'body'), ({'version': 3, 'created': 'now'}, 'body'),
    ({'content_format': 'rtf'}, 'content_format'),
])
def test_wrong_types_and_sizes_name_the_field(client, token, repo, fields, field):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token, dict(GOOD, **fields))
    assert status == 400, body
    assert field in body['error']['fields'], body
    assert_nothing_stored(repo)


@pytest.mark.parametrize('text,field', [
    ('nul\x00byte', 'title'), ('bell\x07', 'title'), ('bidi \u202e override', 'title'),
    ('nul\x00byte', 'content'), ('nul\x00', 'description'),
])
def test_control_and_bidi_characters_are_refused(client, token, repo, text, field):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token, dict(GOOD, **{field: text}))
    assert status == 400 and field in body['error']['fields']
    assert_nothing_stored(repo)


@pytest.mark.parametrize('title', ['Qu’est-ce que le CMA ? 🎓', '日本語の質問', 'עברית?',
                                   'Zalgo ẗ̸̡e̴̛x̷t', 'e\u0301 combining', 'x\u200bzero width'])
def test_unicode_titles_are_kept_exactly(client, token, repo, title):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token, dict(GOOD, title=title))
    assert status == 201, body
    assert repo.get_by_id(body['id']).title == title
    assert body['slug'] and body['slug'].isascii()


def test_an_oversized_body_is_413_and_nothing_changes(client, token, repo):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token,
                          raw=json.dumps(dict(GOOD, content='x' * (600 * 1024))))
    assert status == 413 and body['error']['code'] == 'too_large'
    assert_nothing_stored(repo)


# Every admin route that reads a JSON body, with an entry and a category to aim at.
BODY_ROUTES = [('POST', '/admin/api/faqs'), ('PUT', '/admin/api/faqs/{id}'),
               ('PATCH', '/admin/api/faqs/{id}'), ('POST', '/admin/api/faqs/{id}/publish'),
               ('POST', '/admin/api/faqs/{id}/revisions/1/restore'),
               ('POST', '/admin/api/categories'), ('PATCH', '/admin/api/categories/cma')]
NESTED = ['[' * 1000 + ']' * 1000, '{"a":' * 1000 + '1' + '}' * 1000,
          '{"title": ' + '[' * 5000 + ']' * 5000 + '}']


def _body_routes(client, token):
    """The routes above, aimed at an entry with a revision and a category."""
    status, made, _ = api(client, 'POST', '/admin/api/faqs', token, GOOD)
    assert api(client, 'PATCH', '/admin/api/faqs/%d' % made['id'], token,
               {'title': 'Edited', 'version': 1})[0] == 200
    assert api(client, 'POST', '/admin/api/categories', token, {'name': 'CMA', 'slug': 'cma'})[0] \
        == 201
    return [(method, path.replace('{id}', str(made['id']))) for method, path in BODY_ROUTES]


def test_absurdly_nested_json_is_a_400_on_every_body_route(client, token, repo):
    routes = _body_routes(client, token)
    before = repo.get_by_id(int(routes[1][1].rsplit('/', 1)[1]))
    for method, path in routes:
        for raw in NESTED:
            status, body, _ = api(client, method, path, token, raw=raw)
            assert status == 400 and body['error']['code'] == 'bad_json', (method, path)
    assert repo.get_by_id(before.id) == before


def test_a_body_that_is_not_an_object_is_a_400_on_every_body_route(client, token, repo):
    for method, path in _body_routes(client, token):
        for raw in ('[null, null]', 'null', '"x"', '5', 'true'):
            status, body, _ = api(client, method, path, token, raw=raw)
            assert status == 400, (method, path, raw, body)
            assert body['error']['message']


def test_an_oversized_body_is_413_on_every_body_route(client, token, repo):
    raw = json.dumps(dict(GOOD, content='x' * (600 * 1024)))
    for method, path in _body_routes(client, token):
        status, body, _ = api(client, method, path, token, raw=raw)
        assert status == 413 and body['error']['code'] == 'too_large', (method, path)


def test_hostile_updates_leave_the_stored_entry_untouched(client, token, repo):
    status, made, _ = api(client, 'POST', '/admin/api/faqs', token, GOOD)
    path = '/admin/api/faqs/%d' % made['id']
    before = repo.get_by_id(made['id'])
    for body in ({'title': '<script>x</script>', 'version': 1}, {'version': 'one'},
                 {'version': -1, 'title': 'x'}, {'version': True, 'title': 'x'},
                 {'slug': '../../etc', 'version': 1}, {'content': None, 'version': 1}):
        status, answer, _ = api(client, 'PATCH', path, token, body)
        assert status == 400, (body, answer)
    for header in ('abc', '"1', 'W/"x"'):
        status, _, _ = api(client, 'PATCH', path, token, {'title': 'x'},
                           headers={'If-Match': header})
        assert status in (400, 412), header
    assert api(client, 'PATCH', path, token, raw='{oops')[0] == 400
    assert repo.get_by_id(made['id']) == before
    assert repo.list_revisions(made['id']) == []
