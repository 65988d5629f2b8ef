"""Every kind of page the site and the admin show is valid HTML: zero errors
in the W3C Nu HTML checker (npm ``vnu-jar``, run with the Java that DynamoDB
Local already needs), every page checked in one run of it.

The pages are rendered through the test client into files (the checker
refuses loopback URLs), with one known-bad page among them, so that the run
also proves the checker reports what it should.
"""
import json
import os
import shutil
import subprocess
from urllib.parse import urlencode

import pytest

from chalicelib.errors import ServiceUnavailable
from chalicelib.site import pages as site_pages
from chalicelib.wordpress import importer
from tests.admin_helpers import Browser, api, login, post_login
from tests.conftest import ROOT
from tests.helpers import SEED, import_seed, load_json

VNU = os.path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar')
# vnu needs a deep thread stack; a short run gains nothing from the C2
# compiler or a parallel collector (half the CPU time of a plain java -jar)
JAVA = ['java', '-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', VNU]
SLUG = 'what-happens-if-you-fail-the-cma-exam-2'
KNOWN_BAD = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
             '</head><body><p id="twice">a</p><p id="twice">b</p>'
             '<input type="month" name="m" pattern="[0-9]{4}"></body></html>')

if not shutil.which('java') or not os.path.exists(VNU):
    pytest.skip('the Nu HTML checker needs java and node_modules/vnu-jar (npm ci)',
                allow_module_level=True)


def nu_check(paths):
    """The checker's messages for ``paths`` (one Java run), by file name."""
    result = subprocess.run(JAVA + ['--format', 'json', '--stdout', '--exit-zero-always']
                            + [str(p) for p in paths],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    found = {os.path.basename(str(p)): [] for p in paths}
    for message in json.loads(result.stdout)['messages']:
        found.setdefault(os.path.basename(message.get('url', '?')), []).append(message)
    return found


def _public_pages(client):
    pages = {
        'home': '/', 'index': '/faq/', 'index-page-2': '/faq/?page=2',
        'faq': '/faq/%s/' % SLUG, 'category': '/faq-category/cma-exam/',
        'search-results': '/?s=cma', 'search-no-results': '/?s=zzqqxx',
        'search-empty': '/?s=', 'search-page-2': '/?s=exam&page=2',
        'not-found': '/faq/no-such-question/', 'unknown-path': '/about-us/',
    }
    found = {name: client.http.get(path) for name, path in pages.items()}
    assert found['not-found'].status_code == found['unknown-path'].status_code == 404
    assert b'No questions match' in found['search-no-results'].body
    assert b'question' in found['search-page-2'].body
    return found


def _error_page(client):
    def unavailable(request):
        raise ServiceUnavailable('throttled')
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_pages, 'home', unavailable)
        response = client.http.get('/')
    assert response.status_code == 503
    return response


def _admin_pages(client, repo, token):
    found = {'login': client.http.get('/admin/login'),
             'login-failed': post_login(client, {'username': 'editor', 'password': 'wrong'})}
    assert found['login-failed'].status_code == 401
    _, cookie = login(client)
    browser = Browser(client, cookie)
    status, created, _ = api(client, 'POST', '/admin/api/faqs', token, {
        'title': 'Links to nowhere', 'status': 'publish', 'categories': ['cma-exam'],
        'content': '<p>See <a href="/faq/no-such-question/">this</a>.</p>'})
    assert status == 201
    entry = '/admin/faqs/%d' % created['id']
    api(client, 'PATCH', '/admin/api/faqs/%d' % created['id'], token,
        {'title': 'Links to nowhere, edited', 'version': 1})
    form = {'title': 'A title', 'slug': '', 'description': '', 'categories': '',
            'status': 'draft', 'content_format': 'html', 'content': '<p>Text</p>'}
    found.update({
        'dashboard': browser.get('/admin'),
        'dashboard-trash': browser.get('/admin?status=trash&q=none'),
        'new': browser.get('/admin/faqs/new'),
        'new-invalid': browser.post('/admin/faqs/new', dict(form, title='', slug='Bad')),
        'new-preview': browser.post('/admin/faqs/new', dict(form, action='preview')),
        'edit': browser.get(entry + '?done=saved'),
        'edit-conflict': browser.post(entry, dict(form, version='1')),
        'revisions': browser.get(entry + '/revisions?show=1'),
        'no-such-entry': browser.get('/admin/faqs/999999'),
        'categories': browser.get('/admin/categories?done=created'),
        'categories-invalid': browser.post('/admin/categories', {'name': '', 'slug': 'Bad'}),
        'category': browser.get('/admin/categories/cma-exam'),
        'category-invalid': browser.post('/admin/categories/cma-exam',
                                         {'action': 'save', 'name': ''}),
        'broken-links': browser.get('/admin/reports/broken-links'),
        'audit': browser.get('/admin/audit'),
        'audit-invalid': browser.get('/admin/audit?' + urlencode({'month': '2026-13'})),
    })
    assert found['edit-conflict'].status_code == 409
    assert b'no-such-question' in found['broken-links'].body
    return found


def test_every_page_and_admin_screen_has_zero_errors_in_the_nu_checker(
        client, repo, token, tmp_path):
    importer.import_terms(repo, load_json(SEED + '/faq-categories.json'))
    assert not import_seed(repo).failed
    responses = dict(_public_pages(client), error=_error_page(client))
    responses.update(('admin-' + name, response)
                     for name, response in _admin_pages(client, repo, token).items())
    files = []
    for name, response in sorted(responses.items()):
        assert response.headers['Content-Type'].startswith('text/html'), name
        path = tmp_path / (name + '.html')
        path.write_bytes(response.body)
        files.append(path)
    bad = tmp_path / 'known-bad.html'
    bad.write_text(KNOWN_BAD, encoding='utf-8')
    messages = nu_check(files + [bad])

    reported = {m['message'] for m in messages.pop('known-bad.html')}
    assert any('Duplicate ID' in m for m in reported), reported
    assert any('pattern' in m for m in reported), reported
    errors = {name: ['line %s: %s' % (m.get('lastLine'), m['message']) for m in found
                     if m['type'] in ('error', 'non-document-error')]
              for name, found in messages.items()}
    assert len(messages) == len(files) >= 30
    failing = {name: found for name, found in errors.items() if found}
    assert not failing, '\n'.join('%s: %s' % (name, line) for name, lines in
                                   sorted(failing.items()) for line in lines)
