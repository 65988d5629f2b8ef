"""The layout of ``chalicelib/``: one package per capability, and the lines
between them, read from the imports of every module.

* Shared modules (``chalicelib/*.py``: settings, the entry model, content,
  text, URLs, errors, templating, the SEO head, middleware...) import only
  each other.
* A package imports its own modules, the shared ones, and the packages
  below it, through their front door (``chalicelib.store``, never
  ``chalicelib.store.entries``).  The store and search are the bottom;
  derived data sits on both, readers' insights on the store; the site and
  WordPress on all four, the admin on the store and insights; those three
  never import each other.
* The entry points compose the packages: ``app.py``, the command line and
  the OpenAPI document, which describes the admin's and WordPress's APIs.
* Only the store imports botocore or boto3.
* No import cycles, counting the imports made inside functions.
* No module passes ~400 lines unless its docstring says why it is one job.
"""
import ast
import os

import pytest

from tests.conftest import ROOT

LIB = os.path.join(ROOT, 'chalicelib')
# each package, and the packages below it that it may use
PACKAGES = {'store': set(), 'search': set(), 'derived': {'store', 'search'},
            'insights': {'store'},
            'site': {'store', 'search', 'derived', 'insights'}, 'admin': {'store', 'insights'},
            'wordpress': {'store', 'search', 'derived', 'insights'}}
ENTRY_POINTS = {'app', 'chalicelib.cli', 'chalicelib.openapi'}
AWS_SDK = ('botocore', 'boto3')
MAX_LINES = 420


def module_files():
    """``{module name: path}`` of app.py and every module under chalicelib/."""
    found = {'app': os.path.join(ROOT, 'app.py')}
    for folder, dirs, files in os.walk(LIB):
        dirs[:] = sorted(d for d in dirs if d not in ('__pycache__', 'templates',
                                                        'templates_compiled'))
        for name in files:
            if name.endswith('.py'):
                path = os.path.join(folder, name)
                parts = os.path.relpath(path, ROOT)[:-3].split(os.sep)
                if parts[-1] == '__init__':
                    parts.pop()
                found['.'.join(parts)] = path
    return found


def imports_of(name, source, known):
    """Every module ``source`` imports (at any depth), as absolute names."""
    is_package = name in known and known[name].endswith('__init__.py')
    package = name if is_package else name.rpartition('.')[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split('.')
                base = base[:len(base) - node.level + 1]
                module = '.'.join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            submodules = [module + '.' + alias.name for alias in node.names
                          if module + '.' + alias.name in known]
            found.update(submodules)        # from . import caching: a module
            if len(submodules) < len(node.names):
                found.add(module)           # from .store import get_repository
    return found


def graph(files=None):
    files = files or module_files()
    result = {}
    for name, path in files.items():
        with open(path, encoding='utf-8') as handle:
            result[name] = imports_of(name, handle.read(), files)
    return result


def home(module):
    """``'shared'``, a package name, or ``'entry'``."""
    if module in ENTRY_POINTS:
        return 'entry'
    parts = module.split('.')
    if len(parts) >= 2 and parts[1] in PACKAGES:
        return parts[1]
    return 'shared'


def crossings(imports):
    """``(importer, imported, why)`` for every import that crosses a line."""
    problems = []
    for name, targets in imports.items():
        where = home(name)
        for target in sorted(targets):
            if target.split('.')[0] in AWS_SDK and where not in ('store', 'entry'):
                problems.append((name, target, 'only the store talks to AWS'))
            if not target.startswith('chalicelib') or where == 'entry':
                continue
            there = home(target)
            if there == 'entry':
                problems.append((name, target, 'entry points import, they are not imported'))
            elif where == 'shared' and there != 'shared':
                problems.append((name, target, 'shared modules import only shared ones'))
            elif where in PACKAGES and there in PACKAGES and there != where:
                if there not in PACKAGES[where]:
                    problems.append((name, target, '%s may not import %s' % (where, there)))
                elif target != 'chalicelib.' + there:
                    problems.append((name, target, 'through chalicelib.%s only' % there))
    return problems


def cycles(imports):
    """Import cycles among the project's own modules (each found once)."""
    found, state = [], {}

    def visit(name, trail):
        state[name] = 'open'
        for target in sorted(t for t in imports.get(name, ()) if t in imports):
            if state.get(target) == 'open':
                found.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[name] = 'done'

    for name in sorted(imports):
        if name not in state:
            visit(name, [name])
    return found


def test_no_import_crosses_a_line():
    problems = crossings(graph())
    assert not problems, '\n'.join('%s imports %s: %s' % p for p in problems)


def test_no_import_cycles():
    found = cycles(graph())
    assert not found, '\n'.join(' -> '.join(c) for c in found)


def test_the_checks_catch_what_they_are_for():
    """Guards the two tests above against passing on an empty or misread graph."""
    imports = graph()
    assert 'chalicelib.store' in imports['chalicelib.site.pages']
    assert 'chalicelib.admin.guard' in imports['app']
    assert 'chalicelib.admin.html' in imports['chalicelib.admin.guard']     # a lazy import
    assert len([n for n in imports if home(n) == 'shared']) >= 10
    bad = {
        'chalicelib.site.pages': {'chalicelib.admin.auth', 'botocore.session'},
        'chalicelib.admin.api': {'chalicelib.wordpress.api', 'chalicelib.store.entries'},
        'chalicelib.models': {'chalicelib.site.render'},
        'chalicelib.settings': {'chalicelib.cli'},
    }
    why = {(a, b): reason for a, b, reason in crossings(bad)}
    assert why == {
        ('chalicelib.site.pages', 'chalicelib.admin.auth'): 'site may not import admin',
        ('chalicelib.site.pages', 'botocore.session'): 'only the store talks to AWS',
        ('chalicelib.admin.api', 'chalicelib.wordpress.api'): 'admin may not import wordpress',
        ('chalicelib.admin.api', 'chalicelib.store.entries'): 'through chalicelib.store only',
        ('chalicelib.models', 'chalicelib.site.render'): 'shared modules import only shared ones',
        ('chalicelib.settings', 'chalicelib.cli'): 'entry points import, they are not imported',
    }
    assert cycles({'a': {'b'}, 'b': {'c'}, 'c': {'a'}, 'd': {'a'}}) == [['a', 'b', 'c', 'a']]


@pytest.mark.parametrize('name', sorted(module_files()))
def test_a_long_module_says_why_it_is_one_job(name):
    path = module_files()[name]
    with open(path, encoding='utf-8') as handle:
        source = handle.read()
    if source.count('\n') <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(source)) or ''
    assert 'one job' in docstring.lower(), (
        '%s has %d lines: split it, or say in its docstring why it is one job'
        % (os.path.relpath(path, ROOT), source.count('\n')))
