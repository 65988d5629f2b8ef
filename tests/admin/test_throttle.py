"""The login throttle against real attacks (``chalicelib/admin/throttle.py``).

Concurrent guesses cannot pass a limit; one address cannot lock a user out
elsewhere; many addresses are slowed by growing waits; failed logins show in
the audit log, without an attacker being able to fill it.
"""
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from chalicelib import store
from chalicelib.admin import auth, throttle
from tests.admin_helpers import PASSWORD, api, login

WRONG = 'not the password!'
NOW = 1_800_000_000 // throttle.WINDOW * throttle.WINDOW + 60   # a minute into a window


@pytest.fixture
def editor(repo):
    auth.create_user('editor', PASSWORD)
    return 'editor'


def outcome(user, password, address, now=None):
    """'ok', 'wrong' or 'throttled': what one login attempt got."""
    try:
        return 'ok' if auth.login(user, password, address, now) else 'wrong'
    except auth.LoginThrottled:
        return 'throttled'


def test_concurrent_takes_never_pass_the_limit(repo):
    counters = store.get_throttle()
    start = threading.Barrier(40)

    def take(_):
        start.wait()
        return counters.take('pair:x|192.0.2.1', 7, 5, 10 ** 10)
    with ThreadPoolExecutor(40) as pool:
        taken = list(pool.map(take, range(40)))
    assert taken.count(True) == 5
    assert counters.count('pair:x|192.0.2.1', 7) == 5


def test_forty_concurrent_wrong_passwords_count_at_most_five(editor):
    start = threading.Barrier(40)

    def guess(_):
        start.wait()
        return outcome(editor, WRONG, '203.0.113.5')
    with ThreadPoolExecutor(40) as pool:
        got = list(pool.map(guess, range(40)))
    assert got.count('wrong') + got.count('throttled') == 40
    assert 1 <= got.count('wrong') <= throttle.PAIR_LIMIT
    # the rest of the five may be used up, one at a time, and no more
    more = [outcome(editor, WRONG, '203.0.113.5') for _ in range(throttle.PAIR_LIMIT + 2)]
    assert got.count('wrong') + more.count('wrong') == throttle.PAIR_LIMIT
    assert more[-2:] == ['throttled', 'throttled']
    assert outcome(editor, PASSWORD, '203.0.113.5') == 'throttled'


def test_one_address_cannot_lock_the_user_out_elsewhere(editor):
    for _ in range(throttle.PAIR_LIMIT):
        assert outcome(editor, WRONG, '203.0.113.5', NOW) == 'wrong'
    assert outcome(editor, PASSWORD, '203.0.113.5', NOW) == 'throttled'
    assert outcome(editor, PASSWORD, '198.51.100.7', NOW) == 'ok'
    # and the five never start the user's wait: only a distributed guess does
    assert outcome(editor, WRONG, '198.51.100.8', NOW) == 'wrong'
    assert outcome(editor, PASSWORD, '198.51.100.7', NOW) == 'ok'


def test_many_addresses_are_slowed_by_growing_waits_not_locked_out(editor):
    for n in range(throttle.FREE_FAILURES):
        assert outcome(editor, WRONG, '10.0.%d.1' % n, NOW) == 'wrong'
    now, waits = NOW, []
    for n in range(4):
        assert outcome(editor, WRONG, '10.1.%d.1' % n, now) == 'wrong'
        with pytest.raises(auth.LoginThrottled) as refused:
            auth.login(editor, PASSWORD, '10.2.%d.1' % n, now)     # from anywhere
        waits.append(refused.value.retry_after)
        now += refused.value.retry_after
    assert waits == [1, 2, 4, 8]
    # the editor waits, then is in: slowed, not locked out for the window
    assert outcome(editor, PASSWORD, '198.51.100.7', now) == 'ok'
    assert throttle.delay_after(1000) == throttle.MAX_DELAY


def test_one_address_is_stopped_after_twenty_failures_with_any_names(editor):
    for n in range(throttle.ADDRESS_LIMIT):
        assert outcome('user%d' % n, WRONG, '203.0.113.9', NOW) == 'wrong'
    assert outcome(editor, PASSWORD, '203.0.113.9', NOW) == 'throttled'
    assert outcome(editor, PASSWORD, '198.51.100.1', NOW) == 'ok'
    # the next window starts afresh
    assert outcome(editor, PASSWORD, '203.0.113.9', NOW + throttle.WINDOW) == 'ok'


def test_successes_give_their_count_back(editor):
    for _ in range(3 * throttle.PAIR_LIMIT):
        assert outcome(editor, PASSWORD, '203.0.113.5', NOW) == 'ok'
    assert store.get_throttle().count('pair:editor|203.0.113.5', NOW // throttle.WINDOW) == 0


def test_a_check_in_progress_holds_the_user_and_an_error_counts_nothing(editor):
    started, finish = threading.Event(), threading.Event()

    def slow_check():
        started.set()
        finish.wait(10)
        return None
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(throttle.attempt, editor, '203.0.113.5', slow_check, NOW)
        started.wait(10)
        with pytest.raises(auth.LoginThrottled, match='being checked') as refused:
            auth.login(editor, PASSWORD, '198.51.100.7', NOW)
        finish.set()
        assert first.result() is None
    assert refused.value.retry_after == 1
    assert outcome(editor, PASSWORD, '198.51.100.7', NOW) == 'ok'

    def broken():
        raise RuntimeError('boom')
    with pytest.raises(RuntimeError):
        throttle.attempt(editor, '203.0.113.5', broken, NOW)
    counters = store.get_throttle()
    window = NOW // throttle.WINDOW
    assert counters.count('pair:editor|203.0.113.5', window) == 1      # the one failure
    assert counters.count('user:editor', window) == 1


def test_every_throttle_item_expires(editor, repo, dynamodb_client):
    outcome(editor, WRONG, '203.0.113.5', NOW)
    items = [i for i in dynamodb_client.scan(TableName=repo.table_name)['Items']
             if i['pk']['S'].startswith('THROTTLE#')]
    assert {i['pk']['S'] for i in items} == {
        'THROTTLE#ip:203.0.113.5', 'THROTTLE#pair:editor|203.0.113.5', 'THROTTLE#user:editor'}
    window_end = (NOW // throttle.WINDOW + 1) * throttle.WINDOW
    for item in items:
        assert int(item[store.TTL_ATTRIBUTE]['N']) == window_end + throttle.WINDOW


def test_failed_logins_show_in_the_audit_log_with_count_and_addresses(client, token):
    for address in ('203.0.113.5', '203.0.113.5', '198.51.100.7'):
        assert outcome('editor', WRONG, address) == 'wrong'
    for name in ('root', 'administrator'):
        assert outcome(name, WRONG, '192.0.2.66') == 'wrong'
    status, log, _ = api(client, 'GET', '/admin/api/audit', token)
    assert status == 200
    failed = {r['actor']: r for r in log['items'] if r['action'] == 'login-failed'}
    assert failed['editor']['failures'] == 3
    assert failed['editor']['addresses'] == ['198.51.100.7', '203.0.113.5']
    assert failed[store.UNKNOWN_USER]['failures'] == 2          # no record per made-up name
    assert failed[store.UNKNOWN_USER]['addresses'] == ['192.0.2.66']
    from tests.openapi_validation import ResponseValidator
    from tests.test_openapi import SITE
    from chalicelib import openapi
    ResponseValidator(openapi.document(SITE)).validate(
        'GET', '/admin/api/audit', 200, 'application/json', json.dumps(log))
    # and on the screen, next to the changes
    _, cookie = login(client)
    page = client.http.get('/admin/audit', headers={'Cookie': cookie}).body.decode()
    assert '3 failed logins from 198.51.100.7, 203.0.113.5' in page


def test_an_attacker_cannot_fill_the_audit_log(repo):
    for n in range(60):
        throttle.report('editor', 'login-failed', '10.9.%d.%d' % (n // 200, n), NOW + n)
    records = repo.audit_log('2027-01')
    assert len(records) == 1
    assert records[0].failures == 60
    assert len(records[0].addresses) == store.MAX_FAILURE_ADDRESSES
