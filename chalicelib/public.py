"""The public site: each function answers one public route.

They take the Chalice request and return a Chalice ``Response``; ``app.py``
only maps routes to them.
"""
from chalice import Response

from . import render
from .config import get_settings
from .models import is_valid_slug
from .storage import get_repository
from .urls import SiteUrls, mount_path

HTML = 'text/html; charset=utf-8'
HOME_LATEST = 5
MAX_PAGE = 10_000


def html_response(body, status=200, headers=None):
    return Response(body=body, status_code=status,
                    headers=dict({'Content-Type': HTML}, **(headers or {})))


def _context(request):
    settings = get_settings()
    return settings, SiteUrls(mount_path(request), settings.site_url)


def _query(request):
    return request.query_params or {}


def not_found(request, message=None):
    settings, urls = _context(request)
    return html_response(render.not_found_page(settings, urls, message), 404)


def home(request):
    settings, urls = _context(request)
    latest, _ = get_repository().list_by_status('publish', 0, HOME_LATEST)
    return html_response(render.home_page(latest, settings, urls))


def _page_number(request):
    """The ``page`` query parameter, or None when it is not a page number."""
    raw = _query(request).get('page', '1')
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        return None
    return int(raw)


def faq_index(request):
    page = _page_number(request)
    if page is None:
        return not_found(request, 'There is no such page of questions.')
    settings, urls = _context(request)
    per_page = settings.page_size
    entries, has_more = get_repository().list_by_status(
        'publish', (page - 1) * per_page, per_page)
    if page > 1 and not entries:
        return not_found(request, 'There is no page %d of questions.' % page)
    return html_response(render.faq_index_page(entries, page, has_more, settings, urls))


def faq(request, slug):
    if not is_valid_slug(slug):
        return not_found(request)
    repository = get_repository()
    entry = repository.get_by_slug(slug)
    settings, urls = _context(request)
    if entry is None:
        # a slug an editor renamed away: send visitors and links on for good
        moved = repository.redirect_target(slug)
        if moved is not None and moved.is_published:
            return Response(body='', status_code=301, headers={
                'Location': urls.link(urls.faq(moved.slug))})
    if entry is None or not entry.is_published:
        return not_found(request)
    return html_response(render.faq_page(entry, settings, urls))
