"""The search log: what readers look for, and whether the site found it.

Every search the site answers, ``/?s=`` and the WordPress API's ``search``,
adds one to its query's count of the day, "found" or "missed" (no
results): one ``UpdateItem`` (``ADD``) in the request, nothing else, and
nothing about who searched.  Only a first page counts (``page=2`` is the
same search read further).  A search CloudFront answers from its cache
(the same query within a minute) does not reach the site and is not
counted.

Queries are normalised before they are counted, so that ``Exam Fees``,
``exam  fees`` and ``"exam fées"`` are one line of the report: case and
accents folded, quotes dropped, spaces collapsed, at most
:data:`MAX_QUERY` characters.  Counts are kept 13 months
(:data:`AGGREGATE_DAYS`), as every daily aggregate of readers' actions.

Logging never fails a search: if DynamoDB does not take the count, the
reader still gets the answer and the log says so.
"""
import logging
import time
from datetime import date

from .. import store
from ..text import drop_marks

MAX_QUERY = 100
AGGREGATE_DAYS = 396          # daily aggregates: 13 months
DAY = 86400
_EPOCH = date(1970, 1, 1).toordinal()
_QUOTES = str.maketrans('', '', '"“”„«»')
log = logging.getLogger(__name__)


def normalise(text):
    """The form a query is counted under ('' for nothing to count)."""
    text = text if text.isascii() else drop_marks(text)
    text = ''.join(c if c.isprintable() else ' ' for c in text.casefold().translate(_QUOTES))
    return ' '.join(text.split())[:MAX_QUERY].rstrip()


def day_of(now):
    """``YYYY-MM-DD`` (UTC) of a time in seconds."""
    return time.strftime('%Y-%m-%d', time.gmtime(now))


def start_of(day):
    """The first second (UTC) of ``YYYY-MM-DD``."""
    return (date.fromisoformat(day).toordinal() - _EPOCH) * DAY


def aggregate_expiry(day):
    """When an aggregate of ``day`` expires: 13 months after it."""
    return start_of(day) + AGGREGATE_DAYS * DAY


def log_search(query, found, now=None):
    """Count a search for ``query`` that ``found`` something or nothing."""
    normalised = normalise(query or '')
    if not normalised:
        return
    day = day_of(time.time() if now is None else now)
    try:
        store.get_search_log().count(day, normalised, found, aggregate_expiry(day))
    except Exception:                  # noqa: BLE001 (the reader's answer comes first)
        log.warning('search log: the count was not stored', exc_info=True)
