"""Deployment: IAM policies, provisioning and the CloudFormation table.

* Each deployed stage's IAM policy (``autogen_policy: false``) allows exactly
  the DynamoDB actions the store (``chalicelib/store/``) calls, on that stage's
  table and its indexes only.  The operations are read from the store's
  source on every run, so a new call without a policy change fails here.
* ``create-table`` is idempotent, on-demand, turns on deletion protection for
  prod and asks for point-in-time recovery (DynamoDB Local has no backups).
* ``deploy/resources.json`` declares the same table as
  ``store.table_definition`` and the merged ``chalice package`` template
  passes cfn-lint.
"""
import ast
import itertools
import json
import os
import re
import subprocess
import sys

import botocore.session
import pytest
from botocore import xform_name

from chalicelib import cli, store
from chalicelib.store import provisioning
from devtools import lambda_package
from tests.conftest import ROOT

CONFIG_DIR = os.path.join(ROOT, '.chalice')
STORE = os.path.join(ROOT, 'chalicelib', 'store')
RESOURCES = os.path.join(ROOT, 'deploy', 'resources.json')
DEPLOYED_STAGES = ('dev', 'prod')
_names = itertools.count(1)

# Client methods that are not DynamoDB API operations.  get_waiter and
# get_paginator are resolved to the operation they call (below).
NOT_OPERATIONS = {'can_paginate', 'close', 'get_waiter', 'get_paginator'}

# The IAM actions an API operation needs, where they differ from
# ``dynamodb:<Operation>``.  IAM has no TransactWriteItems/TransactGetItems
# action: each item of a transaction is authorised as its own operation
# (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html):
# Put -> PutItem, Update -> UpdateItem, Delete -> DeleteItem,
# ConditionCheck -> ConditionCheckItem, Get -> GetItem.  Which of those item
# kinds the store builds is read from its source (dict literals keyed 'Put',
# 'Update', 'Delete', 'ConditionCheck'), so TransactWriteItems needs exactly
# the actions of the items the code writes.
TRANSACT_WRITE_ITEM_ACTIONS = {'Put': 'PutItem', 'Update': 'UpdateItem',
                               'Delete': 'DeleteItem',
                               'ConditionCheck': 'ConditionCheckItem'}
TRANSACT_GET_ITEM_ACTIONS = {'Get': 'GetItem'}
# PartiQL operations are authorised per statement kind (PartiQLSelect,
# PartiQLInsert, ...): map them here when the store starts using them.
NEEDS_A_MAPPING = {'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction'}


def read_config():
    with open(os.path.join(CONFIG_DIR, 'config.json'), encoding='utf-8') as handle:
        return json.load(handle)


def stage_table_name(config, stage):
    env = dict(config.get('environment_variables', {}),
               **config['stages'][stage].get('environment_variables', {}))
    return env['TABLE_NAME']


def stage_policy(config, stage):
    settings = dict(config, **config['stages'][stage])
    assert settings.get('autogen_policy') is False, stage
    path = os.path.join(CONFIG_DIR, settings.get('iam_policy_file',
                                                 'policy-%s.json' % stage))
    with open(path, encoding='utf-8') as handle:
        return json.load(handle)


# -- what store.py calls ----------------------------------------------------

def _is_client(node):
    """``client`` or ``<anything>.client``."""
    return (isinstance(node, ast.Name) and node.id == 'client') or \
        (isinstance(node, ast.Attribute) and node.attr == 'client')


def called_operations(source):
    """``{OperationName: [line, ...]}`` for every DynamoDB call in ``source``.

    Finds ``client.<op>(...)`` and ``<x>.client.<op>(...)``; a waiter or a
    paginator counts as the operation it calls (``get_waiter('table_exists')``
    is DescribeTable).  A client method that is not a DynamoDB operation fails
    loudly rather than being skipped.
    """
    session = botocore.session.get_session()
    operations = {xform_name(name): name
                  for name in session.get_service_model('dynamodb').operation_names}
    waiters = session.get_waiter_model('dynamodb')
    waiter_operations = {xform_name(name): waiters.get_waiter(name).operation
                         for name in waiters.waiter_names}
    found = {}
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and _is_client(node.func.value)):
            continue
        method = node.func.attr
        if method in ('get_waiter', 'get_paginator'):
            argument = node.args[0] if node.args else None
            assert isinstance(argument, ast.Constant), \
                'line %d: %s() needs a literal name to be checked' % (node.lineno, method)
            table = waiter_operations if method == 'get_waiter' else operations
            assert argument.value in table, \
                'line %d: unknown %s %r' % (node.lineno, method, argument.value)
            operation = table[argument.value]
        elif method in NOT_OPERATIONS:
            continue
        else:
            assert method in operations, \
                'line %d: client.%s() is not a DynamoDB operation' % (node.lineno, method)
            operation = operations[method]
        found.setdefault(operation, []).append(node.lineno)
    return found


def transaction_item_kinds(source):
    """The keys of dict literals naming a transaction item kind ('Put', ...)."""
    kinds = set(TRANSACT_WRITE_ITEM_ACTIONS) | set(TRANSACT_GET_ITEM_ACTIONS)
    return {key.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Dict)
            for key in node.keys
            if isinstance(key, ast.Constant) and key.value in kinds}


def required_actions(source):
    """The IAM actions (``dynamodb:X``) the code in ``source`` needs."""
    kinds = transaction_item_kinds(source)
    actions = set()
    for operation in called_operations(source):
        assert operation not in NEEDS_A_MAPPING, \
            '%s needs its IAM actions mapped in tests/test_deploy.py' % operation
        if operation == 'TransactWriteItems':
            items = {TRANSACT_WRITE_ITEM_ACTIONS[k] for k in kinds
                     if k in TRANSACT_WRITE_ITEM_ACTIONS}
            assert items, 'TransactWriteItems is called but no item kind was found'
            actions.update(items)
        elif operation == 'TransactGetItems':
            actions.add('GetItem')
        else:
            actions.add(operation)
    return {'dynamodb:' + action for action in actions}


def store_modules():
    """The store's modules, each as ``(file name, parsed source)``."""
    for name in sorted(os.listdir(STORE)):
        if name.endswith('.py'):
            with open(os.path.join(STORE, name), encoding='utf-8') as handle:
                yield name, ast.parse(handle.read())


def _split_store():
    """The store's runtime code, and its provisioning functions, as source."""
    runtime, found = [], []
    for name, tree in store_modules():
        if name == 'provisioning.py':
            found = [n for n in tree.body if isinstance(n, ast.FunctionDef)
                     and n.name in provisioning.PROVISIONING]
            runtime += [n for n in tree.body if n not in found]
        else:
            runtime += tree.body
    assert sorted(n.name for n in found) == sorted(provisioning.PROVISIONING)
    return (ast.unparse(ast.Module(body=runtime, type_ignores=[])),
            ast.unparse(ast.Module(body=found, type_ignores=[])))


def runtime_source():
    return _split_store()[0]


def provisioning_source():
    return _split_store()[1]


def policy_statements(policy):
    statements = policy['Statement']
    return [statements] if isinstance(statements, dict) else statements


def _listed(value):
    return [value] if isinstance(value, str) else list(value)


# What Lambda does with the function's role to read the table's stream for the
# content_changed handler (AWS's AWSLambdaDynamoDBExecutionRole): nothing the
# code calls, so nothing the collector above can find.  ListStreams names no
# resource in IAM; the others are granted on the stage table's stream alone.
STREAM_ACTIONS = {'dynamodb:DescribeStream', 'dynamodb:GetRecords',
                  'dynamodb:GetShardIterator'}
LIST_STREAMS = 'dynamodb:ListStreams'


def _is_stream_statement(statement):
    return set(_listed(statement['Action'])) <= STREAM_ACTIONS | {LIST_STREAMS}


def dynamodb_grants(policy):
    """``(actions, resources)`` of the Allow statements about the table (the
    stream's, for Lambda, apart: :func:`stream_grants`)."""
    actions, resources = set(), set()
    for statement in policy_statements(policy):
        assert statement['Effect'] == 'Allow'
        assert 'NotAction' not in statement and 'NotResource' not in statement
        listed = _listed(statement['Action'])
        if any(a.lower().startswith('dynamodb:') or a == '*' for a in listed) \
                and not _is_stream_statement(statement):
            actions.update(listed)
            resources.update(_listed(statement['Resource']))
    return actions, resources


def stream_grants(policy):
    """``{action: resources}`` of the statements that let Lambda read the stream."""
    grants = {}
    for statement in policy_statements(policy):
        if _is_stream_statement(statement):
            for action in _listed(statement['Action']):
                grants.setdefault(action, set()).update(_listed(statement['Resource']))
    return grants


def test_the_collector_reads_calls_waiters_and_transaction_items():
    source = '''
def f(client, repo):
    client.create_table(TableName='t')
    client.get_waiter('table_exists').wait(TableName='t')
    repo.client.transact_write_items(TransactItems=[{'Put': {}}, {'Update': {}}])
    repo.client.exceptions.ConditionalCheckFailedException   # not a call
    other.put_item()                                         # not a client
'''
    assert set(called_operations(source)) == {'CreateTable', 'DescribeTable',
                                              'TransactWriteItems'}
    assert required_actions(source) == {'dynamodb:CreateTable', 'dynamodb:DescribeTable',
                                        'dynamodb:PutItem', 'dynamodb:UpdateItem'}
    with pytest.raises(AssertionError, match='not a DynamoDB operation'):
        called_operations('self.client.get_itme(Key=1)')


def test_store_calls_are_found():
    """Guards the collector: the reads every page needs are among them."""
    found = called_operations(runtime_source())
    assert {'GetItem', 'Query', 'TransactWriteItems'} <= set(found)
    assert not {'CreateTable', 'DescribeTable', 'UpdateTable'} & set(found)
    assert {'CreateTable', 'DescribeTable', 'UpdateTable', 'UpdateContinuousBackups'} \
        <= set(called_operations(provisioning_source()))


def test_the_deployer_policy_covers_provisioning_on_both_tables():
    with open(os.path.join(ROOT, 'deploy', 'deployer-policy.json'), encoding='utf-8') as f:
        policy = json.load(f)
    granted, resources = dynamodb_grants(policy)
    assert required_actions(provisioning_source()) <= granted
    config = read_config()
    for stage in DEPLOYED_STAGES:
        assert 'arn:aws:dynamodb:*:*:table/%s' % stage_table_name(config, stage) in resources


@pytest.mark.parametrize('stage', DEPLOYED_STAGES)
def test_policy_allows_exactly_the_dynamodb_actions_the_store_calls(stage):
    """The function's role: what the runtime code calls, provisioning left out."""
    needed = required_actions(runtime_source())
    granted, _ = dynamodb_grants(stage_policy(read_config(), stage))
    assert not [a for a in granted if '*' in a], 'no wildcard actions: %s' % granted
    missing, unused = sorted(needed - granted), sorted(granted - needed)
    assert not missing, ('the store calls %s but .chalice/policy-%s.json does not allow '
                         'it: add it (autogen_policy is false)' % (missing, stage))
    assert not unused, ('.chalice/policy-%s.json allows %s that the store never calls: '
                        'remove it' % (stage, unused))


@pytest.mark.parametrize('stage', DEPLOYED_STAGES)
def test_policy_names_only_the_stage_table_and_its_indexes(stage):
    config = read_config()
    table = 'arn:aws:dynamodb:*:*:table/%s' % stage_table_name(config, stage)
    _, resources = dynamodb_grants(stage_policy(config, stage))
    assert table in resources and table + '/index/*' in resources
    for resource in resources:
        assert resource == table or re.fullmatch(
            re.escape(table) + r'/index/(\*|[A-Za-z0-9_.-]+)', resource), resource


@pytest.mark.parametrize('stage', DEPLOYED_STAGES)
def test_policy_lets_lambda_read_the_stage_tables_stream_and_no_other(stage):
    config = read_config()
    grants = stream_grants(stage_policy(config, stage))
    stream = 'arn:aws:dynamodb:*:*:table/%s/stream/*' % stage_table_name(config, stage)
    assert grants == dict({action: {stream} for action in STREAM_ACTIONS},
                          **{LIST_STREAMS: {'*'}})


@pytest.mark.parametrize('stage', DEPLOYED_STAGES)
def test_policy_lets_the_function_write_its_logs_and_nothing_else(stage):
    statements = policy_statements(stage_policy(read_config(), stage))
    services = {a.split(':')[0] for s in statements for a in _listed(s['Action'])}
    assert services == {'dynamodb', 'logs'}
    logs = {a for s in statements for a in _listed(s['Action']) if a.startswith('logs:')}
    assert logs == {'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'}


def test_config_keeps_stages_and_holds_no_secrets():
    config = read_config()
    assert {'local', 'dev', 'prod'} <= set(config['stages'])
    text = json.dumps(config)
    assert not re.search(r'AKIA[0-9A-Z]{16}|aws_secret|BEGIN [A-Z ]*PRIVATE KEY', text, re.I)
    for stage in [None] + list(config['stages']):
        env = (config if stage is None else config['stages'][stage]).get(
            'environment_variables', {})
        for name, value in env.items():
            assert isinstance(value, str), (stage, name)
            assert not re.search(r'SECRET|PASSWORD|TOKEN|PRIVATE|ACCESS_KEY', name), \
                '%s looks secret: keep secrets out of config.json' % name


# -- create-table against DynamoDB Local --------------------------------------

def unique_name():
    return 'faq-deploy-%d-%d' % (os.getpid(), next(_names))


def drop(client, name):
    client.update_table(TableName=name, DeletionProtectionEnabled=False)
    client.delete_table(TableName=name)


def create_table_cli(argv, capsys):
    assert cli.main(['create-table'] + argv) == 0
    return capsys.readouterr().out.splitlines()


@pytest.fixture
def stage_config(tmp_path):
    """A config.json whose stages name unique tables."""
    config = read_config()
    names = {}
    for stage in config['stages']:
        names[stage] = unique_name()
        config['stages'][stage].setdefault('environment_variables', {})['TABLE_NAME'] = \
            names[stage]
    path = tmp_path / 'config.json'
    path.write_text(json.dumps(config))
    return str(path), names


def test_create_table_for_prod_is_on_demand_protected_and_idempotent(
        dynamodb_client, stage_config, capsys):
    path, names = stage_config
    name = names['prod']
    lines = create_table_cli(['--stage', 'prod', '--config', path], capsys)
    try:
        assert lines[0] == 'created table %s' % name
        assert lines[1].startswith('point-in-time recovery: ')
        assert lines[2] == 'expiry of login-throttle records (TTL on expires_at): on'
        assert re.fullmatch(r'stream of changes \(for the content_changed handler\): '
                            r'arn:aws:dynamodb:[^:]+:\d+:table/%s/stream/.+' % name, lines[3])
        assert lines[4] == 'deletion protection: on'
        ttl = dynamodb_client.describe_time_to_live(TableName=name)['TimeToLiveDescription']
        assert ttl == {'TimeToLiveStatus': 'ENABLED', 'AttributeName': store.TTL_ATTRIBUTE}
        table = dynamodb_client.describe_table(TableName=name)['Table']
        assert table['BillingModeSummary']['BillingMode'] == 'PAY_PER_REQUEST'
        assert table['DeletionProtectionEnabled'] is True
        assert table['StreamSpecification'] == {'StreamEnabled': True,
                                                'StreamViewType': 'NEW_AND_OLD_IMAGES'}
        assert [i['IndexName'] for i in table['GlobalSecondaryIndexes']] == \
            [i['IndexName'] for i in store.table_definition(name)['GlobalSecondaryIndexes']]
        with pytest.raises(dynamodb_client.exceptions.ClientError,
                           match='protected against deletion'):
            dynamodb_client.delete_table(TableName=name)
        again = create_table_cli(['--stage', 'prod', '--config', path], capsys)
        assert again[0] == 'kept existing table %s' % name
        assert again[1:] == lines[1:]
    finally:
        drop(dynamodb_client, name)


def test_create_table_on_dynamodb_local_reports_missing_backups_in_one_line(
        dynamodb_client, stage_config, capsys):
    path, names = stage_config
    lines = create_table_cli(['--stage', 'dev', '--config', path], capsys)
    try:
        stream = dynamodb_client.describe_table(TableName=names['dev'])['Table'][
            'LatestStreamArn']
        assert lines == [
            'created table %s' % names['dev'],
            'point-in-time recovery: skipped, this endpoint does not support it '
            '(UnknownOperationException, as DynamoDB Local answers)',
            'expiry of login-throttle records (TTL on expires_at): on',
            'stream of changes (for the content_changed handler): ' + stream,
            'deletion protection: off']
    finally:
        drop(dynamodb_client, names['dev'])


def test_create_table_turns_protection_on_for_an_existing_prod_table(
        dynamodb_client, stage_config, capsys):
    path, names = stage_config
    name = names['prod']
    definition = store.table_definition(name)
    del definition['StreamSpecification']          # a table from before the stream
    dynamodb_client.create_table(**definition)
    try:
        lines = create_table_cli(['--stage', 'prod', '--config', path], capsys)
        assert lines[0] == 'kept existing table %s' % name
        assert lines[4] == 'deletion protection: on'
        table = dynamodb_client.describe_table(TableName=name)['Table']
        assert table['DeletionProtectionEnabled'] is True
        assert table['StreamSpecification']['StreamViewType'] == 'NEW_AND_OLD_IMAGES'
        assert lines[3].endswith(table['LatestStreamArn'])
    finally:
        drop(dynamodb_client, name)


def test_create_table_without_stage_uses_table_name_env(dynamodb_client, monkeypatch,
                                                        capsys):
    name = unique_name()
    monkeypatch.setenv('TABLE_NAME', name)
    lines = create_table_cli([], capsys)
    try:
        assert lines[0] == 'created table %s' % name
        assert lines[4] == 'deletion protection: off'
    finally:
        drop(dynamodb_client, name)


@pytest.mark.parametrize('stage,protect', [('dev', False), ('prod', True)])
def test_stage_resolves_to_the_table_name_in_the_real_config(stage, protect, monkeypatch,
                                                             capsys):
    calls = []
    monkeypatch.setattr(store, 'make_client', lambda: 'client')
    monkeypatch.setattr(store, 'create_table',
                        lambda client, name, deletion_protection=False:
                        calls.append((name, deletion_protection)) or False)
    monkeypatch.setattr(store, 'protect_table', lambda client, name, protect: {})
    create_table_cli(['--stage', stage], capsys)
    assert calls == [(stage_table_name(read_config(), stage), protect)]


def test_unknown_stage_is_refused_in_one_line():
    with pytest.raises(SystemExit, match="no stage 'staging'"):
        cli.main(['create-table', '--stage', 'staging'])


# -- CloudFormation -----------------------------------------------------------

def read_resources():
    with open(RESOURCES, encoding='utf-8') as handle:
        return json.load(handle)


def _by(key, items):
    return sorted(items, key=lambda item: item[key])


def test_cloudformation_table_matches_table_definition():
    resources = read_resources()['Resources']
    tables = [r for r in resources.values() if r.get('Type') == 'AWS::DynamoDB::Table']
    assert len(tables) == 1
    table = tables[0]
    props = table['Properties']
    expected = store.table_definition(props['TableName'])
    assert props['TableName'] == stage_table_name(read_config(), 'prod')
    assert props['BillingMode'] == expected['BillingMode'] == 'PAY_PER_REQUEST'
    assert props['KeySchema'] == expected['KeySchema']
    assert _by('AttributeName', props['AttributeDefinitions']) == \
        _by('AttributeName', expected['AttributeDefinitions'])
    assert _by('IndexName', props['GlobalSecondaryIndexes']) == \
        _by('IndexName', expected['GlobalSecondaryIndexes'])
    assert props['PointInTimeRecoverySpecification'] == {'PointInTimeRecoveryEnabled': True}
    assert props['DeletionProtectionEnabled'] is True
    assert props['TimeToLiveSpecification'] == {'AttributeName': store.TTL_ATTRIBUTE,
                                                'Enabled': True}
    assert props['StreamSpecification'] == {
        'StreamViewType': expected['StreamSpecification']['StreamViewType']}
    assert table['DeletionPolicy'] == table['UpdateReplacePolicy'] == 'Retain'


@pytest.fixture(scope='module')
def packaged_prod(tmp_path_factory):
    out = tmp_path_factory.mktemp('chalice-package-prod') / 'out'
    lambda_package.build(out, 'prod', merge_template=RESOURCES)
    return out


def test_packaged_prod_template_passes_cfn_lint(packaged_prod):
    template = packaged_prod / 'sam.json'
    assert template.is_file()
    cfn_lint = os.path.join(os.path.dirname(sys.executable), 'cfn-lint')
    result = subprocess.run([cfn_lint, str(template)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_packaged_prod_template_wires_function_policy_and_table(packaged_prod):
    template = json.loads((packaged_prod / 'sam.json').read_text())
    resources = template['Resources']
    table = resources['FaqTable']
    assert table['DeletionPolicy'] == 'Retain'
    variables = resources['APIHandler']['Properties']['Environment']['Variables']
    # The function gets the table's literal name from config.json; the policy
    # names the same table, so no !Ref is needed (and none would match it).
    assert variables['TABLE_NAME'] == table['Properties']['TableName']
    policies = resources['ApiHandlerRole']['Properties']['Policies']
    assert [p['PolicyDocument'] for p in policies] == [
        stage_policy(read_config(), 'prod')]
    assert 'faq-site-dev' not in json.dumps(template)


def test_protect_table_waits_for_backups_of_a_new_table_on_aws():
    """What DynamoDB Local cannot show: AWS refuses PITR for a moment after
    creation (ContinuousBackupsUnavailableException); protect_table retries."""
    import boto3
    from botocore.stub import Stubber
    client = boto3.client('dynamodb', region_name='us-east-1',
                          aws_access_key_id='x', aws_secret_access_key='x')
    pitr = {'TableName': 'faq-site-prod',
            'PointInTimeRecoverySpecification': {'PointInTimeRecoveryEnabled': True}}
    with Stubber(client) as stub:
        stub.add_client_error('update_continuous_backups',
                              'ContinuousBackupsUnavailableException',
                              expected_params=pitr)
        stub.add_response('update_continuous_backups', {'ContinuousBackupsDescription': {
            'ContinuousBackupsStatus': 'ENABLED'}}, expected_params=pitr)
        stub.add_response('describe_time_to_live', {'TimeToLiveDescription': {
            'TimeToLiveStatus': 'DISABLED'}}, expected_params={'TableName': 'faq-site-prod'})
        stub.add_response('update_time_to_live', {}, expected_params={
            'TableName': 'faq-site-prod', 'TimeToLiveSpecification': {
                'Enabled': True, 'AttributeName': 'expires_at'}})
        stub.add_response('describe_table', {'Table': {'DeletionProtectionEnabled': False}},
                          expected_params={'TableName': 'faq-site-prod'})
        stub.add_response('update_table', {}, expected_params={
            'TableName': 'faq-site-prod', 'StreamSpecification': {
                'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'}})
        arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/faq-site-prod/stream/2026'
        stub.add_response('describe_table', {'Table': {
            'DeletionProtectionEnabled': False, 'LatestStreamArn': arn}},
            expected_params={'TableName': 'faq-site-prod'})
        stub.add_response('update_table', {}, expected_params={
            'TableName': 'faq-site-prod', 'DeletionProtectionEnabled': True})
        states = store.protect_table(client, 'faq-site-prod', deletion_protection=True,
                                     delay=0)
        stub.assert_no_pending_responses()
    assert states == {'point-in-time recovery': 'on', 'deletion protection': 'on',
                      'expiry of login-throttle records (TTL on expires_at)': 'on',
                      'stream of changes (for the content_changed handler)': arn}


def test_the_content_changed_handler_reads_this_stacks_table_stream(packaged_prod):
    """The merged template points the handler at the table it creates (not at
    the ARN app.py was loaded with), retries a failing batch a bounded number
    of times, and gives the builder the memory and time config.json asks."""
    resources = json.loads((packaged_prod / 'sam.json').read_text())['Resources']
    handler = resources['ContentChanged']['Properties']
    source, = handler['Events'].values()
    assert source['Type'] == 'DynamoDB'
    assert source['Properties']['Stream'] == {'Fn::GetAtt': ['FaqTable', 'StreamArn']}
    assert source['Properties']['MaximumRetryAttempts'] == 10
    assert source['Properties']['BisectBatchOnFunctionError'] is True
    wanted = read_config()['lambda_functions']['content_changed']
    assert handler['MemorySize'] == wanted['lambda_memory_size']
    assert handler['Timeout'] == wanted['lambda_timeout']
    assert resources['APIHandler']['Properties']['MemorySize'] == 512


def test_unknown_paths_answer_404_not_apigateways_403(packaged_prod):
    """API Gateway answers a path no route matches with 403 "Missing
    Authentication Token"; the merged template turns that into a 404, an
    HTML page for browsers and WordPress's rest_no_route for API clients."""
    resources = json.loads((packaged_prod / 'sam.json').read_text())['Resources']
    response, = [r for r in resources.values()
                 if r['Type'] == 'AWS::ApiGateway::GatewayResponse']
    props = response['Properties']
    assert props['RestApiId'] == {'Ref': 'RestAPI'} and 'RestAPI' in resources
    assert props['ResponseType'] == 'MISSING_AUTHENTICATION_TOKEN'
    assert props['StatusCode'] == '404'
    assert json.loads(props['ResponseTemplates']['application/json'])['code'] == 'rest_no_route'
    assert '<h1>Page not found</h1>' in props['ResponseTemplates']['text/html']


def test_api_gateway_answers_head_wherever_it_answers_get(packaged_prod):
    """A REST API answers HEAD only on a HEAD method (else 403, which the
    gateway response above makes a 404): the template declares one beside
    every GET, sent to the same function."""
    resources = json.loads((packaged_prod / 'sam.json').read_text())['Resources']
    paths = resources['RestAPI']['Properties']['DefinitionBody']['paths']
    readable = {path: item for path, item in paths.items() if 'get' in item}
    assert len(readable) >= 30
    for path, item in readable.items():
        assert 'head' in item, path
        integration = item['head']['x-amazon-apigateway-integration']
        assert integration == item['get']['x-amazon-apigateway-integration'], path


def test_alarms_watch_this_stacks_api_and_function_and_notify_the_topic(packaged_prod):
    template = json.loads((packaged_prod / 'sam.json').read_text())
    resources = template['Resources']
    api = resources['RestAPI']['Properties']
    alarms = {name: r['Properties'] for name, r in resources.items()
              if r['Type'] == 'AWS::CloudWatch::Alarm'}
    assert set(alarms) == {'ServerErrorsAlarm', 'FunctionThrottlesAlarm', 'SlowPagesAlarm'}
    for name, alarm in alarms.items():
        assert alarm['AlarmActions'] == [{'Ref': 'AlarmTopic'}], name
        dimensions = {d['Name']: d['Value'] for d in alarm['Dimensions']}
        if alarm['Namespace'] == 'AWS/ApiGateway':
            # API Gateway names the REST API's metrics by its title and stage
            assert dimensions == {'ApiName': api['DefinitionBody']['info']['title'],
                                  'Stage': api['StageName']}, name
        else:
            assert dimensions == {'FunctionName': {'Ref': 'APIHandler'}}, name
    assert resources['AlarmTopic']['Type'] == 'AWS::SNS::Topic'
    assert resources['AlarmEmailSubscription']['Condition'] in template['Conditions']
