"""The public site: each function answers one public route.

They take the Chalice request and return a Chalice ``Response``; ``app.py``
only maps routes to them.  Pages carry an ETag computed before rendering,
so a revalidation that matches costs the DynamoDB read but no rendering, and
a page is rendered once per instance until what it shows changes.

What a page reads, whatever the number of entries (``docs/data-model.md``):
a FAQ page, its entry (related questions and category names are stored on
it); the home page and the feed, the newest entries; a listing page, the
derived data's manifest, one chunk of the listing and its entries; search,
the manifest, the index shards of the query's terms and the hits' entries,
and a first page of results adds one count to the search log
(:mod:`chalicelib.insights`).  Readers' forms are :mod:`.feedback`.
"""
from chalice import Response

from .. import derived, insights, overlap, templating
from ..models import is_valid_slug, parse_time
from ..numbers import whole_number
from ..search import Doc, answer_text, page_bounds, parse_query, rank, search as run_search
from ..settings import get_settings
from ..store import get_repository
from ..urls import SiteUrls, mount_path, slug_from_url
from . import caching, render

HTML = 'text/html; charset=utf-8'
XML = 'application/xml; charset=utf-8'
HOME_LATEST = 5
MAX_PAGE = 10_000
SEARCH_PER_PAGE = 10
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
    """``/?s=``: ranked results from the stored index, reading only the
    shards of the query's terms."""
    params = _query(request)
    query = ' '.join(str(params.get('s', '')).split())[:200]
    page = _page_number(request) or 1
    settings, urls = _context(request)
    snapshot = derived.current()
    results = None
    if query:
        parts = parse_query(query)
        ranked = snapshot.memo(('search', tuple(parts)),
                               lambda: rank(snapshot.search_sources(parts), parts))
        limit, offset = page_bounds(SEARCH_PER_PAGE, (page - 1) * SEARCH_PER_PAGE)
        results = run_search((), query, limit, offset,
                             lambda ids: snapshot.hits(ids, _doc), parts, ranked)
        if page == 1:
            insights.log_search(query, results.total > 0)
    body = render.search_page(query, results, page, SEARCH_PER_PAGE, settings, urls,
                              snapshot.categories)
    return html_response(body, 200, {'Cache-Control': caching.SEARCH})


def _doc(entry):
    """What a search hit shows of an entry (kept by the instance: Snapshot.hits)."""
    return Doc(entry, answer_text(entry))


def _page_number(request):
    """The ``page`` query parameter, or None when it is not a page number."""
    return whole_number(_query(request).get('page', '1'), 1, MAX_PAGE)


def _listing_page(snapshot, listing, page, per_page, also=()):
    """``(entries, has_more)`` of a page of a listing: a chunk and the entries
    (and ``also`` artifacts, read with the chunk)."""
    start = (page - 1) * per_page
    entries = snapshot.entries(snapshot.listing(listing, start, per_page, also))
    return entries, snapshot.count(listing) > start + per_page


def faq_index(request):
    page = _page_number(request)
    if page is None:
        return not_found(request, 'There is no such page of questions.')
    settings, urls = _context(request)
    snapshot = derived.current()
    entries, has_more = _listing_page(snapshot, 'all', page, settings.page_size,
                                      also=['groups'] if page == 1 else ())
    if page > 1 and not entries:
        return not_found(request, 'There is no page %d of questions.' % page)
    groups = snapshot.groups() if page == 1 else None
    return cached_page(
        request, settings, urls,
        _listing_parts(entries, 'index', page, has_more,
                       snapshot.manifest.artifacts.get('groups') if groups else None),
        _newest(entries),
        lambda: render.faq_index_page(entries, page, has_more, settings, urls, groups))


def category(request, slug):
    slug = slug_from_url(slug)
    page = _page_number(request)
    snapshot = derived.current()
    found = snapshot.categories.get(slug) if is_valid_slug(slug) else None
    if page is None or found is None:
        return not_found(request, 'There is no such category of questions.')
    settings, urls = _context(request)
    entries, has_more = _listing_page(snapshot, derived.category_listing(slug), page,
                                      settings.page_size)
    if page > 1 and not entries:
        return not_found(request, 'There is no page %d in this category.' % page)
    return cached_page(
        request, settings, urls, _listing_parts(entries, 'category', found, page, has_more),
        _newest(entries),
        lambda: render.category_page(found, entries, page, has_more, settings, urls))


def faq(request, slug):
    slug = slug_from_url(slug)          # either URL form of a non-ASCII slug
    if not is_valid_slug(slug):
        return not_found(request)
    repository = get_repository()
    # on a cold start, load the templates while this thread waits for the entry
    templates_ready = overlap.Done() if templating.prepared() else \
        overlap.start(templating.prepare, 'faq.html')
    try:
        entry = repository.get_by_slug(slug)
    finally:
        overlap.settle(templates_ready)
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
    templates_ready.result()
    if 'feedback' in _query(request):       # one reader's thanks: never the shared page
        from . import feedback
        answered = feedback.answered_page(request, entry, _query(request)['feedback'])
        if answered is not None:
            return answered
    return cached_page(
        request, settings, urls,
        ('faq', entry.id, entry.version, entry.related, entry.category_names),
        entry.modified, lambda: render.faq_page(entry, settings, urls))


# -- for crawlers and feed readers ---------------------------------------------------

def _xml(request, settings, urls, parts, body_of, last_modified=None):
    etag = caching.etag_for(settings, urls.mount, *parts)
    headers = dict(caching.headers(etag, last_modified), **{'Content-Type': XML})
    if caching.etag_matches(request.headers.get('if-none-match'), etag):
        return Response(body='', status_code=304, headers=headers)
    return Response(body=body_of(), status_code=200, headers=headers)


def _sitemap_newest(snapshot):
    dates = [d for d in snapshot.info.get('sitemap', ()) if d]
    return parse_time(max(dates)) if dates else None


def sitemap(request):
    """The sitemap, or past 50,000 URLs a sitemap index of numbered parts;
    rendered when content changed, served as stored."""
    settings, urls = _context(request)
    snapshot = derived.current()
    parts = snapshot.info.get('sitemap', [])
    first = snapshot.manifest.artifacts.get('sitemap:0')
    if len(parts) <= 1:
        return _xml(request, settings, urls, ('sitemap', first), lambda: (
            snapshot.sitemap_part(0) or render.sitemap(
                [(urls.absolute('/'), None), (urls.absolute(urls.faq_index()), None)])),
            _sitemap_newest(snapshot))
    index = [(urls.absolute('/sitemaps/%d.xml' % (n + 1)),
              parse_time(newest) if newest else None)
             for n, newest in enumerate(parts)]
    return _xml(request, settings, urls, ('sitemap-index', tuple(parts)),
                lambda: render.sitemap_index(index), _sitemap_newest(snapshot))


def sitemap_part(request, name):
    number = name[:-len('.xml')] if name.endswith('.xml') else ''
    settings, urls = _context(request)
    snapshot = derived.current()
    parts = snapshot.info.get('sitemap', [])
    number = whole_number(number, 1, len(parts))
    if number is None or len(parts) < 2:
        return not_found(request, 'There is no such sitemap.')
    key = 'sitemap:%d' % (number - 1)
    return _xml(request, settings, urls, ('sitemap-part', snapshot.manifest.artifacts.get(key)),
                lambda: snapshot.sitemap_part(number - 1), _sitemap_newest(snapshot))


def feed(request):
    """The newest entries: one Query, their category names stored on them."""
    settings, urls = _context(request)
    latest, _ = get_repository().list_by_status('publish', 0, FEED_SIZE)
    response = _xml(request, settings, urls,
                    _listing_parts(latest, 'feed', tuple(e.category_names for e in latest)),
                    lambda: render.feed(latest, settings, urls), _newest(latest))
    response.headers['Content-Type'] = 'application/rss+xml; charset=utf-8'
    return response


def robots(request):
    settings, urls = _context(request)
    return Response(body=render.robots_txt(settings, urls), status_code=200, headers={
        'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': caching.PUBLIC})
