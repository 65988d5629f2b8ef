"""The deployment package that `chalice package` builds really serves pages.

Builds the package, unzips it into an empty folder and, in a fresh
interpreter whose path holds only the standard library, the package and
boto3 (as in the Lambda Python runtime), answers API Gateway events against
DynamoDB Local.
"""
import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT
from tests.helpers import api_gateway_event, import_seed

PACKAGE_LIMIT = 2 * 1024 * 1024
# What the Lambda Python runtime provides besides the standard library.
RUNTIME_PACKAGES = ('boto3', 'botocore', 'jmespath', 's3transfer', 'dateutil',
                    'urllib3', 'six.py')


@pytest.fixture(scope='module')
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp('chalice-package')
    env = dict(os.environ, AWS_DEFAULT_REGION='us-east-1')
    chalice = os.path.join(os.path.dirname(sys.executable), 'chalice')
    subprocess.run([chalice, 'package', '--stage', 'dev', str(out / 'out')],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    zip_path = out / 'out' / 'deployment.zip'
    unpacked = out / 'unpacked'
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unpacked)
    runtime = out / 'runtime'
    runtime.mkdir()
    site = os.path.dirname(os.path.dirname(__import__('boto3').__file__))
    for name in RUNTIME_PACKAGES:
        os.symlink(os.path.join(site, name), runtime / name)
    return zip_path, unpacked, runtime


def test_package_is_small_and_leaves_boto3_out(package):
    zip_path, unpacked, _ = package
    assert zip_path.stat().st_size < PACKAGE_LIMIT
    assert not (unpacked / 'boto3').exists() and not (unpacked / 'botocore').exists()
    assert (unpacked / 'chalicelib' / 'templates' / 'faq.html').is_file()
    assert not (unpacked / 'devtools').exists() and not (unpacked / 'tests').exists()


def test_packaged_app_answers_api_gateway_events_in_a_bare_interpreter(
        package, repo, dynamodb_local):
    _, unpacked, runtime = package
    import_seed(repo)
    slug = 'what-happens-if-you-fail-the-cma-exam-2'
    events = [
        api_gateway_event('/faq/{slug}', '/faq/%s/' % slug, mount='/api',
                          path_params={'slug': slug}),
        api_gateway_event('/faq', '/faq', mount='/api'),
        api_gateway_event('/faq/{slug}', '/faq/nope/', path_params={'slug': 'nope'}),
        api_gateway_event('/admin/login', '/admin/login', mount='/api'),
        api_gateway_event('/admin', '/admin', mount='/api'),
    ]
    env = {'PATH': os.environ['PATH'], 'TABLE_NAME': repo.table_name,
           'SITE_URL': 'https://certilyst.com/resources',
           'AWS_ENDPOINT_URL_DYNAMODB': dynamodb_local.endpoint,
           'AWS_ACCESS_KEY_ID': 'local', 'AWS_SECRET_ACCESS_KEY': 'local',
           'AWS_DEFAULT_REGION': 'us-east-1'}
    probe = os.path.join(ROOT, 'tests', 'lambda_probe.py')
    result = subprocess.run(
        [sys.executable, '-I', '-S', probe, str(unpacked), str(runtime)],
        input=json.dumps(events), env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    page, index, missing, login, admin = json.loads(result.stdout.splitlines()[-1])
    assert '"route":"/faq/{slug}"' in result.stdout      # JSON log lines
    assert page['statusCode'] == 200
    assert '<title>What Happens If You Fail the CMA Exam?</title>' in page['body']
    assert ('<link rel="canonical" href="https://certilyst.com/resources/faq/%s/">'
            % slug) in page['body']
    assert 'href="/api/faq/which-countries-accept-cma-certilyst/"' in page['body']
    assert index['statusCode'] == 200 and slug in index['body']
    assert missing['statusCode'] == 404 and 'Page not found' in missing['body']
    assert login['statusCode'] == 200 and 'name="password"' in login['body']
    assert 'action="/api/admin/login"' in login['body']
    assert login['headers']['Cache-Control'] == 'no-store'
    assert admin['statusCode'] == 302
    assert admin['headers']['Location'].startswith('/api/admin/login?next=')


def test_bare_interpreter_really_lacks_the_dev_environment(package):
    """Guards the test above: jinja2 must come from the package, not the venv."""
    _, unpacked, runtime = package
    code = 'import sys; sys.path[:0] = [%r]; import boto3; import jinja2' % str(runtime)
    result = subprocess.run([sys.executable, '-I', '-S', '-c', code],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "No module named 'jinja2'" in result.stderr
