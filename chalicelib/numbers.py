"""Whole numbers from a request: a path segment, a query parameter, a form field.

``str.isdigit()`` is no test for them: it is true of ``'²'``, which ``int()``
refuses (a 500 for ``/faq/?page=²``), and of ``'٣'``, which ``int()`` reads as
3 where the documented pattern is ``[0-9]+``.
"""


def whole_number(raw, low=None, high=None, digits=None):
    """``raw`` as an int if it is ASCII digits only (at most ``digits`` of
    them) and within ``low``..``high``; else None."""
    if not isinstance(raw, str) or not raw.isascii() or not raw.isdigit() \
            or (digits is not None and len(raw) > digits):
        return None
    number = int(raw)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number
