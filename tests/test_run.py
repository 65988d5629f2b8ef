"""``make run`` keeps a developer's work and stops cleanly (``devtools/run.py``).

The main check starts ``python -m devtools.run`` (what ``make run`` runs)
twice over one data folder, with an edit in between: see
``devtools/run_check.py``.  The rest are the decisions it makes before
starting anything.
"""
import os
import socket
import subprocess
import sys
import time

import pytest

from devtools import run, run_check
from tests.conftest import ROOT
from tests.helpers import import_seed

RUN = [sys.executable, '-m', 'devtools.run']


def test_make_run_twice_keeps_the_edit_and_stops_everything_it_started(tmp_path):
    figures = run_check.check_twice(RUN, ROOT, str(tmp_path / 'data'), say=lambda _: None)
    assert (tmp_path / 'data' / run.SHARED_DB).is_file()      # one file, whatever AWS_*
    assert set(figures) == {'stop after SIGTERM', 'stop after SIGHUP'}


def test_a_busy_port_is_one_line_and_a_failure_before_anything_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(('127.0.0.1', 0))
        taken.listen()
        port = taken.getsockname()[1]
        began = time.monotonic()
        result = subprocess.run(RUN, cwd=ROOT, capture_output=True, text=True, timeout=60,
                                env=dict(os.environ, PORT=str(port),
                                         DATA_DIR=str(tmp_path / 'data')))
    assert result.returncode == 1
    assert result.stdout == ''
    assert result.stderr.splitlines() == [
        'Port %d is in use (is make run already running?): choose another, e.g. '
        'PORT=%d make run' % (port, port + 1)]
    assert time.monotonic() - began < 10                      # no DynamoDB Local started
    assert not (tmp_path / 'data').exists()


def test_site_url_and_credentials_are_pinned_for_the_port():
    shell = {'PATH': '/usr/bin', 'AWS_PROFILE': 'work', 'AWS_SESSION_TOKEN': 'x',
             'AWS_REGION': 'eu-west-3', 'SITE_URL': 'https://certilyst.com/resources'}
    env = run.local_environment('http://127.0.0.1:4567', 9000, shell)
    assert env['SITE_URL'] == 'http://127.0.0.1:9000'
    assert env['AWS_ENDPOINT_URL_DYNAMODB'] == 'http://127.0.0.1:4567'
    assert env['AWS_REGION'] == env['AWS_DEFAULT_REGION'] == 'us-east-1'
    assert 'AWS_PROFILE' not in env and 'AWS_SESSION_TOKEN' not in env
    assert env['TABLE_NAME'] == 'faq-site-local' and env['PATH'] == '/usr/bin'


def test_the_reloader_is_off_unless_asked_and_never_watches_the_data():
    assert '--no-autoreload' in run.server_command(8000, reload=False)
    assert '--no-autoreload' not in run.server_command(8000, reload=True)
    assert not run.is_inside(run.default_data_dir(), ROOT)
    assert run.options([], {'RELOAD': '1'}).reload
    assert not run.options([], {}).reload
    with pytest.raises(SystemExit, match='RELOAD=1 restarts the server whenever a file'):
        run.options([], {'RELOAD': '1', 'DATA_DIR': os.path.join(ROOT, '.data')})
    with pytest.raises(SystemExit, match='PORT must be a port number'):
        run.options([], {'PORT': 'eighty'})
    assert run.options(['--seed'], {'PORT': '9000'}).port == 9000


def test_only_a_table_never_written_is_seeded(repo):
    assert run.holds_no_content(repo)
    import_seed(repo)
    assert not run.holds_no_content(repo)
    for entry in repo.all_by_status('publish'):        # everything deleted for good
        trashed = repo.save(entry.with_changes(status='trash', version=entry.version + 1),
                            entry, 'test')
        repo.purge(trashed, 'test')
    assert repo.all_by_status('publish') == []
    assert not run.holds_no_content(repo)               # emptied on purpose: not refilled


def test_data_of_an_earlier_make_run_is_copied_once(tmp_path):
    earlier, data = tmp_path / 'old', tmp_path / 'new'
    earlier.mkdir()
    (earlier / 'local_us-east-1.db').write_bytes(b'older')
    (earlier / 'AKIDX_eu-west-3.db').write_bytes(b'newest')
    os.utime(earlier / 'local_us-east-1.db', (1, 1))
    copied = run.adopt_earlier_data(str(data), str(earlier))
    assert copied == str(earlier / 'AKIDX_eu-west-3.db')
    assert (data / run.SHARED_DB).read_bytes() == b'newest'
    assert (earlier / 'AKIDX_eu-west-3.db').exists()          # copied, not moved
    (data / run.SHARED_DB).write_bytes(b'edited since')
    assert run.adopt_earlier_data(str(data), str(earlier)) is None
    assert (data / run.SHARED_DB).read_bytes() == b'edited since'
    assert run.adopt_earlier_data(str(tmp_path / 'none'), str(tmp_path / 'empty')) is None


def test_make_run_and_make_seed_run_the_script():
    env = {k: v for k, v in os.environ.items() if not k.startswith('MAKE')}  # not make's child
    for target, expected in (('run', 'devtools.run'), ('seed', 'devtools.run --seed')):
        result = subprocess.run(['make', '-n', target], cwd=ROOT,
                                env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1].endswith(expected)


def test_a_chosen_data_dir_is_not_filled_from_the_projects_old_folder(tmp_path):
    """make run's own tests choose DATA_DIR: a developer's data under .data/
    must not leak into them (nor into any folder chosen on purpose)."""
    chosen = run.options([], {'DATA_DIR': str(tmp_path / 'mine')})
    assert chosen.data_dir_chosen and not run.options([], {}).data_dir_chosen
    earlier = tmp_path / 'old'
    earlier.mkdir()
    (earlier / 'local_us-east-1.db').write_bytes(b'an earlier table')
    assert run.adopt_earlier_data(chosen.data_dir, None) is None
    assert run.adopt_earlier_data(chosen.data_dir, str(earlier)) is not None
