"""What learning from readers costs: searches, FAQ pages, votes, questions, Insights.

In process, through the Chalice app handler (API Gateway proxy events), on
DynamoDB Local with the sample FAQs, in one run:

* searches (``/?s=`` and WordPress's ``?search=``) without the search log,
  with it as deployed (batched per instance) and with every search written
  at once (what a quiet instance does), the very same requests interleaved
  one by one: wall time and app-own time (the request minus the time inside
  botocore calls, as ``bench.page_requests`` measures it; also in CPU time,
  which a busy machine disturbs less), p50 and p99, and DynamoDB calls per
  request; and ``log_search`` alone;
* a FAQ page view: its calls and app-own time;
* a vote, a comment and a question: their calls and writes, each from a new
  address;
* the Insights API for 7, 30 and 90 days: calls and items read, for a given
  set of searches and votes and again after ten times the visitors (the
  same queries and FAQs): the reads must not grow.

    .venv/bin/python -m bench.insights [--requests 1000]
"""
import argparse
import os
import sys
import time
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.page_requests import CallMeter, ms, percentile  # noqa: E402
from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402

SITE = 'https://certilyst.com/resources'
SLUG = 'what-happens-if-you-fail-the-cma-exam-2'
QUERIES = ['cma exam', 'exam fee', 'refund policy', 'parking permit', 'retake',
           'zzqx nothing', 'CMA', 'certificate renewal']
WRITES = ('PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems')


class Meter(CallMeter):
    """CallMeter, also noting each call's name, the items a Query returned,
    and the CPU time (this thread's) spent inside botocore calls."""

    def __init__(self, client):
        super().__init__(client)
        self.names, self.items, self.cpu, self._cpu_started = [], 0, 0.0, 0.0
        client.meta.events.register('provide-client-params.dynamodb.*', self._name)
        client.meta.events.register('after-call.dynamodb.*', self._items)

    def _name(self, event_name, **_):
        self.names.append(event_name.rsplit('.', 1)[-1])
        self._cpu_started = time.thread_time()

    def _items(self, parsed=None, **_):
        self.cpu += time.thread_time() - self._cpu_started
        self.items += (parsed or {}).get('Count', 0)

    def reset(self):
        super().reset()
        self.names, self.items, self.cpu = [], 0, 0.0


def quiet(call):
    real_stdout, sys.stdout = sys.stdout, open(os.devnull, 'w')
    try:
        return call()
    finally:
        sys.stdout.close()
        sys.stdout = real_stdout


def event(path, query=None, method='GET', body=None, address='192.0.2.1', headers=None,
          resource=None, params=None):
    from tests.helpers import api_gateway_event
    sent = dict({'Origin': SITE.rsplit('/', 1)[0]} if method == 'POST' else {},
                **(headers or {}))
    if body is not None:
        sent['Content-Type'] = 'application/x-www-form-urlencoded'
    built = api_gateway_event(resource or path, path, query=query, method=method,
                              headers=sent, body=body, path_params=params)
    built['requestContext']['identity'] = {'sourceIp': address}
    return built


MODES = ('off', 'batched', 'each')     # no log; as deployed; every search written


def timed_modes(app, meter, events, count, switch):
    """Each event in turn with the log off, batched and written at once (the
    order rotating): ``{mode: (wall, app-own, app-own CPU, calls)}``."""
    found = {mode: ([], [], [], []) for mode in MODES}
    for n in range(count):
        for mode in MODES[n % 3:] + MODES[:n % 3]:
            switch(mode)
            meter.reset()
            started, cpu = time.perf_counter(), time.thread_time()
            response = app(events[n % len(events)], None)
            elapsed, cpu = time.perf_counter() - started, time.thread_time() - cpu
            assert response['statusCode'] == 200, response
            totals, own, own_cpu, calls = found[mode]
            totals.append(elapsed)
            own.append(elapsed - meter.seconds)
            own_cpu.append(cpu - meter.cpu)
            calls.append(tuple(meter.names))
    return found


LABELS = {'off': 'no log', 'batched': 'log, batched', 'each': 'log, each written'}


def report_modes(label, found):
    print('  ' + label)
    rows = {}
    for mode in MODES:
        totals, own, own_cpu, calls = found[mode]
        writes = [sum(1 for c in call if c in WRITES) for call in calls]
        rows[mode] = percentile(own, .5), percentile(own_cpu, .5)
        print('    %-18s p50 %7s ms  app-own p50 %6s ms  p99 %7s ms  app-own CPU p50 %6s '
              'ms  calls %s, writes %s (%d in %d searches)' % (
                  LABELS[mode], ms(percentile(totals, .5)), ms(percentile(own, .5)),
                  ms(percentile(own, .99)), ms(percentile(own_cpu, .5)),
                  '/'.join(str(n) for n in sorted({len(c) for c in calls})),
                  '/'.join(map(str, sorted(set(writes)))), sum(writes), len(writes)))
    for mode in MODES[1:]:
        wall, cpu = rows[mode][0] - rows['off'][0], rows[mode][1] - rows['off'][1]
        print('    %-18s app-own p50 %+.3f ms (%.2fx), CPU %+.3f ms (%.2fx)%s' % (
            LABELS[mode] + ' adds', wall * 1000, rows[mode][0] / rows['off'][0],
            cpu * 1000, rows[mode][1] / rows['off'][1],
            '; target +0.2 ms at most: %s' % ('met' if wall <= 0.0002 else 'MISSED')
            if mode == 'batched' else ''))


def log_alone(meter, count):
    """The log's own time, alone: ``log_search`` minus its botocore call."""
    from chalicelib import insights
    own, own_cpu = [], []
    for n in range(count):
        query = QUERIES[n % len(QUERIES)]
        meter.reset()
        started, cpu = time.perf_counter(), time.thread_time()
        insights.log_search(query, True)
        own.append(time.perf_counter() - started - meter.seconds)
        own_cpu.append(time.thread_time() - cpu - meter.cpu)
    print('  log_search alone: app-own p50 %s ms (p99 %s ms), CPU p50 %s ms; calls: %s' % (
        ms(percentile(own, .5)), ms(percentile(own, .99)), ms(percentile(own_cpu, .5)),
        meter.names))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--requests', type=int, default=1000)
    args = parser.parse_args()
    with DynamoDBLocal() as ddb:
        os.environ.update(local_aws_environment(ddb.endpoint))
        os.environ.update(TABLE_NAME='faq-bench-insights', SITE_URL=SITE)
        from chalicelib import insights, store
        from chalicelib.admin import auth, passwords
        from chalicelib.derived import builder
        from tests.helpers import import_seed
        from app import app
        store.create_table(store.make_client(), 'faq-bench-insights')
        repo = store.get_repository()
        import_seed(repo)
        builder.rebuild()
        meter = Meter(repo.client)
        print('DynamoDB Local %s, Python %s, %d requests a row (load average %.2f)' % (
            ddb.endpoint, sys.version.split()[0], args.requests, os.getloadavg()[0]))

        from chalicelib.insights import searches
        real_log, batching = insights.log_search, searches.FLUSH_SECONDS
        # each mode its own instance: what one holds, the other never writes
        held = {mode: ({}, {}, float('-inf')) for mode in MODES}
        current = ['off']

        def switch(mode):
            held[current[0]] = searches._pending, searches._batch, searches._batch_taken_at
            searches._pending, searches._batch, searches._batch_taken_at = held[mode]
            current[0] = mode
            insights.log_search = real_log if mode != 'off' else (lambda *a, **k: None)
            searches.FLUSH_SECONDS = batching if mode == 'batched' else 0
        print('Searches: the same requests, each with no log, with the log as deployed '
              '(batched, %d s) and with every search written at once (a quiet instance):'
              % batching)
        site = [event('/', {'s': q}) for q in QUERIES]
        wordpress = [event('/wp-json/wp/v2/faq', {'search': q}) for q in QUERIES]
        for label, events in (('/?s=', site), ('/wp-json/wp/v2/faq?search=', wordpress)):
            quiet(lambda: [app(e, None) for e in events * 3])               # warm
            report_modes(label, quiet(lambda: timed_modes(app, meter, events, args.requests,
                                                          switch)))
        switch('batched')
        log_alone(meter, args.requests)

        page = event('/faq/%s/' % SLUG, resource='/faq/{slug}', params={'slug': SLUG})
        quiet(lambda: app(page, None))
        own = []
        for _ in range(args.requests):
            meter.reset()
            started = time.perf_counter()
            quiet(lambda: app(page, None))
            own.append(time.perf_counter() - started - meter.seconds)
        print('FAQ page view: calls %s; app-own p50 %s ms, p99 %s ms' % (
            meter.names, ms(percentile(own, .5)), ms(percentile(own, .99))))

        entry = repo.get_by_slug(SLUG)
        quiet(lambda: app(event('/ask', resource='/ask'), None))          # the day's secret
        feedback = '/faq/%s/feedback' % SLUG
        actions = {
            'vote Yes': lambda n: event(feedback, method='POST', address='198.51.100.%d' % n,
                                        body=urlencode({'helpful': 'yes'}),
                                        resource='/faq/{slug}/feedback', params={'slug': SLUG}),
            'vote No': lambda n: event(feedback, method='POST', address='203.0.113.%d' % n,
                                       body=urlencode({'helpful': 'no'}),
                                       resource='/faq/{slug}/feedback', params={'slug': SLUG}),
            'comment after a No': lambda n: event(
                feedback, method='POST', address='203.0.113.%d' % n,
                resource='/faq/{slug}/feedback', params={'slug': SLUG},
                body=urlencode({'comment': 'The retake fee', 'token': insights.form_token(
                    'comment:%d' % entry.id, now=time.time() - 10)})),
            'question': lambda n: event('/ask', method='POST', address='192.0.2.%d' % n,
                                        resource='/ask', body=urlencode({
                                            'question': 'Where do I park at the centre?',
                                            'token': insights.form_token(
                                                'ask', now=time.time() - 10)})),
        }
        print('Readers\' actions, each from its own address (calls, then writes):')
        for label, make in actions.items():
            seen, own = set(), []
            for n in range(1, 51):
                request = make(n)
                meter.reset()
                started = time.perf_counter()
                response = quiet(lambda: app(request, None))
                own.append(time.perf_counter() - started - meter.seconds)
                assert response['statusCode'] == 303, (label, response['body'][:300])
                seen.add(tuple(meter.names))
            (names,) = seen
            print('  %-20s %s: %d writes; app-own p50 %s ms' % (
                label, ' + '.join(names), sum(1 for c in names if c in WRITES),
                ms(percentile(own, .5))))

        passwords.COST = passwords.Cost(n=2 ** 4, r=8, p=1)     # a bench user, not a secret
        auth.create_user('bench', 'bench password 1234')
        token = auth.create_token('bench', 'bench')

        def insights_reads(days):
            calls = {}
            for path, query in (('/admin/api/insights/searches', {'days': str(days)}),
                                ('/admin/api/insights/helpfulness',
                                 {'days': str(days), 'min_votes': '1'}),
                                ('/admin/api/insights/questions', None)):
                request = event(path, query, headers={'Authorization': 'Bearer ' + token})
                meter.reset()
                response = quiet(lambda: app(request, None))
                assert response['statusCode'] == 200, response
                calls[path.rsplit('/', 1)[1]] = (list(meter.names), meter.items)
            return calls

        def visitors(count, offset):
            now = time.time()
            for n in range(count):
                for days_ago in (0, 3, 20, 60):
                    for q in QUERIES:
                        insights.log_search(q, 'zz' not in q, now=now - days_ago * 86400)
                for entry_id in (545, 549):
                    insights.vote('10.0.%d.%d' % ((offset + n) // 250, (offset + n) % 250),
                                  entry_id, n % 2 == 0)
            insights.flush_searches()        # the visitors' instances wrote their counts
        print('Insights API (days: calls and items read per screen part; token check included):')
        visitors(10, 0)
        started = time.perf_counter()
        first = insights_reads(90)
        print('  first 90-day view, summing up 89 past days once: %d calls, %d writes, %.0f ms'
              % (sum(len(c) for c, _ in first.values()),
                 sum(1 for c, _ in first.values() for n in c if n in WRITES),
                 (time.perf_counter() - started) * 1000))
        before = {days: insights_reads(days) for days in (7, 30, 90)}
        visitors(100, 10)
        after = {days: insights_reads(days) for days in (7, 30, 90)}
        for days in (7, 30, 90):
            for part in before[days]:
                (names, items), (names_after, items_after) = before[days][part], \
                    after[days][part]
                print('  %2d days %-12s %-52s items %4d; after 10x the visitors: %s' % (
                    days, part, '+'.join(names), items,
                    'the same' if (names, items) == (names_after, items_after) else
                    'CHANGED to %s, %d items' % ('+'.join(names_after), items_after)))
            assert 'Scan' not in sum((c for c, _ in after[days].values()), [])


if __name__ == '__main__':
    main()
