"""The search index, kept current: a base built from every published entry,
and a delta of the entries changed since (see ``chalicelib.search``).

A change rebuilds only the delta, from the current text of the entries it
holds, weighed with the base's numbers so that its scores sit on the same
scale.  When the delta passes :data:`DELTA_LIMIT` entries, the base is built
again from every published entry (``compaction``): the one step whose cost
grows with the site, run by the handler after the edit's own build, once
per that many changes.
"""
import json
import zlib

from ..search import (Builder, build, decode_delta, decode_keys, decode_pairs, decode_terms,
                      encode_delta, encode_shards, order_key)

DELTA_LIMIT = 500
FORMAT = 2                   # of the stored index; a base of another is built again
LEVEL = 1                    # zlib: these are large and read often; speed over size


def base(entries):
    """``({artifact name: bytes}, info)`` of a base built from ``entries``."""
    segment, _ = build(entries, keep_text=False)
    encoded, shards, pair_shards = encode_shards(segment)
    info = {'format': FORMAT, 'shards': shards, 'pair_shards': pair_shards,
            'docs': len(segment), 'average': segment.stats['average']}
    artifacts = {name: zlib.compress(data, LEVEL) for name, data in encoded.items()}
    artifacts['search:delta'] = delta([], (), info, {})
    return artifacts, info


def delta(entries, hidden, info, vocabulary):
    """The delta artifact: ``entries`` (the published ones among those
    changed since the base) indexed with the base's numbers, and the ids of
    the base entries it hides."""
    builder = Builder()
    current = sorted((e for e in entries if e.is_published), key=order_key)
    for entry in current:
        builder.add(entry)
    total = max(1, info.get('docs', 0) - len(hidden) + len(current))
    segment = builder.segment(docs=total, average=info.get('average') or None,
                              frequencies=vocabulary)
    return zlib.compress(encode_delta(segment, hidden), LEVEL)


def vocabulary(data):
    return json.loads(zlib.decompress(data)) if data else {}


def hidden_of(data):
    """The ids a stored delta hides: every entry changed since the base."""
    return set(decode_delta(zlib.decompress(data))[1]) if data else set()


# What a reader keeps of each kind of search artifact: shards stay bytes
# until a query asks for their terms (with or without positions).
DECODERS = {
    'search:keys': lambda data: decode_keys(zlib.decompress(data)),
    'search:delta': lambda data: decode_delta(zlib.decompress(data)),
    'search:post': zlib.decompress,
    'search:pos': zlib.decompress,
    'search:pair': lambda data: decode_pairs(zlib.decompress(data)),
}


def current_format(info):
    """Whether a stored index's ``info`` is of the format this code reads."""
    return bool(info) and info.get('format') == FORMAT


def shard_terms(post, positions=None):
    """``{term: Postings}`` of a shard's decompressed bytes."""
    return decode_terms(post, positions)
