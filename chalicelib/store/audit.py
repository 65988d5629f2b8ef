"""The audit log: who changed which entry, and failed logins, by month.

Records live in one partition per month (``AUDIT#<yyyy-mm>``), their sort
keys in time order (``<time>#<nanoseconds>#<8 hex>``), so a month reads
newest first with one Query and a page continues after a key.

A change to an entry writes one record, inside the change's transaction.
Failed logins are not a record each, which would let an attacker fill the
table: each (user, kind of failure, throttle window) has one record, its
sort key fixed by the window's start, that counts the failures and keeps
the first ``MAX_FAILURE_ADDRESSES`` addresses they came from.
"""
import hashlib
import os
import time
from collections import namedtuple
from datetime import datetime, timezone

from ..models import format_time, utcnow
from .items import _n, _s, _text

# ``key`` orders records within their month; a page of the log continues after
# one.  Entry changes carry entry_id, version and detail (the slug); failed
# logins carry failures, addresses and last (the latest failure's time).
AuditRecord = namedtuple(
    'AuditRecord', 'at actor action entry_id version detail key failures addresses last',
    defaults=(None, None, None))
MAX_FAILURE_ADDRESSES = 20
UNKNOWN_USER = '(unknown user)'     # the actor of failures for names that do not exist


def _sort_key(when, nanoseconds, tail):
    return '%s#%019d#%s' % (when, nanoseconds, tail)


def change_put(table_name, entry, actor, action):
    """The transaction item that records a change to ``entry``."""
    now = format_time(utcnow())
    return {'Put': {'TableName': table_name, 'Item': {
        # nanoseconds keep records of the same second in order
        'pk': _s('AUDIT#' + now[:7]),
        'sk': _s(_sort_key(now, time.time_ns(), os.urandom(4).hex())),
        'at': _s(now), 'actor': _s(actor), 'action': _s(action),
        'entry_id': _n(entry.id), 'version': _n(entry.version),
        'detail': _s(entry.slug)}}}


def failure_key(actor, action, window_start):
    """The one record of ``actor``'s ``action`` failures in the window that
    began at ``window_start`` (seconds since the epoch)."""
    began = format_time(datetime.fromtimestamp(window_start, timezone.utc))
    tail = hashlib.sha256(('%s\0%s' % (action, actor)).encode()).hexdigest()[:8]
    return {'pk': _s('AUDIT#' + began[:7]),
            'sk': _s(_sort_key(began, window_start * 10 ** 9, tail))}


def record_failure(client, table_name, actor, action, window_start, address, now):
    """Count one failure in its window's record, and its address among the first."""
    key, at = failure_key(actor, action, window_start), _s(format_time(
        datetime.fromtimestamp(now, timezone.utc)))
    values = {':one': _n(1), ':at': at, ':actor': _s(actor), ':action': _s(action)}
    common = ('SET actor = :actor, #action = :action, #at = if_not_exists(#at, :at), '
              '#last = :at ADD failures :one')
    names = {'#action': 'action', '#at': 'at', '#last': 'last'}
    try:
        client.update_item(
            TableName=table_name, Key=key, UpdateExpression=common + ', addresses :address',
            ConditionExpression='attribute_not_exists(addresses) OR contains(addresses, :ip) '
                                'OR size(addresses) < :most',
            ExpressionAttributeNames=names, ExpressionAttributeValues=dict(
                values, **{':address': {'SS': [address]}, ':ip': _s(address),
                           ':most': _n(MAX_FAILURE_ADDRESSES)}))
    except client.exceptions.ConditionalCheckFailedException:
        # the list is full: count the failure only
        client.update_item(TableName=table_name, Key=key, UpdateExpression=common,
                           ExpressionAttributeNames=names,
                           ExpressionAttributeValues=values)


def read_month(client, table_name, month=None, limit=100, before=None):
    """Records of one month (``YYYY-MM``, default this one), newest first;
    after the record whose ``key`` is ``before``, if given."""
    month = month or format_time(utcnow())[:7]
    condition, values = 'pk = :pk', {':pk': _s('AUDIT#' + month)}
    if before:
        condition += ' AND sk < :before'
        values[':before'] = _s(before)
    response = client.query(
        TableName=table_name, ScanIndexForward=False, Limit=limit,
        KeyConditionExpression=condition, ExpressionAttributeValues=values)
    return [_record(item) for item in response.get('Items', ())]


def _record(item):
    if 'failures' in item:
        return AuditRecord(
            at=_text(item, 'at'), actor=_text(item, 'actor'), action=_text(item, 'action'),
            entry_id=None, version=None, detail='', key=item['sk']['S'],
            failures=int(item['failures']['N']),
            addresses=sorted(item.get('addresses', {}).get('SS', ())),
            last=_text(item, 'last'))
    return AuditRecord(at=_text(item, 'at'), actor=_text(item, 'actor'),
                       action=_text(item, 'action'), entry_id=int(item['entry_id']['N']),
                       version=int(item['version']['N']), detail=_text(item, 'detail'),
                       key=item['sk']['S'])
