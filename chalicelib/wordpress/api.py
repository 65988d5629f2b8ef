"""WordPress's REST API, read-only, for the FAQ post type and its categories.

Clients written for the WordPress site this one replaces (headless
front-ends, feed builders, the Yoast-aware crawlers) keep working against
``/wp-json/``: the routes, query parameters, defaults, item fields, headers
and error bodies are WordPress 6's, as documented in its REST API handbook
and seen in the sample ``seed/wordpress-faq-549.json``.  Only published
entries are visible: this API has no authentication.

How a listing is answered
    Never by reading every entry: :mod:`.listing` picks the page's entries
    the cheapest way the request allows (the stored listing, the search
    index, or the summary of every published entry, about 0.5 MB
    compressed at 20,000 entries).  ``X-WP-Total`` comes from the stored
    counts or the match.  A page of 100 items is about 1.4 MB of JSON for
    3 KB answers (each item carries its body three times: content,
    ``yoast_head`` and the FAQPage answer); Lambda's 6 MB response limit is
    reached near 40 KB per item.  ``yoast_head``/``yoast_head_json`` are
    memoised per entry version in the container
    (:func:`chalicelib.wordpress.items.yoast_fields`).

What lives where
    This module answers requests: the responses and the route handlers;
    :mod:`.listing` which entries a collection page shows;
    :mod:`.discovery` the index documents (``/wp-json/``).  :mod:`.params` holds the parameter
    tables, their parsing and :class:`ApiError`; :mod:`.items`
    the items and ``_fields``, including ``yoast_head``/``yoast_head_json``
    and how they differ from Yoast's; :mod:`.search` the
    ``search`` parameter.

Deliberate differences from WordPress, each because this site has no users,
media or comments: a draft's id answers ``rest_post_invalid_id`` (404) rather
than ``rest_forbidden`` (401), so drafts cannot be discovered; items have no
``wp:attachment`` link (there is no media endpoint); ``_embed``, ``_envelope``
and ``_jsonp`` are ignored; ``orderby`` has no ``author``/``parent`` (FAQs
have neither); ``search`` matches whole words of the title and the visible
text of the answer, case- and accent-insensitively and plurals folded, not
substrings of the raw HTML and the excerpt (:mod:`.search` says why); stored
content has Gutenberg's blank lines between blocks collapsed, so
``content.rendered`` differs from WordPress's in that whitespace only.

Nothing here, nor in the three modules above, imports ``urllib.request`` or
boto3: they are on the Lambda cold-start path.
"""
import functools
import json
import logging
import math
from urllib.parse import urlencode

from chalice import ChaliceUnhandledError, Response

from .. import derived, insights
from ..settings import get_settings
from ..text import collate
from ..urls import url_slug
from . import listing
from .items import (POST_EMBED_FIELDS, POST_FIELDS, TERM_EMBED_FIELDS, TERM_FIELDS, Site,
                    field_tree, filter_fields, post_item, post_link, post_type_object,
                    taxonomy_object, term_item, wanted_fields)
from .params import (NAMESPACE, POST_COLLECTION, POST_ITEM, POST_TYPE, TAXONOMY,
                     TAXONOMY_COLLECTION, TERM_COLLECTION, TERM_ITEM, TYPE_COLLECTION, ApiError,
                     Query, invalid_post_id, no_route_error, requested_slugs)
from .routes import EXPOSED_HEADERS
from .search import Search

log = logging.getLogger(__name__)

API_REL = 'https://api.w.org/'
JSON_TYPE = 'application/json; charset=UTF-8'


# -- responses ----------------------------------------------------------------

def _api_link(site_url):
    return '<%s/wp-json/>; rel="%s"' % (site_url, API_REL)


def json_response(body, query=None, status=200, headers=None, links=()):
    settings = get_settings()
    pretty = query is not None and '_pretty' in query.keys     # present: as WordPress
    text = json.dumps(body, ensure_ascii=False, indent=2 if pretty else None,
                      separators=None if pretty else (',', ':'))
    all_headers = {'Content-Type': JSON_TYPE, 'X-Robots-Tag': 'noindex',
                   'X-Content-Type-Options': 'nosniff',
                   'Access-Control-Expose-Headers': ', '.join(EXPOSED_HEADERS),
                   'Link': ', '.join((_api_link(settings.site_url),) + tuple(links))}
    all_headers.update(headers or {})
    return Response(body=text, status_code=status, headers=all_headers)


def error_response(error):
    return json_response(error.body(), status=error.status)


def endpoint(handler):
    """Answer ``ApiError`` (and anything unexpected) as WordPress-shaped JSON."""
    @functools.wraps(handler)
    def wrapper(request, *args):
        try:
            return handler(Query(request), *args)
        except ApiError as error:
            return error_response(error)
        except ChaliceUnhandledError:
            raise           # DynamoDB unavailable: the app's middleware answers 503
        except Exception:   # never a stack trace or Chalice's own 500 body
            log.exception('WordPress API request failed')
            return error_response(ApiError(
                'internal_server_error',
                'There has been a critical error on this website.', 500))
    return wrapper


def _forbid_edit(values, message):
    if values.get('context') == 'edit':
        raise ApiError('rest_forbidden_context', message, 401)


def _paging_links(site, route, query, page, max_pages):
    """``Link`` values for the previous and next pages, keeping every parameter."""
    def url(number):
        pairs = [(k, v) for k, v in query.pairs if k != 'page']
        return site.route(route) + '?' + urlencode(pairs + [('page', str(number))])
    links = []
    if page > 1 and min(page - 1, max_pages) >= 1:
        links.append('<%s>; rel="prev"' % url(min(page - 1, max_pages)))
    if max_pages > page:
        links.append('<%s>; rel="next"' % url(page + 1))
    return links


def _collection(items, query, tree, site, route, total, page, per_page):
    max_pages = int(math.ceil(total / per_page)) if total else 0
    links = _paging_links(site, route, query, page, max_pages)
    return json_response(filter_fields(items, tree), query, headers={
        'X-WP-Total': str(total), 'X-WP-TotalPages': str(max_pages)}, links=tuple(links))


# -- the routes ---------------------------------------------------------------

@endpoint
def list_faqs(query):
    """``GET /wp-json/wp/v2/faq``."""
    values = query.parse(POST_COLLECTION)
    _forbid_edit(values, 'Sorry, you are not allowed to edit posts in this post type.')
    if any(status != 'publish' for status in values['status']):
        raise ApiError('rest_forbidden_status', 'Status is forbidden.', 401)
    search_text = values['search'] or ''
    if values['orderby'] == 'relevance' and not search_text:
        raise ApiError('rest_no_search_term_defined',
                       'You need to define a search term to order by relevance.', 400)
    if values['orderby'] == 'include' and not values['include']:
        raise ApiError('rest_orderby_include_missing_include',
                       'You need to define an include parameter to order by include.', 400)
    tree = field_tree(query)
    wanted = wanted_fields(tree, values['context'], POST_FIELDS, POST_EMBED_FIELDS)
    search = Search.parse(search_text) if search_text else None

    site = Site()
    snapshot = derived.current()
    page, per_page = values['page'], values['per_page']
    start = abs(values['offset']) if values['offset'] is not None else (page - 1) * per_page
    total, entries = listing.page(snapshot, values, search, site, start, per_page)
    if search is not None and start == 0:
        insights.log_search(search_text, total > 0)
    max_pages = int(math.ceil(total / per_page))
    if page > max_pages and total > 0:
        raise ApiError('rest_post_invalid_page_number', 'The page number requested is '
                       'larger than the number of pages available.', 400)
    items = [post_item(entry, site, wanted) for entry in entries]
    return _collection(items, query, tree, site, '%s/%s' % (NAMESPACE, POST_TYPE),
                       total, page, per_page)


def _positive_id(raw):
    if not isinstance(raw, str) or not raw.isdigit() or not raw.isascii():
        raise no_route_error()      # WordPress's route pattern is (?P<id>[\d]+)
    return int(raw)


@endpoint
def get_faq(query, raw_id):
    """``GET /wp-json/wp/v2/faq/{id}``: published entries only."""
    entry_id = _positive_id(raw_id)
    values = query.parse(POST_ITEM)
    if entry_id < 1 or entry_id > 2 ** 63:
        raise invalid_post_id()
    site = Site()
    entry = site.repository.get_by_id(entry_id)
    if entry is None or not entry.is_published:
        raise invalid_post_id()
    _forbid_edit(values, 'Sorry, you are not allowed to edit this post.')
    tree = field_tree(query)
    wanted = wanted_fields(tree, values['context'], POST_FIELDS, POST_EMBED_FIELDS)
    item = post_item(entry, site, wanted)
    alternate = '<%s>; rel="alternate"; type="text/html"' % post_link(site, entry)
    return json_response(filter_fields(item, tree), query, headers={'Allow': 'GET'},
                         links=(alternate,))


@endpoint
def list_terms(query):
    """``GET /wp-json/wp/v2/faq-categories``."""
    values = query.parse(TERM_COLLECTION)
    _forbid_edit(values, 'Sorry, you are not allowed to edit terms in this taxonomy.')
    tree = field_tree(query)
    wanted = wanted_fields(tree, values['context'], TERM_FIELDS, TERM_EMBED_FIELDS)
    site = Site()
    categories = list(site.categories)
    if values['post'] is not None:
        entry = site.repository.get_by_id(values['post']) if values['post'] > 0 else None
        if entry is None or not entry.is_published:
            raise ApiError('rest_post_invalid_id', 'Invalid post ID.', 400)
        categories = [c for c in categories if c.slug in entry.categories]
    needs_counts = values['hide_empty'] or values['orderby'] == 'count' \
        or wanted is None or 'count' in wanted
    counts = site.term_counts() if needs_counts else {}
    tests = []
    if values['include']:
        tests.append(lambda c: c.id in set(values['include']))
    if values['exclude']:
        tests.append(lambda c: c.id not in set(values['exclude']))
    if values['slug']:
        slugs = set(requested_slugs(values['slug']))
        tests.append(lambda c: c.slug in slugs)
    if values['search']:
        needle = collate(values['search'])
        tests.append(lambda c: needle in collate(c.name) or needle in collate(c.slug))
    if values['hide_empty']:
        tests.append(lambda c: counts.get(c.slug, 0) > 0)
    if values['parent']:
        tests.append(lambda c: False)      # every term here is top-level
    matched = [c for c in categories if all(test(c) for test in tests)]
    orderby, descending = values['orderby'], values['order'] == 'desc'
    if orderby == 'include' and values['include']:
        position = {i: n for n, i in enumerate(values['include'])}
        matched.sort(key=lambda c: position.get(c.id, len(position)))
    elif orderby == 'include_slugs' and values['slug']:
        position = {s: n for n, s in enumerate(requested_slugs(values['slug']))}
        matched.sort(key=lambda c: position.get(c.slug, len(position)))
    else:
        key = {'id': lambda c: c.id, 'slug': lambda c: url_slug(c.slug),
               'description': lambda c: (collate(c.description), c.id),
               'count': lambda c: (counts.get(c.slug, 0), c.id),
               'term_group': lambda c: c.id}.get(orderby, lambda c: (collate(c.name), c.id))
        matched.sort(key=key, reverse=descending)
    per_page = values['per_page']
    start = values['offset'] if values['offset'] else (values['page'] - 1) * per_page
    start = abs(start)
    page = int(math.ceil(start / per_page)) + 1
    items = [term_item(c, counts.get(c.slug, 0), site, wanted)
             for c in matched[start:start + per_page]]
    return _collection(items, query, tree, site, '%s/%s' % (NAMESPACE, TAXONOMY),
                       len(matched), page, per_page)


@endpoint
def get_term(query, raw_id):
    """``GET /wp-json/wp/v2/faq-categories/{id}``."""
    term_id = _positive_id(raw_id)
    values = query.parse(TERM_ITEM)
    site = Site()
    category = next((c for c in site.categories if c.id == term_id), None)
    if category is None:
        raise ApiError('rest_term_invalid', 'Term does not exist.', 404)
    _forbid_edit(values, 'Sorry, you are not allowed to edit this term.')
    tree = field_tree(query)
    wanted = wanted_fields(tree, values['context'], TERM_FIELDS, TERM_EMBED_FIELDS)
    counts = site.term_counts() if wanted is None or 'count' in wanted else {}
    return json_response(filter_fields(term_item(category, counts.get(category.slug, 0),
                                                 site, wanted), tree), query)


def _no_edit(query, params):
    values = query.parse(params)
    _forbid_edit(values, 'Sorry, you are not allowed to manage this resource.')
    return values


@endpoint
def list_types(query):
    """``GET /wp-json/wp/v2/types``: the one public post type."""
    _no_edit(query, TYPE_COLLECTION)
    site = Site()
    return json_response(filter_fields({POST_TYPE: post_type_object(site)},
                                       field_tree(query)), query)


@endpoint
def get_type(query, name):
    """``GET /wp-json/wp/v2/types/{type}``."""
    _no_edit(query, TYPE_COLLECTION)
    if name != POST_TYPE:
        raise ApiError('rest_type_invalid', 'Invalid post type.', 404)
    return json_response(filter_fields(post_type_object(Site()), field_tree(query)), query)


@endpoint
def list_taxonomies(query):
    """``GET /wp-json/wp/v2/taxonomies`` (``?type=faq`` filters)."""
    values = _no_edit(query, TAXONOMY_COLLECTION)
    site = Site()
    found = {TAXONOMY: taxonomy_object(site)} if values['type'] in (None, POST_TYPE) else {}
    return json_response(filter_fields(found, field_tree(query)), query)


@endpoint
def get_taxonomy(query, name):
    """``GET /wp-json/wp/v2/taxonomies/{taxonomy}``."""
    _no_edit(query, TAXONOMY_COLLECTION[:1])
    if name != TAXONOMY:
        raise ApiError('rest_taxonomy_invalid', 'Invalid taxonomy.', 404)
    return json_response(filter_fields(taxonomy_object(Site()), field_tree(query)), query)
