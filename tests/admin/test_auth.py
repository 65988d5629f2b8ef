"""Authentication: every admin route refuses strangers; sessions and tokens hold."""
import re

import pytest

from chalicelib.admin import auth, throttle
from tests.admin_helpers import PASSWORD, Browser, api, login, login_form, post_login
from tests.helpers import api_gateway_event


OPEN = {'/admin/login', '/admin/login/code'}     # each checks its own form token


def admin_routes():
    """Every (path, method) the app registers under /admin, but the login page."""
    from app import app
    return sorted((path, method) for path, methods in app.routes.items()
                  for method in methods if path.startswith('/admin') and path not in OPEN)


def test_there_are_admin_routes_to_check():
    routes = admin_routes()
    assert ('/admin', 'GET') in routes and ('/admin/api/faqs', 'POST') in routes
    assert len(routes) >= 20


@pytest.mark.parametrize('path,method', admin_routes())
def test_every_admin_route_refuses_an_anonymous_request(client, path, method):
    concrete = re.sub(r'\{[^}]+\}', '1', path)
    is_api = path.startswith('/admin/api')
    content_type = 'application/json' if is_api else 'application/x-www-form-urlencoded'
    for headers in ({}, {'Authorization': 'Bearer faqt_not-a-token'},
                    {'Cookie': 'faq_admin=forged.cookie.value'}):
        response = getattr(client.http, method.lower())(
            concrete, headers=dict({'Content-Type': content_type}, **headers),
            body='{}' if is_api else 'csrf=x')
        if is_api:
            assert response.status_code == 401, (path, method, headers)
            assert response.headers['Content-Type'] == 'application/json'
            assert b'unauthorized' in response.body or method == 'HEAD'
            assert 'WWW-Authenticate' in response.headers
        else:
            assert response.status_code == 302, (path, method, headers)
            assert response.headers['Location'].startswith('/admin/login?next=')


def test_the_login_page_is_the_one_open_door(client):
    response = client.http.get('/admin/login')
    assert response.status_code == 200 and b'name="password"' in response.body


def test_login_sets_a_strict_http_only_expiring_cookie(client, token):
    response, cookie = login(client)
    assert response.status_code == 303 and response.headers['Location'] == '/admin'
    header = response.headers['Set-Cookie']
    for attribute in ('HttpOnly', 'SameSite=Strict', 'Path=/admin', 'Max-Age=28800'):
        assert attribute in header
    assert 'Secure' not in header                  # the local stage is plain http
    assert Browser(client, cookie).get('/admin').status_code == 200


def test_cookie_is_secure_on_https_sites(repo, token, monkeypatch):
    from app import app
    monkeypatch.setenv('SITE_URL', 'https://certilyst.com/resources')
    form = app(api_gateway_event('/admin/login', '/admin/login', mount='/resources'), None)
    login_cookie = form['headers']['Set-Cookie']
    assert 'Secure' in login_cookie and 'Path=/resources/admin/login' in login_cookie
    token_field = re.search(r'name="csrf" value="([^"]+)"', form['body']).group(1)
    event = api_gateway_event('/admin/login', '/admin/login', mount='/resources',
                              method='POST', body='username=editor&password=%s&csrf=%s' % (
                                  PASSWORD.replace(' ', '+'), token_field),
                              headers={'Content-Type': 'application/x-www-form-urlencoded',
                                       'Cookie': login_cookie.split(';')[0]})
    response = app(event, None)
    assert response['statusCode'] == 303
    cookie = response['headers']['Set-Cookie']
    assert 'Secure' in cookie and 'Path=/resources/admin' in cookie
    assert response['headers']['Location'] == '/resources/admin'


def test_the_login_form_carries_a_token_paired_with_a_strict_cookie(client):
    response = client.http.get('/admin/login')
    header = response.headers['Set-Cookie']
    cookie, token = login_form(client)
    assert cookie.startswith('faq_login=') and len(token) == 32
    for attribute in ('HttpOnly', 'SameSite=Strict', 'Path=/admin/login', 'Max-Age=3600'):
        assert attribute in header
    # a second login page (another tab) keeps the visitor's token
    again = client.http.get('/admin/login', headers={'Cookie': cookie})
    assert ('name="csrf" value="%s"' % cookie.split('=', 1)[1]).encode() in again.body


@pytest.mark.parametrize('forgery', ['no cookie', 'no field', 'other token', 'forged cookie'])
def test_a_login_post_without_its_forms_token_is_refused(client, token, forgery):
    """Login CSRF: another site must not log a visitor into its own account."""
    cookie, field = login_form(client)
    other_cookie, other_field = login_form(client)
    form = {'no cookie': ('unrelated=1', field), 'no field': (cookie, ''),
            'other token': (cookie, other_field),
            'forged cookie': ('faq_login=' + 'A' * 32, field)}[forgery]
    response = post_login(client, {'username': 'editor', 'password': PASSWORD}, form)
    assert response.status_code == 400
    assert b'This login form has expired or was sent from another site' in response.body
    assert 'faq_admin=' not in response.headers.get('Set-Cookie', '')
    assert b'value="editor"' in response.body          # the user name is kept
    # the page offers a fresh, working form
    retry = post_login(client, {'username': 'editor', 'password': PASSWORD},
                       (response.headers['Set-Cookie'].split(';')[0],
                        re.search(rb'name="csrf" value="([^"]+)"', response.body).group(1)
                        .decode()))
    assert retry.status_code == 303


def test_wrong_password_and_unknown_user_are_refused_alike(client, token):
    for user, password in (('editor', 'wrong password!!'), ('nobody', PASSWORD)):
        response, cookie = login(client, user, password)
        assert response.status_code == 401 and not cookie
        assert b'Wrong user name or password.' in response.body


def test_repeated_failures_are_throttled_even_with_the_right_password(client, token):
    for _ in range(throttle.PAIR_LIMIT):
        assert login(client, password='wrong password!!')[0].status_code == 401
    response, cookie = login(client)
    assert response.status_code == 429 and not cookie
    assert 0 < int(response.headers['Retry-After']) <= throttle.WINDOW
    assert b'Too many failed logins for this user from your address' in response.body
    # another user from the same client is not locked out by these five
    auth.create_user('second', PASSWORD)
    assert login(client, 'second')[0].status_code == 303


def test_forms_without_the_csrf_token_are_refused(client, token, repo):
    _, cookie = login(client)
    browser = Browser(client, cookie)
    for csrf in (False, 'not-the-token'):
        response = browser.post('/admin/faqs/new', {'title': 'Sneaky', 'content': 'x'},
                                csrf=csrf)
        assert response.status_code == 403
    assert repo.all_by_status('draft') == []


def test_logout_ends_the_session(client, token):
    _, cookie = login(client)
    browser = Browser(client, cookie)
    response = browser.post('/admin/logout', {})
    assert response.status_code == 303
    assert 'Max-Age=0' in response.headers['Set-Cookie']
    assert browser.get('/admin').status_code == 302        # the old cookie is dead


def test_a_tampered_or_expired_cookie_is_refused(client, token, monkeypatch):
    _, cookie = login(client)
    name, value = cookie.split('=', 1)
    tampered = '%s=%s' % (name, value[:-2] + ('AA' if not value.endswith('AA') else 'BB'))
    assert Browser(client, tampered).get('/admin').status_code == 302
    monkeypatch.setattr(auth, 'SESSION_SECONDS', -1)
    assert Browser(client, cookie).get('/admin').status_code == 302


def test_secrets_are_stored_only_as_hashes(client, token, repo, dynamodb_client):
    items = dynamodb_client.scan(TableName=repo.table_name)['Items']
    dump = repr(items)
    assert PASSWORD not in dump and token not in dump
    assert auth.token_hash(token) in dump
    assert re.search(r"'password_hash': \{'S': 'scrypt\$\d+\$8\$1\$", dump)


def test_api_tokens_work_until_revoked(client, token):
    assert api(client, 'GET', '/admin/api/faqs', token)[0] == 200
    auth.revoke_token(token)
    assert api(client, 'GET', '/admin/api/faqs', token)[0] == 401


def test_login_redirects_only_inside_the_admin(client, token):
    for wanted, expected in (('/admin/faqs/new', '/admin/faqs/new'),
                             ('https://evil.example/', '/admin'),
                             ('//evil.example/admin', '/admin'), ('/faq/x/', '/admin')):
        response = post_login(client, {'username': 'editor', 'password': PASSWORD,
                                       'next': wanted})
        assert response.headers['Location'] == expected, wanted
