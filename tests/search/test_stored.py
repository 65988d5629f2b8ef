"""The index as the table keeps it: shards, keys and a delta read back answer
exactly as the index built in memory, and a delta hides what it replaces."""
import random

import pytest

from chalicelib import search
from chalicelib.search import Builder, SearchIndex, ShardedSegment, Source, stored
from tests.helpers import make_entry

WORDS = ['exam', 'fee', 'late', 'voucher', 'retake', 'the', 'a', 'policy', 'café',
         'résumé', 'score', 'center', 'online', 'fees', 'exams'] + \
    ['w%d' % n for n in range(300)]
QUERIES = ['exam', 'late fee', '"late fee"', 'the exam', '"a late"', 'cafe resume',
           'w1 w2 w3', 'zzz exam', '"the the"', 'exams fee', '"fee exam"', 'voucher -x']


@pytest.fixture(scope='module')
def corpus():
    rng = random.Random(7)
    entries = []
    for n in range(1, 601):
        body = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(5, 150)))
        title = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
        entries.append(make_entry(n, title=title, content='<p>%s</p>' % body))
    return entries


@pytest.fixture(scope='module')
def sharded(corpus):
    """The corpus's index, in memory and written out in several shards."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stored, 'POSTINGS_PER_SHARD', 2000)
        index = SearchIndex.build(corpus)
        base, data = loaded(index)
    return index, base, data


def loaded(index, shards_of=None):
    """The index written out and read back, as a query reads it: every shard."""
    data, count, pair_count = stored.encode_shards(index.segment)
    assert count == stored.shard_count(index.segment.terms)
    assert pair_count == stored.shard_count(index.segment.pairs)
    shards = {n: stored.decode_terms(data['search:post:%d' % n], data['search:pos:%d' % n])
              for n in range(count)}
    pairs = {n: stored.decode_pairs(data['search:pair:%d' % n]) for n in range(pair_count)}
    return ShardedSegment(stored.decode_keys(data['search:keys']), shards, count,
                          index.segment.stats, pairs, pair_count), data


def test_shards_read_back_answer_as_the_index_in_memory(sharded):
    index, base, data = sharded
    assert base.count > 3
    docs = index._docs
    for query in QUERIES:
        expected = index.search(query, limit=50)
        found = search.search([Source(base)], query, 50, 0,
                              lambda ids: {i: docs[i] for i in ids})
        assert found == expected, query
    assert any(index.search(q).total for q in QUERIES)


def test_a_term_lives_in_exactly_the_shard_its_name_hashes_to(sharded):
    index, base, _ = sharded
    for word in index.segment.terms:
        home = stored.shard_of(word, base.count)
        assert [n for n, terms in base.shards.items() if word in terms] == [home]
    assert stored.shard_of('exam', 7) == stored.shard_of('exam', 7)   # stable
    assert base.pair_count > 3
    for name in index.segment.pairs:
        home = stored.shard_of(name, base.pair_count)
        assert [n for n, pairs in base.pair_shards.items() if name in pairs] == [home]


def test_a_delta_hides_what_it_replaces_and_adds_what_changed(corpus):
    index = SearchIndex.build(corpus)
    base, _ = loaded(index)
    changed = [e.with_changes(title='Zebra crossing', version=e.version + 1)
               for e in corpus[:5]]
    builder = Builder()
    for entry in changed:
        builder.add(entry)
    delta = builder.segment(docs=len(corpus), average=index.segment.stats['average'],
                            frequencies=index.segment.frequencies())
    hidden = {e.id for e in corpus[:10]}          # five edited, five unpublished
    segment, back = stored.decode_delta(stored.encode_delta(delta, hidden))
    assert back == hidden
    sources = [Source(base, back), Source(segment)]
    docs = dict(index._docs)

    def found(query):
        return search.search(sources, query, 100, 0, lambda ids: {i: docs[i] for i in ids})
    assert {h.id for h in found('zebra').hits} == {e.id for e in corpus[:5]}
    having = {search.key_id(index.segment.keys[n])
              for n in index.segment.terms['w1'].docs}
    assert having & hidden
    readded = {e.id for e in changed if 'w1' in search.terms(search.answer_text(e))}
    results = found('w1')
    assert results.total == len((having - hidden) | readded)
    assert {h.id for h in results.hits} <= (having - hidden) | readded


def test_packing_refuses_what_it_did_not_write():
    with pytest.raises(ValueError):
        stored.unpack(b'NOPE' + b'\0' * 20)


def test_pairs_find_what_positions_find(sharded):
    """Phrases are found by their pairs (and, past two words, positions):
    the same entries, in the same places, as positions alone find."""
    index, base, _ = sharded
    rng = random.Random(3)
    checked = 0
    for size in (2, 2, 2, 3, 3, 4):
        for _ in range(20):
            words = tuple(search.term(w) for w in rng.sample(WORDS, size))
            postings = [index.segment.terms.get(w) for w in words]
            if None in postings:
                continue
            expected = search.engine.phrase_hits(postings)
            assert search.phrase_places(Source(base), words) == expected, words
            assert search.phrase_places(Source(index.segment), words) == expected, words
            checked += bool(expected)
    assert checked > 20
