"""Categories and the broken-links report, through the admin API and screens."""
from tests.admin_helpers import Browser, api, login


def test_category_lifecycle_through_the_api(client, token, repo):
    status, made, headers = api(client, 'POST', '/admin/api/categories', token,
                                {'name': 'Exam fees', 'description': 'What it costs.'})
    assert status == 201 and made['slug'] == 'exam-fees' and made['id'] == 1
    assert headers['Location'] == '/admin/api/categories/exam-fees'
    assert api(client, 'POST', '/admin/api/categories', token, {'name': 'Exam fees'})[0] == 409
    status, body, _ = api(client, 'POST', '/admin/api/categories', token,
                          {'name': '<b>x</b>', 'colour': 'red'})
    assert status == 400 and 'body' in body['error']['fields']
    status, changed, _ = api(client, 'PATCH', '/admin/api/categories/exam-fees', token,
                             {'name': 'Fees'})
    assert status == 200 and changed['name'] == 'Fees' and changed['description']
    assert api(client, 'PATCH', '/admin/api/categories/exam-fees', token,
               {'slug': 'other'})[0] == 400
    # a FAQ in the category keeps it from being deleted
    status, entry, _ = api(client, 'POST', '/admin/api/faqs', token, {
        'title': 'How much?', 'content': '<p>Some.</p>', 'categories': ['exam-fees'],
        'status': 'publish'})
    assert status == 201
    status, body, _ = api(client, 'DELETE', '/admin/api/categories/exam-fees', token)
    assert status == 409 and str(entry['id']) in body['error']['message']
    assert client.http.get('/faq-category/exam-fees/').status_code == 200
    api(client, 'PATCH', '/admin/api/faqs/%d' % entry['id'], token,
        {'categories': [], 'version': 1})
    assert api(client, 'DELETE', '/admin/api/categories/exam-fees', token)[0] == 204
    assert api(client, 'GET', '/admin/api/categories/exam-fees', token)[0] == 404
    assert client.http.get('/faq-category/exam-fees/').status_code == 404


def test_categories_from_the_html_admin(client, token, repo):
    browser = Browser(client, login(client)[1])
    response = browser.post('/admin/categories', {'name': 'Study tips', 'slug': '',
                                                  'description': 'How to prepare.'})
    assert response.status_code == 303
    assert [c.slug for c in repo.list_categories()] == ['study-tips']
    bad = browser.post('/admin/categories', {'name': '', 'slug': 'Bad Slug'})
    assert bad.status_code == 400 and b'Name is required.' in bad.body
    edit = browser.post('/admin/categories/study-tips', {'action': 'save', 'name': 'Study',
                                                         'description': ''})
    assert edit.status_code == 303 and repo.list_categories()[0].name == 'Study'
    gone = browser.post('/admin/categories/study-tips', {'action': 'delete'})
    assert gone.status_code == 303 and repo.list_categories() == []


def test_broken_links_report(client, token, repo):
    def make(title, content, status='publish', slug=None):
        body = {'title': title, 'content': content, 'status': status}
        if slug:
            body['slug'] = slug
        code, made, _ = api(client, 'POST', '/admin/api/faqs', token, body)
        assert code == 201, made
        return made
    target = make('Target', '<p>Here.</p>', slug='target')
    make('Draft one', '<p>Draft.</p>', status='draft', slug='draft-one')
    make('Links', '<p><a href="/faq/target/">ok</a> <a href="/faq/nowhere/">missing</a> '
                  '<a href="/faq/draft-one/">draft</a> <a href="/faq/old-target/">old</a></p>')
    api(client, 'PATCH', '/admin/api/faqs/%d' % target['id'], token,
        {'slug': 'old-target', 'version': 1})
    api(client, 'PATCH', '/admin/api/faqs/%d' % target['id'], token,
        {'slug': 'target-now', 'version': 2})
    status, report, _ = api(client, 'GET', '/admin/api/reports/broken-links', token)
    problems = {(r['link'], r['problem']) for r in report['items']}
    assert problems == {('/faq/nowhere/', 'missing'), ('/faq/draft-one/', 'draft'),
                        ('/faq/target/', 'redirects'), ('/faq/old-target/', 'redirects')}
    page = Browser(client, login(client)[1]).get('/admin/reports/broken-links').body.decode()
    assert '/faq/nowhere/' in page and 'No FAQ has this address.' in page
