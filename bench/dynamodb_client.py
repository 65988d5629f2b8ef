"""Making the DynamoDB client: botocore's stock data loader vs the app's lean one.

Each run is a fresh interpreter that has already imported botocore (both
kinds pay that alike, see ``bench.cold_start``) and then times, with one
kind of data loader:

* client: ``create_client('dynamodb')`` with the app's retry and timeout
  config: the stock loader through a plain botocore session (the baseline),
  the lean one through ``store.make_client``;
* list: finding the service, ``list_available_services`` for the service
  model and the endpoint rules, on a new loader;
* endpoints: loading botocore's 1.2 MB endpoint table, on a new loader.

The kinds alternate, after one discarded warm-up each (disk cache).  No
request is sent, so no DynamoDB is needed.

    .venv/bin/python -m bench.dynamodb_client [--runs 15]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CHILD = '''
import json, sys, time
import botocore.session
from botocore.config import Config
from botocore.loaders import Loader
from chalicelib import store
lean = sys.argv[1] == 'lean'
new_loader = store.dynamodb_data_loader if lean else Loader
t0 = time.perf_counter()
if lean:
    store.make_client()
else:
    botocore.session.get_session().create_client('dynamodb', region_name='us-east-1', config=Config(
        retries={'mode': 'standard', 'total_max_attempts': 3}, connect_timeout=2, read_timeout=5))
t1 = time.perf_counter()
loader = new_loader()
loader.list_available_services('service-2')
loader.list_available_services('endpoint-rule-set-1')
t2 = time.perf_counter()
new_loader().load_data('endpoints')
t3 = time.perf_counter()
print(json.dumps({'client': t1 - t0, 'list': t2 - t1, 'endpoints': t3 - t2}))
'''
KINDS = ('stock', 'lean')


def run(kind, env):
    result = subprocess.run([sys.executable, '-c', CHILD, kind], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit('child failed:\n' + result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=15)
    args = parser.parse_args()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(('PYTHON', 'AWS_'))}
    env.update(AWS_ACCESS_KEY_ID='bench', AWS_SECRET_ACCESS_KEY='bench',
               AWS_DEFAULT_REGION='us-east-1', PYTHONPATH=ROOT)
    runs = {kind: [] for kind in KINDS}
    for warm_up in [True] + [False] * args.runs:
        for kind in KINDS:
            result = run(kind, env)
            if not warm_up:
                runs[kind].append(result)
    print('DynamoDB client, %d fresh interpreters per kind, Python %s, botocore imported '
          'beforehand' % (args.runs, sys.version.split()[0]))
    medians = {kind: {part: statistics.median(r[part] for r in runs[kind])
                      for part in ('client', 'list', 'endpoints')} for kind in KINDS}
    for kind in KINDS:
        print('%-6s median: client %6.1f ms | list services %5.1f ms | endpoint table %5.1f ms'
              % ((kind,) + tuple(medians[kind][p] * 1000
                                 for p in ('client', 'list', 'endpoints'))))
    print('lean/stock client creation: %.2fx' % (medians['lean']['client']
                                                  / medians['stock']['client']))


if __name__ == '__main__':
    main()
