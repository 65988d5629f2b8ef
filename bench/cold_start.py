"""Cold start: the deployment package serving its first FAQ page vs boto3 alone.

Each run starts a new interpreter (a subprocess) and measures the wall time
from the moment it is spawned until it has its answer.  Every interpreter
runs as Lambda's does: ``python -I -S -B`` (no site-packages, no bytecode
written: ``/var/task`` is read-only), with only the standard library and a
folder holding boto3 and its dependencies on its path.

* baseline: ``import boto3`` and ``boto3.client('dynamodb')``, the least any
  Python Lambda that talks to DynamoDB pays;
* package: the deployment package that ``devtools.lambda_package`` builds
  (``make bytecode`` then ``chalice package``), unzipped: ``import app``,
  then the handler answers an API Gateway event for one FAQ page, reading
  it from DynamoDB Local (started once, table created and seed data
  imported before the runs);
* no bytecode: the same package without its ``__pycache__`` folders, which
  is what plain ``chalice package`` ships.

The kinds alternate, after one discarded warm-up each (disk cache).  The
clock is CLOCK_MONOTONIC, shared by parent and child on Linux, so "spawn
to answer" includes the interpreter's own start-up but not its shutdown.
Then one more run of the package and of the baseline under ``python -X
importtime`` shows which imports dominate and which the app adds.

    .venv/bin/python -m bench.cold_start [--runs 15]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from devtools import lambda_package  # noqa: E402
from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402

TABLE = 'faq-cold-start'
SLUG = 'what-happens-if-you-fail-the-cma-exam-2'
TARGET_RATIO = 1.3

# Child programs, run as ``python -I -S -B -c CODE RUNTIME [PACKAGE]``.
# BENCH_SPAWNED is the parent's CLOCK_MONOTONIC reading taken just before
# the spawn; each prints its phases as JSON.
BASELINE = '''
import time
t0 = time.monotonic()
import sys
sys.path[:0] = sys.argv[1:]
import boto3
t1 = time.monotonic()
client = boto3.client('dynamodb', region_name='us-east-1')
t2 = time.monotonic()
import json, os
spawned = float(os.environ['BENCH_SPAWNED'])
print(json.dumps({'total': t2 - spawned, 'startup': t0 - spawned,
                  'import': t1 - t0, 'first': t2 - t1}))
'''

APP = '''
import time
t0 = time.monotonic()
import sys
sys.path[:0] = sys.argv[2:0:-1]     # the package, then the runtime's boto3
import app
t1 = time.monotonic()
import json, os
response = app.app(json.loads(os.environ['BENCH_EVENT']), None)
t2 = time.monotonic()
assert response['statusCode'] == 200, response
spawned = float(os.environ['BENCH_SPAWNED'])
print(json.dumps({'total': t2 - spawned, 'startup': t0 - spawned,
                  'import': t1 - t0, 'first': t2 - t1}))
'''


def run_child(code, env, paths, extra_args=()):
    env = dict(env, BENCH_SPAWNED=repr(time.monotonic()))
    result = subprocess.run([sys.executable, *lambda_package.BARE, *extra_args, '-c', code,
                             *paths], cwd=tempfile.gettempdir(), env=env,
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit('child failed:\n' + result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds):
    return '%.1f' % (seconds * 1000)


def summary(label, runs):
    totals = [r['total'] for r in runs]
    print('%-11s spawn->answer median %6s ms  p90 %6s ms  min %6s ms | median phases: '
          'interpreter %5s ms, import %6s ms, %s %6s ms' % (
              label, ms(statistics.median(totals)), ms(percentile(totals, .9)),
              ms(min(totals)),
              ms(statistics.median(r['startup'] for r in runs)),
              ms(statistics.median(r['import'] for r in runs)),
              'client' if label == 'baseline' else 'first page',
              ms(statistics.median(r['first'] for r in runs))))
    return statistics.median(totals), min(totals)


IMPORTTIME = re.compile(r'^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$')


def parse_importtime(stderr):
    """``(self_us, cumulative_us, level, name)`` per line of ``-X importtime``."""
    entries = []
    for line in stderr.splitlines():
        match = IMPORTTIME.match(line)
        if match:
            entries.append((int(match.group(1)), int(match.group(2)),
                            (len(match.group(3)) - 1) // 2, match.group(4)))
    return entries


def import_tree(entries):
    """Rebuild the import tree (importtime lists children before their parent)."""
    pending = {}
    for _, cumulative, level, name in entries:
        node = (cumulative, name, pending.pop(level + 1, []))
        pending.setdefault(level, []).append(node)
    return pending.get(0, [])


def import_report(stderr, baseline_stderr, floor_ms=3.0, depth=3, count=15):
    """Lines: the costly part of the import tree, then the own import time of
    modules the baseline does not import (what the app adds), by package."""
    entries = parse_importtime(stderr)
    roots = import_tree(entries)
    total = sum(cumulative for cumulative, _, _ in roots)
    lines = ['Imports of one app cold start (python -X importtime; %s ms in all, '
             'inflated by importtime itself):' % ms(total / 1e6),
             '  import tree, cumulative >= %.0f ms, %d levels (a module is charged to '
             'whoever imports it first):' % (floor_ms, depth)]

    def walk(nodes, level):
        for cumulative, name, children in sorted(nodes, key=lambda n: -n[0]):
            if cumulative / 1000 >= floor_ms:
                lines.append('  %8s ms  %s%s' % (ms(cumulative / 1e6), '    ' * level, name))
                if level + 1 < depth:
                    walk(children, level + 1)
    walk(roots, 0)
    in_baseline = {name for _, _, _, name in parse_importtime(baseline_stderr)}
    groups, extra = {}, 0
    for own, _, _, name in entries:
        if name not in in_baseline:
            key = name if name.startswith('chalicelib.') else name.split('.')[0]
            groups[key] = groups.get(key, 0) + own
            extra += own
    lines.append('  modules the baseline does not import: %s ms of own import time, '
                 'by package (chalicelib by module):' % ms(extra / 1e6))
    lines += ['  %8s ms  %s' % (ms(own / 1e6), name) for own, name in
              sorted(((v, k) for k, v in groups.items()), reverse=True)[:count]]
    return lines


def describe_package(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
    return ('Deployment package (chalice package --stage prod, with bytecode): deployment.zip '
            '%.2f MiB (%d bytes), %.2f MiB unzipped, %d files, %d of them bytecode'
            % (os.path.getsize(zip_path) / 2**20, os.path.getsize(zip_path),
               sum(i.file_size for i in infos) / 2**20, len(infos),
               sum(i.filename.endswith('.pyc') for i in infos)))


def ratio_line(label, median, minimum, base_median, base_min, target=None):
    ratio = median / base_median
    verdict = '' if target is None else ' (target: at most %.1fx, %s)' % (
        target, 'met' if ratio <= target else 'NOT met')
    return ('ratio %s/baseline: medians %.2fx%s; minimums %.2fx'
            % (label, ratio, verdict, minimum / base_min))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, DynamoDBLocal() as ddb:
        zip_path = lambda_package.build(os.path.join(tmp, 'out'), 'prod')
        package = lambda_package.unpack(zip_path, os.path.join(tmp, 'package'))
        no_bytecode = os.path.join(tmp, 'no-bytecode')
        shutil.copytree(package, no_bytecode, ignore=shutil.ignore_patterns('__pycache__'))
        runtime = lambda_package.runtime(os.path.join(tmp, 'runtime'))

        aws = local_aws_environment(ddb.endpoint)
        os.environ.update(aws)
        from chalicelib import store
        from tests.helpers import api_gateway_event, import_seed
        client = store.make_client()
        store.create_table(client, TABLE)
        import_seed(store.FaqRepository(client, TABLE))
        event = api_gateway_event('/faq/{slug}', '/faq/%s/' % SLUG, mount='/api',
                                  path_params={'slug': SLUG})
        env = {'PATH': os.environ['PATH'], 'LANG': os.environ.get('LANG', 'C.UTF-8')}
        env.update(aws, TABLE_NAME=TABLE, SITE_URL='https://certilyst.com/resources',
                   BENCH_EVENT=json.dumps(event))
        kinds = {'baseline': (BASELINE, [runtime]), 'package': (APP, [runtime, package]),
                 'no bytecode': (APP, [runtime, no_bytecode])}

        print('Cold start, %d runs each, fresh interpreter per run (python -I -S -B); '
              'Python %s; DynamoDB Local %s' % (args.runs, sys.version.split()[0], ddb.endpoint))
        runs = {kind: [] for kind in kinds}
        for warm_up in [True] + [False] * args.runs:
            for kind, (code, paths) in kinds.items():
                result = run_child(code, env, paths)[0]
                if not warm_up:
                    runs[kind].append(result)
        base_median, base_min = summary('baseline', runs['baseline'])
        figures = {kind: summary(kind, runs[kind]) for kind in kinds if kind != 'baseline'}
        for kind, (median, minimum) in figures.items():
            print(ratio_line(kind, median, minimum, base_median, base_min,
                             TARGET_RATIO if kind == 'package' else None))

        _, stderr = run_child(APP, env, [runtime, package], ('-X', 'importtime'))
        _, baseline_stderr = run_child(BASELINE, env, [runtime], ('-X', 'importtime'))
        print()
        print('\n'.join(import_report(stderr, baseline_stderr)))
        print()
        print(describe_package(zip_path))


if __name__ == '__main__':
    main()
