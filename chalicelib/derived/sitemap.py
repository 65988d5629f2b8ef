"""The sitemap, rendered when content changes and served as it is.

Every public URL worth indexing with the time it last changed: the home
page, the FAQ index, each category with published entries, each published
entry.  Rendered in parts of at most :data:`PART_URLS` URLs (``sitemap:<n>``)
with ``SITE`` standing for the site's address, which a reader puts in (so
that one build serves every stage's ``SITE_URL``); past one part,
``/sitemap.xml`` is an index of ``/sitemaps/<n>.xml``.
"""
import html
import zlib

from ..seo import iso
from ..templating import render
from ..urls import SiteUrls
from .summary import moment

PART_URLS = 50_000          # as sitemaps.org allows
SITE = '\ue000'             # a private-use character, never in a URL


def part_name(number):
    return 'sitemap:%d' % number


def urls_with_dates(summary, categories):
    """``(absolute URL with SITE, lastmod)`` of every public page."""
    urls = SiteUrls('', SITE)
    rows = summary.rows
    newest = moment(max(r.modified for r in rows)) if rows else None
    found = [(urls.absolute('/'), newest), (urls.absolute(urls.faq_index()), newest)]
    changed = {}
    for row in rows:
        for slug in row.categories:
            changed[slug] = max(changed.get(slug, 0), row.modified)
    for category in sorted(categories, key=lambda c: c.slug):
        if category.slug in changed:
            found.append((urls.absolute(urls.category(category.slug)),
                          moment(changed[category.slug])))
    found += [(urls.absolute(urls.faq(r.slug)), moment(r.modified)) for r in rows]
    return found


def parts(summary, categories):
    """``({artifact name: compressed XML}, [newest lastmod of each part])``."""
    found = urls_with_dates(summary, categories)
    result, newest = {}, []
    for number, start in enumerate(range(0, len(found), PART_URLS)):
        part = found[start:start + PART_URLS]
        result[part_name(number)] = zlib.compress(
            render('sitemap.xml', entries=part, iso=iso).encode('utf-8'), 6)
        dates = [m for _, m in part if m]
        newest.append(iso(max(dates)) if dates else None)
    return result, newest


def served(data, site_url):
    """A stored part, with the site's address in it."""
    return zlib.decompress(data).decode('utf-8').replace(
        SITE, html.escape(site_url, quote=False))
