"""The site icon, at ``/favicon.ico``, where browsers and crawlers look for it.

An SVG, because it is text: API Gateway hands a Lambda's base64 body over
as binary only when the request's first ``Accept`` type is one of the API's
binary media types, which a browser's image request (``image/avif,...``)
does not promise.  Browsers take an icon's format from its Content-Type, not
from the name; the pages link it with ``type="image/svg+xml"``.  It is the
same for every stage and deploy until this file changes, so it is cached a
week by browsers and a month by CloudFront, and revalidated by its ETag.
"""
import hashlib

from chalice import Response

from . import caching

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
       '<rect width="32" height="32" rx="6" fill="#0b5cad"/>'
       '<path d="M11 12a5 5 0 1 1 7 4.6c-1.3.6-2 1.4-2 2.9V21" fill="none" stroke="#fff" '
       'stroke-width="3" stroke-linecap="round"/>'
       '<circle cx="16" cy="25.5" r="1.9" fill="#fff"/></svg>\n')
ETAG = '"%s"' % hashlib.sha256(SVG.encode('utf-8')).hexdigest()[:32]
CACHE = 'public, max-age=604800, s-maxage=2592000'


def favicon(request):
    headers = dict(caching.headers(ETAG, cache=CACHE), **{'Content-Type': 'image/svg+xml'})
    if caching.etag_matches(request.headers.get('if-none-match'), ETAG):
        return Response(body='', status_code=304, headers=headers)
    return Response(body=SVG, status_code=200, headers=headers)
