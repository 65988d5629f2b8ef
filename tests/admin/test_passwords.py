"""Password hashes at OWASP's scrypt cost, and old hashes upgraded at login.

The rest of the suite hashes at a trivial cost (``tests/conftest.py``);
these tests use the production cost (``production_cost``), about a second
of hashing each.
"""
import re

from chalicelib import store
from chalicelib.admin import auth, passwords
from tests.admin_helpers import PASSWORD

OLD_COST = passwords.Cost(n=2 ** 14, r=8, p=1)       # what hashes were made with before


def test_passwords_are_hashed_at_owasps_minimum_for_scrypt(repo, production_cost):
    assert production_cost == passwords.Cost(n=2 ** 17, r=8, p=1)
    auth.create_user('editor', PASSWORD)
    stored = store.get_accounts().get_user('editor').password_hash
    assert re.fullmatch(r'scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}', stored)
    assert passwords.verify_password(PASSWORD, stored)       # 128 MiB: past hashlib's default
    assert not passwords.verify_password(PASSWORD + '!', stored)
    assert not passwords.needs_rehash(stored)


def test_an_old_hash_is_upgraded_at_the_next_successful_login(repo, production_cost):
    accounts = store.get_accounts()
    accounts.put_user('editor', passwords.hash_password(PASSWORD, OLD_COST))
    before = accounts.get_user('editor')
    assert before.password_hash.startswith('scrypt$16384$8$1$')
    assert auth.login('editor', 'wrong password!!', '192.0.2.1') is None
    assert accounts.get_user('editor').password_hash == before.password_hash
    assert auth.login('editor', PASSWORD, '192.0.2.1').name == 'editor'
    after = accounts.get_user('editor')
    assert after.password_hash.startswith('scrypt$131072$8$1$')
    assert passwords.verify_password(PASSWORD, after.password_hash)
    assert after.session_epoch == before.session_epoch         # sessions go on
    assert auth.login('editor', PASSWORD, '192.0.2.1').password_hash == after.password_hash


def test_a_rehash_never_overwrites_a_password_changed_meanwhile(repo):
    accounts = store.get_accounts()
    auth.create_user('editor', PASSWORD)
    stale = accounts.get_user('editor').password_hash
    auth.create_user('editor', 'a brand new password')
    assert not accounts.replace_password_hash('editor', stale, passwords.hash_password('x'))
    assert auth.login('editor', 'a brand new password', '192.0.2.1').name == 'editor'


def test_malformed_hashes_match_nothing():
    for stored in ('', 'bcrypt$1$2$3$4$5', 'scrypt$x$8$1$AAAA$AAAA', 'scrypt$3$8$1$AAAA$AAAA',
                   'scrypt$1024$8$1$not base64$AAAA'):
        assert not passwords.verify_password(PASSWORD, stored)
        assert passwords.needs_rehash(stored)
