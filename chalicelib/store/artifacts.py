"""Derived data in the table: artifacts in parts, and the manifest naming them.

An artifact is bytes under a name (``summary``, ``list:all:0``,
``search:post:7``...), written by ``chalicelib.derived`` when content
changes and read by the pages.  It is stored in parts below DynamoDB's
400 KB item limit, ``DERIVED#<name>`` / ``<version>#<part>``, so that a
reader gets every part of every artifact it needs in one ``BatchGetItem``.

The manifest (``CATALOG``/``MANIFEST``) says which version of each artifact
is current and how many parts it has, with a few numbers about the site
(``info``).  It sits beside the categories, so one Query reads both.  A
builder writes a new version of an artifact in full, then publishes a
manifest naming it, conditionally on the manifest it started from: a
reader never sees half an artifact, and of two builders racing one wins
and the other starts again.  Each build writes under a number of its own
(``new_build``), so a losing builder never overwrites the winner's parts.  A version a manifest stops naming is kept
one more round, for readers holding the manifest before, then deleted.
"""
import json
from collections import namedtuple

from .client import batch_get, batch_write, guarded
from .items import MANIFEST_KEY, _key, _n, _s

PART_BYTES = 350 * 1024

# artifacts: name -> (version, parts, digest); retired: [(name, version, parts)]
Manifest = namedtuple('Manifest', 'version artifacts info retired')
EMPTY = Manifest(0, {}, {}, ())


class ArtifactMissing(Exception):
    """A part the manifest names is gone: the manifest was old; read it again."""


BUILD_COUNTER_KEY = _key('META', 'BUILDS')
BULK_KEY = _key('META', 'BULK')


def part_key(name, version, part):
    return _key('DERIVED#' + name, '%012d#%04d' % (version, part))


def manifest_from_item(item):
    if not item:
        return EMPTY
    artifacts = {name: tuple(value)
                 for name, value in json.loads(item['artifacts']['S']).items()}
    return Manifest(int(item['version']['N']), artifacts, json.loads(item['info']['S']),
                    tuple(tuple(r) for r in json.loads(item['retired']['S'])))


class ArtifactStore:
    """Reads and writes derived artifacts and the manifest."""

    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def new_build(self):
        """A number no other build has: the version its artifacts are written under."""
        response = self.client.update_item(
            TableName=self.table_name, Key=BUILD_COUNTER_KEY, UpdateExpression='ADD #n :one',
            ExpressionAttributeNames={'#n': 'next'}, ExpressionAttributeValues={':one': _n(1)},
            ReturnValues='UPDATED_NEW')
        return int(response['Attributes']['next']['N'])

    def bulk_until(self):
        """Until when (epoch seconds) a bulk import holds the builder off, or 0."""
        response = self.client.get_item(TableName=self.table_name, Key=BULK_KEY,
                                        ConsistentRead=True)
        return int(response.get('Item', {}).get('until', {}).get('N', 0))

    def hold_builds(self, until):
        """Hold the stream's builds off until ``until`` (0: release them).

        A bulk import writes thousands of entries, then builds everything
        once; building after each batch of its records meanwhile would
        redo the search index many times over.
        """
        if until:
            self.client.put_item(TableName=self.table_name, Item=dict(
                BULK_KEY, until=_n(int(until)), expires_at=_n(int(until) + 86400)))
        else:
            self.client.delete_item(TableName=self.table_name, Key=BULK_KEY)

    def manifest(self):
        response = self.client.get_item(TableName=self.table_name, Key=MANIFEST_KEY,
                                        ConsistentRead=True)
        return manifest_from_item(response.get('Item'))

    def read(self, manifest, names):
        """``{name: bytes}`` of the named artifacts the manifest has, in one
        ``BatchGetItem`` while they fit (100 parts, 16 MB)."""
        wanted = [(name,) + tuple(manifest.artifacts[name][:2])
                  for name in dict.fromkeys(names) if name in manifest.artifacts]
        keys = [part_key(name, version, part)
                for name, version, parts in wanted for part in range(parts)]
        found = {}
        for start in range(0, len(keys), 100):
            for item in batch_get(self.client, self.table_name, keys[start:start + 100]):
                found[(item['pk']['S'], item['sk']['S'])] = item['data']['B']
        result = {}
        for name, version, parts in wanted:
            pieces = [found.get((k['pk']['S'], k['sk']['S'])) for k in
                      (part_key(name, version, p) for p in range(parts))]
            if None in pieces:
                raise ArtifactMissing('%s version %d is gone' % (name, version))
            result[name] = b''.join(pieces)
        return result

    def write(self, artifacts, version):
        """Store ``{name: bytes}`` under ``version`` (a number from :meth:`new_build`);
        returns ``{name: (version, parts)}``."""
        requests, written = [], {}
        for name, data in artifacts.items():
            pieces = [data[at:at + PART_BYTES] for at in range(0, len(data), PART_BYTES)]
            pieces = pieces or [b'']
            for number, piece in enumerate(pieces):
                item = part_key(name, version, number)
                item['data'] = {'B': piece}
                requests.append({'PutRequest': {'Item': item}})
            written[name] = (version, len(pieces))
        batch_write(self.client, self.table_name, requests)
        return written

    def delete(self, retired):
        """Remove ``(name, version, parts)`` artifacts no manifest names any more."""
        batch_write(self.client, self.table_name, [
            {'DeleteRequest': {'Key': part_key(name, version, part)}}
            for name, version, parts in retired for part in range(parts)])

    def publish(self, previous, artifacts, info):
        """Make ``artifacts`` (``{name: (version, parts, ...)}``, all of them;
        what follows the parts is the builder's) current.

        Only if the manifest is still ``previous``; returns the new manifest,
        or None when another builder published first.  What ``previous``
        named and this does not is retired; what ``previous`` retired is
        deleted.
        """
        retired = [(name,) + tuple(value[:2]) for name, value in previous.artifacts.items()
                   if artifacts.get(name) != value]
        version = previous.version + 1
        item = dict(MANIFEST_KEY, version=_n(version),
                    artifacts=_s(json.dumps(artifacts, separators=(',', ':'))),
                    info=_s(json.dumps(info, separators=(',', ':'), sort_keys=True)),
                    retired=_s(json.dumps(retired, separators=(',', ':'))))
        condition = {'ConditionExpression': 'attribute_not_exists(pk)'} if not \
            previous.version else {'ConditionExpression': 'version = :v',
                                   'ExpressionAttributeValues': {':v': _n(previous.version)}}
        try:
            self.client.put_item(TableName=self.table_name, Item=item, **condition)
        except self.client.exceptions.ConditionalCheckFailedException:
            return None
        self.delete(previous.retired)
        return Manifest(version, dict(artifacts), info, tuple(tuple(r) for r in retired))
