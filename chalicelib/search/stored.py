"""The index as the table keeps it: a base segment in term shards, and a delta.

A query reads only what it needs: the order keys of the base's entries, the
shards its terms hash to (their positions too when it has a phrase), and the
delta, whole.  Each is one artifact (``chalicelib.derived`` stores them,
compressed, in parts under DynamoDB's item limit):

``search:keys``
    the base's order keys, one per entry (8 bytes each);
``search:post:<k>``, ``search:pos:<k>``
    postings of the base's terms that hash to shard ``k`` (entries and
    packed weights), and their positions;
``search:delta``
    the delta segment, positions included, and the ids whose base entries
    it hides;
``search:vocab``
    how many base entries have each term: what the next delta's weights
    are computed with (read by the builder, never by a query).

The layout of one artifact (:func:`pack`): a JSON header, then arrays in the
machine's byte order (little-endian, as Lambda's x86 and Arm machines are),
each starting on an 8-byte boundary, read back as zero-copy memoryviews.
"""
import json
import math
import struct
import sys
import zlib
from array import array
from itertools import accumulate

from .segment import Postings, Segment

POSTINGS_PER_SHARD = 32_768
MAX_SHARDS = 1024
_MAGIC = b'FQS1'
_HEADER = struct.Struct('<4sI')


def shard_of(word, shards):
    """The shard a term's postings live in: stable across processes."""
    return zlib.crc32(word.encode('utf-8', 'surrogatepass')) % shards


def shard_count(segment):
    total = sum(len(p) for p in segment.terms.values())
    return max(1, min(MAX_SHARDS, math.ceil(total / POSTINGS_PER_SHARD)))


# -- packing ---------------------------------------------------------------------

def pack(meta, arrays):
    """``meta`` (JSON) and ``arrays`` as one bytes object; see :func:`unpack`."""
    if sys.byteorder != 'little':      # pragma: no cover - no such Lambda machine
        raise RuntimeError('the stored index is little-endian only')
    meta = dict(meta, arrays=[[a.typecode, len(a)] for a in arrays])
    head = json.dumps(meta, ensure_ascii=False, separators=(',', ':')).encode('utf-8')
    pieces = [_HEADER.pack(_MAGIC, len(head)), head]
    size = _HEADER.size + len(head)
    for values in arrays:
        pad = -size % 8
        pieces.append(b'\0' * pad)
        data = values.tobytes()
        pieces.append(data)
        size += pad + len(data)
    return b''.join(pieces)


def unpack(data):
    """``(meta, [memoryview, ...])`` of :func:`pack`'s bytes."""
    magic, length = _HEADER.unpack_from(data)
    if magic != _MAGIC:
        raise ValueError('not a stored search artifact')
    start = _HEADER.size
    meta = json.loads(bytes(data[start:start + length]).decode('utf-8'))
    view, at, arrays = memoryview(data), start + length, []
    for code, count in meta['arrays']:
        at += -at % 8
        size = array(code).itemsize * count
        arrays.append(view[at:at + size].cast(code))
        at += size
    return meta, arrays


# -- postings and positions of some terms -------------------------------------------

def _terms_arrays(segment, words, code):
    docs, weights, npos, positions = array(code), array('I'), array('H'), array('H')
    counts = []
    for word in words:
        postings = segment.terms[word]
        counts.append(len(postings))
        docs.extend(postings.docs)
        weights.extend(postings.weights)
        npos.extend(b - a for a, b in zip(postings.starts, postings.starts[1:]))
        positions.extend(postings.positions)
    return counts, (docs, weights), (npos, positions)


def _code(segment):
    return 'H' if len(segment.keys) <= 0xFFFF else 'I'


def encode_shards(segment):
    """``{artifact name: bytes}`` of a base segment: keys, shards, vocabulary."""
    shards = shard_count(segment)
    grouped = [[] for _ in range(shards)]
    for word in sorted(segment.terms):
        grouped[shard_of(word, shards)].append(word)
    code = _code(segment)
    result = {'search:keys': pack({}, [segment.keys]),
              'search:vocab': json.dumps(segment.frequencies(),
                                         ensure_ascii=False).encode('utf-8')}
    for number, words in enumerate(grouped):
        counts, postings, positions = _terms_arrays(segment, words, code)
        result['search:post:%d' % number] = pack({'terms': words, 'counts': counts},
                                                 list(postings))
        result['search:pos:%d' % number] = pack({'counts': counts}, list(positions))
    return result, shards


def decode_terms(post_data, pos_data=None):
    """``{term: Postings}`` of a shard (or a delta), positions if given."""
    meta, (docs, weights) = unpack(post_data)
    npos = positions = None
    if pos_data is not None:
        _, (npos, positions) = unpack(pos_data)
    terms, at, pos_at = {}, 0, 0
    for word, count in zip(meta['terms'], meta['counts']):
        end = at + count
        starts = term_positions = None
        if npos is not None:
            starts = array('I', accumulate(npos[at:end], initial=0))
            term_positions = positions[pos_at:pos_at + starts[-1]]
            pos_at += starts[-1]
        terms[word] = Postings(docs[at:end], weights[at:end], starts, term_positions)
        at = end
    return terms


def decode_keys(data):
    return unpack(data)[1][0]


# -- the delta --------------------------------------------------------------------------

def encode_delta(segment, hidden):
    """The delta segment whole, and the ids of the base entries it hides."""
    words = sorted(segment.terms)
    counts, postings, positions = _terms_arrays(segment, words, _code(segment))
    return pack({'terms': words, 'counts': counts, 'stats': segment.stats,
                 'hidden': sorted(hidden)},
                [segment.keys, *postings, *positions])


def decode_delta(data):
    """``(segment, hidden ids)`` of :func:`encode_delta`'s bytes."""
    meta, (keys, docs, weights, npos, positions) = unpack(data)
    terms, at, pos_at = {}, 0, 0
    for word, count in zip(meta['terms'], meta['counts']):
        end = at + count
        starts = array('I', accumulate(npos[at:end], initial=0))
        terms[word] = Postings(docs[at:end], weights[at:end], starts,
                               positions[pos_at:pos_at + starts[-1]])
        pos_at += starts[-1]
        at = end
    return Segment(keys, terms, meta['stats']), frozenset(meta['hidden'])


class ShardedSegment:
    """The base segment as a query sees it: the shards it loaded, by number.

    A term whose shard was not loaded would look absent: the loader reads
    the shard of every term a query names.
    """

    def __init__(self, keys, shards, count, stats):
        self.keys, self.shards, self.count, self.stats = keys, shards, count, stats

    def __len__(self):
        return len(self.keys)

    def postings(self, word):
        shard = self.shards.get(shard_of(word, self.count))
        return None if shard is None else shard.get(word)
