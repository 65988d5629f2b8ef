"""Shared fixtures: one DynamoDB Local for the session, a fresh table per test."""
import contextlib
import itertools
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from devtools.dynamodb_local import (DynamoDBLocal, MissingPrerequisite,  # noqa: E402
                                     local_aws_environment)
from chalicelib import derived, insights, store  # noqa: E402
from chalicelib.admin import passwords  # noqa: E402
from chalicelib.insights import searches  # noqa: E402
from chalicelib.site import caching  # noqa: E402

SEED = os.path.join(ROOT, 'seed')
SAMPLE = os.path.join(SEED, 'wordpress-faq-549.json')
_table_numbers = itertools.count(1)
PRODUCTION_COST = passwords.COST


# The test suite's one change to the production code's parameters: passwords
# are hashed at a trivial scrypt cost, as Django's test settings swap in a fast
# hasher.  At the real cost (passwords.COST, 128 MiB and ~0.5 s a hash) the
# suite's hundreds of logins would take minutes; tests/admin/test_passwords.py
# checks the real cost and the upgrade at login under ``production_cost``.
FAST_TEST_COST = passwords.Cost(n=2 ** 4, r=8, p=1)


@pytest.fixture(scope='session', autouse=True)
def fast_password_hashing():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, 'COST', FAST_TEST_COST)
        yield


@pytest.fixture
def production_cost(monkeypatch):
    """Passwords hashed at the production cost for this test."""
    monkeypatch.setattr(passwords, 'COST', PRODUCTION_COST)
    return PRODUCTION_COST


@pytest.fixture(scope='session')
def dynamodb_local():
    try:
        ddb = DynamoDBLocal().start()
    except MissingPrerequisite as missing:      # say it once, not at every test
        pytest.exit(str(missing), returncode=3)
    saved = {k: os.environ.get(k) for k in local_aws_environment(ddb.endpoint)}
    os.environ.update(local_aws_environment(ddb.endpoint))
    try:
        yield ddb
    finally:
        ddb.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope='session')
def dynamodb_client(dynamodb_local):
    return store.make_client()


def client_hooks(client):
    """``{event: handlers}`` of every handler registered on ``client``.

    Walks botocore's handler registry (``HierarchicalEmitter._handlers``, a
    prefix trie), which has no public listing.
    """
    found, nodes = {}, [((), client.meta.events._emitter._handlers._root)]
    while nodes:
        path, node = nodes.pop()
        values = node.get('values')
        if values is not None:
            found['.'.join(path)] = list(values.first) + list(values.middle) + \
                list(values.last)
        nodes += [(path + (chunk,), child) for chunk, child in node['children'].items()]
    return found


@pytest.fixture(autouse=True)
def no_hook_outlives_its_test(request):
    """A test that hooks the session's shared client must unhook it: a
    leftover handler runs in every later test (and may change what it sees)."""
    if 'dynamodb_client' not in request.fixturenames:
        yield
        return
    client = request.getfixturevalue('dynamodb_client')
    before = client_hooks(client)
    yield
    after = client_hooks(client)
    left = sorted(event for event in after if after[event] != before.get(event, []))
    assert not left, 'the test left handlers on the shared DynamoDB client: %s' % left[:3]


@pytest.fixture
def repo(dynamodb_client, monkeypatch):
    """A repository on a new, empty table, also used by the app's routes."""
    name = 'faq-test-%d-%d' % (os.getpid(), next(_table_numbers))
    store.create_table(dynamodb_client, name)
    repository = store.FaqRepository(dynamodb_client, name)
    monkeypatch.setattr(store, '_repository', repository)
    derived.forget()
    caching.forget_bodies()
    insights.forget_secrets()           # each table has its own secret of the day
    # every search written as it comes, as on a quiet site (tests/derived/test_costs.py
    # checks the batches of a busy one), and none held from another test's table
    monkeypatch.setattr(searches, 'FLUSH_SECONDS', 0)
    insights.forget_searches()
    yield repository
    derived.forget()
    caching.forget_bodies()
    insights.forget_searches()
    dynamodb_client.delete_table(TableName=name)


@contextlib.contextmanager
def shared_table(dynamodb_client, fill):
    """A table that a module's tests only read: filled, and its derived data
    built, once (a table per test costs seconds of DynamoDB Local each)."""
    from chalicelib.derived import builder
    name = 'faq-shared-%d-%d' % (os.getpid(), next(_table_numbers))
    store.create_table(dynamodb_client, name)
    repository = store.FaqRepository(dynamodb_client, name)
    try:
        fill(repository)
        builder.rebuild(repository=repository,
                        artifacts=store.ArtifactStore(dynamodb_client, name))
        yield repository
    finally:
        dynamodb_client.delete_table(TableName=name)


@pytest.fixture(scope='module')
def shared_tables(dynamodb_client):
    """``table(fill)``: the module's shared table filled by ``fill``, made on
    first use and deleted after the module's tests."""
    with contextlib.ExitStack() as stack:
        made = {}

        def table(fill):
            if fill not in made:
                made[fill] = stack.enter_context(shared_table(dynamodb_client, fill))
            return made[fill]
        yield table


def reading(shared, monkeypatch):
    """Point the app at a shared table for one test; fail the test if it wrote."""
    from chalicelib.store import entries
    monkeypatch.setattr(store, '_repository', shared)
    derived.forget()
    caching.forget_bodies()
    writes = entries.local_writes()
    yield shared
    assert entries.local_writes() == writes, 'a test wrote to a table other tests share'


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
    from chalicelib.settings import LOCAL_SITE_URL
    return dict({'SITE_URL': LOCAL_SITE_URL}, **stage_environment('local'))


@pytest.fixture
def token(repo):
    """An API token of the admin user ``editor`` (password in admin_helpers)."""
    from chalicelib.admin import auth
    from tests.admin_helpers import PASSWORD
    auth.create_user('editor', PASSWORD)
    return auth.create_token('editor', 'tests')
