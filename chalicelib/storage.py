"""The DynamoDB repository: the only module that talks to boto3.

One table holds everything; ``docs/data-model.md`` lists the items, keys,
indexes and access patterns.  In short: an entry lives at ``FAQ#<id>/ENTRY``
with its revisions beside it (``FAQ#<id>/REV#<version>``); slug claims
(``SLUG#<slug>``) make slugs unique and remember old ones for redirects;
every change is one ``TransactWriteItems`` that also writes the revision, an
audit record and bumps the content marker.  Public routes never Scan.
"""
import os
import time
from collections import namedtuple

from .errors import ServiceUnavailable
from .models import Category, FaqEntry, format_time, parse_time, utcnow

SLUG_INDEX = 'by-slug'
STATUS_INDEX = 'by-status'
LIST_ATTRIBUTES = ('id', 'slug', 'title', 'description', 'status', 'categories',
                   'created', 'modified', 'version', 'reading_minutes',
                   'trashed_from')
FIRST_LOCAL_ID = 10_000_000   # ids below are left to WordPress imports
local_writes = 0              # content changes made by this instance (see catalog)
TRANSACTION_ATTEMPTS = 4


class StorageError(Exception):
    """Base class of the storage errors callers handle."""


class DuplicateId(StorageError):
    pass


class NotFound(StorageError):
    pass


class SlugTaken(StorageError):
    def __init__(self, slug):
        self.slug = slug
        super().__init__('The slug %r is already used by another entry.' % slug)


class VersionConflict(StorageError):
    def __init__(self, current):
        self.current = current
        super().__init__('The entry changed since it was read; current version is %s.'
                         % (current.version if current else 'none (deleted)'))


def make_client():
    """A DynamoDB client with bounded retries and timeouts.

    Made with botocore, the engine under boto3, rather than boto3 itself:
    ``import boto3`` also loads s3transfer and its thread pools, which cost a
    Lambda cold start about 100 ms and give a DynamoDB client nothing.
    botocore honours ``AWS_ENDPOINT_URL_DYNAMODB``, which points it at
    DynamoDB Local in development and tests, and the usual credential chain.

    The Lambda runtime brings its own botocore and updates it on its own
    schedule: should the lean data loader ever not suit that botocore, the
    client is made with botocore's stock loader instead, and a warning says
    so, rather than every page failing.
    """
    import botocore.session
    from botocore.config import Config
    region = os.environ.get('AWS_REGION') or os.environ.get('AWS_DEFAULT_REGION') \
        or 'us-east-1'
    config = Config(retries={'mode': 'standard', 'total_max_attempts': 3},
                    connect_timeout=2, read_timeout=5)
    session = botocore.session.get_session()
    try:
        session.register_component('data_loader', dynamodb_data_loader(
            session.get_config_variable('data_path')))
        return session.create_client('dynamodb', region_name=region, config=config)
    except Exception as error:      # noqa: BLE001 (any failure: the stock loader decides)
        import logging
        logging.getLogger(__name__).warning(
            'lean botocore data loader failed (%s: %s); using the stock loader',
            type(error).__name__, error)
        return botocore.session.get_session().create_client(
            'dynamodb', region_name=region, config=config)


LOADER_SERVICES = ('dynamodb',)   # all the data loader below looks for


def dynamodb_data_loader(data_path=None):
    """botocore's data loader, without two costs a DynamoDB client never needs.

    The stock loader lists all ~450 service directories botocore ships, once
    for the service model and once for the endpoint rules, only to check
    that ``dynamodb`` is among them; and it decodes its JSON into
    ``OrderedDict``s, a Python 2 habit that makes loading the 1.2 MB
    endpoint table take nearly twice as long.  Together they are close to
    half of making the client (``bench.dynamodb_client``).
    This one looks only for the services in ``LOADER_SERVICES`` and decodes to
    plain dicts, which keep their order.  It reads the same files from the
    same places, ``AWS_DATA_PATH`` (``data_path``) included.
    """
    import gzip
    import json

    from botocore.exceptions import DataNotFoundError
    from botocore.loaders import Loader

    class PlainJSONFileLoader:
        OPENERS = (('.json', open), ('.json.gz', gzip.open))

        def exists(self, file_path):
            return any(os.path.isfile(file_path + ext) for ext, _ in self.OPENERS)

        def load_file(self, file_path):
            for ext, opener in self.OPENERS:
                if os.path.isfile(file_path + ext):
                    with opener(file_path + ext, 'rb') as data:
                        return json.loads(data.read())
            return None

    class DynamoDBDataLoader(Loader):
        def list_available_services(self, type_name):
            found = []
            for service in LOADER_SERVICES:
                try:
                    self.list_api_versions(service, type_name)
                except DataNotFoundError:
                    continue
                found.append(service)
            return found

    paths = None
    if data_path:
        paths = [os.path.expanduser(os.path.expandvars(path))
                 for path in data_path.split(os.pathsep)]
    return DynamoDBDataLoader(extra_search_paths=paths, file_loader=PlainJSONFileLoader())


# Error codes DynamoDB uses for "slow down" and "not now": worth a 503, not a 500.
TRANSIENT_CODES = {
    'ThrottlingException', 'ProvisionedThroughputExceededException',
    'RequestLimitExceeded', 'InternalServerError', 'ServiceUnavailable',
    'LimitExceededException', 'TransactionInProgressException',
}


class _GuardedClient:
    """A DynamoDB client whose platform failures raise ServiceUnavailable.

    botocore retries throttling and connection errors itself (standard mode,
    3 attempts); what still fails after that is reported as unavailability,
    never as a programming error.  Everything else passes through as is.
    """

    def __init__(self, client):
        self._client = client
        self.exceptions = client.exceptions
        self.meta = client.meta

    def __getattr__(self, name):
        method = getattr(self._client, name)
        if not callable(method):
            return method

        def call(*args, **kwargs):
            from botocore.exceptions import (BotoCoreError, ClientError,
                                             ConnectionError as BotoConnectionError,
                                             HTTPClientError)
            try:
                return method(*args, **kwargs)
            except ClientError as error:
                code = error.response.get('Error', {}).get('Code', '')
                status = error.response.get('ResponseMetadata', {}).get('HTTPStatusCode', 0)
                if code in TRANSIENT_CODES or status >= 500:
                    raise ServiceUnavailable('DynamoDB %s failed: %s' % (name, code),
                                             error) from error
                raise
            except (BotoConnectionError, HTTPClientError) as error:
                raise ServiceUnavailable('DynamoDB %s failed: %s' % (name, error),
                                         error) from error
            except BotoCoreError as error:
                if 'timeout' in type(error).__name__.lower():
                    raise ServiceUnavailable('DynamoDB %s timed out' % name, error) from error
                raise
        return call


def guarded(client):
    return client if isinstance(client, _GuardedClient) else _GuardedClient(client)


# -- item mapping -------------------------------------------------------------

def _s(value):
    return {'S': value}


def _n(value):
    return {'N': str(value)}


def _strings(values):
    return {'L': [_s(v) for v in values]}


def _key(pk, sk):
    return {'pk': _s(pk), 'sk': _s(sk)}


def entry_key(entry_id):
    return _key('FAQ#%d' % entry_id, 'ENTRY')


def revision_key(entry_id, version):
    return _key('FAQ#%d' % entry_id, 'REV#%010d' % version)


def slug_key(slug):
    return _key('SLUG#' + slug, 'SLUG')


# The marker sits beside the categories so that one Query reads both (catalog_head).
CONTENT_MARKER_KEY = _key('CATALOG', 'MARKER')
ID_COUNTER_KEY = _key('META', 'IDS')


def created_key(entry):
    return '%s#%012d' % (format_time(entry.created), entry.id)


def entry_attributes(entry):
    """The entry's own attributes, without keys or index attributes."""
    return {
        'id': _n(entry.id),
        'title': _s(entry.title),
        'content': _s(entry.content),
        'description': _s(entry.description),
        'description_given': {'BOOL': entry.description_given},
        'categories': _strings(entry.categories),
        'created': _s(format_time(entry.created)),
        'modified': _s(format_time(entry.modified)),
        'version': _n(entry.version),
        'reading_minutes': _n(entry.reading_minutes),
        'trashed_from': _s(entry.trashed_from),
        'old_slugs': _strings(entry.old_slugs),
        # slug and status are index keys on the entry item; under other
        # names here so that revisions never appear in the indexes
        'entry_slug': _s(entry.slug),
        'entry_status': _s(entry.status),
    }


def entry_to_item(entry):
    item = entry_key(entry.id)
    item.update(entry_attributes(entry))
    item.update({'slug': _s(entry.slug), 'status': _s(entry.status),
                 'created_key': _s(created_key(entry))})
    return item


def _text(item, name, default=''):
    return item.get(name, {}).get('S', default)


def item_to_entry(item):
    return FaqEntry(
        id=int(item['id']['N']),
        slug=_text(item, 'slug') or _text(item, 'entry_slug'),
        title=item['title']['S'],
        content=_text(item, 'content'),
        description=item['description']['S'],
        description_given=item.get('description_given', {}).get('BOOL', False),
        status=_text(item, 'status') or _text(item, 'entry_status'),
        categories=tuple(c['S'] for c in item.get('categories', {}).get('L', ())),
        created=parse_time(item['created']['S']),
        modified=parse_time(item['modified']['S']),
        version=int(item['version']['N']),
        reading_minutes=int(item['reading_minutes']['N']),
        trashed_from=_text(item, 'trashed_from'),
        old_slugs=tuple(c['S'] for c in item.get('old_slugs', {}).get('L', ())),
    )


def category_key(slug):
    return _key('CATALOG', 'CAT#' + slug)


def category_to_item(category):
    item = category_key(category.slug)
    item.update({'id': _n(category.id), 'category_slug': _s(category.slug),
                 'name': _s(category.name), 'description': _s(category.description)})
    return item


def item_to_category(item):
    return Category(id=int(item['id']['N']), slug=item['category_slug']['S'],
                    name=item['name']['S'], description=_text(item, 'description'))


# Plain records.  Named tuples rather than dataclasses: each dataclass costs
# a Lambda cold start about a millisecond to define.
Revision = namedtuple('Revision', 'entry saved actor')     # the state replaced, when, by whom
# ``key`` orders records within their month; a page of the log continues after one.
AuditRecord = namedtuple('AuditRecord', 'at actor action entry_id version detail key')


# -- the repository -----------------------------------------------------------

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
        """Every entry of one status, newest first (one Query per MB)."""
        return [item_to_entry(item) for item in self._query_status(status, content)]

    def _query_status(self, status, content, wanted=None):
        names = {'#%d' % i: name for i, name in enumerate(
            LIST_ATTRIBUTES + (('content',) if content else ()))}
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

    def content_marker(self):
        """A number that changes whenever published content may have changed."""
        response = self.client.get_item(
            TableName=self.table_name, Key=CONTENT_MARKER_KEY,
            ProjectionExpression='changes')
        return int(response.get('Item', {}).get('changes', {}).get('N', 0))

    def audit_log(self, month=None, limit=100, before=None):
        """Audit records of one month (``YYYY-MM``, default this one), newest
        first; after the record whose ``key`` is ``before``, if given."""
        month = month or format_time(utcnow())[:7]
        condition, values = 'pk = :pk', {':pk': _s('AUDIT#' + month)}
        if before:
            condition += ' AND sk < :before'
            values[':before'] = _s(before)
        response = self.client.query(
            TableName=self.table_name, ScanIndexForward=False, Limit=limit,
            KeyConditionExpression=condition, ExpressionAttributeValues=values)
        return [AuditRecord(at=_text(i, 'at'), actor=_text(i, 'actor'),
                            action=_text(i, 'action'), entry_id=int(i['entry_id']['N']),
                            version=int(i['version']['N']), detail=_text(i, 'detail'),
                            key=i['sk']['S'])
                for i in response.get('Items', ())]

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
        items += [self._audit_put(entry, actor, 'purge'), self._marker_update()]
        self._transact(items, entry)
        for revision in self.list_revisions(entry.id):
            self.client.delete_item(TableName=self.table_name,
                                    Key=revision_key(entry.id, revision.entry.version))

    def _write(self, entry, previous, actor, action):
        table = self.table_name
        put_entry = {'TableName': table, 'Item': entry_to_item(entry)}
        if previous is None:
            put_entry['ConditionExpression'] = 'attribute_not_exists(pk)'
        else:
            put_entry['ConditionExpression'] = 'version = :v'
            put_entry['ExpressionAttributeValues'] = {':v': _n(previous.version)}
        items = [{'Put': put_entry}]
        slug_index = None
        if previous is None or entry.slug != previous.slug:
            slug_index = len(items)
            items.append({'Put': {
                'TableName': table, 'Item': dict(slug_key(entry.slug), faq_id=_n(entry.id)),
                'ConditionExpression': 'attribute_not_exists(pk) OR faq_id = :id',
                'ExpressionAttributeValues': {':id': _n(entry.id)}}})
        if previous is not None:
            revision = revision_key(previous.id, previous.version)
            revision.update({'entry': {'M': entry_attributes(previous)},
                             'saved': _s(format_time(utcnow())), 'actor': _s(actor)})
            items.append({'Put': {'TableName': table, 'Item': revision}})
        items += [self._audit_put(entry, actor, action), self._marker_update()]
        self._transact(items, entry, slug_index, creating=previous is None)

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
        now = format_time(utcnow())
        return {'Put': {'TableName': self.table_name, 'Item': {
            # nanoseconds keep records of the same second in order
            'pk': _s('AUDIT#' + now[:7]),
            'sk': _s('%s#%019d#%s' % (now, time.time_ns(), os.urandom(4).hex())),
            'at': _s(now), 'actor': _s(actor), 'action': _s(action),
            'entry_id': _n(entry.id), 'version': _n(entry.version),
            'detail': _s(entry.slug)}}}

    @staticmethod
    def _note_local_write():
        global local_writes
        local_writes += 1

    def _marker_update(self):
        return {'Update': {'TableName': self.table_name, 'Key': CONTENT_MARKER_KEY,
                           'UpdateExpression': 'ADD changes :one',
                           'ExpressionAttributeValues': {':one': _n(1)}}}

    # categories

    def list_categories(self):
        """Every category, by slug: one Query."""
        return self.catalog_head()[1]

    def catalog_head(self):
        """``(content marker, categories)`` in one Query of their partition."""
        marker, categories = 0, []
        kwargs = dict(TableName=self.table_name, KeyConditionExpression='pk = :pk',
                      ExpressionAttributeValues={':pk': _s('CATALOG')})
        while True:
            response = self.client.query(**kwargs)
            for item in response.get('Items', ()):
                if item['sk']['S'] == 'MARKER':
                    marker = int(item['changes']['N'])
                else:
                    categories.append(item_to_category(item))
            if 'LastEvaluatedKey' not in response:
                return marker, categories
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
        """After a category write: move the marker, so instances reload."""
        self.client.update_item(**self._marker_update()['Update'])
        self._note_local_write()


# -- admin accounts -------------------------------------------------------------

# session_epoch is bumped at logout: signed cookies of older epochs die
User = namedtuple('User', 'name password_hash session_epoch')
ApiToken = namedtuple('ApiToken', 'token_hash user label created')


class AccountStore:
    """Admin users, API token hashes, login throttling and the session key.

    Lambda instances share nothing, so all of it lives in the table.
    """

    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def get_user(self, name):
        response = self.client.get_item(TableName=self.table_name,
                                        Key=_key('USER#' + name, 'USER'))
        item = response.get('Item')
        if not item:
            return None
        return User(name=name, password_hash=item['password_hash']['S'],
                    session_epoch=int(item['session_epoch']['N']))

    def put_user(self, name, password_hash):
        """Create the user, or set a new password (which ends its sessions)."""
        self.client.update_item(
            TableName=self.table_name, Key=_key('USER#' + name, 'USER'),
            UpdateExpression='SET password_hash = :h, created = if_not_exists(created, :now) '
                             'ADD session_epoch :one',
            ExpressionAttributeValues={':h': _s(password_hash), ':one': _n(1),
                                       ':now': _s(format_time(utcnow()))})

    def end_sessions(self, name):
        self.client.update_item(
            TableName=self.table_name, Key=_key('USER#' + name, 'USER'),
            UpdateExpression='ADD session_epoch :one',
            ConditionExpression='attribute_exists(pk)',
            ExpressionAttributeValues={':one': _n(1)})

    def put_token(self, token_hash, user, label):
        self.client.put_item(TableName=self.table_name, Item={
            **_key('TOKEN#' + token_hash, 'TOKEN'), 'user': _s(user),
            'label': _s(label), 'created': _s(format_time(utcnow()))},
            ConditionExpression='attribute_not_exists(pk)')

    def get_token(self, token_hash):
        response = self.client.get_item(TableName=self.table_name,
                                        Key=_key('TOKEN#' + token_hash, 'TOKEN'))
        item = response.get('Item')
        if not item:
            return None
        return ApiToken(token_hash=token_hash, user=item['user']['S'],
                        label=_text(item, 'label'), created=_text(item, 'created'))

    def delete_token(self, token_hash):
        self.client.delete_item(TableName=self.table_name,
                                Key=_key('TOKEN#' + token_hash, 'TOKEN'))

    def failure_counts(self, keys, window):
        """Login failures recorded in this time window, for each throttle key."""
        response = self.client.batch_get_item(RequestItems={self.table_name: {
            'Keys': [_key('THROTTLE#%s' % k, 'W#%d' % window) for k in keys],
            'ConsistentRead': True}})
        counts = dict.fromkeys(keys, 0)
        for item in response.get('Responses', {}).get(self.table_name, ()):
            counts[item['pk']['S'][len('THROTTLE#'):]] = int(item['failures']['N'])
        return counts

    def record_failure(self, keys, window, expires_at):
        for key in keys:
            self.client.update_item(
                TableName=self.table_name, Key=_key('THROTTLE#%s' % key, 'W#%d' % window),
                UpdateExpression='ADD failures :one SET expires_at = :ttl',
                ExpressionAttributeValues={':one': _n(1), ':ttl': _n(expires_at)})

    def session_key(self, new_key):
        """The site's session-signing key: ``new_key`` if none was stored yet.

        The first instance to need a key stores it conditionally; every
        other instance reads the one that won.
        """
        key = _key('META', 'SESSION_KEY')
        try:
            self.client.put_item(TableName=self.table_name,
                                 Item=dict(key, secret=_s(new_key)),
                                 ConditionExpression='attribute_not_exists(pk)')
            return new_key
        except self.client.exceptions.ConditionalCheckFailedException:
            response = self.client.get_item(TableName=self.table_name, Key=key,
                                            ConsistentRead=True)
            return response['Item']['secret']['S']


def get_accounts():
    """The account store, on the same client and table as the repository."""
    repository = get_repository()
    return AccountStore(repository.client, repository.table_name)


# -- provisioning -------------------------------------------------------------
# Run from the command line by whoever deploys, never by the Lambda function:
# the function's IAM policy leaves these operations out (tests/test_deploy.py),
# so a compromised function cannot, say, turn point-in-time recovery off.
PROVISIONING = ('table_definition', 'create_table', 'protect_table')
TTL_ATTRIBUTE = 'expires_at'   # login-throttle records remove themselves


def table_definition(table_name, deletion_protection=False):
    """CreateTable arguments: on-demand capacity, keys and indexes.

    ``deploy/resources.json`` (the CloudFormation table) must declare the same
    keys, attributes and indexes; tests/test_deploy.py keeps the two equal.
    """
    return {
        'TableName': table_name,
        'BillingMode': 'PAY_PER_REQUEST',
        'DeletionProtectionEnabled': deletion_protection,
        'AttributeDefinitions': [
            {'AttributeName': name, 'AttributeType': 'S'}
            for name in ('pk', 'sk', 'slug', 'status', 'created_key')],
        'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'},
                      {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
        'GlobalSecondaryIndexes': [
            {'IndexName': SLUG_INDEX,
             'KeySchema': [{'AttributeName': 'slug', 'KeyType': 'HASH'}],
             'Projection': {'ProjectionType': 'ALL'}},
            {'IndexName': STATUS_INDEX,
             'KeySchema': [{'AttributeName': 'status', 'KeyType': 'HASH'},
                           {'AttributeName': 'created_key', 'KeyType': 'RANGE'}],
             'Projection': {'ProjectionType': 'ALL'}},
        ],
    }


def create_table(client, table_name, deletion_protection=False):
    """Create the table unless it exists; return True if it was created.

    ``deletion_protection`` applies to a new table; ``protect_table`` turns
    it on for one that exists already.
    """
    try:
        client.create_table(**table_definition(table_name, deletion_protection))
    except client.exceptions.ResourceInUseException:
        return False
    client.get_waiter('table_exists').wait(
        TableName=table_name, WaiterConfig={'Delay': 1, 'MaxAttempts': 60})
    return True


def protect_table(client, table_name, deletion_protection=False, attempts=12, delay=5):
    """Turn on point-in-time recovery, TTL expiry and, if asked, deletion protection.

    Idempotent, and never turns either off.  Returns ``{setting: state}`` for
    the command line.  A new table's backups become available a little after
    it is ACTIVE, hence the retries.  DynamoDB Local has no continuous backups
    (it answers ``UnknownOperationException``): that is reported, not raised.
    """
    states = {}
    for attempt in range(attempts):
        try:
            client.update_continuous_backups(
                TableName=table_name,
                PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
            states['point-in-time recovery'] = 'on'
            break
        except client.exceptions.ContinuousBackupsUnavailableException:
            if attempt == attempts - 1:
                raise
            time.sleep(delay)
        except client.exceptions.ClientError as error:
            if error.response.get('Error', {}).get('Code') != 'UnknownOperationException':
                raise
            states['point-in-time recovery'] = (
                'skipped, this endpoint does not support it (UnknownOperationException, '
                'as DynamoDB Local answers)')
            break
    ttl = client.describe_time_to_live(TableName=table_name)['TimeToLiveDescription']
    if ttl.get('TimeToLiveStatus') not in ('ENABLED', 'ENABLING'):
        client.update_time_to_live(TableName=table_name, TimeToLiveSpecification={
            'Enabled': True, 'AttributeName': TTL_ATTRIBUTE})
    states['expiry of login-throttle records (TTL on %s)' % TTL_ATTRIBUTE] = 'on'
    enabled = client.describe_table(TableName=table_name)['Table'].get(
        'DeletionProtectionEnabled', False)
    if deletion_protection and not enabled:
        client.update_table(TableName=table_name, DeletionProtectionEnabled=True)
        enabled = True
    states['deletion protection'] = 'on' if enabled else 'off'
    return states


_repository = None


def get_repository():
    """The repository for this Lambda container, created on first use."""
    global _repository
    if _repository is None:
        from .config import get_settings
        _repository = FaqRepository(make_client(), get_settings().table_name)
    return _repository
