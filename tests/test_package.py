"""The deployment package that `chalice package` builds really serves pages.

Builds the package, unzips it into an empty folder and, in a fresh
interpreter whose path holds only the standard library, the package and
boto3 (as in the Lambda Python runtime), answers API Gateway events against
DynamoDB Local.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chalicelib import templating
from devtools import lambda_package
from tests.conftest import ROOT
from tests.helpers import api_gateway_event, import_seed

PACKAGE_LIMIT = 2_000_000     # bytes: "under 2 MB" however one reads it


@pytest.fixture(scope='module')
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp('chalice-package')
    zip_path = lambda_package.build(out / 'out', 'dev')
    unpacked = lambda_package.unpack(zip_path, out / 'unpacked')
    return Path(zip_path), unpacked, lambda_package.runtime(out / 'runtime')


def test_package_is_small_and_leaves_boto3_out(package):
    zip_path, unpacked, _ = package
    assert zip_path.stat().st_size < PACKAGE_LIMIT
    assert (unpacked / '__pycache__' / ('app.%s.pyc' % sys.implementation.cache_tag)).is_file()
    assert not (unpacked / 'boto3').exists() and not (unpacked / 'botocore').exists()
    assert (unpacked / 'chalicelib' / 'templates' / 'faq.html').is_file()
    # the compiled page templates as bytecode alone, current with the sources
    shipped = unpacked / 'faq_templates'
    assert (shipped / 'STAMP').read_text().strip() == templating.compiled_stamp()
    assert sorted(p.name for p in shipped.iterdir()) == sorted(
        ['STAMP'] + [p.name + 'c' for p in Path(templating.COMPILED_DIR).glob('*.py')])
    assert not (unpacked / 'templates_compiled').exists()
    assert not list(unpacked.glob('chalicelib/**/tmpl_*'))
    assert not (unpacked / 'devtools').exists() and not (unpacked / 'tests').exists()


def seeded(repo):
    """The sample FAQs, and the derived data the handler would build from them."""
    from chalicelib.derived import builder
    import_seed(repo)
    builder.rebuild()


def probe_env(repo, dynamodb_local):
    return {'PATH': os.environ['PATH'], 'TABLE_NAME': repo.table_name,
            'SITE_URL': 'https://certilyst.com/resources',
            'AWS_ENDPOINT_URL_DYNAMODB': dynamodb_local.endpoint,
            'AWS_ACCESS_KEY_ID': 'local', 'AWS_SECRET_ACCESS_KEY': 'local',
            'AWS_DEFAULT_REGION': 'us-east-1'}


def run_probe(unpacked, runtime, events, env):
    probe = os.path.join(ROOT, 'tests', 'lambda_probe.py')
    result = subprocess.run(
        [sys.executable, *lambda_package.BARE, probe, str(unpacked), str(runtime)],
        input=json.dumps(events), env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_packaged_app_answers_api_gateway_events_in_a_bare_interpreter(
        package, repo, dynamodb_local):
    _, unpacked, runtime = package
    seeded(repo)
    slug = 'what-happens-if-you-fail-the-cma-exam-2'
    events = [
        api_gateway_event('/faq/{slug}', '/faq/%s/' % slug, mount='/api',
                          path_params={'slug': slug}),
        api_gateway_event('/faq', '/faq', mount='/api'),
        api_gateway_event('/faq/{slug}', '/faq/nope/', path_params={'slug': 'nope'}),
        api_gateway_event('/admin/login', '/admin/login', mount='/api'),
        api_gateway_event('/admin', '/admin', mount='/api'),
    ]
    result = run_probe(unpacked, runtime, events, probe_env(repo, dynamodb_local))
    page, index, missing, login, admin = json.loads(result.stdout.splitlines()[-1])['responses']
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


PUBLIC_EVENTS = [
    api_gateway_event('/faq/{slug}', '/faq/what-happens-if-you-fail-the-cma-exam-2/',
                      path_params={'slug': 'what-happens-if-you-fail-the-cma-exam-2'}),
    api_gateway_event('/', '/', query={'s': 'cma exam'}),
    api_gateway_event('/faq', '/faq'),
    api_gateway_event('/sitemap.xml', '/sitemap.xml'),
    api_gateway_event('/wp-json/wp/v2/faq', '/wp-json/wp/v2/faq'),
]


def compiled_files(package_dir, result):
    steps = json.loads(result.stdout.splitlines()[-1])['compiled']
    return [sorted(os.path.relpath(path, package_dir) for path in step
                   if path.startswith(str(package_dir))) for step in steps]


def test_public_cold_starts_compile_nothing_the_package_could_have_shipped(
        package, repo, dynamodb_local):
    """Lambda's /var/task is read-only: whatever has no usable bytecode in
    the package is compiled again on every cold start."""
    _, unpacked, runtime = package
    seeded(repo)
    result = run_probe(unpacked, runtime, PUBLIC_EVENTS, probe_env(repo, dynamodb_local))
    responses = json.loads(result.stdout.splitlines()[-1])['responses']
    assert [r['statusCode'] for r in responses] == [200] * len(PUBLIC_EVENTS)
    assert compiled_files(unpacked, result) == [[]] * (1 + len(PUBLIC_EVENTS))


def test_without_the_bytecode_every_cold_start_compiles_jinja_and_the_app(
        package, repo, dynamodb_local, tmp_path):
    """What plain `chalice package` ships, and the check that the probe sees it."""
    _, unpacked, runtime = package
    seeded(repo)
    bare = tmp_path / 'no-bytecode'
    shutil.copytree(unpacked, bare, ignore=shutil.ignore_patterns('__pycache__'))
    result = run_probe(bare, runtime, PUBLIC_EVENTS[:1], probe_env(repo, dynamodb_local))
    on_import, first_page = compiled_files(bare, result)
    assert {'chalice/app.py', 'chalicelib/site/pages.py'} <= set(on_import)
    assert 'jinja2/environment.py' in first_page


def test_the_app_bytecode_leaves_docstrings_to_the_sources_beside_it(package):
    """Docstrings are a third of the app's bytecode; the sources keep them."""
    _, unpacked, runtime = package
    code = ('import sys; sys.path[:0] = [%r, %r]; import chalicelib.site.pages as m; '
            'print(m.__doc__, m.search.__doc__, m.__cached__)' % (str(unpacked), str(runtime)))
    result = subprocess.run([sys.executable, *lambda_package.BARE, '-c', code],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('None None ') and '__pycache__' in result.stdout
    source = (unpacked / 'chalicelib' / 'site' / 'pages.py').read_text()
    assert source.startswith('"""') and 'def search(request):\n    """' in source


def test_bare_interpreter_really_lacks_the_dev_environment(package):
    """Guards the test above: jinja2 must come from the package, not the venv."""
    _, unpacked, runtime = package
    code = 'import sys; sys.path[:0] = [%r]; import boto3; import jinja2' % str(runtime)
    result = subprocess.run([sys.executable, '-I', '-S', '-c', code],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "No module named 'jinja2'" in result.stderr


def test_bytecode_refuses_a_virtualenv_out_of_line_with_the_pins():
    from devtools import bytecode
    with pytest.raises(SystemExit, match='has Jinja2 .* but requirements.txt pins 0.0'):
        bytecode.sources_of('Jinja2', '0.0')
