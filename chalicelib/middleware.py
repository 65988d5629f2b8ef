"""What every response gets: security headers, a JSON log line, and a 503
instead of a traceback when DynamoDB is throttling or out of reach; and a
HEAD request, the answer to its GET without the body.

:func:`observe` is registered as an outer Chalice HTTP middleware, so it also
sees the admin guard's answers and Chalice's own 405/415 errors;
:func:`head_as_get` is the outermost, so it sees what ``observe`` added.
"""
import json
import sys
import time

from chalice import Response

from .settings import get_settings
from .errors import ServiceUnavailable

RETRY_AFTER = '30'
# No script runs on any page, so connect-src only lets the browser itself
# fetch from the site (Lighthouse reads robots.txt from inside the page).
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}
HSTS = 'max-age=63072000; includeSubDomains'
API_REL = 'https://api.w.org/'      # how WordPress pages announce their REST API


def request_id(request):
    context = request.context or {}
    lambda_context = getattr(request, 'lambda_context', None)
    if context.get('requestId'):
        return context['requestId']
    if getattr(lambda_context, 'aws_request_id', None):
        return lambda_context.aws_request_id
    import uuid                     # chalice local has no request id: make one
    return uuid.uuid4().hex


def client_address(request):
    """The address the request came from, as API Gateway saw it (never stored
    raw: the login throttle and readers' limits key on it)."""
    return ((request.context or {}).get('identity') or {}).get('sourceIp')


def wants_json(route, request):
    if route.startswith(('/admin/api', '/wp-json')) or route == '/openapi.json':
        return True
    return 'application/json' in (request.headers.get('accept') or '') and \
        'text/html' not in (request.headers.get('accept') or '')


def unavailable(request, route):
    message = 'The site is busy right now. Please try again in a few seconds.'
    if wants_json(route, request):
        return Response(body=json.dumps({'error': {'code': 'unavailable', 'message': message},
                                         'code': 'unavailable', 'message': message,
                                         'data': {'status': 503}}),
                        status_code=503,
                        headers={'Retry-After': RETRY_AFTER, 'Cache-Control': 'no-store',
                                 'Content-Type': 'application/json'})
    return error_page(request, 503, 'Back in a moment', message,
                      {'Retry-After': RETRY_AFTER})


def failed(request):
    """A friendly page for a bug that Chalice caught (it has logged the traceback)."""
    return error_page(request, 500, 'Something went wrong',
                      'This page could not be shown. The error has been logged.')


def error_page(request, status, title, message, headers=None):
    """The site's own error page, never cached."""
    from .seo import head_context
    from .templating import render
    from .urls import SiteUrls, mount_path
    settings = get_settings()
    urls = SiteUrls(mount_path(request), settings.site_url)
    seo = {'title': title + ' – ' + settings.site_name, 'description': '',
           'robots': 'noindex', 'canonical': None}
    body = render('error.html', heading=title, message=message,
                  **head_context(settings, urls, seo))
    return Response(body=body, status_code=status, headers=dict(
        {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'},
        **(headers or {})))


def log(record):
    sys.stdout.write(json.dumps(record, separators=(',', ':')) + '\n')


def head_as_get(request, get_response):
    """HEAD: the GET's status and headers, without the body (RFC 9110 9.3.2).

    app.py registers every GET route for HEAD too, so the handler runs as for
    a GET: the ETag and a 304 for a matching ``If-None-Match``, Cache-Control,
    Link, Content-Type are the GET's.  Content-Length is not the app's to
    give, for either method: API Gateway and ``chalice local`` count the body
    they send (so ``chalice local`` says 0 on a HEAD, where RFC 9110 would
    rather have the GET's length or nothing).
    """
    response = get_response(request)
    if request.method == 'HEAD':
        response.body = ''
    return response


def observe(request, get_response):
    started = time.perf_counter()
    route = (request.context or {}).get('resourcePath') or ''
    record = {'level': 'info', 'request_id': request_id(request), 'method': request.method,
              'route': route}
    try:
        response = get_response(request)
    except ServiceUnavailable as error:
        record.update(level='error', error='dynamodb_unavailable', detail=str(error)[:300])
        response = unavailable(request, route)
    if response.status_code == 500 and not wants_json(route, request) and \
            isinstance(response.body, dict) and response.body.get('Code') == 'InternalServerError':
        record.update(level='error', error='unhandled')
        response = failed(request)
    headers = response.headers
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)
    settings = get_settings()
    if settings.https:
        headers.setdefault('Strict-Transport-Security', HSTS)
    if route.startswith('/admin'):
        headers['Cache-Control'] = 'no-store'
    elif str(headers.get('Content-Type', '')).startswith('text/html'):
        # discovery-based WordPress clients find the read API from any page
        link = '<%s/wp-json/>; rel="%s"' % (settings.site_url, API_REL)
        headers['Link'] = '%s, %s' % (headers['Link'], link) if headers.get('Link') else link
    record.update(status=response.status_code,
                  duration_ms=round((time.perf_counter() - started) * 1000, 3))
    if response.status_code >= 500 and record['level'] == 'info':
        record['level'] = 'error'
    log(record)
    return response
