"""Who may use the admin: logins in one or two steps, API tokens, sessions.

Passwords are stored only as salted scrypt hashes (:mod:`.passwords`); API
tokens only as SHA-256 hashes (they are 256 random bits, so a fast hash is
enough and a lookup by hash reveals nothing).  Every password and one-time
code goes through the login throttle (:mod:`.throttle`), whose docstring
gives the policy.

Sessions are cookies signed with itsdangerous, carrying the user, a CSRF
token and the user's session epoch, so logging out (which bumps the epoch)
ends every session of that user.  The login form carries its own token,
paired with a cookie, so that no other site can log a visitor into an
account of its choosing.  With two-factor login on, a right password earns
no session yet: only a short-lived signed "password ok" cookie, bound to
the session epoch, that the code form needs (:func:`second_step`).
"""
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass

from ..store import get_accounts
from . import passwords, throttle, twofactor
from .throttle import LoginThrottled  # noqa: F401 (the screens catch it here)

SESSION_SECONDS = 8 * 3600
SESSION_COOKIE = 'faq_admin'
LOGIN_COOKIE = 'faq_login'
LOGIN_FORM_SECONDS = 3600
PASSWORD_OK_COOKIE = 'faq_2fa'
PASSWORD_OK_SECONDS = 5 * 60
TOKEN_PREFIX = 'faqt_'
USERNAME_MAX = 64
MIN_PASSWORD = 12


@dataclass(frozen=True)
class Session:
    user: str
    csrf: str


# -- users and tokens ------------------------------------------------------------------

def token_hash(token):
    return hashlib.sha256(token.encode('utf-8')).hexdigest()


def valid_username(name):
    return isinstance(name, str) and 0 < len(name) <= USERNAME_MAX and \
        all(c.isalnum() or c in '._-@' for c in name) and name.isascii()


def create_user(name, password):
    if not valid_username(name):
        raise ValueError('User names are 1-64 ASCII letters, digits and . _ - @')
    if len(password) < MIN_PASSWORD:
        raise ValueError('Passwords must be at least %d characters.' % MIN_PASSWORD)
    get_accounts().put_user(name, passwords.hash_password(password))


def reset_two_factor(name):
    """Turn ``name``'s two-factor login off (a lost phone) and end their
    sessions; they set it up again from the Account screen."""
    if not twofactor.disable(name):
        raise ValueError('No such user: %s' % name)
    end_sessions(name)


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


# -- logging in ------------------------------------------------------------------------

def login(user, password, client_ip, now=None):
    """The user's record if the password is right, else None.

    Raises :class:`LoginThrottled` when the throttle refuses the attempt.
    A hash made at an older cost is replaced at a successful login.
    """
    tried = {}

    def check():
        record = get_accounts().get_user(user) if valid_username(user) else None
        tried['user'] = record.name if record else None
        stored = record.password_hash if record else passwords.dummy_hash()
        if not passwords.verify_password(password or '', stored) or record is None:
            return None
        if passwords.needs_rehash(stored):
            get_accounts().replace_password_hash(
                record.name, stored, passwords.hash_password(password))
        return record
    record = throttle.attempt(user, client_ip, check, now)
    if record is None:
        throttle.report(tried.get('user'), 'login-failed', client_ip, now)
    return record


def second_step(cookie_value, code, client_ip, now=None):
    """The user's record if ``code`` completes the login that ``cookie_value``
    (the "password ok" cookie) began, else None; raises LoginThrottled."""
    record = password_ok_user(cookie_value)
    if record is None:
        return None
    return record if checked_code(record, code, client_ip, now) else None


def checked_code(record, code, client_ip, now=None, check=None):
    """``check(record, code)`` under the login throttle: by default whether
    ``code`` is one of ``record``'s one-time or recovery codes.  A falsy
    answer is reported as ``code-failed``.  Raises LoginThrottled."""
    check = check or twofactor.check_code
    result = throttle.attempt(record.name, client_ip, lambda: check(record, code), now)
    if not result:
        throttle.report(record.name, 'code-failed', client_ip, now)
    return result


# -- sessions ---------------------------------------------------------------------

_serializers = {}


def _signer(purpose):
    """A signer for ``purpose`` ('session', 'password-ok'): one key, a salt each."""
    if purpose not in _serializers:
        from itsdangerous import URLSafeTimedSerializer
        secret = os.environ.get('SESSION_SECRET') or \
            get_accounts().session_key(secrets.token_urlsafe(48))
        _serializers[purpose] = URLSafeTimedSerializer(secret, salt='faq-admin-' + purpose)
    return _serializers[purpose]


def _signed_for(purpose, record, **payload):
    return _signer(purpose).dumps(dict(payload, u=record.name, e=record.session_epoch))


def _signed_user(purpose, cookie_value, max_age):
    """``(user record, payload)`` of a cookie signed for ``purpose``, or None if
    it is forged, too old, or from an ended session epoch."""
    from itsdangerous import BadSignature
    if not cookie_value or len(cookie_value) > 4096:
        return None
    try:
        payload = _signer(purpose).loads(cookie_value, max_age=max_age)
        user, epoch = payload['u'], payload['e']
    except (BadSignature, KeyError, TypeError):
        return None
    record = get_accounts().get_user(user) if valid_username(user) else None
    if record is None or record.session_epoch != epoch:
        return None
    return record, payload


def new_session_cookie(record):
    return _signed_for('session', record, c=secrets.token_urlsafe(24))


def read_session(cookie_value):
    """The Session a cookie carries, or None if it is forged, old or revoked."""
    found = _signed_user('session', cookie_value, SESSION_SECONDS)
    if found is None or not isinstance(found[1].get('c'), str):
        return None
    return Session(user=found[0].name, csrf=found[1]['c'])


def password_ok_cookie(record):
    """What a right password earns when a code must follow: no session."""
    return _signed_for('password-ok', record)


def password_ok_user(cookie_value):
    """The user whose password was right, if the cookie is theirs and recent."""
    found = _signed_user('password-ok', cookie_value, PASSWORD_OK_SECONDS)
    return found[0] if found and found[0].totp_secret else None


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
