"""Login throttle counters: atomic, shared by every Lambda instance.

The policy lives in :mod:`chalicelib.admin.throttle`; this module only
counts.  Each counter is one item per throttle window
(``THROTTLE#<key>`` / ``W#<window>``) that expires by itself (TTL on
``expires_at``).  Every change is a single conditional UpdateItem, so no
number of concurrent logins can push a count past its limit.
"""
from .audit import record_failure
from .client import guarded
from .items import _key, _n


def _counter(key, window):
    return _key('THROTTLE#' + key, 'W#%d' % window)


class LoginThrottle:
    """Counters of login attempts, the per-user gate, and failures in the audit log."""

    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def take(self, key, window, limit, expires_at):
        """Count one attempt under ``key`` unless ``limit`` are counted already.

        Returns False, counting nothing, when the limit is reached.
        """
        try:
            self.client.update_item(
                TableName=self.table_name, Key=_counter(key, window),
                UpdateExpression='ADD failures :one SET expires_at = :ttl',
                ConditionExpression='attribute_not_exists(failures) OR failures < :limit',
                ExpressionAttributeValues={':one': _n(1), ':limit': _n(limit),
                                           ':ttl': _n(expires_at)})
        except self.client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    def give_back(self, key, window):
        """Uncount an attempt that :meth:`take` counted (it succeeded)."""
        try:
            self.client.update_item(
                TableName=self.table_name, Key=_counter(key, window),
                UpdateExpression='ADD failures :minus', ConditionExpression='failures > :zero',
                ExpressionAttributeValues={':minus': _n(-1), ':zero': _n(0)})
        except self.client.exceptions.ConditionalCheckFailedException:
            pass        # the window's counter expired meanwhile: nothing to give back

    def hold_gate(self, key, window, now, hold_until, expires_at):
        """Pass the gate if it is open at ``now`` and close it until ``hold_until``.

        The gate is open when no attempt holds it and the wait set by the
        last failure is over.  Returns ``(True, failures)``, the failures
        counted so far in the window, or ``(False, wait_until)``: the time
        the last failure's wait ends, or ``now`` if only another attempt
        holds the gate.
        """
        try:
            response = self.client.update_item(
                TableName=self.table_name, Key=_counter(key, window),
                UpdateExpression='SET held_until = :hold, expires_at = :ttl',
                ConditionExpression='(attribute_not_exists(held_until) OR held_until <= :now) '
                                    'AND (attribute_not_exists(next_at) OR next_at <= :now)',
                ExpressionAttributeValues={':hold': _n(hold_until), ':now': _n(now),
                                           ':ttl': _n(expires_at)},
                ReturnValues='ALL_OLD', ReturnValuesOnConditionCheckFailure='ALL_OLD')
        except self.client.exceptions.ConditionalCheckFailedException as refused:
            item = refused.response.get('Item', {})
            return False, max(now, int(item.get('next_at', {}).get('N', 0)))
        return True, int(response.get('Attributes', {}).get('failures', {}).get('N', 0))

    def release_gate(self, key, window, failed, next_at):
        """Open the gate again; after a failure, count it and open at ``next_at``."""
        if failed:
            self.client.update_item(
                TableName=self.table_name, Key=_counter(key, window),
                UpdateExpression='ADD failures :one SET next_at = :next REMOVE held_until',
                ExpressionAttributeValues={':one': _n(1), ':next': _n(next_at)})
        else:
            self.client.update_item(TableName=self.table_name, Key=_counter(key, window),
                                    UpdateExpression='REMOVE held_until')

    def count(self, key, window):
        """What a counter holds now (for tests and benchmarks)."""
        response = self.client.get_item(TableName=self.table_name,
                                        Key=_counter(key, window), ConsistentRead=True)
        return int(response.get('Item', {}).get('failures', {}).get('N', 0))

    def report_failure(self, actor, action, window_start, address, now):
        """Count a failed login in the audit log (see :mod:`.audit`)."""
        record_failure(self.client, self.table_name, actor, action, window_start,
                             address, now)
