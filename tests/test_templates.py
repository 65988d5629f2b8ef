"""Precompiled templates: current with their sources, and rendering the same."""
import filecmp
import os

import pytest

from chalicelib import templating
from chalicelib.site import render


def test_committed_compiled_templates_are_current(tmp_path):
    fresh = templating.compile_templates(str(tmp_path / 'compiled'))
    committed = templating.COMPILED_DIR
    names = sorted(n for n in os.listdir(fresh) if not n.startswith('__'))
    assert sorted(n for n in os.listdir(committed) if not n.startswith('__')) == names, \
        'templates changed: run make templates and commit templates_compiled'
    match, mismatch, errors = filecmp.cmpfiles(fresh, committed, names, shallow=False)
    assert not mismatch and not errors, \
        'stale compiled templates %s: run make templates' % (mismatch + errors)


def test_the_app_uses_them_and_they_render_what_the_sources_render(monkeypatch):
    import jinja2
    monkeypatch.setattr(templating, '_environment', None)
    loader = templating.environment().loader
    assert isinstance(loader, jinja2.ChoiceLoader)
    assert isinstance(loader.loaders[0], jinja2.ModuleLoader)
    compiled = templating.render('not_found.html', **_context())
    monkeypatch.setattr(templating, '_environment', jinja2.Environment(
        loader=jinja2.FileSystemLoader(templating.TEMPLATE_DIR), **templating.OPTIONS))
    assert templating.render('not_found.html', **_context()) == compiled
    assert '&lt;b&gt;' in compiled                    # autoescape survived compilation


def test_admin_templates_ship_as_sources_only_and_still_render(monkeypatch):
    import jinja2
    monkeypatch.setattr(templating, '_environment', None)
    compiled = jinja2.ModuleLoader(templating.COMPILED_DIR)
    environment = templating.environment()
    with pytest.raises(jinja2.TemplateNotFound):
        compiled.load(environment, 'admin/login.html')
    assert compiled.load(environment, 'faq.html')
    assert environment.get_template('admin/login.html').filename.endswith(
        os.path.join('templates', 'admin', 'login.html'))


def test_a_stale_stamp_falls_back_to_the_sources(monkeypatch):
    import jinja2
    monkeypatch.setattr(templating, '_environment', None)
    monkeypatch.setattr(templating, '_read_stamp', lambda *_: 'something older')
    assert isinstance(templating.environment().loader, jinja2.FileSystemLoader)
    monkeypatch.setattr(templating, '_environment', None)


def _context():
    from chalicelib.settings import get_settings
    from chalicelib.urls import SiteUrls
    settings = get_settings()
    seo = {'title': 'x', 'description': '', 'robots': 'noindex', 'canonical': None}
    return render.page_context(settings, SiteUrls('', settings.site_url), seo,
                               message='<b>not bold</b>')
