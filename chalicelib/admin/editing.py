"""What editors do to entries, shared by the JSON API and the HTML admin.

Each operation validates the editor's input, builds the next version of the
entry and saves it with the version it was based on, so a stale edit is
refused instead of overwriting someone else's work (see ``FaqRepository.save`` in the store).
"""
import re

from .. import content as html_content
from ..models import (CONTENT_MAX_BYTES, GIVEN_DESCRIPTION_MAX, SLUG_RULE, STATUSES,
                      TITLE_MAX, TRASH, ValidationError, build_entry, is_valid_slug,
                      name_categories, suggest_slug, utcnow)
from ..settings import get_settings
from ..store import NotFound, VersionConflict
from ..text import problem as _text_problem

EDITABLE = ('title', 'slug', 'content', 'content_format', 'description', 'status',
            'categories')
FORMATS = ('html', 'markdown')
MAX_CATEGORIES = 20
_TAG = re.compile(r'<\s*[a-zA-Z!/?]')


class EntryGone(NotFound):
    """The entry does not exist, or is in the trash where it cannot be edited."""


class NotInTrash(ValueError):
    pass


def text_field(field, value, required, limit, errors):
    """A one-line text field of editor input, cleaned, or None with ``errors[field]`` set."""
    if value is None and not required:
        return ''
    if not isinstance(value, str):
        errors[field] = '%s must be text.' % field.capitalize()
        return None
    value = ' '.join(value.split())
    problem = _text_problem(value, multiline=False)
    if problem:
        errors[field] = '%s %s' % (field.capitalize(), problem)
    elif required and not value:
        errors[field] = '%s is required.' % field.capitalize()
    elif len(value) > limit:
        errors[field] = '%s must be at most %d characters.' % (field.capitalize(), limit)
    elif _TAG.search(value):
        errors[field] = '%s must be plain text, without HTML tags.' % field.capitalize()
    else:
        return value
    return None


def parse_input(data, partial):
    """Validate editor input; returns only the fields given, cleaned.

    Raises ValidationError naming every field that is wrong.  Unknown fields
    are refused so that a typo ("titel") never silently does nothing.
    """
    if not isinstance(data, dict):
        raise ValidationError({'body': 'The body must be a JSON object.'})
    errors = {}
    unknown = sorted(set(data) - set(EDITABLE) - {'version'})
    if unknown:
        errors['body'] = 'Unknown field(s): %s.' % ', '.join(unknown)
    given = {k: data[k] for k in EDITABLE if k in data}
    if not partial:
        for field in ('title', 'content'):
            given.setdefault(field, None)
    cleaned = {}
    if 'title' in given:
        cleaned['title'] = text_field('title', given['title'], True, TITLE_MAX, errors)
    if 'description' in given:
        cleaned['description'] = text_field('description', given['description'], False,
                                             GIVEN_DESCRIPTION_MAX, errors)
    if 'slug' in given:
        slug = given['slug']
        if slug in (None, '') and not partial:
            pass                                   # suggested from the title
        elif not is_valid_slug(slug):
            errors['slug'] = SLUG_RULE
        else:
            cleaned['slug'] = slug
    if 'status' in given:
        if given['status'] not in STATUSES:
            errors['status'] = 'Status must be one of: %s.' % ', '.join(STATUSES)
        else:
            cleaned['status'] = given['status']
    if 'categories' in given:
        categories = given['categories']
        if not isinstance(categories, list) or len(categories) > MAX_CATEGORIES \
                or not all(is_valid_slug(c) for c in categories):
            errors['categories'] = ('Categories must be a list of at most %d category '
                                    'slugs.' % MAX_CATEGORIES)
        else:
            cleaned['categories'] = tuple(dict.fromkeys(categories))
    content_format = given.get('content_format', 'html')
    if content_format not in FORMATS:
        errors['content_format'] = 'Content format must be html or markdown.'
    if 'content' in given:
        raw = given['content']
        if not isinstance(raw, str):
            errors['content'] = 'Content must be text.'
        elif len(raw.encode('utf-8', 'surrogatepass')) > CONTENT_MAX_BYTES:
            errors['content'] = 'Content must be at most 200 KB.'
        elif problem := _text_problem(raw, multiline=True):
            errors['content'] = 'Content ' + problem
        elif content_format in FORMATS:
            clean = (html_content.markdown_to_html(raw) if content_format == 'markdown'
                     else html_content.clean_html(raw))
            if not html_content.plain_text(clean):
                errors['content'] = 'Content is required: the answer has no text.'
            else:
                cleaned['content'] = clean
    if errors:
        raise ValidationError(errors)
    return cleaned


def _categories_for(repository, slugs):
    """The categories, if every one of ``slugs`` names one (one Query; none
    for no slugs)."""
    if not slugs:
        return ()
    existing = repository.list_categories()
    known = {c.slug for c in existing}
    missing = [c for c in slugs if c not in known]
    if missing:
        raise ValidationError({'categories': 'Unknown categor%s: %s.' % (
            'y' if len(missing) == 1 else 'ies', ', '.join(missing))})
    return existing


def _named(entry, categories):
    """``entry`` with the names of its categories, as its page shows them."""
    return entry.with_changes(category_names=name_categories(entry.categories, categories))


def _free_slug(repository, title):
    base = suggest_slug(title)
    slug, n = base, 1
    while repository.get_by_slug(slug) is not None or repository.redirect_target(slug):
        n += 1
        suffix = '-%d' % n
        slug = base[:200 - len(suffix)].rstrip('-') + suffix
    return slug


def _resolved(content, slug):
    """Clean content with its relative links and image sources resolved
    against the old post's address, as the import resolves them (an
    editor may paste HTML copied from the old site)."""
    return html_content.clean_html(
        content, base_url=html_content.old_post_url(get_settings().old_faq_base, slug))


def create(repository, data, actor):
    """A new entry from editor input (a draft unless status says otherwise)."""
    fields = parse_input(data, partial=False)
    categories = _categories_for(repository, fields.get('categories'))
    slug = fields.get('slug') or _free_slug(repository, fields['title'])
    now = utcnow()
    entry = build_entry(
        id=repository.next_id(), slug=slug, title=fields['title'],
        content=_resolved(fields['content'], slug), description=fields.get('description', ''),
        status=fields.get('status', 'draft'), categories=fields.get('categories', ()),
        created=now, modified=now)
    return repository.create(_named(entry, categories), actor=actor, action='create')


def entries_in(repository, statuses, content=False):
    """Every entry of the given statuses, a Query per status."""
    return [e for status in statuses
            for e in repository.all_by_status(status, content=content)]


def current(repository, entry_id, allow_trashed=False):
    entry = repository.get_by_id(entry_id)
    if entry is None or (entry.is_trashed and not allow_trashed):
        raise EntryGone('No entry %d%s.' % (entry_id, '' if entry is None else
                                             ' outside the trash (restore it first)'))
    return entry


def _check_version(entry, expected_version):
    if expected_version is not None and expected_version != entry.version:
        raise VersionConflict(entry)


def _next(previous, **changes):
    """The next version of ``previous`` with ``changes``, derived fields redone."""
    merged = {
        'title': previous.title, 'slug': previous.slug, 'content': previous.content,
        'status': previous.status, 'categories': previous.categories,
        'description': previous.description if previous.description_given else '',
    }
    trashed_from = changes.pop('trashed_from', '')
    merged.update(changes)
    entry = build_entry(id=previous.id, created=previous.created, modified=utcnow(),
                        version=previous.version + 1, **merged)
    # what the page shows of other entries stays until the builder redoes it
    return entry.with_changes(old_slugs=tuple(
        s for s in previous.old_slugs if s != entry.slug), trashed_from=trashed_from,
        related=previous.related, category_names=previous.category_names)


def update(repository, entry_id, data, expected_version, actor, partial):
    """Apply editor input to the stored entry, if it is still at ``expected_version``."""
    fields = parse_input(data, partial)
    previous = current(repository, entry_id)
    _check_version(previous, expected_version)
    categories = _categories_for(repository, fields.get('categories'))
    if not partial:
        fields.setdefault('description', '')
        fields.setdefault('categories', ())
        fields.setdefault('slug', previous.slug)
    fields.pop('content_format', None)
    if 'content' in fields:
        fields['content'] = _resolved(fields['content'], fields.get('slug', previous.slug))
    entry = _next(previous, **fields)
    if 'categories' in fields:
        entry = _named(entry, categories)
    return repository.save(entry, previous, actor, 'update')


def set_status(repository, entry_id, action, expected_version, actor):
    """publish, unpublish, trash or restore (from the trash)."""
    previous = current(repository, entry_id, allow_trashed=action == 'restore')
    _check_version(previous, expected_version)
    if action == 'restore':
        if not previous.is_trashed:
            raise NotInTrash('Entry %d is not in the trash.' % entry_id)
        entry = _next(previous, status=previous.trashed_from or 'draft')
    elif action == 'trash':
        entry = _next(previous, status=TRASH, trashed_from=previous.status)
    else:
        entry = _next(previous, status='publish' if action == 'publish' else 'draft')
    return repository.save(entry, previous, actor, action)


def purge(repository, entry_id, expected_version, actor):
    entry = current(repository, entry_id, allow_trashed=True)
    _check_version(entry, expected_version)
    if not entry.is_trashed:
        raise NotInTrash('Only an entry in the trash can be purged; delete it first.')
    repository.purge(entry, actor)


def restore_revision(repository, entry_id, version, expected_version, actor):
    """Bring back the title, content, description and categories of a revision.

    The slug and status stay as they are now: a revision restores words, not
    the address or the visibility of the page.
    """
    previous = current(repository, entry_id)
    _check_version(previous, expected_version)
    revision = repository.get_revision(entry_id, version)
    if revision is None:
        raise NotFound('Entry %d has no revision %d.' % (entry_id, version))
    old = revision.entry
    entry = _next(previous, title=old.title, content=old.content,
                  description=old.description if old.description_given else '',
                  categories=old.categories)
    return repository.save(entry, previous, actor, 'restore-revision')
