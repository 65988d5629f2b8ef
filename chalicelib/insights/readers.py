"""Readers' votes, comments and questions: checked, limited, counted.

Each action is at most two writes: a conditional ``UpdateItem`` that checks
the limits and notes the action under the reader's address hash
(:func:`chalicelib.insights.abuse.reader_of`), then the count or the record
itself.  Should the second write fail, the first is taken back, so that the
reader may simply try again and no count is off.

The limits, per address (hash) unless said otherwise:

* one vote per FAQ per day, :data:`VOTES_PER_DAY` votes a day, and
  :data:`ACTIONS_PER_HOUR` votes and comments together an hour;
* one comment per FAQ per day, and only after a "No" to it that day, at
  most :data:`COMMENT_MAX` characters;
* :data:`QUESTIONS_PER_DAY` questions a day, and :data:`SITE_QUESTIONS_PER_DAY`
  from everyone together (the inbox stays readable whatever a robot
  network sends); a question is :data:`QUESTION_MIN` to :data:`QUESTION_MAX`
  characters (it becomes a FAQ's title), an e-mail address at most
  :data:`EMAIL_MAX`.

What is kept, and how long (DynamoDB's TTL deletes it; a day's records
read by the admin stop at the same age, so an expired one never shows):
comments and questions :data:`KEEP_DAYS` days (an editor can keep a
comment for good; a question leaves, e-mail address and all, when it is
dismissed or turned into a FAQ); the daily vote counts 13 months; the
per-address notes and the day's secret until the end of the next day.
"""
import re
import time

from .. import store
from ..models import TITLE_MAX, is_valid_slug
from ..text import problem as text_problem
from .abuse import Refused, reader_of
from .searches import DAY, aggregate_expiry, day_of, normalise, start_of

VOTES_PER_DAY = 50
ACTIONS_PER_HOUR = 20
COMMENT_MAX = 500
QUESTIONS_PER_DAY = 3
SITE_QUESTIONS_PER_DAY = 100
QUESTION_MIN = 10
QUESTION_MAX = TITLE_MAX
EMAIL_MAX = 254
KEEP_DAYS = 90
_EMAIL = re.compile(r'^[^@\s<>"(),;:]+@[^@\s<>"(),;:]+\.[^@\s<>"(),;:]+$')


def _clock(now):
    now = time.time() if now is None else now
    return now, day_of(now), int(now % DAY // 3600)


def _until_next_hour(now):
    return int(3600 - now % 3600) + 1


def _until_tomorrow(now):
    return int(DAY - now % DAY) + 1


def _too_many(why, now):
    if why == 'hourly':
        wait = _until_next_hour(now)
        raise Refused(429, 'rate', 'You have sent many answers from your address in the last '
                                   'hour. Please try again in %d minutes.'
                      % max(1, round(wait / 60)), wait)
    raise Refused(429, 'rate', 'That is as many votes as we take from one address in a '
                               'day. Thank you! Please come back tomorrow.',
                  _until_tomorrow(now))


def clean_text(value, name, most, least=0, multiline=False):
    """``value`` as it will be kept (spaces tidied), or Refused saying why not."""
    value = value if isinstance(value, str) else ''
    if multiline:
        value = '\n'.join(' '.join(line.split()) for line in value.strip().splitlines())
    else:
        value = ' '.join(value.split())
    problem = text_problem(value, multiline)
    if problem:
        raise Refused(400, 'invalid', '%s %s' % (name, problem))
    if len(value) > most:
        raise Refused(400, 'too-long', '%s must be at most %d characters; it has %d.'
                      % (name, most, len(value)))
    if len(value) < least:
        raise Refused(400, 'too-short', '%s must be at least %d characters.' % (name, least))
    return value


def clean_email(value):
    value = (value if isinstance(value, str) else '').strip()
    if not value:
        return ''
    if len(value) > EMAIL_MAX or not _EMAIL.match(value) or not value.isprintable():
        raise Refused(400, 'invalid', 'The e-mail address does not look right: leave it '
                                      'empty, or give one like name@example.com.')
    return value


def vote(address, faq_id, helpful, now=None):
    """Count ``address``'s Yes (``helpful``) or No to ``faq_id`` (two writes)."""
    now, day, hour = _clock(now)
    reader, readers = reader_of(address, day), store.get_readers()
    why = readers.mark_vote(reader, day, hour, faq_id, not helpful, ACTIONS_PER_HOUR,
                            VOTES_PER_DAY, start_of(day) + 2 * DAY)
    if why == 'voted':
        raise Refused(409, 'voted', 'You already told us whether this answer helped, today. '
                                    'Thank you!')
    if why:
        _too_many(why, now)
    try:
        readers.count_vote(day, faq_id, helpful, aggregate_expiry(day))
    except BaseException:
        readers.unmark(reader, day, hour, faq_id, 'votes')
        raise


def comment(address, faq_id, text, now=None):
    """Keep what a reader who said "No" to ``faq_id`` was looking for (two
    writes); returns its id, or None for an empty comment (nothing stored)."""
    text = clean_text(text, 'What you were looking for', COMMENT_MAX, multiline=True)
    if not text:
        return None
    now, day, hour = _clock(now)
    reader, readers = reader_of(address, day), store.get_readers()
    why = readers.mark_comment(reader, day, hour, faq_id, ACTIONS_PER_HOUR)
    if why == 'no-vote':
        raise Refused(409, 'no-vote', 'Tell us first whether the answer helped: this box '
                                      'comes with a "No".')
    if why == 'commented':
        raise Refused(409, 'commented', 'You already told us what you were looking for on '
                                        'this page today. Thank you!')
    if why:
        _too_many(why, now)
    try:
        return readers.add_comment(faq_id, time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(now)),
                                   text, int(now) + KEEP_DAYS * DAY)
    except BaseException:
        readers.unmark(reader, day, hour, faq_id, 'commented')
        raise


def source_of(searched=None, page=None):
    """Where a question was asked from, as the inbox shows it."""
    if page and is_valid_slug(page):
        return 'faq:' + page
    searched = normalise(searched or '')
    return 'search:' + searched if searched else ''


def ask(address, text, email='', source='', now=None):
    """Put a reader's question in the editors' inbox (two writes); its id."""
    text = clean_text(text, 'Your question', QUESTION_MAX, QUESTION_MIN)
    email = clean_email(email)
    now, day, _ = _clock(now)
    reader, readers = reader_of(address, day), store.get_readers()
    why = readers.take_question(day, reader, SITE_QUESTIONS_PER_DAY, QUESTIONS_PER_DAY,
                                start_of(day) + (KEEP_DAYS + 1) * DAY)
    if why == 'reader':
        raise Refused(429, 'rate', 'You have sent %d questions today, as many as we take '
                                   'from one address in a day. Please send more tomorrow.'
                      % QUESTIONS_PER_DAY, _until_tomorrow(now))
    if why:
        raise Refused(429, 'full', 'We have received as many questions today as we can '
                                   'read. Please send yours tomorrow.', _until_tomorrow(now))
    try:
        return readers.add_question(day, time.strftime('%Y-%m-%dT%H:%M:%SZ',
                                                       time.gmtime(now)),
                                    text, email, source, int(now) + KEEP_DAYS * DAY)
    except BaseException:
        readers.give_back_question(day, reader)
        raise
