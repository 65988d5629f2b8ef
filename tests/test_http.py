"""Caching, security headers, logs and behaviour when DynamoDB misbehaves."""
import json
import re

import pytest

from chalicelib import store
from chalicelib.admin import auth
from chalicelib.site import render
from chalicelib.wordpress import routes as wp_routes
from tests.admin_helpers import PASSWORD, Browser, login, login_form, post_login
from tests.faults import Fault
from tests.helpers import api_gateway_event, import_seed

SLUG = 'what-happens-if-you-fail-the-cma-exam-2'
PAGES = ['/', '/faq/', '/faq/%s/' % SLUG]


@pytest.fixture
def seeded(repo, stream):
    import_seed(repo)
    stream.drain()               # derived data built before any fault is injected
    return repo


@pytest.mark.parametrize('path', PAGES)
def test_public_pages_carry_cdn_friendly_caching_headers(client, seeded, path):
    response = client.http.get(path)
    assert response.status_code == 200
    cache = response.headers['Cache-Control']
    assert 'public' in cache and 'max-age=60' in cache and 's-maxage=300' in cache
    assert 'stale-while-revalidate' in cache
    assert re.fullmatch(r'"[0-9a-f]{32}"', response.headers['ETag'])
    assert response.headers['Last-Modified'].endswith(' GMT')


@pytest.mark.parametrize('path', PAGES)
def test_a_matching_etag_gets_304_without_rendering(client, seeded, path, monkeypatch):
    etag = client.http.get(path).headers['ETag']
    original = render.render

    def must_not_render(*args, **kwargs):
        raise AssertionError('rendered a page the client already has')
    monkeypatch.setattr(render, 'render', must_not_render)
    for header in (etag, 'W/' + etag, '"other", ' + etag, '*'):
        response = client.http.get(path, headers={'If-None-Match': header})
        assert response.status_code == 304 and response.body == b''
        assert response.headers['ETag'] == etag
    monkeypatch.setattr(render, 'render', original)
    assert client.http.get(path, headers={'If-None-Match': '"stale"'}).status_code == 200


def test_a_page_is_rendered_once_until_what_it_shows_changes(client, seeded, monkeypatch):
    rendered = []
    original = render.render

    def counting(template, **context):
        rendered.append(template)
        return original(template, **context)
    monkeypatch.setattr(render, 'render', counting)
    path = '/faq/%s/' % SLUG
    first, again = client.http.get(path), client.http.get(path)
    assert rendered == ['faq.html']
    assert again.status_code == 200 and again.body == first.body
    assert again.headers['ETag'] == first.headers['ETag']
    entry = seeded.get_by_slug(SLUG)
    seeded.save(entry.with_changes(title='Changed', version=entry.version + 1), entry, 'test')
    changed = client.http.get(path)
    assert rendered == ['faq.html', 'faq.html'] and b'<h1>Changed</h1>' in changed.body


def test_etag_changes_when_the_entry_changes(client, seeded):
    before = client.http.get('/faq/%s/' % SLUG).headers['ETag']
    entry = seeded.get_by_slug(SLUG)
    seeded.save(entry.with_changes(title='Changed', version=entry.version + 1), entry, 'test')
    response = client.http.get('/faq/%s/' % SLUG, headers={'If-None-Match': before})
    assert response.status_code == 200 and response.headers['ETag'] != before


SECURITY = ('Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy',
            'X-Frame-Options', 'Permissions-Policy')


def test_every_kind_of_response_carries_security_headers(client, seeded, token):
    responses = [client.http.get(p) for p in PAGES + ['/faq/missing/', '/admin/login',
                                                      '/admin']]
    responses.append(client.http.post('/faq', body='x'))                 # 405
    responses.append(client.http.get('/admin/api/faqs'))                 # 401
    responses.append(client.http.get('/admin/api/faqs', headers={
        'Authorization': 'Bearer ' + token}))
    for response in responses:
        for name in SECURITY:
            assert name in response.headers, (response.status_code, name)
        csp = response.headers['Content-Security-Policy']
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        assert "connect-src 'self'" in csp      # robots.txt readable from a page
        assert 'script-src' not in csp                  # so no script may run at all
        assert response.headers['X-Content-Type-Options'] == 'nosniff'
        assert 'Strict-Transport-Security' not in response.headers   # plain-http stage


def test_https_stages_send_hsts(seeded, monkeypatch):
    from app import app
    monkeypatch.setenv('SITE_URL', 'https://certilyst.com/resources')
    response = app(api_gateway_event('/faq', '/faq/'), None)
    assert response['headers']['Strict-Transport-Security'].startswith('max-age=')


def test_admin_responses_are_never_cached(client, token):
    _, cookie = login(client)
    for response in (Browser(client, cookie).get('/admin'), client.http.get('/admin/login'),
                     client.http.get('/admin/api/faqs', headers={
                         'Authorization': 'Bearer ' + token})):
        assert response.headers['Cache-Control'] == 'no-store'


def test_each_request_logs_one_json_line(client, seeded, capsys):
    client.http.get('/faq/%s/' % SLUG)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()
             if line.startswith('{')]
    record = lines[-1]
    assert record['route'] == '/faq/{slug}' and record['status'] == 200
    assert record['method'] == 'GET' and record['request_id']
    assert isinstance(record['duration_ms'], float)


# -- faults -------------------------------------------------------------------------

def fragile_repository(repo, attempts=1):
    """The same table through a client that retries ``attempts`` times at most."""
    import boto3
    from botocore.config import Config
    client = boto3.client('dynamodb', config=Config(
        retries={'mode': 'standard', 'total_max_attempts': attempts}, connect_timeout=1,
        read_timeout=2, region_name='us-east-1'))
    return store.FaqRepository(client, repo.table_name)


def concrete(path):
    return (path.replace('{slug}', SLUG).replace('{entry_id}', '549')
            .replace('{version}', '1').replace('{action}', 'publish')
            .replace('{id}', '549').replace('{type}', 'faq')
            .replace('{taxonomy}', 'faq-categories').replace('{table}', 'top-searches')
            .replace('{question_id}', '2026-01-02.0123456789abcdef')
            .replace('{comment_id}', '549.20260102T030405Z.0123abcd'))


def all_routes():
    from app import app
    return sorted((path, method) for path, methods in app.routes.items() for method in methods)


# Routes that answer from code alone, to GET and to HEAD: the login form, the
# documents that describe the APIs, robots.txt, the site icon, the 404 page of
# unknown paths, and WordPress's discovery documents and its answers for
# unknown routes.  Every other route reads or writes the table.
WITHOUT_DYNAMODB = {(path, method) for method in ('GET', 'HEAD') for path in (
    '/admin/login', '/openapi.json', '/robots.txt', '/favicon.ico', '/{page}',
    '/{section}/{page}', '/wp-json', '/wp-json/wp/v2',
    '/wp-json/wp/v2/types', '/wp-json/wp/v2/types/{type}', '/wp-json/wp/v2/taxonomies',
    '/wp-json/wp/v2/taxonomies/{taxonomy}') + wp_routes.CATCH_ROUTES}


def api_body(path, method):
    """A valid body for an admin API write, so that it gets as far as the table."""
    if method not in ('POST', 'PUT', 'PATCH') or '{action}' in path or 'restore' in path:
        return {}
    if path.startswith('/admin/api/categories'):
        return {'name': 'Renamed', 'description': ''} if method == 'PATCH' else \
            {'name': 'New category', 'slug': 'new-category'}
    return {'title': 'T', 'content': '<p>x</p>', 'version': 1}


# Routes whose own work is reading or writing the admin's accounts (and whose
# guard, if any, reads them too): the fault reaches account reads for these.
ACCOUNT_ROUTES = {'/admin/login', '/admin/login/code', '/admin/account', '/admin/account/2fa'}


def send(client, path, method, token, cookie, csrf, password_ok):
    url = concrete(path)
    if path.startswith('/admin/api'):
        return getattr(client.http, method.lower())(
            url, body=json.dumps(api_body(path, method)), headers={
                'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    if path == '/admin/login' and method == 'POST':
        return post_login(client, {'username': 'editor', 'password': PASSWORD})
    if path == '/admin/login/code':          # the second step, after a right password
        from urllib.parse import urlencode
        form_cookie, form_token = login_form(client)
        cookies = {'Cookie': '%s; faq_2fa=%s' % (form_cookie, password_ok)}
        if method in ('GET', 'HEAD'):
            return getattr(client.http, method.lower())(url, headers=cookies)
        return client.http.post(url, body=urlencode({'csrf': form_token, 'code': '123456'}),
                                headers=dict(cookies, **{
                                    'Content-Type': 'application/x-www-form-urlencoded'}))
    if method == 'HEAD':
        return client.http.head(url, headers={'Cookie': cookie})
    if method == 'POST':
        from urllib.parse import urlencode
        fields = {'csrf': csrf, 'version': '1', 'title': 'T', 'content': '<p>x</p>',
                  'name': 'New category'}
        return client.http.post(url, body=urlencode(fields), headers={
            'Cookie': cookie, 'Content-Type': 'application/x-www-form-urlencoded'})
    return client.http.get(url, headers={'Cookie': cookie})


@pytest.mark.parametrize('kind', ['throttle', 'unreachable'])
def test_every_route_that_uses_dynamodb_answers_503_when_it_fails(
        client, seeded, token, kind, monkeypatch, capsys):
    _, cookie = login(client)
    browser = Browser(client, cookie)
    csrf = browser.csrf()
    password_ok = auth.password_ok_cookie(store.get_accounts().get_user('editor'))
    fragile = fragile_repository(seeded)
    monkeypatch.setattr(store, '_repository', fragile)
    fault = Fault(fragile.client, kind)
    reached, answers = set(), {}
    for path, method in all_routes():
        fault.spare_auth = path not in ACCOUNT_ROUTES
        before = fault.sent
        response = send(client, path, method, token, cookie, csrf, password_ok)
        answers[path, method] = response
        if fault.sent > before:
            reached.add((path, method))
    assert not WITHOUT_DYNAMODB - set(all_routes()), 'a listed route no longer exists'
    # every route but those answered from code reached DynamoDB, and only they
    assert reached == set(all_routes()) - WITHOUT_DYNAMODB
    assert len(reached) >= 48
    for path, method in sorted(reached):
        response = answers[path, method]
        assert response.status_code == 503, (path, method, response.body[:300])
        assert response.headers['Retry-After'] == '30'
        assert b'Traceback' not in response.body
        if method == 'HEAD':
            assert response.body == b''
        elif path.startswith(('/admin/api', '/wp-json')):
            assert json.loads(response.body)['error']['code'] == 'unavailable'
        else:
            assert response.headers['Content-Type'].startswith('text/html')
            assert b'Back in a moment' in response.body
    for route in WITHOUT_DYNAMODB:
        assert answers[route].status_code < 500, route
    errors = [json.loads(line) for line in capsys.readouterr().out.splitlines()
              if line.startswith('{') and '"dynamodb_unavailable"' in line]
    assert len(errors) >= len(reached)
    assert all(e['request_id'] and e['status'] == 503 and e['level'] == 'error'
               for e in errors)


def test_throttling_is_retried_before_giving_up(client, seeded, monkeypatch):
    fragile = fragile_repository(seeded, attempts=3)
    monkeypatch.setattr(store, '_repository', fragile)
    fault = Fault(fragile.client, 'throttle')
    response = client.http.get('/faq/%s/' % SLUG)
    assert response.status_code == 503
    # the page's one read (its entry, related questions included) tried
    # three times before the page gave up
    tries = {op: fault.operations.count(op) for op in fault.operations}
    assert len(tries) == 1 and set(tries.values()) == {3}, tries
    assert next(iter(tries))[0].endswith('.Query')


def test_the_store_configures_bounded_retries_and_timeouts():
    client = store.make_client()
    config = client.meta.config
    assert config.retries['mode'] == 'standard'
    assert config.retries['total_max_attempts'] == 3
    assert config.connect_timeout == 2 and config.read_timeout == 5
