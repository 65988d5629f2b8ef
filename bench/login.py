"""Logging in: what a password hash costs, and the throttle under concurrent guesses.

Hashes: scrypt at the parameters used before (N=2^14, r=8, p=1: the
baseline) and at today's (``passwords.COST``, N=2^17), the median of
``--hashes`` runs each; then a whole right login at today's cost (the
throttle's conditional updates, the user's read, the hash) against
DynamoDB Local, with its DynamoDB calls counted.

Throttle: ``--concurrent`` wrong passwords for one user, all released at
once from one address, then from as many addresses; how many were checked
and counted as failures, and how many were answered 429 (LoginThrottled)
without a check.  Then the same address goes on guessing, one at a time,
until it is refused.

    .venv/bin/python -m bench.login [--hashes 5] [--concurrent 40]
"""
import argparse
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402

TABLE = 'faq-bench-login'
PASSWORD = 'correct horse battery staple'


def median_seconds(call, runs):
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def burst(auth, count, address_of):
    """``count`` wrong passwords for ``editor`` at once: (failures, throttled, seconds)."""
    start = threading.Barrier(count)

    def guess(n):
        start.wait()
        try:
            return 'failure' if auth.login('editor', 'wrong password!', address_of(n)) \
                is None else 'in'
        except auth.LoginThrottled:
            return 'throttled'
    began = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        got = list(pool.map(guess, range(count)))
    return got.count('failure'), got.count('throttled'), time.perf_counter() - began


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--hashes', type=int, default=5)
    parser.add_argument('--concurrent', type=int, default=40)
    args = parser.parse_args()
    with DynamoDBLocal() as ddb:
        os.environ.update(local_aws_environment(ddb.endpoint))
        os.environ['TABLE_NAME'] = TABLE
        from chalicelib import store
        from chalicelib.admin import auth, passwords, throttle
        store.create_table(store.make_client(), TABLE)
        print('DynamoDB Local %s, Python %s, %d hashes each'
              % (ddb.endpoint, sys.version.split()[0], args.hashes))

        old = passwords.Cost(n=2 ** 14, r=8, p=1)
        baseline = median_seconds(lambda: passwords.hash_password(PASSWORD, old), args.hashes)
        today = median_seconds(lambda: passwords.hash_password(PASSWORD), args.hashes)
        print('hash, baseline N=2^14 r=8 p=1 (16 MiB): %.1f ms' % (baseline * 1000))
        print('hash, today N=2^%d r=%d p=%d (%d MiB): %.1f ms, %.1fx the baseline'
              % (passwords.COST.n.bit_length() - 1, passwords.COST.r, passwords.COST.p,
                 128 * passwords.COST.r * passwords.COST.n // 2 ** 20, today * 1000,
                 today / baseline))

        auth.create_user('editor', PASSWORD)
        calls = []
        store.get_repository().client.meta.events.register(
            'provide-client-params.dynamodb.*', lambda **_: calls.append(1))
        whole = median_seconds(lambda: auth.login('editor', PASSWORD, '192.0.2.1'),
                               args.hashes)
        print('right login, whole: %.1f ms (%d DynamoDB calls each)'
              % (whole * 1000, len(calls) // args.hashes))

        n = args.concurrent
        failures, throttled, seconds = burst(auth, n, lambda _: '203.0.113.5')
        print('%d wrong passwords at once from one address: %d checked and counted, '
              '%d answered 429 (%.1f s)' % (n, failures, throttled, seconds))
        more, retry_after = 0, None
        while retry_after is None:
            try:
                auth.login('editor', 'wrong password!', '203.0.113.5')
                more += 1
            except auth.LoginThrottled as refused:
                retry_after = refused.retry_after
        print('then one at a time from that address: %d more failures, then 429 '
              '(Retry-After %d s); failures counted for the address: %d (limit %d)'
              % (more, retry_after, failures + more, throttle.PAIR_LIMIT))
        print('the right password from another address: %s'
              % ('in' if auth.login('editor', PASSWORD, '198.51.100.7') else 'refused'))
        failures, throttled, seconds = burst(auth, n, lambda i: '10.0.%d.%d' % (i // 250, i))
        print('%d wrong passwords at once from %d addresses: %d checked and counted, '
              '%d answered 429 (%.1f s)' % (n, n, failures, throttled, seconds))


if __name__ == '__main__':
    main()
