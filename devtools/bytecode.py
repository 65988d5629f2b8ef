"""``make bytecode``: ship compiled bytecode in the Lambda package.

Lambda runs the package from a read-only ``/var/task``, so Python can
neither use bytecode that does not match nor write any: without it, every
cold start compiles Jinja, Chalice and this app from source again (about
200 ms, ``bench.cold_start``).  ``chalice package`` and ``chalice deploy``
ship no bytecode for the dependencies they install, and the
``chalicelib/__pycache__`` they copy holds timestamp-checked files that
no longer match once the zip resets every file's time to 1980.

So this writes *hash-checked* bytecode (PEP 552), valid wherever the source
is byte-for-byte the same, whatever its timestamp (this project's own
without its docstrings: :func:`_compile_without_docstrings`):

* ``chalicelib/``: compiled in place, but for the modules only the admin
  and the command line import (``ADMIN_AND_CLI``), the two that answer
  only API clients' documents, rarely and never a reader's page
  (``RARE_DOCUMENTS``: ``/openapi.json``, WordPress's discovery and
  unknown-route answers), and those only readers' votes and questions
  load (``READER_FORMS``).  Python keeps such
  files hash-checked when it recompiles an edited module, so local runs
  stay correct.
* ``app.py``: into ``vendor/__pycache__``, which lands in the package root
  beside it (Chalice copies ``app.py`` alone).
* the compiled page templates (``templates_compiled/``, which Chalice does
  not package): into ``vendor/faq_templates/`` as bytecode alone, with no
  source beside it (:func:`ship_templates`).
* the requirements the public site imports (``PUBLIC_REQUIREMENTS``), the
  modules that importing them loads, and Chalice's own runtime files:
  compiled from this virtualenv's copies, which must be the versions
  ``requirements.txt`` pins, into ``vendor/`` as ``__pycache__`` folders
  only.  Chalice copies ``vendor/`` into the package root, where they land
  beside the sources it installs from the same wheels.  Were a source ever
  different, Python would see the hash differ and compile it as it does
  today.

The admin's modules and its own requirements (Markdown, itsdangerous,
pyotp, segno), and the parts of Jinja the site never imports (its
sandbox, extensions, ...) get none: their bytecode would take the package
near its 2 MB limit, and an instance compiles them once, on the first admin
request that needs them.  A test proves that the public pages' cold starts
in the package compile nothing.

The bytecode files are named for this interpreter (``cpython-311``), which
is also the runtime Chalice deploys to, and written where Lambda looks for
them whatever ``PYTHONPYCACHEPREFIX`` or ``PYTHONOPTIMIZE`` say here.

``vendor/`` is generated: it is rebuilt from scratch on every run.

    python -m devtools.bytecode [PROJECT_DIR]    (make bytecode)
"""
import ast
import importlib.metadata
import importlib.util
import json
import os
import py_compile
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKED = py_compile.PycInvalidationMode.CHECKED_HASH
PIN = re.compile(r'^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)')
# Distribution name -> the module the site imports.
PUBLIC_REQUIREMENTS = {'Jinja2': 'jinja2', 'MarkupSafe': 'markupsafe', 'nh3': 'nh3'}
# What `chalice package` copies from Chalice itself (its packager's list).
CHALICE_RUNTIME = ('chalice/__init__.py', 'chalice/app.py')
# chalicelib modules that only the admin (screens and API), the command line
# and the content_changed handler (the builder: its own function, off every
# page's path) import; the public site loads them never.  Paths relative to
# chalicelib/; the admin's guard is not among them: it runs on every request.
# The store's load on first use (store.ON_FIRST_USE).
ADMIN_AND_CLI = ('admin/account.py', 'admin/api.py', 'admin/auth.py', 'admin/categories.py',
                 'admin/editing.py', 'admin/html.py', 'admin/login.py', 'admin/passwords.py',
                 'admin/insights.py', 'admin/reports.py', 'admin/screens.py',
                 'admin/throttle.py', 'admin/twofactor.py', 'cli.py', 'store/accounts.py', 'store/audit.py',
                 'store/provisioning.py', 'store/throttle.py', 'wordpress/export.py',
                 'wordpress/fetch.py', 'wordpress/importer.py',
                 'derived/builder.py', 'derived/compaction.py', 'derived/related.py',
                 'derived/stream.py', 'insights/report.py', 'insights/chart.py',
                 'insights/export.py', 'store/searchdays.py')
# Public, but only for API clients' documents, which an instance compiles
# in a few milliseconds on the first such request: their bytecode's room in
# the 2 MB package is worth more.
RARE_DOCUMENTS = ('openapi.py', 'wordpress/discovery.py')
# Public, but only for a reader who answers "Was this helpful?" or asks a
# question, never for a page or a search: compiled on an instance's first
# such post, like the admin's modules.
READER_FORMS = ('site/feedback.py', 'insights/abuse.py', 'insights/readers.py',
                'store/readers.py')


def pinned_requirements(path):
    """``{name: version}`` from ``name==version`` lines."""
    pins = {}
    with open(path) as lines:
        for line in lines:
            match = PIN.match(line.strip())
            if match:
                pins[match.group(1)] = match.group(2)
    return pins


def imported_files(modules):
    """Source files a fresh interpreter loads to import ``modules``."""
    code = ('import importlib, json, sys\n'
            'for name in sys.argv[1:]: importlib.import_module(name)\n'
            'print(json.dumps([getattr(m, "__file__", None) for m in list(sys.modules.values())]))')
    out = subprocess.run([sys.executable, '-I', '-c', code, *modules], check=True,
                         capture_output=True, text=True).stdout
    return {os.path.realpath(path) for path in json.loads(out) if path}


def sources_of(name, version=None):
    """``(site_dir, relative_path)`` of each module a distribution installs."""
    dist = importlib.metadata.distribution(name)
    if version is not None and dist.version != version:
        raise SystemExit('bytecode: this virtualenv has %s %s but requirements.txt pins %s; '
                         'run make to bring it in line' % (name, dist.version, version))
    site = str(dist.locate_file(''))
    return [(site, str(file)) for file in dist.files or ()
            if str(file).endswith('.py') and not str(file).startswith('..')]


def pyc_path(folder, source_name):
    """Where the runtime looks for the bytecode of ``folder/source_name``."""
    stem = os.path.splitext(source_name)[0]
    return os.path.join(folder, '__pycache__',
                        '%s.%s.pyc' % (stem, sys.implementation.cache_tag))


def compile_to(source, target, docstrings=True):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if not docstrings:
        return _compile_without_docstrings(source, target)
    try:
        py_compile.compile(source, cfile=target, invalidation_mode=CHECKED, optimize=0,
                           doraise=True)
    except py_compile.PyCompileError as error:
        raise SystemExit('bytecode: %s does not compile: %s' % (source, error.msg))


def _compile_without_docstrings(source, target):
    """Hash-checked bytecode of ``source`` with its docstrings left out.

    What ``python -OO`` does to docstrings, but asserts kept and under the
    plain ``.pyc`` name, so the runtime loads it as it is: this code's
    docstrings explain it to its readers, who read the source shipped
    beside it (tracebacks too); nothing reads ``__doc__`` at run time.
    About a third of this code's bytecode.
    """
    with open(source, 'rb') as handle:
        data = handle.read()
    try:
        tree = ast.parse(data, source)
    except SyntaxError as error:
        raise SystemExit('bytecode: %s does not compile: %s' % (source, error))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) \
                and node.body and isinstance(node.body[0], ast.Expr) \
                and isinstance(node.body[0].value, ast.Constant) \
                and isinstance(node.body[0].value.value, str):
            node.body[0] = ast.copy_location(ast.Pass(), node.body[0])
    code = compile(tree, source, 'exec', dont_inherit=True, optimize=0)
    bytecode = importlib._bootstrap_external._code_to_hash_pyc(
        code, importlib.util.source_hash(data), checked=True)
    with open(target, 'wb') as handle:
        handle.write(bytecode)


def compile_app(project_dir):
    """``chalicelib/`` in place, replacing what local runs left; ``app.py``
    into ``vendor/``.  Returns how many modules were compiled."""
    lib = os.path.join(project_dir, 'chalicelib')
    count = 0
    for folder, dirs, files in os.walk(lib):
        if '__pycache__' in dirs:
            shutil.rmtree(os.path.join(folder, '__pycache__'))
            dirs.remove('__pycache__')
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), lib).replace(os.sep, '/')
            if name.endswith('.py') and \
                    relative not in ADMIN_AND_CLI + RARE_DOCUMENTS + READER_FORMS:
                compile_to(os.path.join(folder, name), pyc_path(folder, name),
                           docstrings=False)
                count += 1
    compile_to(os.path.join(project_dir, 'app.py'),
               pyc_path(os.path.join(project_dir, 'vendor'), 'app.py'), docstrings=False)
    return count + 1


def ship_templates(project_dir):
    """The compiled page templates as bytecode alone, into ``vendor/faq_templates``.

    ``templates_compiled/`` (committed, beside ``chalicelib/``, so Chalice does
    not package it) holds them as Python; Jinja's ModuleLoader imports them
    as modules, and Python imports a ``.pyc`` that stands where its source
    would without looking for one: the package carries no sources for them
    (about 20 KB less).  Refuses templates compiled from older sources.
    """
    from chalicelib import templating
    compiled = os.path.join(project_dir, 'templates_compiled')
    if templating._read_stamp(compiled) != templating.compiled_stamp(
            os.path.join(project_dir, 'chalicelib', 'templates')):
        raise SystemExit('bytecode: templates_compiled/ is older than the templates; '
                         'run make templates')
    target = os.path.join(project_dir, 'vendor', 'faq_templates')
    os.makedirs(target)
    count = 0
    for name in sorted(os.listdir(compiled)):
        if name.endswith('.py'):
            compile_to(os.path.join(compiled, name), os.path.join(target, name + 'c'),
                       docstrings=False)
            count += 1
    shutil.copy(os.path.join(compiled, 'STAMP'), os.path.join(target, 'STAMP'))
    return count


def build_vendor(project_dir):
    """Bytecode of the dependencies into ``vendor/``, to sit beside their sources."""
    vendor = os.path.join(project_dir, 'vendor')
    pins = pinned_requirements(os.path.join(project_dir, 'requirements.txt'))
    missing = [name for name in PUBLIC_REQUIREMENTS if name not in pins]
    if missing:
        raise SystemExit('bytecode: requirements.txt does not pin %s' % ', '.join(missing))
    loaded = imported_files(PUBLIC_REQUIREMENTS.values())
    modules = [(site, relative) for name in PUBLIC_REQUIREMENTS
               for site, relative in sources_of(name, pins[name])
               if os.path.realpath(os.path.join(site, relative)) in loaded]
    modules += [module for module in sources_of('chalice') if module[1] in CHALICE_RUNTIME]
    for site, relative in modules:
        folder, name = os.path.split(relative)
        compile_to(os.path.join(site, relative), pyc_path(os.path.join(vendor, folder), name))
    return len(modules)


def build(project_dir=ROOT):
    """Rebuild ``vendor/`` and ``chalicelib``'s bytecode; ``(app, dependency)`` counts."""
    shutil.rmtree(os.path.join(project_dir, 'vendor'), ignore_errors=True)
    app_count = compile_app(project_dir)
    return app_count, build_vendor(project_dir) + ship_templates(project_dir)


if __name__ == '__main__':
    project = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ROOT)
    app_count, dependency_count = build(project)
    print('bytecode: %d modules of app.py and chalicelib/, %d of its dependencies (vendor/)'
          % (app_count, dependency_count))
