"""WordPress REST JSON in: turning ``wp/v2/faq`` records into entries.

Import is an upsert keyed by the WordPress post id, so running it twice
changes nothing and re-running it on an edited export updates entries in
place (keeping their id, slug and creation date).
"""
from dataclasses import dataclass, field

from . import content as html_content
from .models import GIVEN_DESCRIPTION_MAX, ValidationError, build_entry, parse_time
from .storage import StorageError

WP_STATUSES = {'publish': 'publish', 'draft': 'draft', 'pending': 'draft',
               'private': 'draft', 'future': 'draft'}


class RecordError(ValueError):
    """A WordPress record that cannot be imported, and why."""


def _rendered(record, key):
    value = record.get(key)
    if isinstance(value, dict):
        value = value.get('rendered')
    if value is not None and not isinstance(value, str):
        raise RecordError('%s is not text' % key)
    return value or ''


def _time(record, *keys):
    for key in keys:
        if record.get(key):
            try:
                return parse_time(record[key])
            except (TypeError, ValueError):
                raise RecordError('%s is not a date: %r' % (key, record[key])) from None
    return None


def entry_from_record(record, old_faq_base, category_slugs=None):
    """Build a validated entry from one WordPress REST record."""
    if not isinstance(record, dict):
        raise RecordError('record is not a JSON object')
    wp_id = record.get('id')
    if not isinstance(wp_id, int) or isinstance(wp_id, bool):
        raise RecordError('id is missing or not an integer')
    if record.get('type', 'faq') != 'faq':
        raise RecordError('type is %r, not faq' % record.get('type'))
    yoast = record.get('yoast_head_json') or {}
    if not isinstance(yoast, dict):
        raise RecordError('yoast_head_json is not an object')
    category_slugs = category_slugs or {}
    terms = record.get('faq-categories') or []
    if not isinstance(terms, list):
        raise RecordError('faq-categories is not a list')
    status = record.get('status', 'publish')
    if status not in WP_STATUSES:
        raise RecordError('status %r cannot be imported' % status)
    try:
        return build_entry(
            id=wp_id,
            slug=record.get('slug'),
            title=html_content.unescape(_rendered(record, 'title')),
            content=html_content.clean_html(_rendered(record, 'content'), old_faq_base),
            # Yoast puts no cap on descriptions; keep what fits, at a word.
            description=html_content.truncate_words(
                html_content.unescape(yoast.get('description') or ''),
                GIVEN_DESCRIPTION_MAX),
            status=WP_STATUSES[status],
            categories=[category_slugs[t] for t in terms if t in category_slugs],
            created=_time(record, 'date_gmt', 'date'),
            modified=_time(record, 'modified_gmt', 'modified'),
        )
    except ValidationError as error:
        raise RecordError(str(error)) from None


def records_from_json(data):
    """A WordPress export holds one record or an array of them."""
    if isinstance(data, list):
        return data
    return [data]


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    failed: list = field(default_factory=list)     # (id or position, reason)

    def summary(self):
        return ('%d created, %d updated, %d unchanged, %d failed'
                % (len(self.created), len(self.updated),
                   len(self.unchanged), len(self.failed)))


_COMPARED = ('title', 'content', 'description', 'description_given', 'status',
             'categories', 'created', 'modified')


def upsert(repository, entry):
    """Store an imported entry: ``'created'``, ``'updated'`` or ``'unchanged'``."""
    existing = repository.get_by_id(entry.id)
    if existing is None:
        repository.create(entry)
        return 'created'
    merged = entry.with_changes(slug=existing.slug, created=existing.created,
                                version=existing.version + 1)
    if all(getattr(merged, name) == getattr(existing, name) for name in _COMPARED):
        return 'unchanged'
    repository.save(merged, existing, actor='import', action='import')
    return 'updated'


def import_records(repository, records, old_faq_base, category_slugs=None,
                   report=None):
    """Import records one by one; a bad one is reported and skipped."""
    report = report or ImportReport()
    for position, record in enumerate(records):
        label = record.get('id') if isinstance(record, dict) else None
        label = label if label is not None else '#%d' % position
        try:
            entry = entry_from_record(record, old_faq_base, category_slugs)
            outcome = upsert(repository, entry)
        except (RecordError, StorageError) as error:
            report.failed.append((label, str(error)))
            continue
        getattr(report, outcome).append(entry.id)
    return report
