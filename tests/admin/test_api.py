"""The admin JSON API against DynamoDB Local: editing without losing work."""
import pytest

from tests.admin_helpers import api

NEW = {'title': 'How long is the CMA exam?',
       'content': '<p>The exam takes <strong>160 minutes</strong>.</p>'}


def create(client, token, **fields):
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token, dict(NEW, **fields))
    assert status == 201, body
    return body


def test_create_get_and_list(client, token):
    made = create(client, token, categories=[])
    assert made['slug'] == 'how-long-is-the-cma-exam'
    assert made['status'] == 'draft' and made['version'] == 1
    assert made['description'] == 'The exam takes 160 minutes.'
    status, got, headers = api(client, 'GET', '/admin/api/faqs/%d' % made['id'], token)
    assert status == 200 and got == made and headers['ETag'] == '"1"'
    status, listing, _ = api(client, 'GET', '/admin/api/faqs?status=draft', token)
    assert [i['id'] for i in listing['items']] == [made['id']] and listing['total'] == 1
    # a suggested slug never collides: the second gets a suffix
    assert create(client, token)['slug'] == 'how-long-is-the-cma-exam-2'


def test_markdown_content_is_rendered_and_sanitised(client, token):
    made = create(client, token, content_format='markdown',
                  content='Hello **world** <script>alert(1)</script> [x](javascript:alert(1))')
    assert '<strong>world</strong>' in made['content']
    assert 'script' not in made['content'] and 'javascript:' not in made['content']


def test_update_needs_the_version_and_refuses_a_stale_one(client, token, repo):
    made = create(client, token)
    path = '/admin/api/faqs/%d' % made['id']
    status, body, _ = api(client, 'PATCH', path, token, {'title': 'New title'})
    assert status == 428 and body['error']['code'] == 'version_required'
    status, body, _ = api(client, 'PATCH', path, token, {'title': 'New title'},
                          headers={'If-Match': '"1"'})
    assert status == 200 and body['version'] == 2 and body['title'] == 'New title'
    status, body, headers = api(client, 'PATCH', path, token,
                                {'title': 'Stale', 'version': 1})
    assert status == 412 and body['error']['current_version'] == 2
    assert headers['ETag'] == '"2"'
    assert repo.get_by_id(made['id']).title == 'New title'


def test_a_version_is_a_positive_whole_number_as_json_schema_reads_it(client, token, repo):
    made = create(client, token)
    path = '/admin/api/faqs/%d' % made['id']
    status, body, _ = api(client, 'PATCH', path, token, {'title': 'Two point oh', 'version': 1.0})
    assert status == 200 and body['version'] == 2
    for bad in (None, 0, -1, 1.5, '2', True, [2]):
        status, body, _ = api(client, 'PATCH', path, token, {'title': 'x', 'version': bad},
                              headers={'If-Match': '"2"'})
        assert status == 400 and 'version' in body['error']['message'], bad
    assert repo.get_by_id(made['id']).title == 'Two point oh'


def test_full_update_replaces_every_field(client, token):
    made = create(client, token, description='Given description.')
    status, body, _ = api(client, 'PUT', '/admin/api/faqs/%d' % made['id'], token,
                          {'title': 'Replaced', 'content': '<p>Only this.</p>', 'version': 1})
    assert status == 200
    assert body['description'] == 'Only this.' and not body['description_given']
    assert body['slug'] == made['slug']


def test_creating_an_existing_slug_is_a_conflict(client, token, repo):
    made = create(client, token, slug='taken-slug')
    status, body, _ = api(client, 'POST', '/admin/api/faqs', token,
                          dict(NEW, slug='taken-slug'))
    assert status == 409 and body['error']['code'] == 'slug_taken'
    assert len(repo.all_by_status('draft')) == 1
    other = create(client, token, slug='other-slug')
    status, _, _ = api(client, 'PATCH', '/admin/api/faqs/%d' % other['id'], token,
                       {'slug': 'taken-slug', 'version': 1})
    assert status == 409
    assert repo.get_by_id(made['id']).slug == 'taken-slug'


def test_publish_unpublish_and_public_visibility(client, token):
    made = create(client, token)
    page = '/faq/%s/' % made['slug']
    assert client.http.get(page).status_code == 404
    status, body, _ = api(client, 'POST', '/admin/api/faqs/%d/publish' % made['id'], token)
    assert status == 200 and body['status'] == 'publish'
    assert client.http.get(page).status_code == 200
    status, body, _ = api(client, 'POST', '/admin/api/faqs/%d/unpublish' % made['id'], token,
                          {'version': 1})
    assert status == 412
    status, body, _ = api(client, 'POST', '/admin/api/faqs/%d/unpublish' % made['id'], token,
                          {'version': 2})
    assert status == 200 and body['status'] == 'draft'
    assert client.http.get(page).status_code == 404


def test_delete_goes_to_trash_restore_brings_back_purge_removes(client, token, repo):
    made = create(client, token, status='publish')
    path = '/admin/api/faqs/%d' % made['id']
    status, body, _ = api(client, 'DELETE', path, token)
    assert status == 200 and body['status'] == 'trash'
    assert client.http.get('/faq/%s/' % made['slug']).status_code == 404
    status, body, _ = api(client, 'PATCH', path, token, {'title': 'x', 'version': 2})
    assert status == 404                               # edit needs a restore first
    status, listing, _ = api(client, 'GET', '/admin/api/faqs?status=trash', token)
    assert [i['id'] for i in listing['items']] == [made['id']]
    status, body, _ = api(client, 'POST', path + '/restore', token)
    assert status == 200 and body['status'] == 'publish'
    assert client.http.get('/faq/%s/' % made['slug']).status_code == 200
    status, body, _ = api(client, 'POST', path + '/purge', token)
    assert status == 409                               # not in the trash
    api(client, 'DELETE', path, token)
    status, _, _ = api(client, 'POST', path + '/purge', token)
    assert status == 204
    assert repo.get_by_id(made['id']) is None
    assert repo.list_revisions(made['id']) == []
    assert api(client, 'GET', path, token)[0] == 404
    # the slug is free again
    assert create(client, token, slug=made['slug'])['slug'] == made['slug']


def test_every_change_keeps_a_revision_that_can_be_restored(client, token):
    made = create(client, token)
    path = '/admin/api/faqs/%d' % made['id']
    api(client, 'PATCH', path, token, {'content': '<p>Second text.</p>', 'version': 1})
    api(client, 'PATCH', path, token, {'content': '<p>Third text.</p>', 'version': 2})
    status, revisions, _ = api(client, 'GET', path + '/revisions', token)
    assert status == 200 and revisions['current_version'] == 3
    assert [r['version'] for r in revisions['items']] == [2, 1]
    assert revisions['items'][0]['replaced_by'] == 'editor'
    status, first, _ = api(client, 'GET', path + '/revisions/1', token)
    assert first['content'] == NEW['content']
    status, restored, _ = api(client, 'POST', path + '/revisions/1/restore', token,
                              {'version': 3})
    assert status == 200 and restored['version'] == 4
    assert restored['content'] == NEW['content']
    assert api(client, 'GET', path + '/revisions/99', token)[0] == 404


def test_audit_log_records_who_did_what(client, token):
    made = create(client, token)
    api(client, 'POST', '/admin/api/faqs/%d/publish' % made['id'], token)
    status, log, _ = api(client, 'GET', '/admin/api/audit', token)
    actions = [(r['action'], r['actor'], r['entry_id']) for r in log['items']]
    assert actions[:2] == [('publish', 'editor', made['id']), ('create', 'editor', made['id'])]
    assert all(r['at'] for r in log['items'])


def test_audit_log_pages_through_a_month_without_gaps(client, token, monkeypatch):
    from urllib.parse import quote

    from chalicelib.admin import reports
    monkeypatch.setattr(reports, 'AUDIT_PAGE', 2)
    for n in range(3):
        made = create(client, token, title='Question number %d?' % n, slug='q-%d' % n)
        api(client, 'POST', '/admin/api/faqs/%d/publish' % made['id'], token)
    seen, before, pages = [], None, 0
    while True:
        query = '?before=' + quote(before) if before else ''
        status, log, _ = api(client, 'GET', '/admin/api/audit' + query, token)
        assert status == 200 and len(log['items']) <= 2
        seen += [(r['entry_id'], r['version'], r['action']) for r in log['items']]
        pages += 1
        before = log['next_before']
        if before is None:
            break
    assert len(seen) == 6 and len(set(seen)) == 6 and pages == 3
    assert seen[0][2] == 'publish' and seen[-1][2] == 'create'
    assert set(log) == {'month', 'items', 'next_before'}


def test_following_next_before_stays_in_its_month(client, token, repo, monkeypatch):
    """A client paging last month's log without naming the month (say, across
    midnight on the 1st) keeps getting last month's records."""
    from urllib.parse import quote

    from chalicelib import models
    from chalicelib.admin import reports
    made = create(client, token)
    api(client, 'POST', '/admin/api/faqs/%d/publish' % made['id'], token)
    month = models.format_time(models.utcnow())[:7]
    newest = repo.audit_log(month)[0]
    monkeypatch.setattr(reports, 'utcnow', lambda: models.utcnow().replace(year=2099))
    status, log, _ = api(client, 'GET', '/admin/api/audit?before=' + quote(newest.key), token)
    assert status == 200 and log['month'] == month
    assert [(r['action'], r['entry_id']) for r in log['items']][:1] == [('create', made['id'])]


@pytest.mark.parametrize('query, field', [
    ('?month=2026-13', 'month'), ('?month=26-01', 'month'), ('?before=x', 'before'),
    ('?month=', 'month'), ('?before=', 'before'),
    ('?month=2026-01&before=2026-02-01T00:00:00Z%230000000000000000001%23abcdef01', 'before'),
])
def test_audit_log_refuses_a_bad_month_or_position(client, token, query, field):
    status, body, _ = api(client, 'GET', '/admin/api/audit' + query, token)
    assert status == 400 and field in body['error']['fields']


def test_slug_change_redirects_the_old_address(client, token):
    made = create(client, token, status='publish', slug='old-address')
    status, body, _ = api(client, 'PATCH', '/admin/api/faqs/%d' % made['id'], token,
                          {'slug': 'new-address', 'version': 1})
    assert status == 200 and body['old_slugs'] == ['old-address']
    for path in ('/faq/old-address/', '/faq/old-address'):
        response = client.http.get(path)
        assert response.status_code == 301
        assert response.headers['Location'].endswith('/faq/new-address/')
    assert client.http.get('/faq/new-address/').status_code == 200
    # renaming back reclaims the old slug; the intermediate one redirects now
    status, body, _ = api(client, 'PATCH', '/admin/api/faqs/%d' % made['id'], token,
                          {'slug': 'old-address', 'version': 2})
    assert status == 200 and body['old_slugs'] == ['new-address']
    assert client.http.get('/faq/old-address/').status_code == 200
    assert client.http.get('/faq/new-address/').status_code == 301


def test_unknown_entries_actions_and_ids(client, token):
    for path in ('/admin/api/faqs/999', '/admin/api/faqs/abc', '/admin/api/faqs/' + '9' * 30):
        status, body, _ = api(client, 'GET', path, token)
        assert status == 404 and body['error']['code'] == 'not_found'
    made = create(client, token)
    status, body, _ = api(client, 'POST', '/admin/api/faqs/%d/explode' % made['id'], token)
    assert status == 404


@pytest.mark.parametrize('query', ['status=nope', 'page=0', 'per_page=1000', 'page=x',
                                   'page=%C2%B2', 'per_page=%D9%A3'])
def test_bad_list_parameters_are_400(client, token, query):
    status, body, _ = api(client, 'GET', '/admin/api/faqs?' + query, token)
    assert status == 400 and body['error']['message']
