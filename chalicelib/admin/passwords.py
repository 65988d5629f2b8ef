"""Password hashes: scrypt at OWASP's cost, upgraded as users log in.

OWASP's Password Storage Cheat Sheet asks of scrypt at least N=2^17, r=8,
p=1.  That needs 128 * r * N = 128 MiB of memory for each hash (hashlib's
default limit is 32 MiB, hence ``maxmem``) and about half a second of CPU
here (``bench.login``): fine on the function's 512 MB, and a login costs
one hash.  Each stored hash names its parameters, so a hash made with older
ones still verifies, and is replaced by one at today's cost at the user's
next successful login (:func:`needs_rehash`).

The tests lower the cost in one place (``tests/conftest.py``), as Django's
test settings swap in a fast hasher; one test checks these parameters.
"""
import base64
import hashlib
import hmac
import os
import secrets
from collections import namedtuple

Cost = namedtuple('Cost', 'n r p')
COST = Cost(n=2 ** 17, r=8, p=1)
SALT_BYTES, KEY_BYTES = 16, 32


def _maxmem(cost):
    """The memory scrypt needs for ``cost``, with room for OpenSSL's own use."""
    return 128 * cost.r * (cost.n + cost.p + 2) + 1024 * 1024


def _scrypt(password, salt, cost):
    return hashlib.scrypt(password.encode('utf-8'), salt=salt, n=cost.n, r=cost.r,
                          p=cost.p, dklen=KEY_BYTES, maxmem=_maxmem(cost))


def _b64(data):
    return base64.b64encode(data).decode('ascii')


def hash_password(password, cost=None):
    """``scrypt$N$r$p$salt$key``, at today's :data:`COST` unless told otherwise."""
    cost = cost or COST
    salt = os.urandom(SALT_BYTES)
    return 'scrypt$%d$%d$%d$%s$%s' % (cost.n, cost.r, cost.p, _b64(salt),
                                      _b64(_scrypt(password, salt, cost)))


def _parse(stored):
    scheme, n, r, p, salt, key = stored.split('$')
    if scheme != 'scrypt':
        raise ValueError('not an scrypt hash')
    return Cost(int(n), int(r), int(p)), base64.b64decode(salt), base64.b64decode(key)


def verify_password(password, stored):
    """Whether ``password`` made ``stored``; a malformed hash matches nothing."""
    try:
        cost, salt, key = _parse(stored)
        actual = _scrypt(password, salt, cost)
    except (ValueError, UnicodeError, MemoryError):
        return False
    return hmac.compare_digest(actual, key)


def needs_rehash(stored):
    """True when ``stored`` was made at another cost than today's."""
    try:
        return _parse(stored)[0] != COST
    except ValueError:
        return True


_dummy = {}


def dummy_hash():
    """A hash to verify when the user does not exist, so that a login for an
    unknown name takes as long as one with a wrong password."""
    if COST not in _dummy:
        _dummy[COST] = hash_password(secrets.token_hex(8))
    return _dummy[COST]
