"""Shared fixtures: one DynamoDB Local for the session, a fresh table per test."""
import itertools
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from devtools.dynamodb_local import DynamoDBLocal, local_aws_environment  # noqa: E402
from chalicelib import derived, store  # noqa: E402
from chalicelib.site import caching  # noqa: E402

SEED = os.path.join(ROOT, 'seed')
SAMPLE = os.path.join(SEED, 'wordpress-faq-549.json')
_table_numbers = itertools.count(1)


@pytest.fixture(scope='session')
def dynamodb_local():
    with DynamoDBLocal() as ddb:
        saved = {k: os.environ.get(k) for k in local_aws_environment(ddb.endpoint)}
        os.environ.update(local_aws_environment(ddb.endpoint))
        yield ddb
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope='session')
def dynamodb_client(dynamodb_local):
    return store.make_client()


@pytest.fixture
def repo(dynamodb_client, monkeypatch):
    """A repository on a new, empty table, also used by the app's routes."""
    name = 'faq-test-%d-%d' % (os.getpid(), next(_table_numbers))
    store.create_table(dynamodb_client, name)
    repository = store.FaqRepository(dynamodb_client, name)
    monkeypatch.setattr(store, '_repository', repository)
    derived.forget()
    caching.forget_bodies()
    yield repository
    derived.forget()
    caching.forget_bodies()
    dynamodb_client.delete_table(TableName=name)


@pytest.fixture
def stream(repo, dynamodb_local):
    """The table's stream, feeding the app's ``content_changed`` handler as
    Lambda does, when a test calls ``stream.drain()``."""
    import app
    from devtools.stream import StreamPump
    return StreamPump(dynamodb_local.endpoint, repo.table_name, app.content_changed)


@pytest.fixture
def client(repo, stream):
    """The app through Chalice's test client.  Before each request the stream
    is drained: the builder has caught up, as it has a few seconds after a
    change on AWS.  (Tests of that delay use ``stream`` and a bare client.)"""
    from chalice.test import Client
    from app import app
    with Client(app, stage_name='local') as test_client:
        http = test_client.http
        for method in ('get', 'post', 'put', 'patch', 'delete', 'head', 'options'):
            original = getattr(http, method)

            def caught_up(*args, _original=original, **kwargs):
                stream.drain()
                return _original(*args, **kwargs)
            setattr(http, method, caught_up)
        yield test_client


@pytest.fixture
def served(repo, stream):
    """The app over real HTTP (Chalice's local server in a thread), on this
    test's table, the builder caught up with what the test wrote first."""
    from tests.local_server import serving
    stream.drain()
    with serving() as server:
        yield server


@pytest.fixture
def local_settings():
    """The settings of the ``local`` stage, as the app sees them."""
    from chalicelib.cli import stage_environment
    return stage_environment('local')


@pytest.fixture
def token(repo):
    """An API token of the admin user ``editor`` (password in admin_helpers)."""
    from chalicelib.admin import auth
    from tests.admin_helpers import PASSWORD
    auth.create_user('editor', PASSWORD)
    return auth.create_token('editor', 'tests')
