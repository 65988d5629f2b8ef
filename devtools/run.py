"""``make run``: the site on DynamoDB Local, keeping your data between runs.

Starts DynamoDB Local on a free port with its data in one file
(``-sharedDb``, so the AWS variables of your shell cannot hide it), creates
the table if it is missing, imports the sample FAQs into a new table only
(``make seed`` imports them again on purpose, over your edits), creates a
local ``admin`` user on first run, then serves the site with
``chalice local`` on http://127.0.0.1:$PORT (8000 by default), with
``SITE_URL`` following the port.

The data lives outside the project (``DATA_DIR``, by default under
``$XDG_STATE_HOME``, i.e. ``~/.local/state/faq-site/``), so that
``chalice local``'s reloader, which restarts the server whenever a file
under the project changes, never restarts it for a database write.  The
reloader is off unless ``RELOAD=1``: it also polls every file of the
project (the virtualenv and node_modules included) each second.

The table's stream is read in this process and handed to the app's
``content_changed`` handler, as Lambda does on AWS (``devtools/stream.py``):
listings, search and related questions follow edits within a second.

Ctrl-C, ``kill`` (SIGTERM) and closing the terminal (SIGHUP) all stop
DynamoDB Local and ``chalice local`` before this exits.

    python -m devtools.run [--seed]      (make run, make seed)
"""
import argparse
import glob
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

from chalicelib.cli import stage_environment
from devtools.dynamodb_local import ROOT, DynamoDBLocal, local_aws_environment

STAGE = 'local'
SEED_DIR = os.path.join(ROOT, 'seed')
SHARED_DB = 'shared-local-instance.db'     # DynamoDB Local's file under -sharedDb
EARLIER_DATA_DIR = os.path.join(ROOT, '.data', 'dynamodb')   # before DATA_DIR existed
START_TIMEOUT = 60


class Stop(Exception):
    """SIGTERM or SIGHUP arrived: stop everything, as Ctrl-C does."""


def _stop(signum, _frame):
    for name in ('SIGINT', 'SIGTERM', 'SIGHUP'):      # let the cleanup finish
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Stop(signal.Signals(signum).name)


def say(*lines):
    """Print, unless the terminal is gone (after SIGHUP writes fail)."""
    try:
        for line in lines:
            print(line, flush=True)
    except OSError:
        pass


# -- settings ----------------------------------------------------------------------

def default_data_dir(root=ROOT):
    """Where a checkout keeps its data: outside it, one folder per checkout."""
    state = os.environ.get('XDG_STATE_HOME') or os.path.expanduser('~/.local/state')
    checkout = '%s-%s' % (os.path.basename(root),
                          hashlib.sha256(root.encode()).hexdigest()[:8])
    return os.path.join(state, 'faq-site', checkout, 'dynamodb')


def options(argv=None, environ=None):
    """What to do, from the command line and ``PORT``, ``DATA_DIR``, ``RELOAD``."""
    environ = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(prog='python -m devtools.run',
                                     description=__doc__.splitlines()[0])
    parser.add_argument('--seed', action='store_true', help='import the sample FAQs '
                        'again, over your changes to them (make seed)')
    args = parser.parse_args(argv)
    port = environ.get('PORT') or '8000'
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise SystemExit('PORT must be a port number, such as 8000 (it is %r).' % port)
    args.port = int(port)
    args.data_dir = os.path.abspath(os.path.expanduser(
        environ.get('DATA_DIR') or default_data_dir()))
    args.data_dir_chosen = bool(environ.get('DATA_DIR'))
    args.reload = environ.get('RELOAD', '').lower() not in ('', '0', 'no', 'false')
    if args.reload and is_inside(args.data_dir, ROOT):
        raise SystemExit(
            'RELOAD=1 restarts the server whenever a file under %s changes, and DATA_DIR '
            '(%s) is inside it, so every database write would restart it: choose a '
            'DATA_DIR outside the project, or leave DATA_DIR unset.' % (ROOT, args.data_dir))
    return args


def is_inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder + os.sep)


def port_is_free(port):
    """Whether ``chalice local`` could listen on 127.0.0.1:``port``.

    Probed as the server binds (``SO_REUSEADDR``), so a port that only holds
    connections of an earlier run (TIME_WAIT) counts as free.
    """
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(('127.0.0.1', port))
        except OSError:
            return False
    return True


def local_environment(endpoint, port, environ=None):
    """The environment of the setup steps and ``chalice local``.

    The stage's variables, DynamoDB Local's endpoint and fixed local
    credentials and region: none of the shell's ``AWS_*`` variables (a
    profile, a session token, another region) is passed on.
    """
    environ = os.environ if environ is None else environ
    env = {k: v for k, v in environ.items() if not k.startswith('AWS_')}
    env.update(stage_environment(STAGE))
    env.update(local_aws_environment(endpoint))
    env['SITE_URL'] = 'http://127.0.0.1:%d' % port
    return env


def adopt_earlier_data(data_dir, earlier=EARLIER_DATA_DIR):
    """Carry data of earlier ``make run`` versions into ``data_dir``'s shared file.

    They kept it in ``.data/dynamodb/`` (or ``data_dir`` itself), in a file
    named after the caller's access key and region.  The newest such file is
    copied, never moved, and only while ``data_dir`` has no data of its own.
    ``earlier`` None: look in ``data_dir`` only (a DATA_DIR chosen on purpose
    is not filled from the project's old folder).  Returns the file copied,
    or None.
    """
    target = os.path.join(data_dir, SHARED_DB)
    if os.path.exists(target):
        return None
    found = [path for folder in (data_dir, earlier) if folder
             for path in glob.glob(os.path.join(folder, '*.db'))
             if os.path.basename(path) != SHARED_DB]
    if not found:
        return None
    newest = max(found, key=os.path.getmtime)
    os.makedirs(data_dir, exist_ok=True)
    shutil.copy2(newest, target)
    return newest


# -- the table ---------------------------------------------------------------------

def holds_no_content(repository):
    """True for a table nothing was ever written to: no category, no entry in
    any status, and no derived data (which the first change builds, and a
    change never removes).  A table whose FAQs were all deleted is not
    empty: it is not seeded again."""
    categories, manifest = repository.catalog_head(consistent=True)
    return not categories and manifest is None and not any(
        repository.list_by_status(status, 0, 1)[0] for status in ('publish', 'draft', 'trash'))


def import_samples():
    from chalicelib import cli
    files = sorted(glob.glob(os.path.join(SEED_DIR, '*.json')))
    categories = os.path.join(SEED_DIR, 'faq-categories.json')
    cli.main(['import-wordpress', *[f for f in files if f != categories],
              '--categories', categories])


def prepare(env, port, seed):
    """Table, sample FAQs (new table or ``seed``), admin user: in this process."""
    os.environ.clear()            # the shell's AWS_* variables included
    os.environ.update(env)
    from chalicelib import cli, store
    cli.main(['create-table'])
    if seed:
        say('Importing the sample FAQs again (make seed): your changes to them are replaced.')
        import_samples()
    elif holds_no_content(store.get_repository()):
        say('A new table: importing the sample FAQs.')
        import_samples()
    else:
        say('Keeping the data in the table (make seed imports the sample FAQs again).')
    ensure_admin(port)


def ensure_admin(port):
    """A local admin user on first run, its password printed once."""
    import secrets
    from chalicelib import store
    from chalicelib.admin import auth
    if store.get_accounts().get_user('admin') is not None:
        say('Admin: http://127.0.0.1:%d/admin (user admin; reset the password with '
            '.venv/bin/python -m chalicelib.cli create-user admin)' % port)
        return
    password = secrets.token_urlsafe(12)
    auth.create_user('admin', password)
    say('Admin: http://127.0.0.1:%d/admin  user: admin  password: %s  (shown once; '
        'set another with: .venv/bin/python -m chalicelib.cli create-user admin)'
        % (port, password))


# -- the server --------------------------------------------------------------------

def server_command(port, reload):
    command = [os.path.join(os.path.dirname(sys.executable), 'chalice'), 'local',
               '--host', '127.0.0.1', '--port', str(port), '--stage', STAGE]
    return command if reload else command + ['--no-autoreload']


def wait_until_listening(server, port, timeout=START_TIMEOUT):
    """True once the server accepts connections; False if it exited first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with socket.create_connection(('127.0.0.1', port), 0.2):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def stop_server(server):
    """Stop ``chalice local`` and, with the reloader, its worker: its whole group."""
    if server.poll() is None:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        except ProcessLookupError:
            pass


def serve(args):
    with DynamoDBLocal(db_path=args.data_dir) as ddb:
        env = local_environment(ddb.endpoint, args.port)
        prepare(env, args.port, args.seed)
        pump = start_stream_pump(ddb.endpoint, env)
        # its own process group: only this script signals it, and stops all of it
        server = subprocess.Popen(server_command(args.port, args.reload), env=env,
                                  cwd=ROOT, start_new_session=True)
        try:
            if not wait_until_listening(server, args.port):
                say('chalice local stopped before serving on port %d (exit status %s); '
                    'its error is above.' % (args.port, server.poll()))
                return 1
            say('Serving http://127.0.0.1:%d (DynamoDB Local at %s, data in %s%s). '
                'Ctrl-C stops.' % (args.port, ddb.endpoint, args.data_dir,
                                   '; reloading on code changes' if args.reload else ''))
            return server.wait()
        finally:
            stop_server(server)
            pump.stop()


def start_stream_pump(endpoint, env):
    """Feed the app's content_changed handler from the table's stream, as
    Lambda does on AWS: listings, search and related questions follow edits.
    A table from before the stream, or with a search index of an older
    format, gets its derived data built first."""
    import app
    from chalicelib import store
    from chalicelib.derived import builder, searching
    from devtools.stream import StreamPump
    manifest = store.get_artifacts().manifest()
    if not manifest.version or not searching.current_format(manifest.info.get('search')):
        say('derived data: %r' % builder.rebuild())
    pump = StreamPump(endpoint, env['TABLE_NAME'], app.content_changed)
    return pump.start(interval=0.5, log=lambda line: say(line))


def main(argv=None):
    args = options(argv)
    if not port_is_free(args.port):
        raise SystemExit('Port %d is in use (is make run already running?): choose another, '
                         'e.g. PORT=%d make run' % (args.port, args.port + 1))
    copied = adopt_earlier_data(args.data_dir,
                                None if args.data_dir_chosen else EARLIER_DATA_DIR)
    if copied:
        say('Copied the data of an earlier make run from %s to %s.'
            % (copied, os.path.join(args.data_dir, SHARED_DB)))
    for name in ('SIGTERM', 'SIGHUP'):
        signal.signal(getattr(signal, name), _stop)
    try:
        return serve(args)
    except (KeyboardInterrupt, Stop):
        say('Stopped.')
        return 0


if __name__ == '__main__':
    sys.exit(main())
