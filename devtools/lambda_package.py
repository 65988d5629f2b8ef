"""The deployment package, built and laid out as Lambda runs it.

``build`` copies the project, writes the bytecode (``devtools.bytecode``)
and runs ``chalice package``; ``unpack`` extracts ``deployment.zip`` into a folder, as Lambda
does into ``/var/task``; ``runtime`` makes a folder that holds what the
Lambda Python runtime adds to the standard library: boto3 and its
dependencies.  Tests and ``bench.cold_start`` then run the package in a
bare interpreter (``python -I -S -B``: no site-packages, no bytecode
written, as on Lambda's read-only file system).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from devtools import bytecode

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What the Lambda Python runtime provides besides the standard library.
RUNTIME_PACKAGES = ('boto3', 'botocore', 'jmespath', 's3transfer', 'dateutil',
                    'urllib3', 'six.py')
BARE = ('-I', '-S', '-B')


# What `chalice package` reads from the project, and the compiled templates
# `bytecode` ships from.
PROJECT_FILES = ('app.py', 'requirements.txt', 'chalicelib', '.chalice', 'templates_compiled')


def build(out_dir, stage='dev', merge_template=None):
    """``out_dir/deployment.zip`` and its CloudFormation template ``sam.json``.

    Built from a copy of the project, so the working tree's ``vendor/`` and
    ``__pycache__`` folders are left alone (tests and benchmarks may run
    while someone packages or deploys).  The copy shares the project's cache
    of dependency packages, ``.chalice/deployments``.
    """
    out_dir = os.path.abspath(str(out_dir))
    cache = os.path.join(ROOT, '.chalice', 'deployments')
    os.makedirs(cache, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='faq-package-') as project:
        for name in PROJECT_FILES:
            source, copy = os.path.join(ROOT, name), os.path.join(project, name)
            if os.path.isdir(source):
                shutil.copytree(source, copy, ignore=shutil.ignore_patterns(
                    '__pycache__', 'deployments', 'venv'))
            else:
                shutil.copy2(source, copy)
        os.symlink(cache, os.path.join(project, '.chalice', 'deployments'))
        bytecode.build(project)
        chalice = os.path.join(os.path.dirname(sys.executable), 'chalice')
        env = dict(os.environ,
                   AWS_DEFAULT_REGION=os.environ.get('AWS_DEFAULT_REGION', 'us-east-1'))
        merge = ['--merge-template', os.path.abspath(merge_template)] if merge_template else []
        result = subprocess.run([chalice, 'package', '--stage', stage, *merge, out_dir],
                                cwd=project, env=env, capture_output=True, text=True,
                                timeout=600)
    if result.returncode != 0:
        raise RuntimeError('chalice package failed:\n' + result.stderr[-3000:])
    return os.path.join(out_dir, 'deployment.zip')


def unpack(zip_path, folder):
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder


def runtime(folder):
    """A folder of links to this environment's boto3 and its dependencies."""
    os.makedirs(folder, exist_ok=True)
    site = os.path.dirname(os.path.dirname(__import__('boto3').__file__))
    for name in RUNTIME_PACKAGES:
        os.symlink(os.path.join(site, name), os.path.join(folder, name))
    return folder
