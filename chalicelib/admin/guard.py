"""The one check every admin route passes through, as Chalice middleware.

Chalice does not enforce IAM or external authorizers under ``chalice local``
or its test client, so the admin is guarded by the app itself, the same way
everywhere: every route under ``/admin/`` except the login pages needs a
Bearer token (``/admin/api/``) or a signed session cookie (HTML screens),
and every HTML form post must carry the session's CSRF token.
"""
import json

from chalice import Response

from ..forms import form_fields
from ..middleware import client_address as client_ip  # noqa: F401 (the login screens use it)

ADMIN_PREFIX = '/admin'
API_PREFIX = '/admin/api'
OPEN_ROUTES = {'/admin/login', '/admin/login/code'}   # each checks its own form token
FORM_LIMIT = 512 * 1024


def is_admin_route(route):
    return route == ADMIN_PREFIX or route.startswith(ADMIN_PREFIX + '/')


def json_error(status, code, message, headers=None, **extra):
    body = {'error': dict({'code': code, 'message': message}, **extra)}
    return Response(body=json.dumps(body), status_code=status,
                    headers=dict({'Content-Type': 'application/json',
                                  'Cache-Control': 'no-store'}, **(headers or {})))


def form_data(request):
    """The posted form as a dict of first values (parsed once per request)."""
    return form_fields(request, FORM_LIMIT)


def admin_guard(request, get_response):
    route = request.context.get('resourcePath') or ''
    if not is_admin_route(route) or route in OPEN_ROUTES:
        return get_response(request)
    from . import auth              # public pages never need it: keep it off cold starts
    if route == API_PREFIX or route.startswith(API_PREFIX + '/'):
        user = auth.user_for_token(auth.bearer_token(request.headers))
        if user is None:
            return json_error(401, 'unauthorized',
                              'A valid API token is required (Authorization: Bearer …).',
                              headers={'WWW-Authenticate': 'Bearer realm="faq-admin"'})
        request.admin_user, request.admin_session = user, None
        return get_response(request)
    session = auth.read_session(auth.cookie_from_headers(request.headers))
    if session is None:
        from .html import redirect_to_login
        return redirect_to_login(request)
    if request.method == 'POST':
        try:
            token = form_data(request).get('csrf')
        except ValueError:
            token = None
        if not auth.csrf_ok(session, token):
            from .html import forbidden
            return forbidden(request, 'This form has expired or did not come from this '
                                      'site. Reload the page and try again.')
    request.admin_user, request.admin_session = session.user, session
    return get_response(request)
