"""Two-factor login: enrolment on the Account screen, the code step at login,
recovery codes, the throttle on codes, and the command-line reset."""
import re
import time
from urllib.parse import urlencode

import pyotp
import pytest

from chalicelib import cli, store
from chalicelib.admin import auth, throttle, twofactor
from tests.admin_helpers import PASSWORD, Browser, csrf_of, login, login_form, post_login


def cookie_value(response, name):
    """The value ``response`` sets for cookie ``name`` (None if it sets none)."""
    headers = response.headers.get('Set-Cookie') or []
    for header in [headers] if isinstance(headers, str) else headers:
        key, _, value = header.split(';', 1)[0].partition('=')
        if key == name:
            return value
    return None


def enrol(client):
    """Log in and turn two-factor login on: (browser, secret, recovery codes)."""
    _, cookie = login(client)
    browser = Browser(client, cookie)
    start = browser.post('/admin/account/2fa', {'action': 'start'})
    assert start.status_code == 303
    page = browser.get('/admin/account').body.decode()
    secret = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', page).group(1).replace(' ', '')
    code = pyotp.TOTP(secret).now()
    done = browser.post('/admin/account/2fa', {'action': 'confirm', 'code': code},
                        csrf=csrf_of(page))
    assert done.status_code == 200, done.body
    codes = re.findall(r'<li><code>([a-z0-9-]+)</code></li>', done.body.decode())
    return browser, secret, codes


def next_code(secret, steps=1):
    """A code of a later time step (accepted: one step of clock drift)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def code_step(client, code, password_ok, form=None):
    cookie, token = form or login_form(client)
    return client.http.post('/admin/login/code', body=urlencode({'code': code, 'csrf': token}),
                            headers={'Content-Type': 'application/x-www-form-urlencoded',
                                     'Cookie': '%s; faq_2fa=%s' % (cookie, password_ok)})


def test_enrolment_shows_a_server_drawn_qr_and_recovery_codes_once(client, token, repo,
                                                                   dynamodb_client):
    _, cookie = login(client)
    browser = Browser(client, cookie)
    account = browser.get('/admin/account').body.decode()
    assert 'href="/admin/account"' in account and 'Two-factor login</h2>\n<p>Off.' in account
    browser.post('/admin/account/2fa', {'action': 'start'})
    page = browser.get('/admin/account').body.decode()
    assert re.search(r'<figure class="qr"><svg [^>]*class="segno"><title>', page)
    assert '<script' not in page and 'otpauth://' not in page     # drawn, not linked
    secret = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', page).group(1).replace(' ', '')
    record = store.get_accounts().get_user('editor')
    assert record.totp_pending == secret and record.totp_secret == ''
    assert twofactor.qr_svg(twofactor.provisioning_uri(secret, 'editor', 'Certilyst')) in page
    # a wrong code changes nothing
    wrong = browser.post('/admin/account/2fa', {'action': 'confirm', 'code': '000000'},
                         csrf=csrf_of(page))
    assert wrong.status_code == 400 and b'That code is wrong' in wrong.body
    assert store.get_accounts().get_user('editor').totp_secret == ''
    done = browser.post('/admin/account/2fa', {'action': 'confirm',
                                               'code': pyotp.TOTP(secret).now()},
                        csrf=csrf_of(page))
    codes = re.findall(r'<li><code>([a-z0-9-]+)</code></li>', done.body.decode())
    assert len(codes) == twofactor.RECOVERY_CODES == len(set(codes))
    assert done.headers['Cache-Control'] == 'no-store'
    record = store.get_accounts().get_user('editor')
    assert record.totp_secret == secret and record.recovery_left == 10
    assert not record.totp_pending
    dump = repr(dynamodb_client.scan(TableName=repo.table_name)['Items'])
    assert not [c for c in codes if c in dump or c.replace('-', '') in dump]   # hashes only
    assert twofactor.recovery_hash('editor', codes[0]) in dump
    assert b'Recovery codes left: 10' in browser.get('/admin/account').body


def test_a_right_password_earns_no_session_until_the_code(client, token):
    _, secret, _ = enrol(client)
    response = post_login(client, {'username': 'editor', 'password': PASSWORD,
                                   'next': '/admin/categories'})
    assert response.status_code == 303
    assert response.headers['Location'] == '/admin/login/code?next=%2Fadmin%2Fcategories'
    assert cookie_value(response, auth.SESSION_COOKIE) is None
    password_ok = cookie_value(response, auth.PASSWORD_OK_COOKIE)
    header = response.headers['Set-Cookie']
    for attribute in ('HttpOnly', 'SameSite=Strict', 'Path=/admin/login', 'Max-Age=300'):
        assert attribute in header
    # the password-ok cookie opens nothing but the code form
    for cookie in ('faq_admin=' + password_ok, 'faq_2fa=' + password_ok):
        assert Browser(client, cookie).get('/admin').status_code == 302
    form = client.http.get('/admin/login/code', headers={'Cookie': 'faq_2fa=' + password_ok})
    assert form.status_code == 200 and b'name="code"' in form.body
    wrong = code_step(client, '123456', password_ok)
    assert wrong.status_code == 401 and b'That code is wrong' in wrong.body
    assert cookie_value(wrong, auth.SESSION_COOKIE) is None
    right = code_step(client, next_code(secret), password_ok)
    assert right.status_code == 303
    session = cookie_value(right, auth.SESSION_COOKIE)
    assert cookie_value(right, auth.PASSWORD_OK_COOKIE) == ''          # cleared
    assert Browser(client, 'faq_admin=' + session).get('/admin').status_code == 200
    # the same code never works twice
    again = post_login(client, {'username': 'editor', 'password': PASSWORD})
    replay = code_step(client, next_code(secret), cookie_value(again, auth.PASSWORD_OK_COOKIE))
    assert replay.status_code == 401 and b'used already' in replay.body


def test_without_a_password_first_the_code_form_sends_you_back(client, token):
    enrol(client)
    for cookie in ({}, {'Cookie': 'faq_2fa=forged.value.here'}):
        response = client.http.get('/admin/login/code', headers=cookie)
        assert response.status_code == 303 and response.headers['Location'] == '/admin/login'
    record = store.get_accounts().get_user('editor')
    password_ok = auth.password_ok_cookie(record)
    auth.end_sessions('editor')              # logging out ends the password-ok cookie too
    response = code_step(client, next_code(record.totp_secret), password_ok)
    assert response.status_code == 303 and response.headers['Location'] == '/admin/login'
    assert cookie_value(response, auth.SESSION_COOKIE) is None


def test_a_recovery_code_works_once(client, token):
    _, _, codes = enrol(client)
    for expected in (303, 401):
        answer = post_login(client, {'username': 'editor', 'password': PASSWORD})
        step = code_step(client, codes[3].upper().replace('-', ' '),
                         cookie_value(answer, auth.PASSWORD_OK_COOKIE))
        assert step.status_code == expected
    assert store.get_accounts().get_user('editor').recovery_left == 9


def test_codes_are_throttled_like_passwords_and_reported(client, token):
    enrol(client)
    answer = post_login(client, {'username': 'editor', 'password': PASSWORD})
    password_ok = cookie_value(answer, auth.PASSWORD_OK_COOKIE)
    for _ in range(throttle.PAIR_LIMIT):
        assert code_step(client, '000000', password_ok).status_code == 401
    refused = code_step(client, '000000', password_ok)
    assert refused.status_code == 429 and int(refused.headers['Retry-After']) > 0
    records = store.get_repository().audit_log()
    failed = [r for r in records if r.action == 'code-failed']
    assert len(failed) == 1 and failed[0].actor == 'editor'
    assert failed[0].failures == throttle.PAIR_LIMIT


def test_turning_it_off_takes_a_code(client, token):
    browser, secret, _ = enrol(client)
    page = browser.get('/admin/account').body.decode()
    wrong = browser.post('/admin/account/2fa', {'action': 'disable', 'code': '000000'},
                         csrf=csrf_of(page))
    assert wrong.status_code == 400
    assert store.get_accounts().get_user('editor').totp_secret == secret
    off = browser.post('/admin/account/2fa', {'action': 'disable', 'code': next_code(secret)},
                       csrf=csrf_of(page))
    assert off.status_code == 303 and off.headers['Location'] == '/admin/account?done=2fa-off'
    assert store.get_accounts().get_user('editor').totp_secret == ''
    assert login(client)[0].headers['Location'] == '/admin'          # password alone again


def test_the_cli_resets_it_and_ends_the_sessions(client, token, capsys):
    browser, _, _ = enrol(client)
    assert cli.main(['reset-2fa', 'editor']) == 0
    assert 'two-factor login of editor is off' in capsys.readouterr().out
    record = store.get_accounts().get_user('editor')
    assert record.totp_secret == '' and record.recovery_left == 0
    assert browser.get('/admin').status_code == 302                   # session ended
    assert login(client)[0].headers['Location'] == '/admin'
    with pytest.raises(SystemExit, match='No such user: nobody'):
        cli.main(['reset-2fa', 'nobody'])


def test_a_code_is_accepted_one_step_either_side_and_only_once():
    secret = pyotp.random_base32()
    totp, now = pyotp.TOTP(secret), 1_800_000_015
    step = now // 30
    assert twofactor.matching_step(secret, totp.at(now), 0, now) == step
    assert twofactor.matching_step(secret, totp.at(now - 30), 0, now) == step - 1
    assert twofactor.matching_step(secret, totp.at(now + 30), 0, now) == step + 1
    assert twofactor.matching_step(secret, totp.at(now + 60), 0, now) is None
    assert twofactor.matching_step(secret, totp.at(now), step, now) is None     # used
    for junk in ('', '12345', '1234567', 'abcdef', '١٢٣٤٥٦', None):
        assert twofactor.matching_step(secret, junk, 0, now) is None


def test_the_login_form_stays_as_it_was_for_users_without_it(client, token):
    response, cookie = login(client)
    assert response.status_code == 303 and cookie.startswith('faq_admin=')
    assert isinstance(response.headers['Set-Cookie'], str)
