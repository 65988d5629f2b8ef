"""Two-factor login: time-based one-time codes (RFC 6238) and recovery codes.

An editor turns it on from the Account screen: a new secret is kept aside
(``totp_pending``) and shown as a QR code, drawn on the server as inline
SVG (no script, no request to another host), and as text; it becomes the
login secret once a code from the editor's app confirms it.  They then get
``RECOVERY_CODES`` one-time recovery codes, shown once and stored only as
hashes: each is 50 random bits, so a fast hash (HMAC-SHA-256, keyed with
the user name) is enough, where a password needs a slow one.

A code is accepted for the current 30-second step or the one on either
side (clocks drift), and only once: the store remembers the last step used
and refuses it or an earlier one, atomically.  pyotp and segno load only
here, on admin requests.
"""
import hashlib
import hmac
import secrets
import time

from ..store import get_accounts

RECOVERY_CODES = 10
_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'     # no 0/o, 1/l/i to misread


def new_secret():
    import pyotp
    return pyotp.random_base32()


def provisioning_uri(secret, user, issuer):
    import pyotp
    return pyotp.TOTP(secret).provisioning_uri(name=user, issuer_name=issuer)


def qr_svg(uri):
    """The QR code of ``uri`` as an inline ``<svg>`` element."""
    import segno
    return segno.make(uri, error='m').svg_inline(scale=4, dark='#000', light='#fff',
                                                 title='QR code for your authenticator app')


def _digits(code):
    code = ''.join((code or '').split())
    return code if len(code) == 6 and code.isdigit() and code.isascii() else None


def matching_step(secret, code, after_step=0, now=None):
    """The time step whose code ``code`` is (now, or one step either side),
    if later than ``after_step``; else None."""
    import pyotp
    code = _digits(code)
    if code is None or not secret:
        return None
    totp = pyotp.TOTP(secret)
    current = int(now or time.time()) // totp.interval
    for step in (current, current - 1, current + 1):
        if step > after_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


# -- recovery codes ------------------------------------------------------------------

def new_recovery_codes():
    """Codes such as ``k7xq2-m9pfr``: 10 characters of 31, about 50 bits."""
    return ['%s-%s' % tuple(''.join(secrets.choice(_CODE_ALPHABET) for _ in range(5))
                            for _ in range(2)) for _ in range(RECOVERY_CODES)]


def _normal(code):
    return ''.join(c for c in (code or '').lower() if c.isalnum())[:40]


def recovery_hash(user, code):
    return hmac.new(user.encode('utf-8'), _normal(code).encode('utf-8'),
                    hashlib.sha256).hexdigest()


# -- what the login and Account screens call -------------------------------------------

def check_code(record, code, now=None):
    """Whether ``code`` (a one-time code or a recovery code) lets ``record``'s
    user in; the code is used up either way it succeeds."""
    accounts = get_accounts()
    step = matching_step(record.totp_secret, code, record.totp_step, now)
    if step is not None:
        return accounts.use_totp_step(record.name, record.totp_secret, step)
    if _normal(code) and not _digits(code):
        return accounts.use_recovery_code(record.name, recovery_hash(record.name, code))
    return False


def start(user):
    """A new pending secret for ``user``; the one in use stays until confirmed."""
    secret = new_secret()
    get_accounts().start_totp(user, secret)
    return secret


def confirm(record, code, now=None):
    """Turn two-factor login on if ``code`` comes from the pending secret:
    the recovery codes (to show once), or None."""
    step = matching_step(record.totp_pending, code, 0, now)
    if step is None:
        return None
    codes = new_recovery_codes()
    if not get_accounts().enable_totp(record.name, record.totp_pending, step,
                                      [recovery_hash(record.name, c) for c in codes]):
        return None
    return codes


def disable(user):
    return get_accounts().disable_totp(user)
