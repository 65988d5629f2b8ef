"""Run ``make run`` as a new user does, twice, and check that it keeps their work.

The first run seeds a new table and serves it; an edit and a trashed FAQ
are made while a burst of requests and failed logins hits the server (none
may be dropped: a write must not restart it); SIGTERM must stop everything
it started.  The second run, on another port, must keep the edit and the
trash, not seed again, and put its own port in canonical links; SIGHUP
(a closed terminal) must stop everything too.

``tests/test_run.py`` runs it on this checkout's ``python -m devtools.run``.
From a fresh clone of the last commit, with ``make run`` itself (which
builds the clone's virtualenv first, a few minutes)::

    python -m devtools.run_check
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

from devtools.dynamodb_local import ROOT, free_port

TABLE = 'faq-site-local'
SERVING = re.compile(r'Serving http://127\.0\.0\.1:(\d+) \(DynamoDB Local at (\S+),')
# What a developer's shell may hold; make run must not let any of it move the data.
STRAY_AWS = {'AWS_PROFILE': 'no-such-profile', 'AWS_REGION': 'eu-west-3',
             'AWS_DEFAULT_REGION': 'ap-south-1', 'AWS_ACCESS_KEY_ID': 'AKIDSTRAYKEY',
             'AWS_SECRET_ACCESS_KEY': 'stray', 'AWS_SESSION_TOKEN': 'stray'}


class CheckFailed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


# -- processes ---------------------------------------------------------------------

def _stat(pid):
    """``(state, parent pid)`` of a process, or None once it is gone."""
    try:
        with open('/proc/%d/stat' % pid) as handle:
            fields = handle.read().rsplit(')', 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1])


def descendants(pid):
    """The pids of every process below ``pid`` (children, theirs, ...)."""
    parents = {}
    for name in os.listdir('/proc'):
        if name.isdigit():
            stat = _stat(int(name))
            if stat:
                parents[int(name)] = stat[1]
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid):
    stat = _stat(pid)
    return stat is not None and stat[0] != 'Z'


def command_line(pid):
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as handle:
            return handle.read().replace(b'\0', b' ').decode(errors='replace').strip()
    except OSError:
        return ''


class RunningSite:
    """``make run`` (or its script) as a child process, its output collected."""

    def __init__(self, command, cwd, env):
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)
        self.lines, self.closed, self._changed = [], False, threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip('\n'))
                self._changed.notify_all()
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    @property
    def output(self):
        return '\n'.join(self.lines)

    def wait_for(self, pattern, timeout):
        """The first match of ``pattern`` in the output, waiting up to ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    match = re.search(pattern, line)
                    if match:
                        return match
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    raise CheckFailed('no %r within %ds; output:\n%s'
                                      % (pattern, timeout, self.output[-3000:]))
                self._changed.wait(min(left, 0.5))

    def wait_exit(self, timeout):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise CheckFailed('still running %ds after being told to stop; output:\n%s'
                              % (timeout, self.output[-2000:])) from None

    def stop(self, signum, timeout=30):
        """Stop it as ``signum`` does: SIGTERM as ``kill`` sends it, to the process;
        SIGHUP and SIGINT as a terminal does, to its whole process group.
        Returns ``(exit status, processes it left running)``."""
        started = descendants(self.process.pid)
        if signum == signal.SIGTERM:
            self.process.send_signal(signum)
        else:
            os.killpg(self.process.pid, signum)
        status = self.wait_exit(timeout)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(p) for p in started):
            time.sleep(0.1)
        return status, [command_line(p) or str(p) for p in started if alive(p)]

    def kill(self):
        for pid in descendants(self.process.pid) | {self.process.pid}:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


# -- HTTP and the table --------------------------------------------------------------

def fetch(url, data=None, opener=None):
    """``(status, body)``; an HTTP error status is an answer, not a failure."""
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(url, data=data, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def canonical(html):
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    return match.group(1) if match else None


def failed_login(base):
    """Log in with a wrong password through the form, as a browser does."""
    from urllib.parse import urlencode
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    status, form = fetch(base + '/admin/login', opener=opener)
    token = re.search(r'name="csrf" value="([^"]+)"', form)
    check(token, 'the login form answered %d: %s' % (status, form[:300]))
    token = token.group(1)
    status, _ = fetch(base + '/admin/login', urlencode({
        'csrf': token, 'username': 'admin', 'password': 'not the password'}).encode(),
        opener=opener)
    return status


def repository(endpoint):
    """The site's table, through DynamoDB Local's endpoint."""
    import botocore.session
    from chalicelib import store
    client = botocore.session.get_session().create_client(
        'dynamodb', endpoint_url=endpoint, region_name='us-east-1',
        aws_access_key_id='local', aws_secret_access_key='local')
    return store.FaqRepository(client, TABLE)


# -- the check ---------------------------------------------------------------------

def start(command, cwd, env, port, timeout):
    site = RunningSite(command, cwd, dict(env, PORT=str(port)))
    try:
        match = site.wait_for(SERVING.pattern, timeout)
    except CheckFailed:
        site.kill()
        raise
    check(int(match.group(1)) == port, 'served on port %s, not PORT=%d'
          % (match.group(1), port))
    return site, 'http://127.0.0.1:%d' % port, match.group(2)


def stop_cleanly(site, signum, figures):
    """Stop ``site`` with ``signum``: nothing it started may be left running."""
    name = signal.Signals(signum).name
    began = time.monotonic()
    _, left = site.stop(signum)
    figures['stop after ' + name] = time.monotonic() - began
    check(not left, 'left running after %s: %s' % (name, left))


def check_twice(command, cwd, data_dir, timeout=120, say=print):
    """Run ``command`` (make run) twice over ``data_dir``; raise CheckFailed."""
    from chalicelib.admin import editing
    env = dict(os.environ, DATA_DIR=data_dir, **STRAY_AWS)
    env.pop('RELOAD', None)
    figures = {}

    site, base, endpoint = start(command, cwd, env, free_port(), timeout)
    try:
        check('A new table: importing the sample FAQs.' in site.output,
              'the first run did not seed:\n' + site.output)
        table = repository(endpoint)
        published = table.all_by_status('publish')
        check(len(published) >= 3, 'the seed left %d published FAQs' % len(published))
        edited, trashed = published[0], published[1]
        status, page = fetch(base + '/faq/%s/' % edited.slug)
        check(status == 200 and canonical(page) == base + '/faq/%s/' % edited.slug,
              'canonical of the first run: %s' % canonical(page))

        # writes while a burst of requests is served: nothing dropped, no restart
        server = {p for p in descendants(site.process.pid) if 'chalice' in command_line(p)}
        with ThreadPoolExecutor(8) as pool:
            pages = [pool.submit(fetch, base + '/faq/%s/' % edited.slug) for _ in range(20)]
            # one after another: two logins of one user at once get 429 by design
            logins = pool.submit(lambda: [failed_login(base) for _ in range(3)])
            editing.update(table, edited.id, {'title': 'Edited while make run ran'},
                           edited.version, 'run_check', partial=True)
            editing.set_status(table, trashed.id, 'trash', trashed.version, 'run_check')
            answers = [f.result()[0] for f in pages] + logins.result()
        check(answers == [200] * 20 + [401] * 3, 'answers during the burst: %s' % answers)
        after = {p for p in descendants(site.process.pid) if 'chalice' in command_line(p)}
        check(server and after == server, 'the server restarted: %s -> %s' % (server, after))

        stop_cleanly(site, signal.SIGTERM, figures)
    finally:
        site.kill()
    say('first run: seeded, edited, SIGTERM stopped everything (%.1f s)'
        % figures['stop after SIGTERM'])

    site, base, _ = start(command, cwd, env, free_port(), timeout)
    try:
        check('Keeping the data in the table' in site.output and
              'importing the sample FAQs' not in site.output,
              'the second run seeded again:\n' + site.output)
        status, page = fetch(base + '/faq/%s/' % edited.slug)
        check(status == 200 and '<h1>Edited while make run ran</h1>' in page,
              'the edit was lost (status %d)' % status)
        check(canonical(page) == base + '/faq/%s/' % edited.slug,
              'canonical does not follow PORT: %s' % canonical(page))
        status, _ = fetch(base + '/faq/%s/' % trashed.slug)
        check(status == 404, 'the trashed FAQ came back (status %d)' % status)
        stop_cleanly(site, signal.SIGHUP, figures)
    finally:
        site.kill()
    say('second run: edit kept, trash kept, no seed, canonical on the new port, SIGHUP '
        'stopped everything (%.1f s)' % figures['stop after SIGHUP'])
    return figures


def fresh_clone(target):
    """A clone of this checkout's last commit, as a new user gets it."""
    subprocess.run(['git', 'clone', '--quiet', ROOT, target], check=True)
    return target


def main():
    with tempfile.TemporaryDirectory(prefix='make-run-check-') as folder:
        clone = fresh_clone(os.path.join(folder, 'clone'))
        print('cloned to', clone, '- make run builds its virtualenv first', flush=True)
        figures = check_twice(['make', 'run'], clone, os.path.join(folder, 'data'),
                              timeout=900)
        print(json.dumps(figures))
    return 0


if __name__ == '__main__':
    sys.exit(main())
