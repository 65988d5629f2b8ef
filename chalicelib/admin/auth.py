"""Who may use the admin: passwords, API tokens, session cookies, throttling.

Passwords are stored only as salted scrypt hashes; API tokens only as
SHA-256 hashes (they are 256 random bits, so a fast hash is enough and a
lookup by hash reveals nothing).  Sessions are cookies signed with
itsdangerous, carrying the user, a CSRF token and the user's session epoch,
so logging out (which bumps the epoch) ends every session of that user.
The login form carries its own token, paired with a cookie, so that no
other site can log a visitor into an account of its choosing.
"""
import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from dataclasses import dataclass

from ..store import get_accounts

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
SESSION_SECONDS = 8 * 3600
SESSION_COOKIE = 'faq_admin'
LOGIN_COOKIE = 'faq_login'
LOGIN_FORM_SECONDS = 3600
TOKEN_PREFIX = 'faqt_'
THROTTLE_WINDOW = 15 * 60
MAX_USER_FAILURES = 5
MAX_CLIENT_FAILURES = 20
USERNAME_MAX = 64


class LoginThrottled(Exception):
    def __init__(self, retry_after):
        self.retry_after = retry_after
        super().__init__('Too many failed logins; try again in %d seconds.' % retry_after)


@dataclass(frozen=True)
class Session:
    user: str
    csrf: str


# -- passwords and tokens -------------------------------------------------------

def _b64(data):
    return base64.b64encode(data).decode('ascii')


def hash_password(password, salt=None):
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode('utf-8'), salt=salt, n=SCRYPT_N,
                            r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return 'scrypt$%d$%d$%d$%s$%s' % (SCRYPT_N, SCRYPT_R, SCRYPT_P, _b64(salt), _b64(digest))


def verify_password(password, stored):
    try:
        scheme, n, r, p, salt, digest = stored.split('$')
        if scheme != 'scrypt':
            return False
        actual = hashlib.scrypt(password.encode('utf-8'), salt=base64.b64decode(salt),
                                n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, UnicodeError):
        return False
    return hmac.compare_digest(actual, base64.b64decode(digest))


# A hash to verify against when the user does not exist, so that a login for
# an unknown name takes as long as one with a wrong password.
_DUMMY_HASH = None


def _dummy_hash():
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(secrets.token_hex(8))
    return _DUMMY_HASH


def token_hash(token):
    return hashlib.sha256(token.encode('utf-8')).hexdigest()


def valid_username(name):
    return isinstance(name, str) and 0 < len(name) <= USERNAME_MAX and \
        all(c.isalnum() or c in '._-@' for c in name) and name.isascii()


def create_user(name, password):
    if not valid_username(name):
        raise ValueError('User names are 1-64 ASCII letters, digits and . _ - @')
    if len(password) < 12:
        raise ValueError('Passwords must be at least 12 characters.')
    get_accounts().put_user(name, hash_password(password))


def create_token(user, label=''):
    """A new API token for ``user``: returned once, stored only as a hash."""
    if get_accounts().get_user(user) is None:
        raise ValueError('No such user: %s' % user)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    get_accounts().put_token(token_hash(token), user, label)
    return token


def revoke_token(token):
    get_accounts().delete_token(token_hash(token))


def user_for_token(token):
    """The user an API token belongs to, or None."""
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX) \
            or len(token) > 200:
        return None
    digest = token_hash(token)
    record = get_accounts().get_token(digest)
    if record is None or not hmac.compare_digest(record.token_hash, digest):
        return None
    return record.user if get_accounts().get_user(record.user) else None


def bearer_token(headers):
    value = headers.get('authorization') or ''
    scheme, _, token = value.partition(' ')
    return token.strip() if scheme.lower() == 'bearer' else None


# -- login and throttling ---------------------------------------------------------

def _throttle_keys(user, client_ip):
    return ['user:' + user.lower()[:USERNAME_MAX], 'ip:' + (client_ip or 'unknown')]


def login(user, password, client_ip, now=None):
    """The user name if the password is right; raises LoginThrottled.

    Failures count per user and per client address in fixed windows of 15
    minutes; past the limit every attempt is refused, right or wrong, until
    the window ends.
    """
    now = int(now or time.time())
    window = now // THROTTLE_WINDOW
    keys = _throttle_keys(user or '', client_ip)
    accounts = get_accounts()
    counts = accounts.failure_counts(keys, window)
    if counts[keys[0]] >= MAX_USER_FAILURES or counts[keys[1]] >= MAX_CLIENT_FAILURES:
        raise LoginThrottled((window + 1) * THROTTLE_WINDOW - now)
    record = accounts.get_user(user) if valid_username(user) else None
    if verify_password(password or '', record.password_hash if record else _dummy_hash()) \
            and record is not None:
        return record.name
    accounts.record_failure(keys, window, (window + 2) * THROTTLE_WINDOW)
    return None


# -- sessions ---------------------------------------------------------------------

_serializer = None


def _signer():
    global _serializer
    if _serializer is None:
        from itsdangerous import URLSafeTimedSerializer
        secret = os.environ.get('SESSION_SECRET') or \
            get_accounts().session_key(secrets.token_urlsafe(48))
        _serializer = URLSafeTimedSerializer(secret, salt='faq-admin-session')
    return _serializer


def new_session_cookie(user):
    record = get_accounts().get_user(user)
    payload = {'u': user, 'c': secrets.token_urlsafe(24), 'e': record.session_epoch}
    return _signer().dumps(payload)


def read_session(cookie_value):
    """The Session a cookie carries, or None if it is forged, old or revoked."""
    from itsdangerous import BadSignature
    if not cookie_value or len(cookie_value) > 4096:
        return None
    try:
        payload = _signer().loads(cookie_value, max_age=SESSION_SECONDS)
        user, csrf, epoch = payload['u'], payload['c'], payload['e']
    except (BadSignature, KeyError, TypeError):
        return None
    record = get_accounts().get_user(user) if valid_username(user) else None
    if record is None or record.session_epoch != epoch:
        return None
    return Session(user=user, csrf=csrf)


def end_sessions(user):
    get_accounts().end_sessions(user)


def _same_token(expected, submitted):
    """Whether a form sent back ``expected``, compared in constant time."""
    return isinstance(submitted, str) and hmac.compare_digest(
        expected.encode(), submitted.encode('utf-8', 'replace'))


def csrf_ok(session, submitted):
    return _same_token(session.csrf, submitted)


# -- the login form's token -------------------------------------------------------

_LOGIN_TOKEN = re.compile(r'^[A-Za-z0-9_-]{32}$')


def login_token(cookie_value):
    """The token for a login form: the one the visitor's cookie already holds
    (so two open login tabs both work), or a new one."""
    if isinstance(cookie_value, str) and _LOGIN_TOKEN.match(cookie_value):
        return cookie_value
    return secrets.token_urlsafe(24)


def login_token_ok(cookie_value, submitted):
    """A login post must bring back, in the form, the token its cookie holds.

    Another site can make a browser post the login form, but cannot read
    the token, and the SameSite=Strict cookie does not travel with its post.
    What no cookie check stops is a host under the same domain setting the
    cookie itself ("cookie tossing"); it could as well plant a session.
    """
    return isinstance(cookie_value, str) and bool(_LOGIN_TOKEN.match(cookie_value)) \
        and _same_token(cookie_value, submitted)


# -- cookies -----------------------------------------------------------------------

def cookie_header(value, path, secure, max_age=SESSION_SECONDS, name=SESSION_COOKIE):
    attributes = ['%s=%s' % (name, value), 'Path=%s' % path,
                  'Max-Age=%d' % max_age, 'HttpOnly', 'SameSite=Strict']
    if secure:
        attributes.append('Secure')
    return '; '.join(attributes)


def cookie_from_headers(headers, name=SESSION_COOKIE):
    from http.cookies import CookieError, SimpleCookie
    jar = SimpleCookie()
    try:
        jar.load(headers.get('cookie') or '')
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None
