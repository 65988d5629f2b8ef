"""Posted HTML forms (``application/x-www-form-urlencoded``), read once per request.

Chalice hands form posts over as raw bytes (routes accept the type with
``content_types``); the admin's forms and readers' forms are parsed here,
each under its own size limit, and a broken body is a ``ValueError`` with a
message fit to show, never a traceback.
"""
from urllib.parse import parse_qs


def form_fields(request, limit):
    """The posted form as a dict of first values (parsed once per request)."""
    cached = getattr(request, '_form', None)
    if cached is None:
        raw = request.raw_body or b''
        if len(raw) > limit:
            raise ValueError('The form is too large.')
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            raise ValueError('The form is not valid UTF-8.') from None
        cached = {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}
        request._form = cached
    return cached
