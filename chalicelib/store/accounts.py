"""Admin accounts: users, their two-factor secrets, API token hashes, the session key.

Lambda instances share nothing, so all of it lives in the table.
"""
from collections import namedtuple

from ..models import format_time, utcnow
from .client import guarded
from .items import _key, _n, _s, _text

# session_epoch is bumped at logout: signed cookies of older epochs die.
# totp_secret is set while two-factor login is on; totp_pending while it is
# being set up; totp_step is the last time step whose code was used (a code
# works once); recovery_left counts the unused recovery codes.
User = namedtuple('User', 'name password_hash session_epoch totp_secret totp_pending '
                          'totp_step recovery_left')
ApiToken = namedtuple('ApiToken', 'token_hash user label created')


def _user_key(name):
    return _key('USER#' + name, 'USER')


class AccountStore:
    """Admin users, their two-factor secrets, API token hashes and the session key.

    Lambda instances share nothing, so all of it lives in the table.
    """

    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def get_user(self, name):
        response = self.client.get_item(TableName=self.table_name, Key=_user_key(name))
        item = response.get('Item')
        if not item:
            return None
        return User(name=name, password_hash=item['password_hash']['S'],
                    session_epoch=int(item['session_epoch']['N']),
                    totp_secret=_text(item, 'totp_secret'),
                    totp_pending=_text(item, 'totp_pending'),
                    totp_step=int(item.get('totp_step', {}).get('N', 0)),
                    recovery_left=len(item.get('recovery_codes', {}).get('SS', ())))

    def put_user(self, name, password_hash):
        """Create the user, or set a new password (which ends its sessions)."""
        self.client.update_item(
            TableName=self.table_name, Key=_user_key(name),
            UpdateExpression='SET password_hash = :h, created = if_not_exists(created, :now) '
                             'ADD session_epoch :one',
            ExpressionAttributeValues={':h': _s(password_hash), ':one': _n(1),
                                       ':now': _s(format_time(utcnow()))})

    def replace_password_hash(self, name, old_hash, new_hash):
        """Store a rehash of the same password; sessions go on.  Nothing
        happens if the password changed meanwhile (returns False)."""
        return self._conditional_update(name, 'SET password_hash = :new',
                                        'password_hash = :old',
                                        {':new': _s(new_hash), ':old': _s(old_hash)})

    def _conditional_update(self, name, update, condition, values=None):
        """One conditional UpdateItem of the user; False if the condition failed."""
        kwargs = {'ExpressionAttributeValues': values} if values else {}
        try:
            self.client.update_item(TableName=self.table_name, Key=_user_key(name),
                                    UpdateExpression=update, ConditionExpression=condition,
                                    **kwargs)
        except self.client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    def end_sessions(self, name):
        self.client.update_item(
            TableName=self.table_name, Key=_user_key(name),
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

    # two-factor login

    def start_totp(self, name, secret):
        """Keep a new secret aside until a code from it confirms it."""
        return self._conditional_update(name, 'SET totp_pending = :s',
                                        'attribute_exists(pk)', {':s': _s(secret)})

    def enable_totp(self, name, secret, step, code_hashes):
        """Turn two-factor login on with the pending ``secret`` (refused if
        another one was started meanwhile), its recovery codes as hashes."""
        return self._conditional_update(
            name, 'SET totp_secret = :s, totp_step = :step, recovery_codes = :codes '
                  'REMOVE totp_pending', 'totp_pending = :s',
            {':s': _s(secret), ':step': _n(step), ':codes': {'SS': list(code_hashes)}})

    def use_totp_step(self, name, secret, step):
        """Mark the code of time step ``step`` used; False if it (or a later
        one) was used already, or two-factor login changed meanwhile."""
        return self._conditional_update(
            name, 'SET totp_step = :step',
            'totp_secret = :s AND (attribute_not_exists(totp_step) OR totp_step < :step)',
            {':s': _s(secret), ':step': _n(step)})

    def use_recovery_code(self, name, code_hash):
        """Strike a recovery code off; False if it is not (or no longer) there."""
        return self._conditional_update(name, 'DELETE recovery_codes :codes',
                                        'contains(recovery_codes, :code)',
                                        {':codes': {'SS': [code_hash]}, ':code': _s(code_hash)})

    def disable_totp(self, name):
        """Two-factor login off: secret, pending secret, recovery codes gone.
        False if there is no such user."""
        return self._conditional_update(
            name, 'REMOVE totp_secret, totp_pending, totp_step, recovery_codes',
            'attribute_exists(pk)')

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
