"""The Insights screen's figures, for the last 7, 30 or 90 days.

Only aggregates are read, never a Scan, and nothing that grows with the
number of visitors:

* searches: each past day's rollup (one Query per calendar year of the
  range), and today's counts (at most :data:`MAX_TODAY` queries).  A past
  day is summed up the first time a range needs it, from its counts, and
  stored: its totals, the :data:`TOP_PER_DAY` most searched queries and
  the rest as "other".  So a range costs at most its days' rollups however
  many searches they had, and a day's distinct queries are read once;
* votes: one small item per FAQ and day voted on (one Query per month),
  then the titles of the :data:`RANKED` FAQs shown (one BatchGetItem) and
  their newest comments (one Query each, :data:`COMMENTS_SHOWN` items);
* questions: one small item per day of the last 90 (asked, closed).
"""
import time
from collections import Counter
from datetime import date, timedelta

from .. import store
from .readers import KEEP_DAYS
from .searches import aggregate_expiry, day_of, flush as flush_searches

RANGES = (7, 30, 90)
DEFAULT_RANGE = 30
MIN_VOTES = (1, 5, 20, 100)
DEFAULT_MIN_VOTES = 5
TOP = 20
TOP_PER_DAY = 1000
MAX_TODAY = 2000
RANKED = 20
COMMENTS_SHOWN = 3
INBOX_LIMIT = 200


def window(days, now=None):
    """The ``days`` dates (``YYYY-MM-DD``) that end today, oldest first."""
    today = date.fromisoformat(day_of(time.time() if now is None else now))
    return [(today - timedelta(days=n)).isoformat() for n in range(days - 1, -1, -1)]


def rollup(day, rows):
    """A day summed up from its ``(query, found, missed)`` counts."""
    ordered = sorted(rows, key=lambda row: (-(row[1] + row[2]), row[0]))
    top, rest = ordered[:TOP_PER_DAY], ordered[TOP_PER_DAY:]
    return store.Rollup(day=day, found=sum(r[1] for r in rows), missed=sum(r[2] for r in rows),
                        distinct=len(rows), top=[list(r) for r in top],
                        other_found=sum(r[1] for r in rest),
                        other_missed=sum(r[2] for r in rest))


def _rollups(days):
    """``({day: Rollup}, today complete?)``, summing up past days not summed yet."""
    log, today = store.get_search_days(), days[-1]
    found = log.rollups(days[0], days[-1]) if len(days) > 1 else {}
    for day in days[:-1]:
        if day not in found:
            rows, _ = log.day(day)
            found[day] = rollup(day, rows)
            log.put_rollup(found[day], aggregate_expiry(day))
    rows, complete = log.day(today, MAX_TODAY)
    found[today] = rollup(today, rows)
    return found, complete


def search_figures(days, now=None):
    """Searches per day, with and without results; the most searched queries,
    and those most searched without a result."""
    window_days = window(days, now)
    flush_searches()                  # this instance's own counts first
    rollups, complete = _rollups(window_days)
    merged = {}
    for day in window_days:
        for query, found, missed in rollups[day].top:
            counts = merged.setdefault(query, [0, 0])
            counts[0] += found
            counts[1] += missed
    top = sorted(merged.items(), key=lambda item: (-sum(item[1]), item[0]))[:TOP]
    missing = sorted(((q, c) for q, c in merged.items() if c[1]),
                     key=lambda item: (-item[1][1], item[0]))[:TOP]
    daily = [{'day': d, 'found': rollups[d].found, 'missed': rollups[d].missed}
             for d in window_days]
    return {
        'days': days, 'from': window_days[0], 'to': window_days[-1], 'daily': daily,
        'found': sum(d['found'] for d in daily), 'missed': sum(d['missed'] for d in daily),
        'other': sum(rollups[d].other_found + rollups[d].other_missed for d in window_days),
        'today_complete': complete,
        'top': [{'query': q, 'searches': f + m, 'found': f, 'missed': m}
                for q, (f, m) in top],
        'no_results': [{'query': q, 'missed': m, 'found': f} for q, (f, m) in missing],
    }


def _iso(compact):
    """``20260105T101112Z`` -> ``2026-01-05T10:11:12Z``."""
    return '%s-%s-%sT%s:%s:%sZ' % (compact[:4], compact[4:6], compact[6:8], compact[9:11],
                                   compact[11:13], compact[13:15])


def helpfulness(days, min_votes=DEFAULT_MIN_VOTES, now=None):
    """The FAQs with at least ``min_votes`` votes, most "No" first, and the
    newest comments on each."""
    window_days = window(days, now)
    readers = store.get_readers()
    totals = {}
    for row in readers.votes(window_days[0], window_days[-1]):
        counts = totals.setdefault(row.faq_id, [0, 0])
        counts[0] += row.yes
        counts[1] += row.no
    ranked = sorted(((faq_id, yes, no) for faq_id, (yes, no) in totals.items()
                     if yes + no >= min_votes),
                    key=lambda r: (-r[2], -r[2] / (r[1] + r[2]), r[0]))[:RANKED]
    entries = store.get_repository().get_many([r[0] for r in ranked]) if ranked else {}
    cutoff = time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(
        (time.time() if now is None else now) - KEEP_DAYS * 86400))
    items = []
    for faq_id, yes, no in ranked:
        entry = entries.get(faq_id)
        # expired (TTL deletes within a few days), unless an editor kept it
        comments = [c for c in readers.comments(faq_id, COMMENTS_SHOWN)
                    if c.kept or c.at >= cutoff]
        items.append({
            'id': faq_id, 'title': entry.title if entry else 'FAQ %d (deleted)' % faq_id,
            'slug': entry.slug if entry else None,
            'status': entry.status if entry else 'deleted',
            'yes': yes, 'no': no, 'votes': yes + no,
            'helpful_percent': round(100 * yes / (yes + no)),
            'comments': [{'id': c.id, 'at': _iso(c.at), 'text': c.text, 'kept': c.kept}
                         for c in comments]})
    return {'days': days, 'from': window_days[0], 'to': window_days[-1],
            'min_votes': min_votes, 'faqs_voted_on': len(totals),
            'votes': sum(sum(c) for c in totals.values()), 'items': items}


def _inbox_days(now):
    return window(KEEP_DAYS, now)


def open_questions(now=None):
    """How many questions wait in the inbox (one small item per day read)."""
    days = _inbox_days(now)
    return store.get_readers().open_questions(days[0], days[-1])


def inbox(now=None):
    """The inbox: the open questions, newest first, and how many there are."""
    days = _inbox_days(now)
    readers = store.get_readers()
    found = sorted(readers.questions(days[0], days[-1], INBOX_LIMIT),
                   key=lambda q: (q.at, q.id), reverse=True)
    return {'open': readers.open_questions(days[0], days[-1]), 'items': [
        {'id': q.id, 'question': q.text, 'email': q.email or None, 'asked': q.at,
         'source': _source(q.source)} for q in found]}


def _source(source):
    kind, _, value = source.partition(':')
    return {'kind': kind, 'value': value} if kind in ('search', 'faq') else None


def open_question(question_id):
    """An open question, or None (an id of the wrong form names none)."""
    if not store.question_id_ok(question_id or ''):
        return None
    return store.get_readers().question(question_id)


def close_question(question_id):
    """Dismiss or answer a question: it leaves the inbox, e-mail address and
    all.  False if there was no such open question."""
    if not store.question_id_ok(question_id or ''):
        return False
    return store.get_readers().close_question(question_id) is not None


def keep_comment(comment_id):
    """Keep a comment beyond 90 days; False if there is no such comment."""
    if not store.comment_id_ok(comment_id or ''):
        return False
    return store.get_readers().keep_comment(comment_id)
