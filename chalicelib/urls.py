"""Links that work wherever the site is mounted.

The same code answers at the root of a custom domain, under a base-path
mapping (``/resources``) and under the stage path of a fresh ``chalice
deploy`` (``/api``).  API Gateway tells which: ``requestContext.path`` is the
path the visitor asked for, the event's ``path`` the part the API routes on;
what the first has in front of the second is the mount point.  Absolute URLs
(canonical, og:url, JSON-LD) come from the configured site URL instead,
because search engines must see one address whatever door a visitor used.
"""
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlencode

_ESCAPE = re.compile(r'%[0-9A-F]{2}')


def url_slug(slug):
    """A slug as it appears in URLs: as WordPress writes it, its non-ASCII
    characters percent-encoded in UTF-8 with lowercase hex
    (``✓-cma-études`` -> ``%e2%9c%93-cma-%c3%a9tudes``); an ASCII slug is
    itself.  WordPress stores this form (``post_name``), gives it as the REST
    ``slug`` and builds permalinks from it."""
    if slug.isascii():
        return slug
    return _ESCAPE.sub(lambda m: m.group().lower(), quote(slug, safe='-'))


def slug_from_url(raw):
    """The slug a URL segment names, in either form a client may send:
    encoded (WordPress's lowercase hex, or a browser's uppercase) or not
    (API Gateway may have decoded it).  Slugs hold no ``%``, so decoding a
    decoded one changes nothing; bytes that are not UTF-8 are left as they
    are, which no slug matches."""
    if '%' not in raw:
        return raw
    try:
        return unquote(raw, errors='strict')
    except UnicodeDecodeError:
        return raw


def mount_path(request):
    """The path prefix the site is served under for this request ('' at root)."""
    routed = request._event_dict.get('path') if request is not None else None
    if routed is None:          # chalice local and its test client send no path
        return ''
    # one of the two may come percent-encoded (a non-ASCII slug), the other not
    full = unquote(request.context.get('path') or '').rstrip('/')
    routed = unquote(routed).rstrip('/')
    if full != routed and full.endswith(routed):
        return full[:len(full) - len(routed)]
    return ''


@dataclass(frozen=True)
class SiteUrls:
    mount: str       # '' or '/api' or '/resources'
    site_url: str    # https://example.com/resources (no trailing slash)

    def link(self, path, **query):
        """A root-relative link for this request's mount point."""
        return self.mount + path + _query(query)

    def absolute(self, path, **query):
        """The public, absolute URL of a path."""
        return self.site_url + path + _query(query)

    # the site's paths, in their canonical trailing-slash form
    @staticmethod
    def home():
        return '/'

    @staticmethod
    def faq_index(page=1):
        return '/faq/' + ('?page=%d' % page if page > 1 else '')

    @staticmethod
    def faq(slug):
        return '/faq/%s/' % url_slug(slug)

    @staticmethod
    def category(slug, page=1):
        return '/faq-category/%s/' % url_slug(slug) + ('?page=%d' % page if page > 1 else '')


def _query(params):
    params = {k: v for k, v in params.items() if v not in (None, '')}
    return '?' + urlencode(params) if params else ''
