"""The HTML admin (``/admin/...``): screens for people, no JavaScript needed.

Logging in and out is :mod:`chalicelib.admin.login`, the editor's own
account (two-factor login) :mod:`chalicelib.admin.account`.

:mod:`chalicelib.admin.guard` has already checked the session cookie and the CSRF
token of every post; these functions render forms, apply them through
:mod:`chalicelib.admin.editing`, and redirect after a successful post (so a reload
never repeats it).  A rejected form comes back with the editor's input
intact and each message next to its field.
"""
from .. import insights
from ..models import STATUSES, TITLE_MAX, TRASH, ValidationError, suggest_slug
from ..numbers import whole_number
from ..store import (MAX_FAILURE_ADDRESSES, NotFound, SlugTaken, VersionConflict,
                     get_repository)
from . import categories as category_editing, editing, reports
from .guard import form_data
from .html import page, redirect

ACTIONS = {'publish': 'published', 'unpublish': 'unpublished', 'delete': 'moved to the trash',
           'restore': 'restored from the trash', 'purge': 'deleted for good'}


# -- dashboard ---------------------------------------------------------------------

def dashboard(request):
    params = request.query_params or {}
    status = params.get('status', 'all')
    if status not in STATUSES + (TRASH, 'all'):
        status = 'all'
    query = ' '.join(params.get('q', '').split())[:200]
    repository = get_repository()
    entries = editing.entries_in(repository, STATUSES if status == 'all' else (status,))
    if query:
        needle = query.casefold()
        entries = [e for e in entries if needle in e.title.casefold()]
    entries.sort(key=lambda e: (e.modified, e.id), reverse=True)
    return page(request, 'dashboard.html', entries=entries, status=status, query=query,
                statuses=('all',) + STATUSES + (TRASH,), done=params.get('done'))


# -- create and edit ----------------------------------------------------------------

def _form_input(form):
    """Editor input from a form, in the shape editing.parse_input takes."""
    data = {k: form.get(k, '') for k in ('title', 'slug', 'content', 'description')}
    data['content_format'] = form.get('content_format', 'html')
    data['categories'] = [c for c in form.get('categories', '').replace(',', ' ').split() if c]
    if form.get('status') in STATUSES:
        data['status'] = form['status']
    return data


def _categories():
    return get_repository().list_categories()


def _edit_page(request, code=200, **context):
    context.setdefault('errors', {})
    context.setdefault('categories', _categories())
    return page(request, 'edit.html', code, **context)


def _preview(form):
    """The page as it would look, or the errors that stop it."""
    try:
        fields = editing.parse_input(_form_input(form), partial=False)
    except ValidationError as error:
        return None, error.errors
    return fields, {}


def new_form(request):
    """The new-draft editor; ``?title=`` fills the title in ("Write an FAQ for
    this" on Insights), ``?question=`` a reader's question ("Turn into FAQ")."""
    params = request.query_params or {}
    form = {'content_format': 'html', 'status': 'draft',
            'title': ' '.join(str(params.get('title', '')).split())[:TITLE_MAX]}
    question = insights.open_question(params.get('question'))
    if question is not None:
        form.update(title=question.text, question=question.id)
    return _edit_page(request, entry=None, form=form)


def create(request):
    form = form_data(request)
    if form.get('action') == 'preview':
        preview, errors = _preview(form)
        return _edit_page(request, entry=None, form=form, preview=preview, errors=errors,
                          suggested_slug=suggest_slug(form.get('title', '')))
    try:
        entry = editing.create(get_repository(), _form_input(form), request.admin_user)
    except ValidationError as error:
        return _edit_page(request, 400, entry=None, form=form, errors=error.errors)
    except SlugTaken as error:
        return _edit_page(request, 409, entry=None, form=form, errors={'slug': str(error)})
    if form.get('question'):
        insights.close_question(form['question'])      # answered: it leaves the inbox
    return redirect(request, '/admin/faqs/%d' % entry.id, done='created')


def _entry(request, entry_id, allow_trashed=True):
    number = whole_number(entry_id, digits=15)
    if number is None:
        raise NotFound(entry_id)
    return editing.current(get_repository(), number, allow_trashed=allow_trashed)


def not_found(request):
    return page(request, 'message.html', 404, heading='Not found',
                message='There is no such FAQ entry. It may have been deleted for good.')


def _entry_form(entry):
    return {'title': entry.title, 'slug': entry.slug, 'content': entry.content,
            'content_format': 'html', 'status': entry.status,
            'description': entry.description if entry.description_given else '',
            'categories': ' '.join(entry.categories), 'version': str(entry.version)}


def edit_form(request, entry_id):
    try:
        entry = _entry(request, entry_id)
    except NotFound:
        return not_found(request)
    params = request.query_params or {}
    return _edit_page(request, entry=entry, form=_entry_form(entry), done=params.get('done'))


def save(request, entry_id):
    form = form_data(request)
    try:
        entry = _entry(request, entry_id)
    except NotFound:
        return not_found(request)
    if form.get('action') == 'preview':
        preview, errors = _preview(form)
        return _edit_page(request, entry=entry, form=form, preview=preview, errors=errors)
    version = _form_number(form, 'version')
    if version is None:
        return _edit_page(request, 400, entry=entry, form=form,
                          errors={'form': 'The form lost its version; reload the page.'})
    try:
        saved = editing.update(get_repository(), entry.id, _form_input(form), version,
                               request.admin_user, partial=False)
    except ValidationError as error:
        return _edit_page(request, 400, entry=entry, form=form, errors=error.errors)
    except SlugTaken as error:
        return _edit_page(request, 409, entry=entry, form=form, errors={'slug': str(error)})
    except editing.EntryGone:
        return _edit_page(request, 409, entry=entry, form=form, errors={
            'form': 'This FAQ was moved to the trash while you were editing. Your text is '
                    'below: copy it, restore the FAQ, and save again.'})
    except VersionConflict as error:
        now = error.current
        form = dict(form, version=str(now.version))
        return _edit_page(request, 409, entry=now, form=form, conflict=now, errors={
            'form': 'Someone else saved this FAQ while you were editing (it is now version '
                    '%d, by your count %s). Your text is still below and nothing was saved. '
                    'Compare it with the current version, then press Save again to replace '
                    'theirs with yours.' % (now.version, version)})
    return redirect(request, '/admin/faqs/%d' % saved.id, done='saved')


def _form_number(form, name):
    """A whole number the form sent, or None."""
    return whole_number(form.get(name, ''))


def action(request, entry_id, name):
    if name not in ACTIONS:
        return not_found(request)
    form = form_data(request)
    try:
        entry = _entry(request, entry_id)
    except NotFound:
        return not_found(request)
    expected = _form_number(form, 'version')
    repository = get_repository()
    try:
        if name == 'purge':
            editing.purge(repository, entry.id, expected, request.admin_user)
            return redirect(request, '/admin', status='trash', done='purged')
        editing.set_status(repository, entry.id, 'trash' if name == 'delete' else name,
                           expected, request.admin_user)
    except VersionConflict:
        return redirect(request, '/admin/faqs/%d' % entry.id, done='conflict')
    except (editing.NotInTrash, editing.EntryGone) as error:
        return page(request, 'message.html', 409, heading='Not possible', message=str(error))
    return redirect(request, '/admin/faqs/%d' % entry.id, done=name)


# -- revisions ----------------------------------------------------------------------

def revisions(request, entry_id):
    try:
        entry = _entry(request, entry_id)
    except NotFound:
        return not_found(request)
    params = request.query_params or {}
    shown = None
    show = whole_number(params.get('show'), digits=9)
    if show is not None:
        shown = get_repository().get_revision(entry.id, show)
    return page(request, 'revisions.html', entry=entry, shown=shown,
                revisions=get_repository().list_revisions(entry.id))


def restore_revision(request, entry_id, version):
    form = form_data(request)
    try:
        entry = _entry(request, entry_id, allow_trashed=False)
    except NotFound:
        return not_found(request)
    try:
        editing.restore_revision(get_repository(), entry.id, whole_number(version) or -1,
                                 _form_number(form, 'version'), request.admin_user)
    except VersionConflict:
        return redirect(request, '/admin/faqs/%d' % entry.id, done='conflict')
    except NotFound:
        return not_found(request)
    return redirect(request, '/admin/faqs/%d' % entry.id, done='revision-restored')


# -- categories and reports ---------------------------------------------------------

def categories(request, form=None, errors=None, code=200):
    params = request.query_params or {}
    listed = category_editing.categories_by_name(get_repository())
    return page(request, 'categories.html', code, categories=listed, form=form or {},
                errors=errors or {}, done=params.get('done'))


def create_category(request):
    form = form_data(request)
    try:
        category_editing.create_category(get_repository(), {
            'name': form.get('name', ''), 'slug': form.get('slug') or None,
            'description': form.get('description', '')})
    except ValidationError as error:
        return categories(request, form, error.errors, 400)
    except SlugTaken as error:
        return categories(request, form, {'slug': str(error)}, 409)
    return redirect(request, '/admin/categories', done='created')


def category_form(request, slug):
    try:
        category = category_editing.get_category(get_repository(), slug)
    except NotFound:
        return not_found(request)
    return page(request, 'category.html', category=category, errors={},
                form={'name': category.name, 'description': category.description})


def save_category(request, slug):
    form = form_data(request)
    try:
        category = category_editing.get_category(get_repository(), slug)
        if form.get('action') == 'delete':
            category_editing.delete_category(get_repository(), slug)
            return redirect(request, '/admin/categories', done='deleted')
        category_editing.update_category(get_repository(), slug, {
            'name': form.get('name', ''), 'description': form.get('description', '')})
    except NotFound:
        return not_found(request)
    except ValidationError as error:
        return page(request, 'category.html', 400, category=category, form=form,
                    errors=error.errors)
    except category_editing.CategoryInUse as error:
        return page(request, 'category.html', 409, category=category, form=form,
                    errors={'form': str(error)})
    return redirect(request, '/admin/categories', done='saved')


def broken_links(request):
    return page(request, 'broken_links.html', report=reports.broken_links(get_repository()))


def audit(request):
    params = request.query_params or {}
    try:
        month, records, after = reports.audit_page(get_repository(), params.get('month'),
                                                   params.get('before'))
    except ValidationError as error:
        return page(request, 'audit.html', 400, month=str(params.get('month', ''))[:20],
                    records=(), after=None, month_links=None, page_size=reports.AUDIT_PAGE,
                    error=' '.join(error.errors.values()))
    return page(request, 'audit.html', month=month, records=records, after=after,
                page_size=reports.AUDIT_PAGE, max_addresses=MAX_FAILURE_ADDRESSES,
                month_links=(reports.previous_month(month), reports.next_month(month)))
