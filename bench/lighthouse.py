"""Lighthouse (mobile) scores of each public page type, driving Debian's chromium.

Opt-in, not part of ``make test``: five pages, a warm-up and three runs take
a few minutes of CPU.

    .venv/bin/python -m bench.lighthouse [--runs 3]

It serves the sample content as ``make run`` does (DynamoDB Local, in memory
here, the seed imported, ``chalice local`` on a free port), installs
Lighthouse 12.8.2 into ``bench/lighthouse/node_modules`` on first use (``npm
ci`` from its own lock file, so that ``make test`` never downloads it; 13.x
needs Node 22), runs ``bench/lighthouse/run.mjs`` and prints, per page, the
median score of each category over the runs and every audit that fell short
in any run.

Performance is Lighthouse's simulation of a mid-range phone (4x CPU
slowdown, a slow 4G network) applied to what this machine measured, so on a
busy machine it moves from run to run: hence one Chromium for all pages,
pages one at a time, a discarded warm-up run, and the median.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from chalicelib.cli import stage_environment  # noqa: E402
from devtools.dynamodb_local import (ROOT, DynamoDBLocal, free_port,  # noqa: E402
                                     local_aws_environment)

HERE = os.path.join(ROOT, 'bench', 'lighthouse')
CHROMIUM = '/usr/bin/chromium'
PAGES = [('home', '/'), ('faq-index', '/faq/'),
         ('faq-page', '/faq/what-happens-if-you-fail-the-cma-exam-2/'),
         ('category', '/faq-category/cma-exam/'), ('search', '/?s=cma')]
CATEGORIES = ('performance', 'accessibility', 'best-practices', 'seo')


def install_lighthouse():
    if not os.path.isdir(os.path.join(HERE, 'node_modules', 'lighthouse')):
        print('installing Lighthouse into bench/lighthouse/node_modules ...', flush=True)
        subprocess.run(['npm', 'ci', '--no-audit', '--no-fund', '--ignore-scripts',
                        '--silent'], cwd=HERE, check=True)


def seeded_environment(endpoint):
    """The local stage's environment on this DynamoDB Local, with the seed in."""
    env = dict(os.environ, **local_aws_environment(endpoint))
    env.update(stage_environment('local'))
    cli = [sys.executable, '-m', 'chalicelib.cli']
    seed = os.path.join(ROOT, 'seed')
    faqs = [f for f in sorted(glob.glob(os.path.join(seed, '*.json')))
            if not f.endswith('faq-categories.json')]
    subprocess.run(cli + ['create-table'], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(cli + ['import-wordpress', *faqs, '--categories',
                          os.path.join(seed, 'faq-categories.json')],
                   env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return env


def serve(env, port):
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), 'chalice'), 'local', '--host',
         '127.0.0.1', '--port', str(port), '--stage', 'local', '--no-autoreload'],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen('http://127.0.0.1:%d/robots.txt' % port, timeout=2).read()
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit('chalice local did not start')
            time.sleep(0.3)


def run_lighthouse(base, runs):
    args = ['node', os.path.join(HERE, 'run.mjs'), base, str(runs)]
    args += ['%s=%s' % page for page in PAGES]
    result = subprocess.run(args, capture_output=True, text=True,
                            env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode:
        raise SystemExit('lighthouse failed:\n' + result.stderr[-3000:])
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith('{')]


def report(results, runs):
    version = results[0]['lighthouse'] if results else '?'
    print('Lighthouse %s, mobile (simulated throttling, 4x CPU), median of %d runs per '
          'page after a warm-up' % (version, runs))
    print('%-10s %-45s %5s %5s %5s %5s' % ('page', 'path', 'perf', 'a11y', 'bp', 'seo'))
    for page, path in PAGES:
        mine = [r for r in results if r['page'] == page]
        medians = [statistics.median(r['scores'][c] for r in mine) for c in CATEGORIES]
        print('%-10s %-45s %5g %5g %5g %5g' % ((page, path) + tuple(medians)))
    print()
    for page, _ in PAGES:
        mine = [r for r in results if r['page'] == page]
        print('%s: performance per run %s; TBT ms %s; benchmarkIndex %s' % (
            page, [r['scores']['performance'] for r in mine],
            [round(r['metrics']['tbt'] or 0) for r in mine],
            [round(r['benchmarkIndex']) for r in mine]))
        short = {}
        for r in mine:
            for audit in r['failing']:
                short.setdefault((audit['category'], audit['id']), []).append(
                    '%s (score %s)' % (audit['value'] or '-', audit['score']))
        for (category, audit), values in sorted(short.items()):
            print('    %s %s, in %d of %d runs: %s' % (category, audit, len(values),
                                                      len(mine), '; '.join(values)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args(argv)
    if not os.path.exists(CHROMIUM):
        raise SystemExit('needs Debian chromium at %s (apt-get install chromium)' % CHROMIUM)
    install_lighthouse()
    with DynamoDBLocal() as ddb:
        env = seeded_environment(ddb.endpoint)
        port = free_port()
        server = serve(env, port)
        try:
            results = run_lighthouse('http://127.0.0.1:%d' % port, args.runs)
        finally:
            server.terminate()
            server.wait(10)
    report(results, args.runs)
    return 0


if __name__ == '__main__':
    sys.exit(main())
