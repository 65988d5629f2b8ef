"""The DynamoDB repository: the only module that talks to boto3.

One table holds everything (see ``docs/data-model.md``):

=====================  ==========  ===========================================
item                   pk / sk     purpose
=====================  ==========  ===========================================
FAQ entry              FAQ#<id>    the entry itself; ``slug`` and ``status``
                       ENTRY       attributes feed the two indexes
slug claim             SLUG#<s>    makes slugs unique: written in the same
                       SLUG        transaction as the entry, conditionally
=====================  ==========  ===========================================

Indexes: ``by-slug`` (hash ``slug``) serves a FAQ page with one Query;
``by-status`` (hash ``status``, range ``created_key``) lists entries newest
first.  Public routes never Scan.
"""
import os

from .models import FaqEntry, parse_time, format_time

SLUG_INDEX = 'by-slug'
STATUS_INDEX = 'by-status'
LIST_ATTRIBUTES = ('id', 'slug', 'title', 'description', 'status', 'categories',
                   'created', 'modified', 'version', 'reading_minutes')


class StorageError(Exception):
    """Base class of the storage errors callers handle."""


class DuplicateId(StorageError):
    pass


class SlugTaken(StorageError):
    def __init__(self, slug):
        self.slug = slug
        super().__init__('The slug %r is already used by another entry.' % slug)


class VersionConflict(StorageError):
    def __init__(self, current):
        self.current = current
        super().__init__('The entry changed since version was read; '
                         'current version is %s.' % (current.version if current else None))


def make_client():
    """A DynamoDB client with bounded retries and timeouts.

    boto3 honours ``AWS_ENDPOINT_URL_DYNAMODB``, which points it at DynamoDB
    Local in development and tests.  Imported here, on first use, so that a
    Lambda cold start pays for boto3 only when a request needs it.
    """
    import boto3
    from botocore.config import Config
    region = os.environ.get('AWS_REGION') or os.environ.get('AWS_DEFAULT_REGION') \
        or 'us-east-1'
    config = Config(retries={'mode': 'standard', 'max_attempts': 3},
                    connect_timeout=2, read_timeout=5, region_name=region)
    return boto3.session.Session().client('dynamodb', config=config)


# -- item mapping -------------------------------------------------------------

def _s(value):
    return {'S': value}


def _n(value):
    return {'N': str(value)}


def entry_key(entry_id):
    return {'pk': _s('FAQ#%d' % entry_id), 'sk': _s('ENTRY')}


def slug_key(slug):
    return {'pk': _s('SLUG#' + slug), 'sk': _s('SLUG')}


def created_key(entry):
    return '%s#%012d' % (format_time(entry.created), entry.id)


def entry_to_item(entry):
    item = entry_key(entry.id)
    item.update({
        'id': _n(entry.id),
        'slug': _s(entry.slug),
        'title': _s(entry.title),
        'content': _s(entry.content),
        'description': _s(entry.description),
        'description_given': {'BOOL': entry.description_given},
        'status': _s(entry.status),
        'categories': {'L': [_s(c) for c in entry.categories]},
        'created': _s(format_time(entry.created)),
        'modified': _s(format_time(entry.modified)),
        'created_key': _s(created_key(entry)),
        'version': _n(entry.version),
        'reading_minutes': _n(entry.reading_minutes),
    })
    return item


def item_to_entry(item):
    return FaqEntry(
        id=int(item['id']['N']),
        slug=item['slug']['S'],
        title=item['title']['S'],
        content=item.get('content', {}).get('S', ''),
        description=item['description']['S'],
        description_given=item.get('description_given', {}).get('BOOL', False),
        status=item['status']['S'],
        categories=tuple(c['S'] for c in item.get('categories', {}).get('L', ())),
        created=parse_time(item['created']['S']),
        modified=parse_time(item['modified']['S']),
        version=int(item['version']['N']),
        reading_minutes=int(item['reading_minutes']['N']),
    )


# -- the repository -----------------------------------------------------------

class FaqRepository:
    """FAQ entries in one DynamoDB table, through a low-level client."""

    def __init__(self, client, table_name):
        self.client = client
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

    def list_by_status(self, status='publish', offset=0, limit=10, content=False):
        """Entries of one status, newest first: ``(entries, has_more)``.

        Reads ``offset + limit + 1`` index items, so the first pages of a
        listing cost one Query; see docs/data-model.md for where this stops.
        """
        wanted = offset + limit + 1
        items = []
        names = {'#%d' % i: name for i, name in enumerate(
            LIST_ATTRIBUTES + (('content',) if content else ()))}
        kwargs = dict(
            TableName=self.table_name, IndexName=STATUS_INDEX,
            KeyConditionExpression='#s = :status', ScanIndexForward=False,
            ExpressionAttributeValues={':status': _s(status)},
            ProjectionExpression=', '.join(names),
            ExpressionAttributeNames=dict(names, **{'#s': 'status'}))
        while len(items) < wanted:
            response = self.client.query(Limit=wanted - len(items), **kwargs)
            items.extend(response.get('Items', ()))
            if 'LastEvaluatedKey' not in response:
                break
            kwargs['ExclusiveStartKey'] = response['LastEvaluatedKey']
        page = [item_to_entry(item) for item in items[offset:offset + limit]]
        return page, len(items) > offset + limit

    # writes

    def create(self, entry):
        """Store a new entry; its id and slug must both be free."""
        try:
            self.client.transact_write_items(TransactItems=[
                {'Put': {'TableName': self.table_name, 'Item': entry_to_item(entry),
                         'ConditionExpression': 'attribute_not_exists(pk)'}},
                {'Put': {'TableName': self.table_name,
                         'Item': dict(slug_key(entry.slug), faq_id=_n(entry.id)),
                         'ConditionExpression': 'attribute_not_exists(pk)'}},
            ])
        except self.client.exceptions.TransactionCanceledException as error:
            reasons = [r.get('Code') for r in
                       error.response.get('CancellationReasons', ())]
            if reasons and reasons[0] == 'ConditionalCheckFailed':
                raise DuplicateId('Entry %d already exists.' % entry.id) from None
            if len(reasons) > 1 and reasons[1] == 'ConditionalCheckFailed':
                raise SlugTaken(entry.slug) from None
            raise
        return entry

    def replace(self, entry, expected_version):
        """Overwrite an entry whose slug is unchanged, if still at ``expected_version``."""
        try:
            self.client.put_item(
                TableName=self.table_name, Item=entry_to_item(entry),
                ConditionExpression='version = :v',
                ExpressionAttributeValues={':v': _n(expected_version)})
        except self.client.exceptions.ConditionalCheckFailedException:
            raise VersionConflict(self.get_by_id(entry.id)) from None
        return entry


# -- provisioning -------------------------------------------------------------

def table_definition(table_name):
    """CreateTable arguments; also the source of the CloudFormation resource."""
    return {
        'TableName': table_name,
        'BillingMode': 'PAY_PER_REQUEST',
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


def create_table(client, table_name):
    """Create the table unless it exists; return True if it was created."""
    try:
        client.create_table(**table_definition(table_name))
    except client.exceptions.ResourceInUseException:
        return False
    client.get_waiter('table_exists').wait(
        TableName=table_name, WaiterConfig={'Delay': 1, 'MaxAttempts': 60})
    return True


_repository = None


def get_repository():
    """The repository for this Lambda container, created on first use."""
    global _repository
    if _repository is None:
        from .config import get_settings
        _repository = FaqRepository(make_client(), get_settings().table_name)
    return _repository
