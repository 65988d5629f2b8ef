"""Creating and protecting the table: run by whoever deploys, never by the function.

The function's IAM policy leaves these operations out (tests/test_deploy.py),
so a compromised function cannot, say, turn point-in-time recovery off.
"""
import time

from .entries import SLUG_INDEX, STATUS_INDEX

PROVISIONING = ('table_definition', 'create_table', 'protect_table')
TTL_ATTRIBUTE = 'expires_at'   # login-throttle records remove themselves


# Every change to an item, with its state before and after: what the
# function's content_changed handler (chalicelib.derived) rebuilds from.
STREAM = {'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'}


def table_definition(table_name, deletion_protection=False):
    """CreateTable arguments: on-demand capacity, keys, indexes and the stream.

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
        'StreamSpecification': dict(STREAM),
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
    """Turn on point-in-time recovery, TTL expiry, the stream and, if asked,
    deletion protection.

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
    table = client.describe_table(TableName=table_name)['Table']
    if table.get('StreamSpecification', {}).get('StreamViewType') != STREAM['StreamViewType']:
        client.update_table(TableName=table_name, StreamSpecification=dict(STREAM))
        table = client.describe_table(TableName=table_name)['Table']
    states['stream of changes (for the content_changed handler)'] = \
        table.get('LatestStreamArn', 'on')
    enabled = table.get('DeletionProtectionEnabled', False)
    if deletion_protection and not enabled:
        client.update_table(TableName=table_name, DeletionProtectionEnabled=True)
        enabled = True
    states['deletion protection'] = 'on' if enabled else 'off'
    return states
