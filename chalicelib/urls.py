"""Links that work wherever the site is mounted.

The same code answers at the root of a custom domain, under a base-path
mapping (``/resources``) and under the stage path of a fresh ``chalice
deploy`` (``/api``).  API Gateway tells which: ``requestContext.path`` is the
path the visitor asked for, the event's ``path`` the part the API routes on;
what the first has in front of the second is the mount point.  Absolute URLs
(canonical, og:url, JSON-LD) come from the configured site URL instead,
because search engines must see one address whatever door a visitor used.
"""
from dataclasses import dataclass
from urllib.parse import urlencode


def mount_path(request):
    """The path prefix the site is served under for this request ('' at root)."""
    routed = request._event_dict.get('path') if request is not None else None
    if routed is None:          # chalice local and its test client send no path
        return ''
    full = (request.context.get('path') or '').rstrip('/')
    routed = routed.rstrip('/')
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
        return '/faq/%s/' % slug

    @staticmethod
    def category(slug, page=1):
        return '/faq-category/%s/' % slug + ('?page=%d' % page if page > 1 else '')


def _query(params):
    params = {k: v for k, v in params.items() if v not in (None, '')}
    return '?' + urlencode(params) if params else ''
