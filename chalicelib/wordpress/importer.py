"""WordPress REST JSON in: ``wp/v2/faq`` records and ``faq-categories`` terms.

Import is an upsert keyed by the WordPress post id, so running it twice
changes nothing and re-running it on an edited export updates entries in
place (keeping their id, slug and creation date).  Categories keep their
WordPress term id, so the ``faq-categories`` ids of records (and of this
site's own API) keep meaning the same terms.

Export writes the same shape (``items.post_item``, :mod:`.export`), so that import, export
and import again gives identical entries.  Two details make that exact:

* links to this site's own address (``SITE_URL``), which export writes
  absolute as WordPress does, become root-relative again on import, like
  links into the old FAQ section (``OLD_FAQ_BASE``);
* whether the meta description was written by an editor or derived from
  the answer travels in ``meta._yoast_wpseo_metadesc`` (Yoast's own post
  meta key; ``""`` when derived).  A WordPress export without ``meta`` keeps
  the old rule: Yoast's description counts as given.
"""
import re
from dataclasses import dataclass, field

from .. import content as html_content
from ..models import (GIVEN_DESCRIPTION_MAX, ValidationError, build_category,
                      build_entry, is_valid_slug, name_categories, parse_time)
from ..store import StorageError
from ..urls import slug_from_url

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


def _slug(record):
    """The slug, decoded: WordPress keeps non-ASCII ones percent-encoded
    (``%e2%9c%93-cma-%c3%a9tudes``); URLs encode them again the same way."""
    slug = record.get('slug')
    return slug_from_url(slug) if isinstance(slug, str) else slug


def _time(record, *keys):
    for key in keys:
        if record.get(key):
            try:
                return parse_time(record[key])
            except (TypeError, ValueError):
                raise RecordError('%s is not a date: %r' % (key, record[key])) from None
    return None


def own_links_relative(markup, site_url):
    """Make links to ``site_url`` root-relative, as stored content keeps them.

    The inverse of ``content.mount_links(markup, site_url)``; ``markup`` is
    nh3's output, so attributes are double-quoted.
    """
    if not site_url:
        return markup
    pattern = re.compile(r'(\b(?:href|src)=")' + re.escape(site_url.rstrip('/'))
                         + r'(?:/|(?=[?#"]))')
    return pattern.sub(r'\1/', markup)


def _description(record, yoast):
    meta = record.get('meta')
    if isinstance(meta, dict) and '_yoast_wpseo_metadesc' in meta:
        given = meta['_yoast_wpseo_metadesc']
        if not isinstance(given, str):
            raise RecordError('meta._yoast_wpseo_metadesc is not text')
        return given
    return yoast.get('description') or ''


def entry_from_record(record, old_faq_base, category_slugs=None, site_url=''):
    """Build a validated entry from one WordPress REST record.

    ``site_url``: this site's address; links to it become root-relative.
    """
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
    slug = _slug(record)
    # relative links and image sources meant the old post's address
    old_post = html_content.old_post_url(old_faq_base, slug) if is_valid_slug(slug) else ''
    try:
        return build_entry(
            id=wp_id,
            slug=slug,
            title=html_content.unescape(_rendered(record, 'title')),
            content=own_links_relative(
                html_content.clean_html(_rendered(record, 'content'), old_faq_base, old_post),
                site_url),
            # Yoast puts no cap on descriptions; keep what fits, at a word.
            description=html_content.truncate_words(
                html_content.unescape(_description(record, yoast)),
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


def category_from_term(term):
    """A validated category from one ``wp/v2/faq-categories`` term."""
    if not isinstance(term, dict):
        raise RecordError('term is not a JSON object')
    term_id = term.get('id')
    if not isinstance(term_id, int) or isinstance(term_id, bool):
        raise RecordError('id is missing or not an integer')
    if term.get('taxonomy', 'faq-categories') != 'faq-categories':
        raise RecordError('taxonomy is %r, not faq-categories' % term.get('taxonomy'))
    name, description = term.get('name'), term.get('description') or ''
    try:
        return build_category(
            id=term_id, slug=_slug(term),
            name=html_content.unescape(name) if isinstance(name, str) else name,
            description=description)
    except ValidationError as error:
        raise RecordError(str(error)) from None


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    failed: list = field(default_factory=list)     # (id or position, reason)
    changes: list = field(default_factory=list)    # (id, outcome, slug, changed fields)
    categories: dict = field(default_factory=lambda: {
        'created': [], 'updated': [], 'unchanged': []})
    failed_pages: list = field(default_factory=list)

    def summary(self):
        return ('%d created, %d updated, %d unchanged, %d failed'
                % (len(self.created), len(self.updated),
                   len(self.unchanged), len(self.failed)))

    def category_summary(self):
        return 'categories: %d created, %d updated, %d unchanged' % tuple(
            len(self.categories[k]) for k in ('created', 'updated', 'unchanged'))


_COMPARED = ('title', 'content', 'description', 'description_given', 'status',
             'categories', 'created', 'modified')


def plan(repository, entry, existing=...):
    """What importing ``entry`` would do: ``(outcome, changed fields, existing,
    update)``, ``update`` being ``entry`` as the next version of the stored
    one (its address and creation date stay), or None for a new entry.
    ``existing``: the stored entry, if already read (None: there is none)."""
    if existing is ...:
        existing = repository.get_by_id(entry.id)
    if existing is None:
        return 'created', (), None, None
    update = entry.with_changes(slug=existing.slug, created=existing.created,
                                version=existing.version + 1, related=existing.related)
    changed = tuple(n for n in _COMPARED if getattr(update, n) != getattr(existing, n))
    return ('updated' if changed else 'unchanged'), changed, existing, update


def _check_slug_free(repository, entry):
    holder = repository.get_by_slug(entry.slug)
    if holder is not None and holder.id != entry.id:
        raise StorageError('The slug %r is already used by another entry.' % entry.slug)


def upsert(repository, entry):
    """Store an imported entry: ``'created'``, ``'updated'`` or ``'unchanged'``."""
    outcome, _, existing, update = plan(repository, entry)
    if outcome == 'created':
        repository.create(entry)
    elif outcome == 'updated':
        repository.save(update, existing, actor='import', action='import')
    return outcome


BATCH = 100      # records read (BatchGetItem) and created (transactions) together


def import_records(repository, records, old_faq_base, category_slugs=None,
                   report=None, site_url='', dry_run=False):
    """Import records; a bad one is reported and skipped.

    A hundred at a time: the stored entries are read in one call and the new
    ones written 25 to a transaction, so that 20,000 records take minutes,
    not an hour.  A record whose id comes twice is imported after the first.
    """
    report = report or ImportReport()
    categories = repository.list_categories()
    batch = []
    for position, record in enumerate(records):
        label = record.get('id') if isinstance(record, dict) else None
        label = label if label is not None else '#%d' % position
        try:
            entry = entry_from_record(record, old_faq_base, category_slugs, site_url)
        except RecordError as error:
            report.failed.append((label, str(error)))
            continue
        if any(e.id == entry.id for _, e in batch) or len(batch) == BATCH:
            _import_batch(repository, batch, report, dry_run)
            batch = []
        batch.append((label, entry.with_changes(
            category_names=name_categories(entry.categories, categories))))
    _import_batch(repository, batch, report, dry_run)
    return report


def _import_batch(repository, batch, report, dry_run):
    if not batch:
        return
    stored = repository.get_many([e.id for _, e in batch], consistent=True)
    created = []
    for label, entry in batch:
        try:
            outcome, changed, existing, update = plan(repository, entry,
                                                      stored.get(entry.id))
            if dry_run:
                # nothing written; a new entry whose slug another entry
                # holds fails as the real write would
                if outcome == 'created':
                    _check_slug_free(repository, entry)
                if outcome != 'unchanged':
                    report.changes.append((entry.id, outcome, entry.slug, changed))
            elif outcome == 'created':
                created.append((label, entry))
                continue
            elif outcome == 'updated':
                repository.save(update, existing, actor='import', action='import')
        except StorageError as error:
            report.failed.append((label, str(error)))
            continue
        getattr(report, outcome).append(entry.id)
    refused = repository.create_many([e for _, e in created]) if created else {}
    for label, entry in created:
        if entry.id in refused:
            report.failed.append((label, str(refused[entry.id])))
        else:
            report.created.append(entry.id)


def import_terms(repository, terms, report=None, dry_run=False):
    """Store categories from terms; return the term id -> slug map for records.

    The map starts from the categories already stored, so a rerun without
    terms still maps the ids an earlier import stored.  A term whose slug
    changed in WordPress replaces the category stored under its old slug.
    """
    report = report or ImportReport()
    stored = repository.list_categories()
    mapping = {c.id: c.slug for c in stored}
    by_slug = {c.slug: c for c in stored}
    changed, dropped = {}, set()
    for position, term in enumerate(terms):
        label = term.get('id') if isinstance(term, dict) else None
        label = 'term %s' % (label if label is not None else '#%d' % position)
        try:
            category = category_from_term(term)
        except RecordError as error:
            report.failed.append((label, str(error)))
            continue
        renamed = {c.slug for c in stored if c.id == category.id and c.slug != category.slug}
        existing = by_slug.get(category.slug)
        if existing == category and not renamed:
            outcome = 'unchanged'
        else:
            outcome = 'created' if existing is None and not renamed else 'updated'
            changed[category.slug] = category
            dropped |= renamed
            if dry_run:
                report.changes.append(('category %d' % category.id, outcome,
                                       category.slug, ()))
        report.categories[outcome].append(category.id)
        mapping[category.id] = category.slug
        by_slug[category.slug] = category
    if not dry_run:
        try:
            for category in changed.values():
                repository.put_category(category)
            for slug in sorted(dropped - set(changed)):
                repository.delete_category(slug)
        except StorageError as error:
            report.failed.append(('categories', str(error)))
    return mapping
