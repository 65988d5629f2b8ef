"""The admin JSON API (``/admin/api/...``): scripts create and edit entries.

Authentication happened in :mod:`chalicelib.admin.guard`; here each function
parses one request, calls :mod:`chalicelib.admin.editing` and maps its outcome to
a status: 400 invalid input, 404 unknown entry, 409 slug taken or wrong
state, 412 stale version (with the current one), 428 version missing.
"""
import functools
import json
import re

from chalice import Response

from ..models import STATUSES, TRASH, ValidationError, format_time
from ..numbers import whole_number
from ..settings import get_settings
from ..store import NotFound, SlugTaken, VersionConflict, get_repository
from ..urls import SiteUrls
from . import categories, editing, reports
from .guard import json_error

BODY_LIMIT = 512 * 1024
MAX_PER_PAGE = 100
ACTIONS = {'publish', 'unpublish', 'restore', 'purge'}
_ABSENT = object()          # no version field (a null one is a bad version)
_IF_MATCH = re.compile(r'^(?:W/)?"([0-9]{1,9})"$|^([0-9]{1,9})$')


class BadRequest(Exception):
    def __init__(self, message, status=400, code='bad_request'):
        self.status, self.code = status, code
        super().__init__(message)


def entry_json(entry, summary=False):
    data = {
        'id': entry.id, 'slug': entry.slug, 'title': entry.title,
        'description': entry.description, 'description_given': entry.description_given,
        'status': entry.status, 'categories': list(entry.categories),
        'created': format_time(entry.created), 'modified': format_time(entry.modified),
        'version': entry.version, 'reading_minutes': entry.reading_minutes,
        'link': SiteUrls('', get_settings().site_url).absolute(SiteUrls.faq(entry.slug)),
    }
    if entry.is_trashed:
        data['trashed_from'] = entry.trashed_from
    if not summary:
        data['content'] = entry.content
        data['old_slugs'] = list(entry.old_slugs)
    return data


def json_response(body, status=200, headers=None):
    return Response(body=json.dumps(body, ensure_ascii=False), status_code=status,
                    headers=dict({'Content-Type': 'application/json; charset=utf-8',
                                  'Cache-Control': 'no-store'}, **(headers or {})))


def entry_response(entry, status=200):
    headers = {'ETag': '"%d"' % entry.version}
    if status == 201:
        headers['Location'] = '/admin/api/faqs/%d' % entry.id
    return json_response(entry_json(entry), status, headers)


def api_errors(handler):
    """Turn every expected failure into a JSON error; never a traceback."""
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except BadRequest as error:
            return json_error(error.status, error.code, str(error))
        except ValidationError as error:
            return json_error(400, 'invalid', 'The input is not valid: %s' % error,
                              fields=error.errors)
        except NotFound as error:            # editing.EntryGone too
            return json_error(404, 'not_found', str(error))
        except SlugTaken as error:
            return json_error(409, 'slug_taken', str(error), fields={'slug': str(error)})
        except editing.NotInTrash as error:
            return json_error(409, 'wrong_state', str(error))
        except VersionConflict as error:
            current = error.current
            return json_error(
                412, 'version_conflict',
                'Someone else changed this entry first; reload it and apply your '
                'change again.', current_version=current.version if current else None,
                headers={'ETag': '"%d"' % current.version} if current else None)
    return wrapper


def _body(request):
    """The request's JSON object (``{}`` for no body): 413 past the limit, 400
    for anything else that is not a JSON object, nested past Python's
    recursion limit included."""
    raw = request.raw_body or b''
    if len(raw) > BODY_LIMIT:
        raise BadRequest('The body is larger than %d KB.' % (BODY_LIMIT // 1024), 413,
                         'too_large')
    try:
        body = json.loads(raw.decode('utf-8')) if raw else {}
    except (UnicodeDecodeError, ValueError) as error:
        raise BadRequest('The body is not valid JSON: %s' % error, 400, 'bad_json') from None
    except RecursionError:
        raise BadRequest('The body is not valid JSON: it is nested too deeply.', 400,
                         'bad_json') from None
    if not isinstance(body, dict):
        raise BadRequest('The body must be a JSON object.', 400, 'bad_json')
    return body


def _path_number(raw, what, digits):
    """An id or version from the path; anything else names nothing there."""
    number = whole_number(raw, digits=digits)
    if number is None:
        raise NotFound('No %s %s.' % (what, raw[:40]))
    return number


def _entry_id(raw):
    return _path_number(raw, 'entry', 15)


def _revision_number(raw):
    return _path_number(raw, 'revision', 9)


def _version(request, body, required):
    """The version an edit was based on: If-Match header or ``version`` field
    (both checked when both are sent; the header wins)."""
    header = (request.headers.get('if-match') or '').strip()
    value = body.pop('version', _ABSENT) if isinstance(body, dict) else _ABSENT
    if value is not _ABSENT:
        if isinstance(value, float) and value.is_integer():
            value = int(value)              # 2.0 is an integer to JSON Schema
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise BadRequest('version must be a positive integer.')
    if header:
        match = _IF_MATCH.match(header)
        if not match:
            raise BadRequest('If-Match must be an entry version such as "3".')
        value = int(match.group(1) or match.group(2))
    if value is _ABSENT:
        if required:
            raise BadRequest('Say which version you edited: send If-Match: "<version>" '
                             'or a "version" field.', 428, 'version_required')
        return None
    return value


def _int_param(params, name, default, low, high):
    number = whole_number(params.get(name, str(default)), low, high)
    if number is None:
        raise BadRequest('%s must be a whole number from %d to %d.' % (name, low, high))
    return number


# -- handlers -----------------------------------------------------------------------

@api_errors
def list_entries(request):
    params = request.query_params or {}
    status = params.get('status', 'all')
    if status not in STATUSES + (TRASH, 'all'):
        raise BadRequest('status must be one of: all, %s.' % ', '.join(STATUSES + (TRASH,)))
    page = _int_param(params, 'page', 1, 1, 100000)
    per_page = _int_param(params, 'per_page', 20, 1, MAX_PER_PAGE)
    repository = get_repository()
    entries = editing.entries_in(repository, STATUSES if status == 'all' else (status,))
    category = params.get('category')
    if category:
        entries = [e for e in entries if category in e.categories]
    entries.sort(key=lambda e: (e.created, e.id), reverse=True)
    window = entries[(page - 1) * per_page:page * per_page]
    return json_response({'items': [entry_json(e, summary=True) for e in window],
                          'total': len(entries), 'page': page, 'per_page': per_page})


@api_errors
def create_entry(request):
    body = _body(request)
    _version(request, body, required=False)     # a new entry has none: checked, not used
    entry = editing.create(get_repository(), body, request.admin_user)
    return entry_response(entry, 201)


@api_errors
def get_entry(request, entry_id):
    entry = editing.current(get_repository(), _entry_id(entry_id), allow_trashed=True)
    return entry_response(entry)


@api_errors
def update_entry(request, entry_id, partial):
    entry_id = _entry_id(entry_id)
    body = _body(request)
    version = _version(request, body, required=True)
    entry = editing.update(get_repository(), entry_id, body, version,
                           request.admin_user, partial)
    return entry_response(entry)


@api_errors
def trash_entry(request, entry_id):
    entry_id = _entry_id(entry_id)
    version = _version(request, {}, required=False)
    entry = editing.set_status(get_repository(), entry_id, 'trash', version,
                               request.admin_user)
    return entry_response(entry)


@api_errors
def entry_action(request, entry_id, action):
    entry_id = _entry_id(entry_id)
    if action not in ACTIONS:
        raise NotFound('No action %r; use one of: %s.' % (action[:40], ', '.join(sorted(ACTIONS))))
    body = _body(request)
    version = _version(request, body, required=False)
    if body:
        raise BadRequest('This action takes no fields besides version.')
    repository = get_repository()
    if action == 'purge':
        editing.purge(repository, entry_id, version, request.admin_user)
        return Response(body='', status_code=204, headers={'Cache-Control': 'no-store'})
    entry = editing.set_status(repository, entry_id, action, version, request.admin_user)
    return entry_response(entry)


@api_errors
def list_revisions(request, entry_id):
    entry = editing.current(get_repository(), _entry_id(entry_id), allow_trashed=True)
    revisions = get_repository().list_revisions(entry.id)
    return json_response({'entry': entry.id, 'current_version': entry.version,
                          'items': [revision_json(r, summary=True) for r in revisions]})


def revision_json(revision, summary=False):
    """A revision: the entry as it was, and when and by whom it was replaced."""
    return dict(entry_json(revision.entry, summary), replaced=revision.saved,
                replaced_by=revision.actor)


@api_errors
def get_revision(request, entry_id, version):
    revision = get_repository().get_revision(_entry_id(entry_id), _revision_number(version))
    if revision is None:
        raise NotFound('No such revision.')
    return json_response(revision_json(revision))


@api_errors
def restore_revision(request, entry_id, version):
    entry_id = _entry_id(entry_id)
    body = _body(request)
    expected = _version(request, body, required=False)
    entry = editing.restore_revision(get_repository(), entry_id, _revision_number(version),
                                     expected, request.admin_user)
    return entry_response(entry)


@api_errors
def audit_log(request):
    params = request.query_params or {}
    month, records, after = reports.audit_page(get_repository(), params.get('month'),
                                               params.get('before'))
    return json_response({'month': month, 'items': [
        {name: value for name, value in r._asdict().items()
         if name != 'key' and value is not None} for r in records], 'next_before': after})


# -- categories and reports ---------------------------------------------------------

def category_json(category):
    return {'id': category.id, 'slug': category.slug, 'name': category.name,
            'description': category.description}


@api_errors
def list_categories(request):
    listed = categories.categories_by_name(get_repository())
    return json_response({'items': [category_json(c) for c in listed]})


@api_errors
def create_category(request):
    category = categories.create_category(get_repository(), _body(request))
    return json_response(category_json(category), 201,
                         {'Location': '/admin/api/categories/%s' % category.slug})


@api_errors
def get_category(request, slug):
    return json_response(category_json(categories.get_category(get_repository(), slug)))


@api_errors
def update_category(request, slug):
    category = categories.update_category(get_repository(), slug, _body(request))
    return json_response(category_json(category))


@api_errors
def delete_category(request, slug):
    try:
        categories.delete_category(get_repository(), slug)
    except categories.CategoryInUse as error:
        raise BadRequest(str(error), 409, 'in_use') from None
    return Response(body='', status_code=204, headers={'Cache-Control': 'no-store'})


@api_errors
def broken_links(request):
    report = reports.broken_links(get_repository())
    return json_response({'items': report, 'total': len(report)})
