"""Warm page requests through the Chalice app, in process, on DynamoDB Local.

For a FAQ page and the FAQ index it prints p50/p99 of the whole request, the
number of DynamoDB calls per request (counted with botocore's event hooks),
and the app's own time: the request minus the time spent inside boto3 calls.
Repeated requests for a page are served from the instance's rendered pages;
two more rows render it anew each time.
Next to it, the bare DynamoDB calls measured in the same run: the baseline.

    .venv/bin/python -m bench.page_requests [--requests 2000]
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402


class CallMeter:
    """Counts and times every DynamoDB call a client makes."""

    def __init__(self, client):
        self.calls = 0
        self.seconds = 0.0
        self._started = None
        events = client.meta.events
        events.register('provide-client-params.dynamodb.*', self._start)
        events.register('after-call.dynamodb.*', self._stop)

    def _start(self, **_):
        self.calls += 1
        self._started = time.perf_counter()

    def _stop(self, **_):
        self.seconds += time.perf_counter() - self._started

    def reset(self):
        self.calls, self.seconds = 0, 0.0


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds):
    return '%.3f' % (seconds * 1000)


def measure(label, call, meter, count):
    """Time ``count`` warm calls; the app's JSON log lines go to /dev/null
    (still written, so their cost is counted, but not shown)."""
    real_stdout, sys.stdout = sys.stdout, open(os.devnull, 'w')
    try:
        totals, own, calls = _timed(call, meter, count)
    finally:
        sys.stdout.close()
        sys.stdout = real_stdout
    print('%-26s p50 %8s ms  p99 %8s ms  app-own p50 %7s ms  p99 %7s ms  '
          'DynamoDB calls/request %s' % (
              label, ms(percentile(totals, .5)), ms(percentile(totals, .99)),
              ms(percentile(own, .5)), ms(percentile(own, .99)),
              '/'.join(str(c) for c in sorted(set(calls)))))
    return statistics.median(own)


def _timed(call, meter, count):
    totals, own, calls = [], [], []
    for _ in range(50):
        call()                       # warm
    for _ in range(count):
        meter.reset()
        started = time.perf_counter()
        call()
        elapsed = time.perf_counter() - started
        totals.append(elapsed)
        own.append(elapsed - meter.seconds)
        calls.append(meter.calls)
    return totals, own, calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--requests', type=int, default=2000)
    args = parser.parse_args()
    with DynamoDBLocal() as ddb:
        os.environ.update(local_aws_environment(ddb.endpoint))
        os.environ.update(TABLE_NAME='faq-bench', SITE_URL='https://certilyst.com/resources')
        from chalicelib import store
        from chalicelib.site import caching
        from tests.helpers import api_gateway_event, import_seed
        from app import app
        client = store.make_client()
        store.create_table(client, 'faq-bench')
        repo = store.get_repository()
        import_seed(repo)
        meter = CallMeter(repo.client)
        slug = 'what-happens-if-you-fail-the-cma-exam-2'
        page = api_gateway_event('/faq/{slug}', '/faq/%s/' % slug, mount='/api',
                                 path_params={'slug': slug})
        index = api_gateway_event('/faq', '/faq/', mount='/api')

        def request(event):
            response = app(event, None)
            assert response['statusCode'] == 200, response
        print('DynamoDB Local %s, %d warm requests each, Python %s' % (
            ddb.endpoint, args.requests, sys.version.split()[0]))
        measure('baseline: bare get_item', lambda: repo.get_by_id(549), meter, args.requests)
        measure('baseline: bare slug query', lambda: repo.get_by_slug(slug), meter,
                args.requests)
        page_own = measure('FAQ page /faq/{slug}/', lambda: request(page), meter,
                           args.requests)
        index_own = measure('FAQ index /faq/', lambda: request(index), meter, args.requests)
        print('app-own median: FAQ page %s ms, index %s ms (target: at most 1 ms)'
              % (ms(page_own), ms(index_own)))

        # A warm instance renders a page once per version (caching.body_for);
        # the first request after a change, or for a page not yet asked for,
        # renders it: these rows clear the rendered pages before each request.
        def first_render(event):
            caching.forget_bodies()
            request(event)
        measure('FAQ page, rendered anew', lambda: first_render(page), meter, args.requests)
        measure('FAQ index, rendered anew', lambda: first_render(index), meter, args.requests)
        real_stdout, sys.stdout = sys.stdout, open(os.devnull, 'w')
        try:
            body = app(page, None)['body']
        finally:
            sys.stdout.close()
            sys.stdout = real_stdout
        print('FAQ page HTML, CSS included: %d bytes (limit 20 KB); gzip: %d bytes'
              % (len(body.encode()), len(__import__('gzip').compress(body.encode()))))


if __name__ == '__main__':
    main()
