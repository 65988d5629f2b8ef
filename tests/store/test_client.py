"""The DynamoDB client: a lean data loader that changes nothing botocore does.

``store.make_client`` gives botocore a loader that skips listing every
service botocore ships and decodes to plain dicts.  These tests hold it to
botocore's own loader: the same data, the same endpoints and request
signing in every partition, and ``AWS_DATA_PATH`` still honoured.
"""
import gzip
import json
import os

import botocore.session
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import UnknownServiceError
from botocore.loaders import Loader

from chalicelib import store


@pytest.mark.parametrize('type_name', ['service-2', 'endpoint-rule-set-1',
                                       'paginators-1', 'waiters-2'])
def test_service_models_equal_botocores_own(type_name):
    lean = store.dynamodb_data_loader()
    assert lean.load_service_model('dynamodb', type_name) == \
        Loader().load_service_model('dynamodb', type_name)


@pytest.mark.parametrize('name', ['endpoints', 'partitions', '_retry',
                                  'sdk-default-configuration'])
def test_shared_data_equals_botocores_own(name):
    assert store.dynamodb_data_loader().load_data(name) == Loader().load_data(name)


def test_it_knows_only_dynamodb():
    lean = store.dynamodb_data_loader()
    assert lean.list_available_services('service-2') == ['dynamodb']
    with pytest.raises(UnknownServiceError):
        lean.load_service_model('s3', 'service-2')


def _sent_request(client):
    """URL and credential scope of a GetItem, captured instead of being sent."""
    sent = {}

    def capture(request, **_):
        sent['url'] = request.url
        sent['scope'] = request.headers['Authorization'].decode().split('Credential=')[1] \
            .split(',')[0].split('/', 2)[2]
        response = AWSResponse(request.url, 200, {}, None)
        response._content = b'{}'
        return response

    client.meta.events.register('before-send', capture)
    client.get_item(TableName='t', Key={'pk': {'S': 'x'}})
    return sent


@pytest.mark.parametrize('region', ['us-east-1', 'eu-central-1', 'cn-north-1',
                                    'us-gov-west-1', 'ap-southeast-5'])
def test_endpoints_and_signing_match_a_stock_client_in_every_partition(region, monkeypatch):
    for name in ('AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL', 'AWS_DEFAULT_REGION'):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv('AWS_REGION', region)
    monkeypatch.setenv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE')
    monkeypatch.setenv('AWS_SECRET_ACCESS_KEY', 'secret')
    ours = store.make_client()
    stock = botocore.session.get_session().create_client('dynamodb', region_name=region)
    assert ours.meta.partition == stock.meta.partition
    assert _sent_request(ours) == _sent_request(stock)
    assert _sent_request(ours)['scope'].startswith(region + '/dynamodb/')


def test_aws_data_path_is_still_honoured(tmp_path, monkeypatch):
    model = Loader().load_service_model('dynamodb', 'service-2')
    model['metadata']['serviceFullName'] = 'DynamoDB from AWS_DATA_PATH'
    version = model['metadata']['apiVersion']
    folder = tmp_path / 'dynamodb' / version
    folder.mkdir(parents=True)
    with gzip.open(folder / 'service-2.json.gz', 'wt') as out:
        json.dump(model, out)
    monkeypatch.setenv('AWS_DATA_PATH', '%s%s%s' % (tmp_path / 'nothing', os.pathsep, tmp_path))
    client = store.make_client()
    assert client.meta.service_model.metadata['serviceFullName'] == \
        'DynamoDB from AWS_DATA_PATH'


def test_a_botocore_the_lean_loader_does_not_suit_falls_back_to_the_stock_one(
        monkeypatch, caplog, dynamodb_local):
    """The Lambda runtime updates botocore on its own schedule."""
    class Unsuitable(Loader):
        def list_api_versions(self, *args, **kwargs):
            raise AttributeError('this botocore has no list_api_versions')

    from chalicelib.store import client as store_client
    monkeypatch.setattr(store_client, 'dynamodb_data_loader', lambda data_path=None: Unsuitable())
    client = store.make_client()
    assert 'TableNames' in client.list_tables()          # a working client, on DynamoDB Local
    assert 'using the stock loader' in caplog.text and 'AttributeError' in caplog.text


def test_the_command_line_waits_longer_for_a_read_than_a_request(monkeypatch, dynamodb_local):
    """A request gives up soon (three tries inside the Lambda's 10 s); an
    import or full rebuild reads 1 MB pages on end and may wait."""
    from chalicelib.store import client as store_client
    monkeypatch.setattr(store, '_read_timeout', store_client.REQUEST_READ_TIMEOUT)
    monkeypatch.setattr(store, '_repository', None)
    assert store.get_repository().client.meta.config.read_timeout == \
        store_client.REQUEST_READ_TIMEOUT == 5
    monkeypatch.setattr(store, '_repository', None)
    store.for_batch_work()
    assert store.get_repository().client.meta.config.read_timeout == \
        store_client.BATCH_READ_TIMEOUT == 60
