"""HTTP caching for public pages: ETags, Last-Modified and CDN-friendly headers.

A page's ETag is a hash of everything its HTML is made from (the entries
shown and their versions, the settings, the mount point and the templates),
so a matching ``If-None-Match`` can be answered 304 before rendering, and a
page rendered once can be served again from memory for as long as its ETag
stays the same (:func:`body_for`).
"""
import hashlib
from collections import OrderedDict

from ..templating import templates_digest

# Browsers revalidate after a minute; CloudFront keeps pages five minutes and
# may serve a stale copy while it refetches, or for a day if the origin fails.
PUBLIC = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400'
NOT_FOUND = 'public, max-age=30, s-maxage=60'
REDIRECT = 'public, max-age=3600, s-maxage=86400'
SEARCH = 'public, max-age=60, s-maxage=60'


def etag_for(settings, mount, *parts):
    material = repr((templates_digest(), settings, mount) + parts).encode('utf-8')
    return '"%s"' % hashlib.sha256(material).hexdigest()[:32]


# Rendered pages by ETag, most recently used last: a few MB at most.
BODY_CACHE_SIZE = 256
_bodies = OrderedDict()


def body_for(etag, render_body):
    """The page named by ``etag``, rendered at most once per instance."""
    body = _bodies.get(etag)
    if body is not None:
        _bodies.move_to_end(etag)
        return body
    body = _bodies[etag] = render_body()
    if len(_bodies) > BODY_CACHE_SIZE:
        _bodies.popitem(last=False)
    return body


def forget_bodies():
    """Drop the rendered pages (tests: each test's table starts its counters anew)."""
    _bodies.clear()


_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
           'Dec')


def http_date(moment):
    """RFC 9110's IMF-fixdate, for a UTC datetime.

    Written out rather than taken from ``email.utils``: importing the email
    package costs a cold start about 10 ms, and strftime's names follow the
    locale.
    """
    return '%s, %02d %s %04d %02d:%02d:%02d GMT' % (
        _DAYS[moment.weekday()], moment.day, _MONTHS[moment.month - 1], moment.year,
        moment.hour, moment.minute, moment.second)


def etag_matches(if_none_match, etag):
    if not if_none_match:
        return False
    candidates = [c.strip() for c in if_none_match.split(',')]
    bare = etag.strip('"')
    return any(c == '*' or c.removeprefix('W/').strip('"') == bare for c in candidates)


def headers(etag, last_modified=None, cache=PUBLIC):
    result = {'ETag': etag, 'Cache-Control': cache}
    if last_modified is not None:
        result['Last-Modified'] = http_date(last_modified)
    return result
