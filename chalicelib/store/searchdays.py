"""The search log read back: a day's counts, and each past day summed up once.

* ``SEARCHES#<day>``/``Q#<query>``: the counts :mod:`.searchlog` adds.
* ``SEARCHDAYS#<yyyy>``/``<day>``: the day summed up (a "rollup"), written
  once when the day is over and first asked for: its totals, how many
  distinct queries, the most searched ones (zlib-compressed JSON) and the
  rest as one "other" count.  A range of days is then read in one Query
  per year, whatever the number of searches.

What is summed and how many queries a rollup keeps is
:mod:`chalicelib.insights`' to say.  Only editors' screens read this.
"""
import json
import zlib
from collections import namedtuple

from .client import guarded
from .items import _key, _n, _s

# top: [(query, found, missed)], most searched first; other_*: the rest summed
Rollup = namedtuple('Rollup', 'day found missed distinct top other_found other_missed')


class SearchDays:
    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def day(self, day, most=None):
        """``(rows, complete)``: the day's ``(query, found, missed)``, in query
        order, at most ``most`` (``complete`` is False when there were more)."""
        kwargs = dict(TableName=self.table_name, KeyConditionExpression='pk = :pk',
                      ExpressionAttributeValues={':pk': _s('SEARCHES#' + day)})
        rows = []
        while True:
            if most is not None:
                kwargs['Limit'] = most - len(rows) + 1
            response = self.client.query(**kwargs)
            rows += [(item['sk']['S'][2:], int(item.get('found', {}).get('N', 0)),
                      int(item.get('missed', {}).get('N', 0)))
                     for item in response.get('Items', ())]
            if most is not None and len(rows) > most:
                return rows[:most], False
            if 'LastEvaluatedKey' not in response:
                return rows, True
            kwargs['ExclusiveStartKey'] = response['LastEvaluatedKey']

    def rollups(self, first_day, last_day):
        """``{day: Rollup}`` of the days from ``first_day`` to ``last_day`` summed up so far."""
        found = {}
        for year in range(int(first_day[:4]), int(last_day[:4]) + 1):
            kwargs = dict(TableName=self.table_name,
                          KeyConditionExpression='pk = :pk AND sk BETWEEN :low AND :high',
                          ExpressionAttributeValues={':pk': _s('SEARCHDAYS#%04d' % year),
                                                     ':low': _s(first_day),
                                                     ':high': _s(last_day)})
            while True:
                response = self.client.query(**kwargs)
                for item in response.get('Items', ()):
                    rollup = _rollup(item)
                    found[rollup.day] = rollup
                if 'LastEvaluatedKey' not in response:
                    break
                kwargs['ExclusiveStartKey'] = response['LastEvaluatedKey']
        return found

    def put_rollup(self, rollup, expires_at):
        """Store a day's rollup, unless one is there (two editors may sum a day at once)."""
        top = zlib.compress(json.dumps(rollup.top, ensure_ascii=False,
                                       separators=(',', ':')).encode('utf-8'))
        try:
            self.client.put_item(
                TableName=self.table_name, ConditionExpression='attribute_not_exists(pk)',
                Item=dict(_key('SEARCHDAYS#' + rollup.day[:4], rollup.day),
                          found=_n(rollup.found), missed=_n(rollup.missed),
                          distinct=_n(rollup.distinct), top={'B': top},
                          other_found=_n(rollup.other_found),
                          other_missed=_n(rollup.other_missed), expires_at=_n(expires_at)))
        except self.client.exceptions.ConditionalCheckFailedException:
            pass


def _rollup(item):
    number = {name: int(item[name]['N']) for name in
              ('found', 'missed', 'distinct', 'other_found', 'other_missed')}
    top = [tuple(row) for row in json.loads(zlib.decompress(item['top']['B']))]
    return Rollup(day=item['sk']['S'], top=top, **number)
