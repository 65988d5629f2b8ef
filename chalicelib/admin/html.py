"""The frame of every HTML admin screen: a template rendered with the editor's
session, redirects, and the answers the guard gives before a screen runs."""
from chalice import Response

from ..settings import get_settings
from ..templating import render
from ..urls import SiteUrls, mount_path

HTML = 'text/html; charset=utf-8'
NO_STORE = {'Content-Type': HTML, 'Cache-Control': 'no-store'}


def urls_for(request):
    """Links for this request's mount point."""
    return SiteUrls(mount_path(request), get_settings().site_url)


def page(request, template, code=200, headers=None, **context):
    urls = urls_for(request)
    session = getattr(request, 'admin_session', None)
    body = render('admin/' + template, site=get_settings(), urls=urls,
                  user=getattr(request, 'admin_user', None),
                  csrf=session.csrf if session else '', **context)
    return Response(body=body, status_code=code, headers=dict(NO_STORE, **(headers or {})))


def redirect(request, path, **query):
    location = urls_for(request).link(path, **query)
    return Response(body='', status_code=303,
                    headers={'Location': location, 'Cache-Control': 'no-store'})


def redirect_to_login(request):
    urls = urls_for(request)
    wanted = urls.link(_routed_path(request))
    return Response(body='', status_code=302, headers={
        'Location': urls.link('/admin/login', next=wanted), 'Cache-Control': 'no-store'})


def _routed_path(request):
    path = request._event_dict.get('path') or request.context.get('path') or '/admin'
    return path if path.startswith('/admin') else '/admin'


def forbidden(request, message):
    return page(request, 'message.html', 403, heading='Not allowed', message=message)
