"""Admin accounts: users, API token hashes, login throttling and the session key.

Lambda instances share nothing, so all of it lives in the table.
"""
from collections import namedtuple

from ..models import format_time, utcnow
from .client import guarded
from .items import _key, _n, _s, _text

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
