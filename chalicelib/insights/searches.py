"""The search log: what readers look for, and whether the site found it.

Every search the site answers, ``/?s=`` and the WordPress API's ``search``,
adds one to its query's count of the day, "found" or "missed" (no
results), and nothing about who searched.  Only a first page counts
(``page=2`` is the same search read further).  A search CloudFront answers
from its cache (the same query within a minute) does not reach the site
and is not counted.

**Counts are batched per instance, and a search writes at most one.**  A
search adds one to the counts its instance holds in memory (a count per
query, day and answer).  Every :data:`FLUSH_SECONDS`, or sooner when it
holds more than :data:`MAX_PENDING`, the instance takes what it holds as a
batch, and the searches that follow write the batch one count each, as an
``ADD``, oldest first (the first search of a quiet instance thus writes its
own count at once).  So a quiet site writes every search as it comes, and
a busy instance writes one ``ADD`` per distinct query and day every 10
seconds however many searches that was: never more than one write on a
search, usually none, and next to nothing on the search's own time: a
write on every search added 0.3 to 0.8 ms p50 of the app's own time
(botocore's share of a DynamoDB call), over the 0.2 ms a search may gain,
and the batches add less than 0.1 ms (``bench/insights.py``,
``bench/RESULTS.md``).  What it costs: counts an instance still holds
when it stops receiving searches (Lambda reclaims idle instances after
minutes) are lost, about :data:`FLUSH_SECONDS` of that instance's
searches; so is a count DynamoDB refuses.  The report is a measure of
what readers look for, not a ledger.  The Insights figures write this
instance's counts first (:func:`flush`).

Queries are normalised before they are counted, so that ``Exam Fees``,
``exam  fees`` and ``"exam fées"`` are one line of the report: case and
accents folded, quotes dropped, spaces collapsed, at most
:data:`MAX_QUERY` characters.  Counts are kept 13 months
(:data:`AGGREGATE_DAYS`), as every daily aggregate of readers' actions.

Logging never fails a search: if DynamoDB does not take the counts, the
reader still gets the answer and the log says so.
"""
import logging
import threading
import time
from datetime import date

from .. import store
from ..text import drop_marks

MAX_QUERY = 100
FLUSH_SECONDS = 10
MAX_PENDING = 500             # counts held at most (memory; lost if the instance stops)
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


_pending = {}                 # (day, query, found) -> searches held, not in a batch yet
_batch = {}                   # the same, taken as a batch: a search writes one each
_batch_taken_at = float('-inf')   # monotonic
_lock = threading.Lock()      # chalice local answers on many threads


def log_search(query, found, now=None):
    """Count a search for ``query`` that ``found`` something or nothing."""
    global _batch_taken_at
    normalised = normalise(query or '')
    if not normalised:
        return
    key = (day_of(time.time() if now is None else now), normalised, bool(found))
    clock = time.monotonic()
    with _lock:
        _pending[key] = _pending.get(key, 0) + 1
        if not _batch and (clock - _batch_taken_at >= FLUSH_SECONDS
                           or len(_pending) > MAX_PENDING):
            _batch.update(_pending)
            _pending.clear()
            _batch_taken_at = clock
        if not _batch:
            return
        oldest = next(iter(_batch))
        count = {oldest: _batch.pop(oldest)}
    write(count)


def write(counts):
    """Add ``{(day, query, found): searches}`` to the log, one write each;
    the first refused loses the rest, logged, and never fails the caller."""
    if not counts:
        return
    try:
        log_store = store.get_search_log()
        for (day, query, found), searches in counts.items():
            log_store.count(day, query, found, aggregate_expiry(day), searches)
    except Exception:                  # noqa: BLE001 (the reader's answer comes first)
        log.warning('search log: %d count(s) not stored', len(counts), exc_info=True)


def flush():
    """Write every count this instance holds (before its Insights figures)."""
    global _batch_taken_at
    with _lock:
        counts = dict(_batch)
        for key, searches in _pending.items():
            counts[key] = counts.get(key, 0) + searches
        _batch.clear()
        _pending.clear()
        _batch_taken_at = time.monotonic()
    write(counts)


def forget():
    """Drop the counts held, none written (tests: each on its own table)."""
    global _batch_taken_at
    with _lock:
        _batch.clear()
        _pending.clear()
        _batch_taken_at = float('-inf')
