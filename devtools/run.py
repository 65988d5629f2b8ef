"""``make run``: DynamoDB Local with a persistent file, table, seed data, site.

Starts DynamoDB Local on a free port with its data under ``.data/``, creates
the table if missing, imports the sample FAQs (an idempotent upsert, so a
re-run keeps whatever was changed since), then serves the site with
``chalice local`` on http://127.0.0.1:8000.  Ctrl-C stops both.
"""
import glob
import os
import signal
import subprocess
import sys

from chalicelib.cli import stage_environment
from devtools.dynamodb_local import ROOT, DynamoDBLocal, local_aws_environment

DATA_DIR = os.path.join(ROOT, '.data', 'dynamodb')
STAGE = 'local'


def main():
    port = os.environ.get('PORT', '8000')
    with DynamoDBLocal(db_path=DATA_DIR) as ddb:
        env = dict(os.environ, **local_aws_environment(ddb.endpoint))
        env.update(stage_environment(STAGE))
        cli = [sys.executable, '-m', 'chalicelib.cli']
        subprocess.run(cli + ['create-table'], env=env, cwd=ROOT, check=True)
        seed = os.path.join(ROOT, 'seed')
        files = sorted(glob.glob(os.path.join(seed, '*.json')))
        faq_files = [f for f in files if not f.endswith('faq-categories.json')]
        subprocess.run(cli + ['import-wordpress', *faq_files, '--categories',
                              os.path.join(seed, 'faq-categories.json')],
                       env=env, cwd=ROOT, check=True)
        ensure_admin(env, port)
        pump = start_stream_pump(ddb.endpoint, env)
        print('Serving http://127.0.0.1:%s (DynamoDB Local at %s, data in %s). '
              'Ctrl-C stops.' % (port, ddb.endpoint, os.path.relpath(DATA_DIR, ROOT)),
              flush=True)
        server = subprocess.Popen(
            [os.path.join(os.path.dirname(sys.executable), 'chalice'), 'local',
             '--host', '127.0.0.1', '--port', port, '--stage', STAGE],
            env=env, cwd=ROOT)
        try:
            server.wait()
        except KeyboardInterrupt:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        finally:
            pump.stop()
    return 0


def start_stream_pump(endpoint, env):
    """Feed the app's content_changed handler from the table's stream, as
    Lambda does on AWS: listings, search and related questions follow edits."""
    os.environ.update(env)
    import app
    from chalicelib import store
    from chalicelib.derived import builder
    from devtools.stream import StreamPump
    if not store.get_artifacts().manifest().version:      # a table from before streams
        print('derived data: %r' % builder.rebuild(), flush=True)
    pump = StreamPump(endpoint, env['TABLE_NAME'], app.content_changed)
    return pump.start(interval=0.5, log=lambda line: print(line, file=sys.stderr, flush=True))


def ensure_admin(env, port):
    """A local admin user on first run, its password printed once."""
    import secrets
    os.environ.update(env)
    from chalicelib import store
    from chalicelib.admin import auth
    if store.get_accounts().get_user('admin') is not None:
        print('Admin: http://127.0.0.1:%s/admin (user admin; reset the password with '
              '.venv/bin/python -m chalicelib.cli create-user admin)' % port)
        return
    password = secrets.token_urlsafe(12)
    auth.create_user('admin', password)
    print('Admin: http://127.0.0.1:%s/admin  user: admin  password: %s  (shown once; '
          'set another with: .venv/bin/python -m chalicelib.cli create-user admin)'
          % (port, password))


if __name__ == '__main__':
    sys.exit(main())
