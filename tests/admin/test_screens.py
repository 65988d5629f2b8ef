"""The HTML admin through the test client: forms keep the editor's work."""
import re

import pytest

from tests.admin_helpers import Browser, login


@pytest.fixture
def browser(client, token):
    response, cookie = login(client)
    assert response.status_code == 303
    return Browser(client, cookie)


FORM = {'title': 'Can I bring a calculator?', 'slug': '', 'description': '',
        'categories': '', 'status': 'draft', 'content_format': 'markdown',
        'content': 'Yes, an **on-screen** calculator is provided.'}


def created_id(response):
    assert response.status_code == 303, response.body
    return int(re.search(r'/admin/faqs/(\d+)\?done=created', response.headers['Location'])
               .group(1))


def test_create_publish_and_see_it_on_the_site(browser, client, repo):
    entry_id = created_id(browser.post('/admin/faqs/new', FORM))
    entry = repo.get_by_id(entry_id)
    assert entry.slug == 'can-i-bring-a-calculator'
    assert '<strong>on-screen</strong>' in entry.content and entry.status == 'draft'
    edit = browser.get('/admin/faqs/%d?done=created' % entry_id).body.decode()
    assert 'Created.' in edit and 'value="1"' in edit
    response = browser.post('/admin/faqs/%d/publish' % entry_id, {'version': '1'})
    assert response.status_code == 303
    assert client.http.get('/faq/can-i-bring-a-calculator/').status_code == 200


def test_invalid_input_comes_back_intact_with_messages_by_the_fields(browser, repo):
    bad = dict(FORM, title='<b>bold</b> title', slug='Bad Slug', content='Keep this text')
    response = browser.post('/admin/faqs/new', bad)
    assert response.status_code == 400
    body = response.body.decode()
    assert 'value="&lt;b&gt;bold&lt;/b&gt; title"' in body
    assert 'value="Bad Slug"' in body and 'Keep this text' in body
    assert re.search(r'id="title"[^>]*aria-invalid="true"', body)
    assert re.search(r'<p class="error" id="title-error">Title must be plain text', body)
    assert re.search(r'<p class="error" id="slug-error">Slug must be', body)
    assert repo.all_by_status('draft') == []


def test_preview_renders_without_saving(browser, repo):
    response = browser.post('/admin/faqs/new', dict(
        FORM, action='preview', content='Hi <script>alert(1)</script> *there*'))
    body = response.body.decode()
    assert response.status_code == 200 and '<h2 id="preview-heading">Preview</h2>' in body
    assert '<em>there</em>' in body and '<script>alert' not in body
    assert 'can-i-bring-a-calculator' in body               # the suggested slug
    assert repo.all_by_status('draft') == []


def test_a_conflicting_save_keeps_the_editors_text_and_explains(client, token, repo):
    entry_id = created_id(Browser(client, login(client)[1]).post('/admin/faqs/new', FORM))
    alice, bob = Browser(client, login(client)[1]), Browser(client, login(client)[1])
    alice_form = alice.get('/admin/faqs/%d' % entry_id).body.decode()
    bob_form = bob.get('/admin/faqs/%d' % entry_id).body.decode()
    version = re.search(r'name="version" value="(\d+)"', alice_form).group(1)
    fields = dict(FORM, content_format='html', version=version)
    assert alice.post('/admin/faqs/%d' % entry_id, dict(
        fields, content='<p>Alice was first.</p>')).status_code == 303
    csrf = re.search(r'name="csrf" value="([^"]+)"', bob_form).group(1)
    response = bob.post('/admin/faqs/%d' % entry_id, dict(
        fields, content='<p>Bob wrote this carefully.</p>'), csrf=csrf)
    body = response.body.decode()
    assert response.status_code == 409
    assert 'Someone else saved this FAQ while you were editing' in body
    assert 'Bob wrote this carefully.' in body           # his text is on screen
    assert 'Alice was first.' in body                    # and theirs, to compare
    assert repo.get_by_id(entry_id).content == '<p>Alice was first.</p>'
    # the form now carries the current version: saving again is deliberate
    again = re.search(r'name="version" value="(\d+)"', body).group(1)
    assert again == '2'
    assert bob.post('/admin/faqs/%d' % entry_id, dict(
        fields, version=again, content='<p>Bob wrote this carefully.</p>'),
        csrf=csrf).status_code == 303
    assert repo.get_by_id(entry_id).content == '<p>Bob wrote this carefully.</p>'


def test_delete_restore_and_purge_through_the_forms(browser, repo):
    entry_id = created_id(browser.post('/admin/faqs/new', dict(FORM, status='publish')))
    assert browser.post('/admin/faqs/%d/delete' % entry_id, {'version': '1'}).status_code == 303
    assert repo.get_by_id(entry_id).status == 'trash'
    trash = browser.get('/admin?status=trash').body.decode()
    assert 'Can I bring a calculator?' in trash
    assert browser.post('/admin/faqs/%d/restore' % entry_id, {'version': '2'}).status_code == 303
    assert repo.get_by_id(entry_id).status == 'publish'
    response = browser.post('/admin/faqs/%d/purge' % entry_id, {'version': '3'})
    assert response.status_code == 409                          # not in the trash
    browser.post('/admin/faqs/%d/delete' % entry_id, {'version': '3'})
    assert browser.post('/admin/faqs/%d/purge' % entry_id,
                        {'version': '4'}).status_code == 303
    assert repo.get_by_id(entry_id) is None
    assert browser.get('/admin/faqs/%d' % entry_id).status_code == 404


def test_revision_history_and_restore(browser, repo):
    entry_id = created_id(browser.post('/admin/faqs/new', FORM))
    browser.post('/admin/faqs/%d' % entry_id, dict(
        FORM, content_format='html', content='<p>Changed.</p>', version='1'))
    history = browser.get('/admin/faqs/%d/revisions' % entry_id).body.decode()
    assert 'Can I bring a calculator?' in history and '>1</td>' in history
    shown = browser.get('/admin/faqs/%d/revisions?show=1' % entry_id).body.decode()
    assert '<strong>on-screen</strong>' in shown
    response = browser.post('/admin/faqs/%d/revisions/1/restore' % entry_id, {'version': '2'})
    assert response.status_code == 303
    restored = repo.get_by_id(entry_id)
    assert restored.version == 3 and '<strong>on-screen</strong>' in restored.content


def test_dashboard_filters_by_status_and_searches_titles(browser):
    created_id(browser.post('/admin/faqs/new', dict(FORM, title='Draft about fees')))
    created_id(browser.post('/admin/faqs/new', dict(FORM, title='Published about dates',
                                                    status='publish')))
    drafts = browser.get('/admin?status=draft').body.decode()
    assert 'Draft about fees' in drafts and 'Published about dates' not in drafts
    found = browser.get('/admin?q=DATES').body.decode()
    assert 'Published about dates' in found and 'Draft about fees' not in found
    assert 'No FAQs here match' in browser.get('/admin?q=zzz').body.decode()


def test_the_audit_log_screen_lists_changes_and_pages_through_them(browser, monkeypatch):
    from chalicelib.admin import reports
    monkeypatch.setattr(reports, 'AUDIT_PAGE', 2)
    entry_id = created_id(browser.post('/admin/faqs/new', FORM))
    browser.post('/admin/faqs/%d/publish' % entry_id, {'version': '1'})
    browser.post('/admin/faqs/%d/unpublish' % entry_id, {'version': '2'})
    assert 'href="/admin/audit"' in browser.get('/admin').body.decode()     # in the menu
    first = browser.get('/admin/audit').body.decode()
    assert first.index('<td>unpublish</td>') < first.index('<td>publish</td>')
    assert first.count('href="/admin/faqs/%d"' % entry_id) == 2
    older = re.search(r'href="(/admin/audit\?[^"]+)" rel="next"', first).group(1)
    second = browser.get(older.replace('&amp;', '&')).body.decode()
    assert '<td>create</td>' in second and 'rel="next"' not in second
    assert '<td>editor</td>' in second


def test_the_audit_log_screen_explains_a_bad_month(browser):
    response = browser.get('/admin/audit?month=2026-13')
    assert response.status_code == 400
    assert 'Give the month as YYYY-MM' in response.body.decode()
