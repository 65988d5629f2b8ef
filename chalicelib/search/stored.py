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
``search:pair:<k>``
    the base's pairs of words in a row that hash to shard ``k`` (entries and
    where the pair stands), which phrases read;
``search:delta``
    the delta segment, positions and pairs included, and the ids whose base
    entries it hides;
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

from .segment import Postings, Segment, pair_name

POSTINGS_PER_SHARD = 32_768
MAX_SHARDS = 1024
_MAGIC = b'FQS1'
_HEADER = struct.Struct('<4sI')


def shard_of(word, shards):
    """The shard a term's postings live in: stable across processes."""
    return zlib.crc32(word.encode('utf-8', 'surrogatepass')) % shards


def shard_count(postings):
    total = sum(len(p) for p in postings.values())
    return max(1, min(MAX_SHARDS, math.ceil(total / POSTINGS_PER_SHARD)))


def _grouped(postings, shards):
    grouped = [[] for _ in range(shards)]
    for word in sorted(postings):
        grouped[shard_of(word, shards)].append(word)
    return grouped


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


def _pairs_arrays(segment, names, code):
    docs, flags, counts = array(code), array('B'), []
    for name in names:
        postings = segment.pairs[name]
        counts.append(len(postings))
        docs.extend(postings.docs)
        flags.frombytes(postings.weights)
    return counts, docs, flags


def _code(segment):
    return 'H' if len(segment.keys) <= 0xFFFF else 'I'


def encode_shards(segment):
    """``({artifact name: bytes}, shards, pair shards)`` of a base segment:
    keys, term shards, pair shards, vocabulary."""
    shards, pair_shards = shard_count(segment.terms), shard_count(segment.pairs)
    code = _code(segment)
    result = {'search:keys': pack({}, [segment.keys]),
              'search:vocab': json.dumps(segment.frequencies(),
                                         ensure_ascii=False).encode('utf-8')}
    for number, words in enumerate(_grouped(segment.terms, shards)):
        counts, postings, positions = _terms_arrays(segment, words, code)
        result['search:post:%d' % number] = pack({'terms': words, 'counts': counts},
                                                 list(postings))
        result['search:pos:%d' % number] = pack({'counts': counts}, list(positions))
    for number, names in enumerate(_grouped(segment.pairs, pair_shards)):
        counts, docs, flags = _pairs_arrays(segment, names, code)
        result['search:pair:%d' % number] = pack({'pairs': names, 'counts': counts},
                                                 [docs, flags])
    return result, shards, pair_shards


def decode_pairs(data):
    """``{pair name: Postings}`` of a pair shard (flags for weights)."""
    meta, (docs, flags) = unpack(data)
    return _pairs_of(meta['pairs'], meta['counts'], docs, flags)


def _pairs_of(names, counts, docs, flags):
    pairs, at = {}, 0
    for name, count in zip(names, counts):
        pairs[name] = Postings(docs[at:at + count], flags[at:at + count])
        at += count
    return pairs


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
    words, names = sorted(segment.terms), sorted(segment.pairs)
    counts, postings, positions = _terms_arrays(segment, words, _code(segment))
    pair_counts, pair_docs, flags = _pairs_arrays(segment, names, _code(segment))
    return pack({'terms': words, 'counts': counts, 'stats': segment.stats,
                 'hidden': sorted(hidden), 'pairs': names, 'pair_counts': pair_counts},
                [segment.keys, *postings, *positions, pair_docs, flags])


def decode_delta(data):
    """``(segment, hidden ids)`` of :func:`encode_delta`'s bytes."""
    meta, (keys, docs, weights, npos, positions, pair_docs, flags) = unpack(data)
    terms, at, pos_at = {}, 0, 0
    for word, count in zip(meta['terms'], meta['counts']):
        end = at + count
        starts = array('I', accumulate(npos[at:end], initial=0))
        terms[word] = Postings(docs[at:end], weights[at:end], starts,
                               positions[pos_at:pos_at + starts[-1]])
        pos_at += starts[-1]
        at = end
    pairs = _pairs_of(meta['pairs'], meta['pair_counts'], pair_docs, flags)
    return Segment(keys, terms, meta['stats'], pairs), frozenset(meta['hidden'])


class ShardedSegment:
    """The base segment as a query sees it: the shards it loaded, by number.

    A term whose shard was not loaded would look absent: the loader reads
    the shard of every term a query names.
    """

    def __init__(self, keys, shards, count, stats, pair_shards=None, pair_count=1):
        self.keys, self.shards, self.count, self.stats = keys, shards, count, stats
        self.pair_shards, self.pair_count = pair_shards or {}, pair_count

    def __len__(self):
        return len(self.keys)

    def postings(self, word):
        shard = self.shards.get(shard_of(word, self.count))
        return None if shard is None else shard.get(word)

    def pair(self, first, second):
        name = pair_name(first, second)
        shard = self.pair_shards.get(shard_of(name, self.pair_count))
        return None if shard is None else shard.get(name)
