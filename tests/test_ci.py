"""CI on a fresh machine: `.ci/run` installs a Java that Debian 12 and 13 both
carry and checks its version; the test suite names a missing prerequisite in
one line, at the first test that needs it.

`.ci/run` runs here against stand-ins for `java`, `apt-get` and `make` (a
test cannot install packages), each of which records how it was called.
"""
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

CI_RUN = os.path.join(ROOT, '.ci', 'run')


def fake_bin(folder, java_version):
    """A PATH folder whose java reports ``java_version`` and whose apt-get and
    make only record their arguments in ``calls.log``."""
    folder.mkdir()
    log = folder / 'calls.log'
    scripts = {'apt-get': 'echo "apt-get $*" >> %s\n' % log,
               'make': 'echo "make $*" >> %s\n' % log}
    if java_version:
        scripts['java'] = 'echo \'openjdk version "%s" 2024-01-16\' >&2\n' % java_version
    for name, body in scripts.items():
        path = folder / name
        path.write_text('#!/bin/sh\n' + body)
        path.chmod(0o755)
    return folder, log


def run_ci(tmp_path, java_version):
    folder, log = fake_bin(tmp_path / 'bin', java_version)
    env = dict(os.environ, PATH='%s:/usr/bin:/bin' % folder)
    result = subprocess.run(['bash', CI_RUN], env=env, capture_output=True, text=True,
                            timeout=60)
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


@pytest.mark.parametrize('version', ['11.0.22', '1.8.0_392'])
def test_an_old_java_is_replaced_and_checked_before_any_test(tmp_path, version):
    result, calls = run_ci(tmp_path, version)
    assert 'apt-get update -qq' in calls
    installs = [c for c in calls if c.startswith('apt-get install')]
    assert installs and 'default-jre-headless' in installs[0].split()
    assert 'openjdk-17-jre-headless' not in installs[0]     # not in Debian 13
    # the stand-in apt-get changed nothing: still too old, said in one line
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith('Java 17 or newer is required to run DynamoDB Local, '
                                'found: openjdk version "%s"' % version)
    assert not [c for c in calls if c.startswith('make')]


def test_a_current_java_goes_straight_to_make_test(tmp_path):
    result, calls = run_ci(tmp_path, '21.0.5')
    assert result.returncode == 0, result.stderr
    assert not [c for c in calls if 'default-jre-headless' in c]
    assert calls[-1] == 'make test'


def test_the_suite_stops_at_the_first_test_with_one_line_for_an_old_java(tmp_path):
    folder, _ = fake_bin(tmp_path / 'bin', '11.0.22')
    env = dict(os.environ, PATH='%s:%s' % (folder, os.environ['PATH']))
    result = subprocess.run(
        [sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider',
         os.path.join(ROOT, 'tests', 'store', 'test_entries.py')],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 3, output
    said = [line for line in output.splitlines() if 'Java 17 or newer is required' in line]
    assert len(said) == 1 and 'found Java 11' in said[0], output
    assert 'default-jre-headless' in said[0]
    assert 'AssertionError' not in output and ' passed' not in output
