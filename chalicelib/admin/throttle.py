"""How often a password or a login code may be tried: the login throttle.

The policy, per user name and fixed 15-minute window:

* **One address, one user**: after ``PAIR_LIMIT`` (5) failures, that
  address may not try that user again until the window ends.  Only that
  address: the user still logs in from anywhere else, so an attacker
  cannot lock an editor out by failing on purpose.
* **One address, any users**: after ``ADDRESS_LIMIT`` (20) failures, that
  address may not log in at all until the window ends.
* **Many addresses, one user** (a distributed guess): the first
  ``FREE_FAILURES`` (10, more than one address can reach) cost nothing;
  after each further failure the next attempt, from anywhere, must wait,
  from 1 second doubling up to ``MAX_DELAY`` (5 minutes): about 20
  guesses a window however many addresses guess.  The editor is slowed,
  never locked out for the window.
* One attempt per user at a time: while a password or code is being
  checked, another attempt for that user is told to retry in a second.

Throttled attempts are answered 429 with ``Retry-After`` and the password
is not checked.  Each attempt is counted *before* the password or code is
checked, by conditional updates (:class:`chalicelib.store.LoginThrottle`):
concurrent attempts cannot pass a limit, and a success gives its count
back.  A success does not forgive the user's failures from elsewhere: they
end with the window.  The second step of a login (a one-time code) counts
under the same limits.  Failures are reported in the audit log, one record
per user and window with their count and addresses.
"""
import time

from ..store import UNKNOWN_USER, get_throttle

WINDOW = 15 * 60
PAIR_LIMIT = 5
ADDRESS_LIMIT = 20
FREE_FAILURES = 10
MAX_DELAY = 5 * 60
HOLD = 10            # seconds an attempt may hold the user's gate (the Lambda timeout)
MAX_NAME = 64


class LoginThrottled(Exception):
    def __init__(self, retry_after, message):
        self.retry_after = max(1, int(retry_after))
        super().__init__(message % {'seconds': self.retry_after})


def delay_after(failures):
    """Seconds the next attempt waits after the user's ``failures``-th failure."""
    if failures <= FREE_FAILURES:
        return 0
    return min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY)


def _keys(name, address):
    user = (name or '').lower()[:MAX_NAME]
    address = address or 'unknown'
    return 'user:' + user, 'ip:' + address, 'pair:%s|%s' % (user, address)


def attempt(name, address, check, now=None):
    """``check()``'s result if the throttle lets this attempt through.

    A falsy result is a failure.  Raises :class:`LoginThrottled` without
    calling ``check`` when a limit is reached.
    """
    now = int(now or time.time())
    window = now // WINDOW
    window_end = (window + 1) * WINDOW
    expires = window_end + WINDOW
    user, by_address, pair = _keys(name, address)
    counters = get_throttle()
    if not counters.take(by_address, window, ADDRESS_LIMIT, expires):
        raise LoginThrottled(window_end - now, 'Too many failed logins from your address; '
                                               'try again in %(seconds)d seconds.')
    if not counters.take(pair, window, PAIR_LIMIT, expires):
        counters.give_back(by_address, window)
        raise LoginThrottled(window_end - now, 'Too many failed logins for this user from '
                                               'your address; try again in %(seconds)d '
                                               'seconds.')
    passed, failures_or_wait = counters.hold_gate(user, window, now, now + HOLD, expires)
    if not passed:
        for key in (pair, by_address):
            counters.give_back(key, window)
        if failures_or_wait <= now:          # another login of this user is being checked
            raise LoginThrottled(1, 'Another login for this user is being checked; try '
                                    'again in a second.')
        raise LoginThrottled(failures_or_wait - now, 'Too many failed logins for this user; '
                                                     'try again in %(seconds)d seconds.')
    try:
        result = check()
    except BaseException:            # not an answer to the guess: count nothing
        counters.release_gate(user, window, False, now)
        for key in (pair, by_address):
            counters.give_back(key, window)
        raise
    counters.release_gate(user, window, not result, now + delay_after(failures_or_wait + 1))
    if result:
        for key in (pair, by_address):
            counters.give_back(key, window)
    return result


def report(actor, action, address, now=None):
    """Count a failure in the audit log: ``actor`` is the user tried, or None
    for a name that does not exist."""
    now = int(now or time.time())
    get_throttle().report_failure(actor or UNKNOWN_USER, action, now // WINDOW * WINDOW,
                                  address or 'unknown', now)
