"""What keeps readers' forms honest without cookies, accounts or a CAPTCHA.

Every reader form passes these checks before anything is stored; each
refusal is a :class:`Refused` with the status and the sentence the reader
sees, and costs no write:

* **Origin**: a post must come from a page of this site: its ``Origin``
  header (or, when a browser sends none, its ``Referer``) is the site's
  address, ``SITE_URL``, or the host the request was sent to.  Another site
  cannot have its visitors' browsers vote or ask here.
* **Honeypot**: a text field people do not see or fill (:data:`HONEYPOT`);
  form-filling robots fill every field.
* **Fill time**: a form served to one reader carries a signed token of
  when it was served; a post less than :data:`MIN_FILL_SECONDS` later, or
  more than :data:`FORM_MAX_AGE`, or with a token not signed here, is
  refused.  The "Was this helpful?" buttons sit on the FAQ page itself,
  whose HTML is the same for every reader (so that CloudFront and ETags
  keep working): they cannot carry a per-reader time, and a vote is one
  click, with nothing to fill.  Votes are held by the other rules; the
  forms that take text (the comment after a "No", a question) carry the
  token.

**Addresses are never stored.**  Per-address limits count under
:func:`reader_of`: an HMAC-SHA-256 of the address under a secret of the
day, made by the first reader action of the day and kept in the table
until the day after (``store.ReaderStore.day_secret``).  Once it expires,
nothing links a hash to an address, or yesterday's hash to today's, not
even a search through all four billion IPv4 addresses.  The User-Agent is
never read.
"""
import hashlib
import hmac
import secrets
import time

from .. import store
from .searches import DAY, day_of, start_of

HONEYPOT = 'leave_empty'       # the field's name; its label says to leave it empty
MIN_FILL_SECONDS = 3
FORM_MAX_AGE = 6 * 3600


class Refused(Exception):
    """A reader's post that is not taken: the status, a code for tests and
    logs, and what the reader is told."""

    def __init__(self, status, code, message, retry_after=None):
        super().__init__(message)
        self.status, self.code, self.retry_after = status, code, retry_after


# -- the day's secret and the address hash ------------------------------------------

_secrets = {}                  # day -> secret, for this instance


def day_secret(day, create=True):
    """The secret of ``day`` (made if ``create`` and there is none yet), or None."""
    secret = _secrets.get(day)
    if secret is None:
        secret = store.get_readers().day_secret(
            day, secrets.token_hex(32) if create else None, start_of(day) + 2 * DAY)
        if secret is not None:
            if len(_secrets) > 3:
                _secrets.clear()
            _secrets[day] = secret
    return secret


def forget_secrets():
    """Drop the secrets this instance holds (tests: each table has its own)."""
    _secrets.clear()


def reader_of(address, day):
    """The keyed hash ``address`` is counted under on ``day``."""
    return hmac.new(day_secret(day).encode(), b'address\0' + (address or '?').encode(),
                    hashlib.sha256).hexdigest()[:32]


# -- the form token (fill time) -----------------------------------------------------

def _signature(purpose, issued, create):
    secret = day_secret(day_of(issued), create)
    if secret is None:
        return None
    return hmac.new(secret.encode(), ('form\0%s\0%d' % (purpose, issued)).encode(),
                    hashlib.sha256).hexdigest()[:32]


def form_token(purpose, now=None):
    """A token for a form served now, for ``purpose`` (``'ask'``, ``'comment:7'``)."""
    issued = int(time.time() if now is None else now)
    return '%d.%s' % (issued, _signature(purpose, issued, True))


def check_token(token, purpose, now=None):
    """Refuse a post whose token was not served here for ``purpose``, or
    came back too soon or too late."""
    now = int(time.time() if now is None else now)
    issued, _, signature = (token or '').partition('.')
    age = now - int(issued) if issued.isdigit() and len(issued) <= 12 else None
    if age is None or not -60 <= age <= FORM_MAX_AGE:
        raise Refused(400, 'expired', 'This form has expired or is incomplete. Your text is '
                                      'still below: please send it again.')
    expected = _signature(purpose, int(issued), False)
    if expected is None or not hmac.compare_digest(expected.encode(),
                                                   signature.encode('utf-8', 'replace')):
        raise Refused(400, 'expired', 'This form could not be checked. Your text is still '
                                      'below: please send it again.')
    if age < MIN_FILL_SECONDS:
        raise Refused(400, 'too-fast', 'That was quicker than people usually are. Your text '
                                       'is still below: please check it and send it again.')


# -- the other checks ---------------------------------------------------------------

def check_honeypot(form):
    if form.get(HONEYPOT):
        raise Refused(400, 'honeypot', 'This was not sent: the field marked "leave this '
                                       'empty" was filled in. Empty it and send again.')


def _origin(url):
    scheme, _, rest = url.partition('://')
    return '%s://%s' % (scheme.lower(), rest.split('/', 1)[0].lower())


def check_origin(headers, site_url):
    """Refuse a post that a page of another site sent."""
    allowed = {_origin(site_url)}
    host = (headers.get('host') or '').lower()
    if host:
        allowed.update(('https://' + host, 'http://' + host))
    origin = headers.get('origin')
    if origin and origin != 'null':
        sent_from = _origin(origin.strip())
    else:
        referer = headers.get('referer') or ''
        sent_from = _origin(referer) if '://' in referer else None
    if sent_from not in allowed:
        raise Refused(403, 'origin', 'This form was not sent from a page of this site, so it '
                                     'was not accepted. Please use the form on the site '
                                     'itself.')
