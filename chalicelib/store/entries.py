"""FAQ entries, their revisions, slugs, categories and the audit log.

One table holds everything; ``docs/data-model.md`` lists the items, keys,
indexes and access patterns.  In short: an entry lives at ``FAQ#<id>/ENTRY``
with its revisions beside it (``FAQ#<id>/REV#<version>``); slug claims
(``SLUG#<slug>``) make slugs unique and remember old ones for redirects;
every change is one ``TransactWriteItems`` that also writes the revision and
an audit record.  Public routes never Scan.  What pages show of other
entries (related questions, listings, search) is derived when content
changes, by ``chalicelib.derived`` from the table's stream.
"""
import time
from collections import namedtuple

from ..models import format_time, utcnow
from .client import batch_get, guarded
from .errors import DuplicateId, SlugTaken, StorageError, VersionConflict
from .items import (ID_COUNTER_KEY, MANIFEST_KEY, _n, _s, _text, category_key,
                    category_to_item, derived_attributes, entry_attributes, entry_key,
                    entry_to_item, item_to_category, item_to_entry, revision_key, slug_key)

SLUG_INDEX = 'by-slug'
STATUS_INDEX = 'by-status'
LIST_ATTRIBUTES = ('id', 'slug', 'title', 'description', 'status', 'categories', 'category_names',
                   'created', 'modified', 'version', 'reading_minutes',
                   'trashed_from')
FIRST_LOCAL_ID = 10_000_000   # ids below are left to WordPress imports
TRANSACTION_ATTEMPTS = 4
ENTRIES_PER_TRANSACTION = 25          # three items each, of DynamoDB's 100
TRANSACTION_BYTES = 3_500_000         # of DynamoDB's 4 MB a transaction
_local_writes = 0             # content changes made by this instance (see local_writes)


def local_writes():
    """How many content changes this instance made: the site's catalog
    reloads at once after one, instead of waiting to notice the marker."""
    return _local_writes


# A plain record.  A named tuple rather than a dataclass: each dataclass costs
# a Lambda cold start about a millisecond to define.
Revision = namedtuple('Revision', 'entry saved actor')     # the state replaced, when, by whom


class FaqRepository:
    """FAQ entries, categories and admin state in one DynamoDB table."""

    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    # reads

    def get_by_id(self, entry_id):
        response = self.client.get_item(
            TableName=self.table_name, Key=entry_key(entry_id), ConsistentRead=True)
        item = response.get('Item')
        return item_to_entry(item) if item else None

    def get_by_slug(self, slug):
        """The entry that has this slug now: one Query on the slug index."""
        response = self.client.query(
            TableName=self.table_name, IndexName=SLUG_INDEX,
            KeyConditionExpression='slug = :slug',
            ExpressionAttributeValues={':slug': _s(slug)})
        items = response.get('Items')
        return item_to_entry(items[0]) if items else None

    def redirect_target(self, slug):
        """The entry an old slug now belongs to, if it was renamed."""
        response = self.client.get_item(TableName=self.table_name, Key=slug_key(slug))
        item = response.get('Item')
        if not item:
            return None
        entry = self.get_by_id(int(item['faq_id']['N']))
        return entry if entry and entry.slug != slug else None

    def list_by_status(self, status='publish', offset=0, limit=10, content=False):
        """Entries of one status, newest first: ``(entries, has_more)``.

        Reads ``offset + limit + 1`` index items, so the first pages of a
        listing cost one Query; see docs/data-model.md for where this stops.
        """
        wanted = offset + limit + 1
        items = list(self._query_status(status, content, wanted))
        page = [item_to_entry(item) for item in items[offset:offset + limit]]
        return page, len(items) > offset + limit

    def all_by_status(self, status='publish', content=False):
        """Every entry of one status, newest first (one Query per MB); with
        ``content``, whole (the builder compares their related questions)."""
        return [item_to_entry(item) for item in self._query_status(status, content)]

    def _query_status(self, status, content, wanted=None):
        names = {'#%d' % i: name for i, name in enumerate(
            LIST_ATTRIBUTES + (('content', 'related') if content else ()))}
        kwargs = dict(
            TableName=self.table_name, IndexName=STATUS_INDEX,
            KeyConditionExpression='#s = :status', ScanIndexForward=False,
            ExpressionAttributeValues={':status': _s(status)},
            ProjectionExpression=', '.join(names),
            ExpressionAttributeNames=dict(names, **{'#s': 'status'}))
        count = 0
        while wanted is None or count < wanted:
            if wanted is not None:
                kwargs['Limit'] = wanted - count
            response = self.client.query(**kwargs)
            for item in response.get('Items', ()):
                count += 1
                yield item
            if 'LastEvaluatedKey' not in response:
                return
            kwargs['ExclusiveStartKey'] = response['LastEvaluatedKey']

    def list_revisions(self, entry_id):
        """Earlier versions of an entry, newest first."""
        response = self.client.query(
            TableName=self.table_name, ScanIndexForward=False,
            KeyConditionExpression='pk = :pk AND begins_with(sk, :rev)',
            ExpressionAttributeValues={':pk': _s('FAQ#%d' % entry_id),
                                       ':rev': _s('REV#')})
        return [self._revision(item) for item in response.get('Items', ())]

    def get_revision(self, entry_id, version):
        response = self.client.get_item(
            TableName=self.table_name, Key=revision_key(entry_id, version))
        item = response.get('Item')
        return self._revision(item) if item else None

    @staticmethod
    def _revision(item):
        return Revision(entry=item_to_entry(item['entry']['M']),
                        saved=_text(item, 'saved'), actor=_text(item, 'actor'))

    def get_many(self, entry_ids, consistent=False):
        """``{id: entry}`` of the entries that exist among ``entry_ids``.

        ``BatchGetItem``, 100 keys a call (one call for a page of a listing
        or of search results); keys DynamoDB leaves unprocessed are asked
        again.  Eventually consistent, like the index reads of the pages,
        unless ``consistent``.
        """
        found = {}
        ids = list(dict.fromkeys(entry_ids))
        for start in range(0, len(ids), 100):
            keys = [entry_key(i) for i in ids[start:start + 100]]
            for item in batch_get(self.client, self.table_name, keys, consistent):
                entry = item_to_entry(item)
                found[entry.id] = entry
        return found

    def audit_log(self, month=None, limit=100, before=None):
        """Audit records of one month, newest first (see :mod:`.audit`)."""
        from .audit import read_month
        return read_month(self.client, self.table_name, month, limit, before)

    # writes

    def next_id(self):
        """A fresh id for an entry created here (not imported)."""
        response = self.client.update_item(
            TableName=self.table_name, Key=ID_COUNTER_KEY,
            UpdateExpression='ADD #n :one',
            ExpressionAttributeNames={'#n': 'next'},
            ExpressionAttributeValues={':one': _n(1)}, ReturnValues='UPDATED_NEW')
        return FIRST_LOCAL_ID + int(response['Attributes']['next']['N'])

    def create(self, entry, actor='import', action='create'):
        """Store a new entry; its id and slug must both be free."""
        self._write(entry, None, actor, action)
        return entry

    def save(self, entry, previous, actor, action='update'):
        """Replace ``previous`` with ``entry`` if nobody changed it meanwhile.

        ``entry.version`` must be ``previous.version + 1``.  The previous state
        is kept as a revision; a changed slug keeps the old one as a redirect.
        """
        if entry.version != previous.version + 1 or entry.id != previous.id:
            raise ValueError('save() needs the next version of the same entry')
        if entry.slug != previous.slug and previous.slug not in entry.old_slugs:
            entry = entry.with_changes(old_slugs=entry.old_slugs + (previous.slug,))
        self._write(entry, previous, actor, action)
        return entry

    def replace(self, entry, expected_version, actor='import', action='import'):
        """Save ``entry`` over the stored one if that is at ``expected_version``."""
        previous = self.get_by_id(entry.id)
        if previous is None or previous.version != expected_version:
            raise VersionConflict(previous)
        return self.save(entry, previous, actor, action)

    def purge(self, entry, actor):
        """Remove a trashed entry for good: entry, revisions and slug claims."""
        if not entry.is_trashed:
            raise ValueError('only a trashed entry can be purged')
        items = [{'Delete': {'TableName': self.table_name, 'Key': entry_key(entry.id),
                             'ConditionExpression': 'version = :v',
                             'ExpressionAttributeValues': {':v': _n(entry.version)}}}]
        items += [{'Delete': {'TableName': self.table_name, 'Key': slug_key(slug)}}
                  for slug in (entry.slug,) + entry.old_slugs]
        items.append(self._audit_put(entry, actor, 'purge'))
        self._transact(items, entry)
        for revision in self.list_revisions(entry.id):
            self.client.delete_item(TableName=self.table_name,
                                    Key=revision_key(entry.id, revision.entry.version))

    def create_many(self, entries, actor='import', action='create'):
        """Store new entries, up to :data:`ENTRIES_PER_TRANSACTION` to a
        transaction: a bulk import in fewer calls.  Returns ``{id: error}``
        of those refused; a refused transaction is retried entry by entry,
        so that one bad entry costs only itself.
        """
        failed, chunk, size = {}, [], 0
        for entry in list(entries) + [None]:
            weight = len(entry.content) + 4096 if entry is not None else 0
            if chunk and (entry is None or len(chunk) == ENTRIES_PER_TRANSACTION
                          or size + weight > TRANSACTION_BYTES):
                items = [i for e in chunk for i in self._write_items(e, None, actor, action)]
                try:
                    self.client.transact_write_items(TransactItems=items)
                    self._note_local_write()
                except self.client.exceptions.ClientError:   # a taken or repeated id or slug
                    for one in chunk:
                        try:
                            self.create(one, actor, action)
                        except (StorageError, self.client.exceptions.ClientError) as error:
                            failed[one.id] = error
                chunk, size = [], 0
            if entry is not None:
                chunk.append(entry)
                size += weight
        return failed

    def _write(self, entry, previous, actor, action):
        items = self._write_items(entry, previous, actor, action)
        slug_index = 1 if previous is None or entry.slug != previous.slug else None
        self._transact(items, entry, slug_index, creating=previous is None)

    def _write_items(self, entry, previous, actor, action):
        """A change's transaction: the entry, its slug's claim when new, the
        revision it replaces, an audit record."""
        table = self.table_name
        put_entry = {'TableName': table, 'Item': entry_to_item(entry)}
        if previous is None:
            put_entry['ConditionExpression'] = 'attribute_not_exists(pk)'
        else:
            put_entry['ConditionExpression'] = 'version = :v'
            put_entry['ExpressionAttributeValues'] = {':v': _n(previous.version)}
        items = [{'Put': put_entry}]
        if previous is None or entry.slug != previous.slug:
            items.append({'Put': {
                'TableName': table, 'Item': dict(slug_key(entry.slug), faq_id=_n(entry.id)),
                'ConditionExpression': 'attribute_not_exists(pk) OR faq_id = :id',
                'ExpressionAttributeValues': {':id': _n(entry.id)}}})
        if previous is not None:
            revision = revision_key(previous.id, previous.version)
            revision.update({'entry': {'M': entry_attributes(previous)},
                             'saved': _s(format_time(utcnow())), 'actor': _s(actor)})
            items.append({'Put': {'TableName': table, 'Item': revision}})
        items.append(self._audit_put(entry, actor, action))
        return items

    def _transact(self, items, entry, slug_index=None, creating=False):
        for attempt in range(TRANSACTION_ATTEMPTS):
            try:
                self.client.transact_write_items(TransactItems=items)
                self._note_local_write()
                return
            except self.client.exceptions.TransactionCanceledException as error:
                reasons = [r.get('Code') for r in
                           error.response.get('CancellationReasons', ())]
            if reasons and reasons[0] == 'ConditionalCheckFailed':
                if creating:
                    raise DuplicateId('Entry %d already exists.' % entry.id)
                raise VersionConflict(self.get_by_id(entry.id))
            if slug_index is not None and len(reasons) > slug_index \
                    and reasons[slug_index] == 'ConditionalCheckFailed':
                raise SlugTaken(entry.slug)
            if 'TransactionConflict' not in reasons:
                raise StorageError('The change was refused: %s' % ', '.join(
                    r for r in reasons if r and r != 'None'))
            time.sleep(0.02 * (attempt + 1))   # another write held the item
        raise VersionConflict(self.get_by_id(entry.id))

    def _audit_put(self, entry, actor, action):
        from .audit import change_put     # only writes need it: not on a page's cold start
        return change_put(self.table_name, entry, actor, action)

    @staticmethod
    def _note_local_write():
        global _local_writes
        _local_writes += 1

    def set_derived(self, entry_id, related, category_names):
        """Store what an entry's page shows of other entries and categories.

        Leaves the entry's version alone (this is not an edit), and never
        brings back an entry purged meanwhile.  True if the entry was there.
        """
        values = derived_attributes(related, category_names)
        try:
            self.client.update_item(
                TableName=self.table_name, Key=entry_key(entry_id),
                UpdateExpression='SET related = :r, category_names = :c',
                ConditionExpression='attribute_exists(pk)',
                ExpressionAttributeValues={':r': values['related'],
                                           ':c': values['category_names']})
        except self.client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    # categories

    def list_categories(self):
        """Every category, by slug: one Query."""
        return self.catalog_head()[0]

    def catalog_head(self, consistent=False):
        """``(categories, manifest item or None)``: one Query of their partition."""
        categories, manifest = [], None
        kwargs = dict(TableName=self.table_name, KeyConditionExpression='pk = :pk',
                      ExpressionAttributeValues={':pk': _s('CATALOG')},
                      ConsistentRead=consistent)
        while True:
            response = self.client.query(**kwargs)
            for item in response.get('Items', ()):
                if item['sk']['S'] == MANIFEST_KEY['sk']['S']:
                    manifest = item
                elif item['sk']['S'].startswith('CAT#'):
                    categories.append(item_to_category(item))
            if 'LastEvaluatedKey' not in response:
                return categories, manifest
            kwargs['ExclusiveStartKey'] = response['LastEvaluatedKey']

    def put_category(self, category, create=False):
        """Create (slug must be free) or overwrite a category."""
        kwargs = {}
        if create:
            kwargs['ConditionExpression'] = 'attribute_not_exists(pk)'
        try:
            self.client.put_item(TableName=self.table_name,
                                 Item=category_to_item(category), **kwargs)
        except self.client.exceptions.ConditionalCheckFailedException:
            raise SlugTaken(category.slug) from None
        self._catalog_changed()
        return category

    def delete_category(self, slug):
        self.client.delete_item(TableName=self.table_name, Key=category_key(slug))
        self._catalog_changed()

    def _catalog_changed(self):
        """After a category write: this instance reads the catalog again."""
        self._note_local_write()
