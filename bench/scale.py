"""N FAQs: what every route costs, cold and warm, in the deployment package.

Generates N entries of realistic text (``bench.search.Generator``, 150-600
words, 1-4 KB of HTML each, in 12 categories), writes them as a WordPress
export and imports them through the command line, as a site owner would
(the import time includes building the derived data once).  Then, against
DynamoDB Local, it runs the deployment package (``make bytecode``, ``chalice
package``, unzipped) the way Lambda does: every cold request in a fresh
``python -I -S -B`` holding only the package and boto3, every warm request
again in one interpreter.

For each request the child counts DynamoDB calls and times them, wrapping
botocore's ``_make_api_call``: a call's wait is its wall time less the CPU
its thread spent in it.  The estimate at Lambda's 512 MB (about 0.29 of a
vCPU) is ``est512 = CPU / 0.29 + DynamoDB wait``, with CPU the whole
process's (interpreter start-up, imports and the request) for a cold
request.  ``/`` cold is the baseline, measured in the same run; each cold
route is reported as a ratio of it (target: at most 1.5x, at most 5 calls).

Then an edit: an admin API save (cold and warm), the builder's work for it
(the ``content_changed`` handler, in the package, estimated at the 512 MB
of the API and at the handler's 1,769 MB, one vCPU), and the first search
after it.

    .venv/bin/python -m bench.scale --entries 20000 [--runs 3] [--warm 15]
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from devtools import lambda_package  # noqa: E402
from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402

TABLE = 'faq-scale'
SITE_URL = 'https://certilyst.com/resources'
VCPU_512 = 0.29            # Lambda gives CPU in proportion to memory: 1,769 MB is one vCPU
CATEGORIES = 12

# A child: ``python -I -S -B -c PROBE RUNTIME PACKAGE`` with a JSON job on stdin:
# {"cold": event, "warm": [event, ...], "handler": event or null}.
PROBE = r'''
import time
spawned = time.monotonic()
import sys
sys.path[:0] = sys.argv[2:0:-1]     # the package, then the runtime's boto3
import json, resource
job = json.loads(sys.stdin.read())
import botocore.client
calls = []
_real = botocore.client.BaseClient._make_api_call


def timed(self, operation, params):
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        return _real(self, operation, params)
    finally:
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        calls.append((operation, wall, max(0.0, wall - cpu)))


botocore.client.BaseClient._make_api_call = timed
import app


def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_maxrss


def run(event):
    del calls[:]
    started = time.perf_counter()
    response = app.app(event, None)
    wall = time.perf_counter() - started
    return {'status': response['statusCode'], 'wall': wall,
            'calls': [c[0] for c in calls], 'wait': sum(c[2] for c in calls),
            'in_calls': sum(c[1] for c in calls), 'bytes': len(response.get('body') or '')}


result = {}
if job.get('cold'):
    first = run(job['cold'])
    first['cpu'], first['rss_kb'] = usage()
    result['cold'] = first
result['warm'] = [run(event) for event in job.get('warm', ())]
if job.get('handler'):
    del calls[:]
    cpu0, wall0 = usage()[0], time.perf_counter()
    report = app.derived_stream.content_changed(job['handler']['Records'])
    result['handler'] = {'wall': time.perf_counter() - wall0, 'cpu': usage()[0] - cpu0,
                         'calls': len(calls), 'wait': sum(c[2] for c in calls),
                         'report': repr(report)}
result['rss_kb'] = usage()[1]
print(json.dumps(result))
'''


# -- the site ------------------------------------------------------------------------

def export(count, folder):
    """A WordPress export of ``count`` generated FAQs, and its terms."""
    from bench.search import Generator
    from chalicelib.models import format_time
    gen = Generator(11)
    records = []
    for number in range(1, count + 1):
        entry = gen.entry(number)
        records.append({
            'id': number, 'slug': entry.slug, 'type': 'faq', 'status': 'publish',
            'date_gmt': format_time(entry.created)[:-1],
            'modified_gmt': format_time(entry.created)[:-1],
            'title': {'rendered': entry.title}, 'content': {'rendered': entry.content},
            'faq-categories': [1 + number % CATEGORIES]})
    terms = [{'id': n + 1, 'slug': 'cat-%d' % n, 'name': 'Category %d' % n,
              'taxonomy': 'faq-categories'} for n in range(CATEGORIES)]
    paths = os.path.join(folder, 'faqs.json'), os.path.join(folder, 'terms.json')
    for path, data in zip(paths, (records, terms)):
        with open(path, 'w', encoding='utf-8') as handle:
            json.dump(data, handle)
    return paths, sum(len(r['content']['rendered']) for r in records) / count


def event(resource, path, query=None, params=None, method='GET', headers=None, body=None):
    from tests.helpers import api_gateway_event
    return api_gateway_event(resource, path, mount='/api', query=query, path_params=params,
                             method=method, headers=headers, body=body)


def routes(count):
    last = math.ceil(count / 10)
    in_category = math.ceil(count / CATEGORIES / 10)
    wp_last = math.ceil(count / 100)
    faq = 'faq-%d' % (count // 2)
    return {
        '/': event('/', '/'),
        '/faq/{slug}/': event('/faq/{slug}', '/faq/%s/' % faq, params={'slug': faq}),
        '/faq/': event('/faq', '/faq/'),
        '/faq/?page=<last>': event('/faq', '/faq/', query={'page': str(last)}),
        '/faq-category/{slug}/': event('/faq-category/{slug}', '/faq-category/cat-3/',
                                       params={'slug': 'cat-3'}),
        '/faq-category/{slug}/?page=<last>': event(
            '/faq-category/{slug}', '/faq-category/cat-3/', query={'page': str(in_category)},
            params={'slug': 'cat-3'}),
        '/sitemap.xml': event('/sitemap.xml', '/sitemap.xml'),
        '/feed.xml': event('/feed.xml', '/feed.xml'),
        '/?s=exam': event('/', '/', query={'s': 'exam'}),
        '/?s="exam fee"': event('/', '/', query={'s': '"exam fee"'}),
        '/wp-json/wp/v2/faq?per_page=100': event('/wp-json/wp/v2/faq', '/wp-json/wp/v2/faq',
                                                 query={'per_page': '100'}),
        '/wp-json/wp/v2/faq?per_page=100&page=<last>': event(
            '/wp-json/wp/v2/faq', '/wp-json/wp/v2/faq',
            query={'per_page': '100', 'page': str(wp_last)}),
        '/wp-json/wp/v2/faq?search=exam': event('/wp-json/wp/v2/faq', '/wp-json/wp/v2/faq',
                                                query={'search': 'exam'}),
        '/wp-json/wp/v2/faq?orderby=title': event('/wp-json/wp/v2/faq', '/wp-json/wp/v2/faq',
                                                  query={'orderby': 'title'}),
        '/wp-json/wp/v2/faq-categories': event('/wp-json/wp/v2/faq-categories',
                                               '/wp-json/wp/v2/faq-categories'),
        '/wp-json/wp/v2/faq/{id}': event('/wp-json/wp/v2/faq/{id}', '/wp-json/wp/v2/faq/7',
                                         params={'id': '7'}),
    }


# -- running the package --------------------------------------------------------------

def probe(env, paths, job):
    started = time.monotonic()
    result = subprocess.run([sys.executable, *lambda_package.BARE, '-c', PROBE, *paths],
                            input=json.dumps(job), cwd=tempfile.gettempdir(), env=env,
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SystemExit('probe failed:\n' + result.stderr[-3000:])
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    if 'cold' in answer:
        answer['cold']['spawn_to_answer'] = time.monotonic() - started
    return answer


def est(cpu, wait, vcpu=VCPU_512):
    return cpu / vcpu + wait


def cold_figures(runs):
    """Medians of the cold runs of one route."""
    return {'est512': statistics.median(est(r['cpu'], r['wait']) for r in runs),
            'cpu': statistics.median(r['cpu'] for r in runs),
            'wait': statistics.median(r['wait'] for r in runs),
            'calls': max(len(r['calls']) for r in runs),
            'ops': runs[0]['calls'], 'rss_mb': max(r['rss_kb'] for r in runs) / 1024,
            'status': {r['status'] for r in runs}}


def warm_figures(runs):
    walls = [r['wall'] for r in runs[1:]] or [r['wall'] for r in runs]
    own = [r['wall'] - r['in_calls'] for r in runs[1:]] or walls
    return {'wall': statistics.median(walls), 'own': statistics.median(own),
            'calls': statistics.median(len(r['calls']) for r in runs[1:] or runs)}


def ms(seconds):
    return '%.1f' % (seconds * 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--entries', type=int, default=20000)
    parser.add_argument('--runs', type=int, default=3, help='cold runs per route')
    parser.add_argument('--warm', type=int, default=15, help='warm requests per route')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, DynamoDBLocal() as ddb:
        aws = local_aws_environment(ddb.endpoint)
        os.environ.update(aws, TABLE_NAME=TABLE, SITE_URL=SITE_URL)
        from chalicelib import store
        client = store.make_client()
        store.create_table(client, TABLE)
        (faqs, terms), average = export(args.entries, tmp)
        started = time.monotonic()
        imported = subprocess.run(
            [sys.executable, '-m', 'chalicelib.cli', 'import-wordpress', faqs,
             '--categories', terms], cwd=ROOT, env=dict(os.environ),
            capture_output=True, text=True)
        import_seconds = time.monotonic() - started
        if imported.returncode != 0:
            raise SystemExit('import failed:\n' + imported.stdout[-2000:] +
                             imported.stderr[-2000:])
        zip_path = lambda_package.build(os.path.join(tmp, 'out'), 'prod')
        package = lambda_package.unpack(zip_path, os.path.join(tmp, 'package'))
        runtime = lambda_package.runtime(os.path.join(tmp, 'runtime'))
        env = {'PATH': os.environ['PATH'], 'LANG': os.environ.get('LANG', 'C.UTF-8')}
        env.update(aws, TABLE_NAME=TABLE, SITE_URL=SITE_URL)
        paths = [runtime, package]

        print('%d entries (HTML %.1f KB on average), Python %s, 2 cores, DynamoDB Local'
              % (args.entries, average / 1000, sys.version.split()[0]))
        print('import through the CLI, derived data built once: %.1f s' % import_seconds)
        for line in imported.stdout.strip().splitlines()[-2:]:
            print('  ' + line)
        cold = {name: [] for name in routes(args.entries)}
        for _ in range(args.runs):
            for name, request in routes(args.entries).items():
                cold[name].append(probe(env, paths, {'cold': request})['cold'])
        warm = {name: warm_figures(probe(env, paths, {'warm': [request] * (args.warm + 1)})
                                   ['warm'])
                for name, request in routes(args.entries).items()}
        figures = {name: cold_figures(runs) for name, runs in cold.items()}
        base = figures['/']['est512']
        print()
        print('| route | cold est512 | x of `/` | calls | CPU | DynamoDB wait | peak RSS | '
              'warm wall | warm app-own |')
        print('|---|---|---|---|---|---|---|---|---|')
        for name, f in figures.items():
            print('| `%s` | %s ms | %.2fx | %d | %s ms | %s ms | %.0f MB | %s ms | %s ms |' % (
                name, ms(f['est512']), f['est512'] / base, f['calls'], ms(f['cpu']),
                ms(f['wait']), f['rss_mb'], ms(warm[name]['wall']), ms(warm[name]['own'])))
            assert f['status'] == {200}, (name, f['status'])
        worst = max(f['est512'] / base for f in figures.values())
        print('worst cold ratio %.2fx (target at most 1.5x); most calls %d (target at most 5)'
              % (worst, max(f['calls'] for f in figures.values())))
        print('slowest warm route %s ms (target at most 50 ms)'
              % ms(max(w['wall'] for w in warm.values())))
        edit(env, paths, args)


def edit(env, paths, args):
    """An admin save at this size, the builder's work for it, and the first search."""
    from chalicelib import store
    from chalicelib.admin import auth
    auth.create_user('bench', 'correct horse battery staple')
    token = auth.create_token('bench', 'scale')
    entry_id = args.entries // 3
    version = store.get_repository().get_by_id(entry_id).version
    headers = {'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'}

    def save(n):
        body = json.dumps({'title': 'Edited title %d for the exam fee?' % n,
                           'version': version + n})
        return event('/admin/api/faqs/{entry_id}', '/admin/api/faqs/%d' % entry_id,
                     params={'entry_id': str(entry_id)}, method='PATCH',
                     headers=headers, body=body)
    answer = probe(env, paths, {'cold': save(0), 'warm': [save(n) for n in range(1, 6)]})
    first = answer['cold']
    assert first['status'] == 200, first
    warm = answer['warm']
    print()
    print('admin save (PATCH /admin/api/faqs/{id}): cold est512 %s ms (%d calls); warm '
          'median est512 %s ms' % (
              ms(est(first['cpu'], first['wait'])), len(first['calls']),
              ms(statistics.median(r['wall'] - r['in_calls'] + r['wait'] for r in warm))))
    record = {'Records': [{'eventName': 'MODIFY', 'eventSource': 'aws:dynamodb',
                           'dynamodb': {'Keys': {'pk': {'S': 'FAQ#%d' % entry_id},
                                                 'sk': {'S': 'ENTRY'}}}}]}
    handled = probe(env, paths, {'handler': record})['handler']
    print('builder for that edit (content_changed handler, in the package): %s, wall %s ms, '
          'CPU %s ms, %d calls, DynamoDB wait %s ms; est at 1,769 MB %s ms, at 512 MB %s ms'
          % (handled['report'], ms(handled['wall']), ms(handled['cpu']), handled['calls'],
             ms(handled['wait']), ms(est(handled['cpu'], handled['wait'], 1.0)),
             ms(est(handled['cpu'], handled['wait']))))
    search = routes(args.entries)['/?s=exam']
    runs = [probe(env, paths, {'cold': search})['cold'] for _ in range(args.runs)]
    f = cold_figures(runs)
    print('first search after the edit, cold: est512 %s ms, %d calls' % (
        ms(f['est512']), f['calls']))


if __name__ == '__main__':
    main()
