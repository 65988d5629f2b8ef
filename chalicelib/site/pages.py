"""The public site: each function answers one public route.

They take the Chalice request and return a Chalice ``Response``; ``app.py``
only maps routes to them.  Pages carry an ETag computed before rendering,
so a revalidation that matches costs the DynamoDB read but no rendering, and
a page is rendered once per instance until what it shows changes.
"""
from chalice import Response

from .. import overlap, templating
from ..models import is_valid_slug
from ..settings import get_settings
from ..store import get_repository
from ..urls import SiteUrls, mount_path
from . import caching, render
from .catalog import get_catalog, prefetch

HTML = 'text/html; charset=utf-8'
XML = 'application/xml; charset=utf-8'
HOME_LATEST = 5
MAX_PAGE = 10_000
SEARCH_PER_PAGE = 10
SITEMAP_LIMIT = 50_000      # URLs per sitemap file, as sitemaps.org allows
FEED_SIZE = 20


def html_response(body, status=200, headers=None):
    return Response(body=body, status_code=status,
                    headers=dict({'Content-Type': HTML}, **(headers or {})))


def _context(request):
    settings = get_settings()
    return settings, SiteUrls(mount_path(request), settings.site_url)


def _query(request):
    return request.query_params or {}


def cached_page(request, settings, urls, parts, last_modified, render_body):
    """200 with the rendered page, or 304 if the client's copy is current."""
    etag = caching.etag_for(settings, urls.mount, *parts)
    headers = caching.headers(etag, last_modified)
    if caching.etag_matches(request.headers.get('if-none-match'), etag):
        return Response(body='', status_code=304, headers=headers)
    return html_response(caching.body_for(etag, render_body), 200, headers)


def _listing_parts(entries, *extra):
    return extra + tuple((e.id, e.version) for e in entries)


def _newest(entries):
    return max((e.modified for e in entries), default=None)


def not_found(request, message=None):
    settings, urls = _context(request)
    return html_response(render.not_found_page(settings, urls, message), 404,
                         {'Cache-Control': caching.NOT_FOUND})


def home(request):
    if 's' in _query(request):
        return search(request)
    settings, urls = _context(request)
    latest, _ = get_repository().list_by_status('publish', 0, HOME_LATEST)
    return cached_page(request, settings, urls, _listing_parts(latest, 'home'),
                       _newest(latest), lambda: render.home_page(latest, settings, urls))


def search(request):
    """``/?s=``: ranked results from the instance's in-memory index."""
    params = _query(request)
    query = ' '.join(str(params.get('s', '')).split())[:200]
    page = _page_number(request) or 1
    settings, urls = _context(request)
    results = None
    catalog = get_catalog()
    if query:
        results = catalog.search_index().search(
            query, limit=SEARCH_PER_PAGE, offset=(page - 1) * SEARCH_PER_PAGE)
    body = render.search_page(query, results, page, SEARCH_PER_PAGE, settings, urls,
                              catalog.categories)
    return html_response(body, 200, {'Cache-Control': caching.SEARCH})


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
    catalog = get_catalog() if page == 1 else None
    return cached_page(
        request, settings, urls,
        _listing_parts(entries, 'index', page, has_more, catalog and catalog.marker),
        _newest(entries),
        lambda: render.faq_index_page(entries, page, has_more, settings, urls, catalog))


def category(request, slug):
    page = _page_number(request)
    catalog = get_catalog()
    found = catalog.categories.get(slug) if is_valid_slug(slug) else None
    if page is None or found is None:
        return not_found(request, 'There is no such category of questions.')
    settings, urls = _context(request)
    members = catalog.in_category(slug)
    per_page = settings.page_size
    entries = members[(page - 1) * per_page:page * per_page]
    if page > 1 and not entries:
        return not_found(request, 'There is no page %d in this category.' % page)
    has_more = len(members) > page * per_page
    return cached_page(
        request, settings, urls, _listing_parts(entries, 'category', found, page, has_more),
        _newest(entries),
        lambda: render.category_page(found, entries, page, has_more, settings, urls))


def faq(request, slug):
    if not is_valid_slug(slug):
        return not_found(request)
    repository = get_repository()
    # related questions and categories come from the catalog: let it load (on
    # a cold start, or when stale), and the templates too, while this thread
    # waits for the entry
    catalog_ready = prefetch()
    templates_ready = overlap.Done() if templating.prepared() else \
        overlap.start(templating.prepare, 'faq.html')
    try:
        entry = repository.get_by_slug(slug)
    finally:
        overlap.settle(catalog_ready, templates_ready)
    settings, urls = _context(request)
    if entry is None:
        # a slug an editor renamed away: send visitors and links on for good
        moved = repository.redirect_target(slug)
        if moved is not None and moved.is_published:
            return Response(body='', status_code=301, headers={
                'Location': urls.link(urls.faq(moved.slug)),
                'Cache-Control': caching.REDIRECT})
    if entry is None or not entry.is_published:
        return not_found(request)
    catalog = catalog_ready.result()
    templates_ready.result()
    return cached_page(
        request, settings, urls, ('faq', entry.id, entry.version, catalog.marker),
        entry.modified, lambda: render.faq_page(
            entry, settings, urls, catalog.category_names(entry), catalog.related(entry)))


# -- for crawlers and feed readers ---------------------------------------------------

def _sitemap_urls(catalog, urls):
    """Every public URL worth indexing, with the time it last changed."""
    entries = catalog.entries
    newest = _newest(entries)
    found = [(urls.absolute('/'), newest), (urls.absolute(urls.faq_index()), newest)]
    for slug, cat in sorted(catalog.categories.items()):
        members = catalog.in_category(slug)
        if members:
            found.append((urls.absolute(urls.category(slug)), _newest(members)))
    found += [(urls.absolute(urls.faq(e.slug)), e.modified) for e in entries]
    return found


def _xml(request, settings, urls, parts, body_of, last_modified=None):
    etag = caching.etag_for(settings, urls.mount, *parts)
    headers = dict(caching.headers(etag, last_modified), **{'Content-Type': XML})
    if caching.etag_matches(request.headers.get('if-none-match'), etag):
        return Response(body='', status_code=304, headers=headers)
    return Response(body=body_of(), status_code=200, headers=headers)


def sitemap(request):
    """The sitemap, or past 50,000 URLs a sitemap index of numbered parts."""
    settings, urls = _context(request)
    catalog = get_catalog()
    found = _sitemap_urls(catalog, urls)
    if len(found) <= SITEMAP_LIMIT:
        return _xml(request, settings, urls, ('sitemap', catalog.marker),
                    lambda: render.sitemap(found), _newest(catalog.entries))
    parts = [found[i:i + SITEMAP_LIMIT] for i in range(0, len(found), SITEMAP_LIMIT)]
    index = [(urls.absolute('/sitemaps/%d.xml' % (n + 1)),
              max((m for _, m in part if m), default=None)) for n, part in enumerate(parts)]
    return _xml(request, settings, urls, ('sitemap-index', catalog.marker),
                lambda: render.sitemap_index(index), _newest(catalog.entries))


def sitemap_part(request, name):
    number = name[:-len('.xml')] if name.endswith('.xml') else ''
    settings, urls = _context(request)
    catalog = get_catalog()
    found = _sitemap_urls(catalog, urls)
    if not number.isdigit() or not 1 <= int(number) or \
            (int(number) - 1) * SITEMAP_LIMIT >= len(found):
        return not_found(request, 'There is no such sitemap.')
    start = (int(number) - 1) * SITEMAP_LIMIT
    part = found[start:start + SITEMAP_LIMIT]
    return _xml(request, settings, urls, ('sitemap-part', number, catalog.marker),
                lambda: render.sitemap(part), _newest(catalog.entries))


def feed(request):
    settings, urls = _context(request)
    catalog = get_catalog()
    latest = catalog.entries[:FEED_SIZE]
    response = _xml(request, settings, urls, ('feed', catalog.marker),
                    lambda: render.feed(latest, settings, urls, catalog.categories),
                    _newest(latest))
    response.headers['Content-Type'] = 'application/rss+xml; charset=utf-8'
    return response


def robots(request):
    settings, urls = _context(request)
    return Response(body=render.robots_txt(settings, urls), status_code=200, headers={
        'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': caching.PUBLIC})
