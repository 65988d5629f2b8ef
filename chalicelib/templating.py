"""The Jinja environment: templates compiled ahead, loaded once per container.

Every package renders through :func:`render`: the public pages, the admin
screens and the WordPress API's ``yoast_head``.  The environment is built on
first use and kept for the life of the Lambda container.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE_DIR = os.path.join(HERE, 'templates')
# The compiled templates, as committed (beside chalicelib/, so that Chalice
# does not ship their sources), and as the package ships them: bytecode
# alone, at its root (``make bytecode`` writes them into vendor/).
COMPILED_DIR = os.path.join(os.path.dirname(HERE), 'templates_compiled')
SHIPPED_DIR = os.path.join(os.path.dirname(HERE), 'faq_templates')
OPTIONS = dict(autoescape=True, auto_reload=False, trim_blocks=True, lstrip_blocks=True)
# The admin's templates, and those of readers' rare forms, are not compiled
# ahead: the package ships only their sources (it must stay under 2 MB), and an
# instance compiles each on the first request that needs it, as it does the
# modules behind them.
SOURCE_ONLY = ('admin/', 'readers/')

_environment = None


def environment():
    """The Jinja environment, from precompiled templates when they are current.

    Compiling the page templates costs a cold start tens of milliseconds;
    ``make templates`` compiles them (all but the source-only ones) ahead
    into ``templates_compiled/``, stamped with the templates' digest and the
    Jinja version, and ``make bytecode`` ships them to Lambda as bytecode
    alone (``faq_templates/``: their Python sources would cost the package
    ~20 KB).  A stale or missing stamp falls back to the sources, so an
    edited template is never served from old code.
    """
    global _environment
    if _environment is None:
        import jinja2
        loader = jinja2.FileSystemLoader(TEMPLATE_DIR)
        for compiled in (SHIPPED_DIR, COMPILED_DIR):
            if compiled_stamp() == _read_stamp(compiled):
                loader = jinja2.ChoiceLoader([jinja2.ModuleLoader(compiled), loader])
                break
        _environment = jinja2.Environment(loader=loader, **OPTIONS)
    return _environment


def prepare(*templates):
    """Load templates ahead of rendering (overlapped with a request's reads)."""
    for name in templates:
        environment().get_template(name)


def prepared():
    """True once the environment exists (its templates then load from cache)."""
    return _environment is not None


def compiled_stamp(template_dir=TEMPLATE_DIR):
    """What the STAMP of templates compiled from ``template_dir`` says."""
    import jinja2
    digest = templates_digest() if template_dir == TEMPLATE_DIR else \
        _digest_of(template_dir)
    return '%s jinja2-%s' % (digest, jinja2.__version__)


def _read_stamp(compiled=COMPILED_DIR):
    try:
        with open(os.path.join(compiled, 'STAMP'), encoding='utf-8') as handle:
            return handle.read().strip()
    except OSError:
        return None


def compile_templates(target=COMPILED_DIR):
    """Compile every template but the source-only ones into ``target`` (``make templates``)."""
    import shutil
    import jinja2
    source = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), **OPTIONS)
    shutil.rmtree(target, ignore_errors=True)
    source.compile_templates(target, zip=None, ignore_errors=False,
                             filter_func=lambda name: not name.startswith(SOURCE_ONLY))
    with open(os.path.join(target, 'STAMP'), 'w', encoding='utf-8') as handle:
        handle.write(compiled_stamp() + '\n')
    return target


_templates_digest = None


def templates_digest():
    """A fingerprint of the templates, so that ETags change with a deploy."""
    global _templates_digest
    if _templates_digest is None:
        _templates_digest = _digest_of(TEMPLATE_DIR)
    return _templates_digest


def _digest_of(template_dir):
    import hashlib
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(template_dir):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, 'rb') as handle:
                digest.update(os.path.relpath(path, template_dir).encode() + b'\0'
                              + handle.read())
    return digest.hexdigest()[:16]


def render(template, **context):
    return environment().get_template(template).render(**context)

