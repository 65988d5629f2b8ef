"""The login screens: the password, the one-time code when two-factor login
is on, and logging out.

These are the admin's open doors (the guard lets them through without a
session), so each post must bring back the login form's token
(``auth.login_token_ok``), and every password and code goes through the
login throttle: 401 for a wrong one, 429 with ``Retry-After`` past a limit.
"""
from chalice import Response

from ..settings import get_settings
from ..urls import mount_path
from . import auth
from .guard import client_ip, form_data
from .html import page, urls_for

CODE_PATH = '/admin/login/code'


def _safe_next(request, wanted):
    """Only a path inside this admin may be a post-login destination."""
    admin = mount_path(request) + '/admin'
    if isinstance(wanted, str) and (wanted == admin or wanted.startswith(admin + '/')) \
            and '//' not in wanted and '\\' not in wanted:
        return wanted
    return admin


def _secure():
    """Cookies are Secure on https sites; a plain-http local run would drop them."""
    return get_settings().https


def _login_cookie_path(request):
    return mount_path(request) + '/admin/login'      # the code form's path is below it


def form_page(request, template='login.html', code=200, headers=None, **context):
    """A login form, with its token in the form and in a cookie for the login
    paths alone (see ``auth.login_token_ok``)."""
    token = auth.login_token(auth.cookie_from_headers(request.headers, auth.LOGIN_COOKIE))
    cookie = auth.cookie_header(token, _login_cookie_path(request), _secure(),
                                auth.LOGIN_FORM_SECONDS, auth.LOGIN_COOKIE)
    return page(request, template, code, dict(headers or {}, **{'Set-Cookie': cookie}),
                login_token=token, **context)


def _checked_form(request, template, **context):
    """The posted form, or the page that answers a broken or forged one."""
    try:
        form = form_data(request)
    except ValueError as error:
        return None, form_page(request, template, 400, error=str(error), next='', **context)
    if not auth.login_token_ok(auth.cookie_from_headers(request.headers, auth.LOGIN_COOKIE),
                               form.get('csrf')):
        return None, form_page(
            request, template, 400, next=_safe_next(request, form.get('next')),
            error='This login form has expired or was sent from another site. '
                  'Please log in again.', **context)
    return form, None


def _throttled(request, template, error, **context):
    return form_page(request, template, 429, {'Retry-After': str(error.retry_after)},
                     error=str(error), **context)


def _logged_in(request, record, destination, *extra_cookies):
    cookie = auth.cookie_header(auth.new_session_cookie(record),
                                mount_path(request) + '/admin', secure=_secure())
    return Response(body='', status_code=303, headers={
        'Location': destination, 'Cache-Control': 'no-store',
        'Set-Cookie': [cookie, *extra_cookies] if extra_cookies else cookie})


# -- the password --------------------------------------------------------------------------

def login_form(request):
    params = request.query_params or {}
    return form_page(request, next=_safe_next(request, params.get('next')))


def login(request):
    form, refused = _checked_form(request, 'login.html',
                                  username=_posted(request, 'username')[:64])
    if refused:
        return refused
    user = form.get('username', '')
    context = {'username': user[:64], 'next': _safe_next(request, form.get('next'))}
    try:
        record = auth.login(user, form.get('password', ''), client_ip(request))
    except auth.LoginThrottled as error:
        return _throttled(request, 'login.html', error, **context)
    if record is None:
        return form_page(request, 'login.html', 401, error='Wrong user name or password.',
                         **context)
    if not record.totp_secret:
        return _logged_in(request, record, context['next'])
    # the password was right; a session waits for the one-time code
    cookie = auth.cookie_header(auth.password_ok_cookie(record), _login_cookie_path(request),
                                _secure(), auth.PASSWORD_OK_SECONDS, auth.PASSWORD_OK_COOKIE)
    return Response(body='', status_code=303, headers={
        'Location': urls_for(request).link(CODE_PATH, next=context['next']),
        'Set-Cookie': cookie, 'Cache-Control': 'no-store'})


def _posted(request, name):
    try:
        return form_data(request).get(name, '')
    except ValueError:
        return ''


# -- the one-time code ---------------------------------------------------------------------

def _password_ok(request):
    return auth.cookie_from_headers(request.headers, auth.PASSWORD_OK_COOKIE)


def _back_to_password(request):
    return Response(body='', status_code=303, headers={
        'Location': urls_for(request).link('/admin/login'), 'Cache-Control': 'no-store'})


def code_form(request):
    if auth.password_ok_user(_password_ok(request)) is None:
        return _back_to_password(request)
    params = request.query_params or {}
    return form_page(request, 'login_code.html', next=_safe_next(request, params.get('next')))


def code_login(request):
    form, refused = _checked_form(request, 'login_code.html')
    if refused:
        return refused
    destination = _safe_next(request, form.get('next'))
    try:
        record = auth.second_step(_password_ok(request), form.get('code', ''),
                                  client_ip(request))
    except auth.LoginThrottled as error:
        return _throttled(request, 'login_code.html', error, next=destination)
    if record is None:
        if auth.password_ok_user(_password_ok(request)) is None:
            return _back_to_password(request)        # expired, or logged out meanwhile
        return form_page(request, 'login_code.html', 401, next=destination,
                         error='That code is wrong, or was used already.')
    done = auth.cookie_header('', _login_cookie_path(request), _secure(), 0,
                              auth.PASSWORD_OK_COOKIE)
    return _logged_in(request, record, destination, done)


# -- logging out ---------------------------------------------------------------------------

def logout(request):
    auth.end_sessions(request.admin_user)
    cookie = auth.cookie_header('', mount_path(request) + '/admin', secure=_secure(),
                                max_age=0)
    return Response(body='', status_code=303, headers={
        'Location': urls_for(request).link('/admin/login'), 'Set-Cookie': cookie,
        'Cache-Control': 'no-store'})
