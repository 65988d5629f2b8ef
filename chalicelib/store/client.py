"""The DynamoDB client: bounded retries, a lean data loader, failures as 503s.

This is the one module that imports botocore for the running site; the
rest of the store goes through the client it makes.
"""
import os
import time

from ..errors import ServiceUnavailable


# A page's read gives up after REQUEST_READ_TIMEOUT seconds a try (three tries:
# well inside the Lambda's 10 s and API Gateway's 29 s).  The command line's
# imports and full rebuilds read 1 MB pages on end, which DynamoDB Local on a
# busy machine can take longer than that to answer: they wait longer.
REQUEST_READ_TIMEOUT = 5
BATCH_READ_TIMEOUT = 60


def make_client(read_timeout=REQUEST_READ_TIMEOUT):
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
                    connect_timeout=2, read_timeout=read_timeout)
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



def batch_get(client, table_name, keys, consistent=False, attempts=5):
    """The items of ``keys`` (at most 100) that exist, in any order.

    Keys DynamoDB leaves unprocessed (throttling, or past 16 MB of answer)
    are asked again, with a short backoff.
    """
    request = {table_name: {'Keys': keys, 'ConsistentRead': consistent}}
    items = []
    for attempt in range(attempts):
        response = client.batch_get_item(RequestItems=request)
        items += response.get('Responses', {}).get(table_name, ())
        request = response.get('UnprocessedKeys') or {}
        if not request:
            return items
        request[table_name]['ConsistentRead'] = consistent
        time.sleep(0.05 * 2 ** attempt)
    raise ServiceUnavailable('DynamoDB left %d keys unread after %d attempts'
                             % (len(request[table_name]['Keys']), attempts))


def batch_write(client, table_name, requests, attempts=8):
    """``PutRequest``/``DeleteRequest`` items, 25 a call, unprocessed ones again."""
    for start in range(0, len(requests), 25):
        pending = {table_name: requests[start:start + 25]}
        for attempt in range(attempts):
            response = client.batch_write_item(RequestItems=pending)
            pending = response.get('UnprocessedItems') or {}
            if not pending:
                break
            time.sleep(0.05 * 2 ** attempt)
        else:
            raise ServiceUnavailable('DynamoDB left %d writes undone after %d attempts'
                                     % (len(pending[table_name]), attempts))
