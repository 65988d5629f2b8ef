"""The WordPress-compatible API, listing 100 entries a page, on DynamoDB Local.

Warm requests through the Chalice app handler in process (API Gateway proxy
events mounted under ``/api``), on a table holding the seed plus generated
entries of about 3 KB each.  For each request it prints p50/p99 of the whole
request, the app's own time (request minus time inside boto3 calls), the
DynamoDB operations one request makes (counted with botocore's event hooks:
the listing must be Queries, never a Scan), and the response size.  Next to
it, the bare ``Query`` the listing makes, measured in the same run.

    .venv/bin/python -m bench.wp_api [--entries 300] [--requests 300]
"""
import argparse
import os
import statistics
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402

TABLE = 'faq-bench-wp'
PARAGRAPH = ('<p>Candidates who plan their study time carefully, practise with timed '
             'mock exams and review every content area of the outline tend to pass on '
             'their first attempt; the rest usually retake within a few months after '
             'a focused review of their weakest domains and a new application.</p>')


class Meter:
    """Counts, names and times every DynamoDB call a client makes."""

    def __init__(self, client):
        self.operations = Counter()
        self.seconds = 0.0
        self._started = None
        client.meta.events.register('provide-client-params.dynamodb.*', self._start)
        client.meta.events.register('after-call.dynamodb.*', self._stop)

    def _start(self, event_name, **_):
        self.operations[event_name.rsplit('.', 1)[-1]] += 1
        self._started = time.perf_counter()

    def _stop(self, **_):
        self.seconds += time.perf_counter() - self._started

    def reset(self):
        self.operations, self.seconds = Counter(), 0.0


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds):
    return '%.2f' % (seconds * 1000)


def describe(operations):
    return ' + '.join('%s×%d' % (name, count) for name, count in sorted(operations.items()))


OUT = sys.stdout     # the app's JSON request log goes to sys.stdout: silenced below


def measure(label, call, meter, count):
    totals, own, shapes, sizes = [], [], set(), set()
    for _ in range(20):
        call()                        # warm
    for _ in range(count):
        meter.reset()
        started = time.perf_counter()
        size = call()
        elapsed = time.perf_counter() - started
        totals.append(elapsed)
        own.append(elapsed - meter.seconds)
        shapes.add(describe(meter.operations))
        sizes.add(size)
        assert 'Scan' not in meter.operations, meter.operations
    print('| %s | %s ms | %s ms | %s ms | %s | %s |' % (
        label, ms(percentile(totals, .5)), ms(percentile(totals, .99)),
        ms(statistics.median(own)), ' / '.join(sorted(shapes)),
        ' / '.join('%.0f KB' % (s / 1024) for s in sorted(sizes) if s) or '–'), file=OUT)


def generate(repo, count, start_id=20_000):
    from chalicelib import models
    slugs = ('cma-exam', 'ptcb-exam', 'exam-prep')
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for n in range(count):
        repo.create(models.build_entry(
            id=start_id + n, slug='generated-question-%d' % n,
            title='Generated question %d about exam preparation?' % n,
            content='\n\n'.join([PARAGRAPH] * 7), status='publish',
            categories=(slugs[n % 3],), created=base + timedelta(hours=n)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--entries', type=int, default=300,
                        help='published entries in the table (default 300)')
    parser.add_argument('--requests', type=int, default=300)
    args = parser.parse_args()
    with DynamoDBLocal() as ddb:
        os.environ.update(local_aws_environment(ddb.endpoint))
        os.environ.update(TABLE_NAME=TABLE, SITE_URL='https://certilyst.com/resources')
        from chalicelib import store
        from chalicelib.wordpress import importer
        from tests.helpers import SEED, api_gateway_event, import_seed, load_json
        from app import app
        store.create_table(store.make_client(), TABLE)
        repo = store.get_repository()
        importer.import_terms(repo, load_json(SEED + '/faq-categories.json'))
        import_seed(repo)
        published = len(repo.all_by_status('publish'))
        generate(repo, max(0, args.entries - published))
        entries = repo.all_by_status('publish', content=True)
        size = sum(len(e.content) + len(e.title) + len(e.description) + 300 for e in entries)
        meter = Meter(repo.client)

        def request(path, query=None):
            event = api_gateway_event(path, path, mount='/api', query=query,
                                      headers={'Accept': 'application/json'})
            if '{id}' in path or path.count('/') > 4:
                event['resource'] = event['requestContext']['resourcePath'] = \
                    '/wp-json/wp/v2/faq/{id}'
                event['pathParameters'] = {'id': path.rsplit('/', 1)[1]}
            response = app(event, None)
            assert response['statusCode'] == 200, response['body'][:300]
            return len(response['body'].encode())

        faq = '/wp-json/wp/v2/faq'
        sys.stdout = open(os.devnull, 'w')    # request logs (still written, not shown)
        print('DynamoDB Local %s, Python %s, %d published entries (about %.0f KB of items), '
              '%d warm requests each' % (ddb.endpoint, sys.version.split()[0], len(entries),
                                         size / 1024, args.requests), file=OUT)
        print(file=OUT)
        print('| request | p50 | p99 | app-own p50 | DynamoDB calls / request | response |',
              file=OUT)
        print('|---|---|---|---|---|---|', file=OUT)
        measure('baseline: bare status `Query`, bodies', lambda: len(
            repo.all_by_status('publish', content=True)) and 0, meter, args.requests)
        measure('baseline: bare status `Query`, no bodies', lambda: len(
            repo.all_by_status('publish')) and 0, meter, args.requests)
        measure('`faq?per_page=100` (page 1)', lambda: request(faq, {'per_page': '100'}),
                meter, args.requests)
        last = max(1, -(-len(entries) // 100))
        measure('`faq?per_page=100&page=%d`' % last,
                lambda: request(faq, {'per_page': '100', 'page': str(last)}),
                meter, args.requests)
        measure('`faq?per_page=100&_fields=id,title,link`',
                lambda: request(faq, {'per_page': '100', '_fields': 'id,title,link'}),
                meter, args.requests)
        measure('`faq` (10 a page)', lambda: request(faq), meter, args.requests)
        measure('`faq?search=retake&per_page=100`',
                lambda: request(faq, {'search': 'retake', 'per_page': '100'}),
                meter, args.requests)
        measure('`faq/549`', lambda: request(faq + '/549'), meter, args.requests)


if __name__ == '__main__':
    main()
