"""The in-memory full-text search index (no DynamoDB needed)."""
import re
import time

import pytest
from markupsafe import Markup

from chalicelib import search
from chalicelib.search import SearchIndex
from tests.helpers import make_entry


def build(*entries):
    return SearchIndex.build(entries)


def ids(results):
    return [hit.id for hit in results.hits]


def visible(snippet):
    """The text a reader sees: tags removed, entities decoded."""
    return Markup(snippet).striptags()


# --- ranking ------------------------------------------------------------------

def test_title_match_ranks_above_body_only_match():
    in_title = make_entry(1, title='How do refunds work?',
                          content='<p>Write to support within 30 days.</p>')
    body_only = make_entry(2, title='Money back', categories=('billing',), content=(
        '<p>A refund is possible. Refund requests take a week; '
        'the refund goes to your card. Refund, refund, refund.</p>'))
    results = build(body_only, in_title).search('refund')
    assert ids(results) == [1, 2]
    # not by score, nor by date: the body-only entry wins both
    assert results.hits[1].score > results.hits[0].score
    assert body_only.created > in_title.created
    assert results.hits[1].categories == ('billing',)


def test_newest_entry_first_when_everything_else_ties():
    entries = [make_entry(n, title='Same %d' % n, content='<p>Identical voucher text.</p>')
               for n in (3, 1, 2)]
    assert ids(build(*entries).search('voucher')) == [3, 2, 1]


def test_all_words_are_required():
    both = make_entry(1, content='<p>Use the voucher to pay the exam.</p>')
    voucher = make_entry(2, content='<p>A voucher only.</p>')
    exam = make_entry(3, content='<p>An exam only.</p>')
    results = build(both, voucher, exam).search('voucher exam')
    assert results.matched_all
    assert (results.total, ids(results)) == (1, [1])


def test_without_an_entry_matching_all_words_any_word_matches_more_words_first():
    two = make_entry(1, title='Plain', content='<p>Voucher and exam, nothing else.</p>')
    one_in_title = make_entry(2, title='Voucher rules', content='<p>Vouchers expire.</p>')
    none = make_entry(3, content='<p>Unrelated answer.</p>')
    results = build(two, one_in_title, none).search('voucher exam zebra')
    assert not results.matched_all
    assert (results.total, ids(results)) == (2, [1, 2])


def test_common_words_alone_are_not_required():
    entry = make_entry(1, content='<p>Our refund policy: 30 days.</p>')
    assert ids(build(entry).search('what is the refund policy')) == [1]
    assert ids(build(entry).search('Our')) == [1]      # only common words: used


# --- matching -------------------------------------------------------------------

@pytest.mark.parametrize('text, query', [
    ('Café opening hours', 'cafe'), ('Cafe opening hours', 'Café'),
    ('Cafe opening hours', 'CAFÉ'), ('The EXAM date', 'exam'),
    ('the exam date', 'EXAM'), ('Zürich centre', 'zurich'),
    ('Straße', 'STRASSE'),
])
def test_case_and_accents_do_not_matter(text, query):
    index = build(make_entry(1, content='<p>%s</p>' % text), make_entry(2))
    assert ids(index.search(query)) == [1]


@pytest.mark.parametrize('singular, plural', [
    ('exam', 'exams'), ('fee', 'fees'), ('quiz', 'quizzes'),
    ('category', 'categories'), ('class', 'classes'), ('box', 'boxes'),
])
def test_singular_and_plural_find_each_other(singular, plural):
    index = build(make_entry(1, content='<p>One %s here.</p>' % singular),
                  make_entry(2, content='<p>Many %s here.</p>' % plural),
                  make_entry(3))
    assert sorted(ids(index.search(singular))) == [1, 2]
    assert sorted(ids(index.search(plural))) == [1, 2]


@pytest.mark.parametrize('word, expected', [
    ('is', 'is'), ('was', 'was'), ('pass', 'pass'), ('passes', 'pass'),
    ('status', 'status'), ('basis', 'basis'), ('bus', 'bus'), ('1990s', '1990s'),
    ('exams', 'exam'), ('quizzes', 'quiz'), ('buzzes', 'buzz'), ('studies', 'study'),
])
def test_stemming_keeps_short_and_ss_words_whole(word, expected):
    assert search.stem(word) == expected


def test_pass_does_not_match_pas():
    index = build(make_entry(1, content='<p>Pas de deux.</p>'),
                  make_entry(2, content='<p>You pass.</p>'))
    assert ids(index.search('pass')) == [2]


def test_quoted_phrase_matches_only_consecutive_words():
    together = make_entry(1, content='<p>Ask for a late fee waiver.</p>')
    apart = make_entry(2, content='<p>The fee is due; do not be late.</p>')
    index = build(together, apart)
    assert sorted(ids(index.search('late fee'))) == [1, 2]
    assert ids(index.search('"late fee"')) == [1]
    assert ids(index.search('\u201cLATE FEES\u201d')) == [1]      # curly quotes, folded
    assert ids(index.search('"fee late"')) == []


def test_phrase_with_other_words_and_across_punctuation():
    entry = make_entry(1, content='<p>Pay the late-fee online, then book the exam.</p>')
    other = make_entry(2, content='<p>Late again: fee online.</p>')
    index = build(entry, other)
    assert ids(index.search('"late fee" exam')) == [1]
    assert ids(index.search('late-fee')) == [1]       # split word: a phrase


def test_a_phrase_keeps_what_the_other_words_weighed():
    """A phrase matched after a rarer word adds to that word's weight (its
    title match too), never replaces it."""
    titled = make_entry(1, title='Exam rules', content=(
        '<p>Pay the late fee, then wait for a letter that confirms the new date '
        'and the centre where you will sit, which can take a week or two.</p>'))
    plain = make_entry(2, title='Other rules', content='<p>Late fee: exam.</p>')
    others = [make_entry(n, content='<p>A late fee again.</p>') for n in (3, 4, 5)]
    index = build(titled, plain, *others)
    assert ids(index.search('exam "late fee"')) == [1, 2]
    assert ids(index.search('"late fee" exam')) == [1, 2]


def test_phrase_does_not_run_from_one_entry_into_the_next():
    index = build(make_entry(1, content='<p>Pay it late</p>'),
                  make_entry(2, content='<p>Fee applies</p>'))
    assert ids(index.search('"late fee"')) == []
    assert ids(index.search('"1 question"')) == []      # titles: Question 1? Question 2?
    assert ids(index.search('"question 2"')) == [2]


def test_phrases_in_many_entries_are_found_as_in_few():
    """Past ``FEW`` candidates the phrase is found by intersecting every
    place of its words at once; it must find exactly what the one-by-one
    check finds, at the edges too: entry boundaries, the title's end."""
    kinds = [('Late', 'Fee applies'),                    # title's end, answer's start
             ('A late fee?', 'Nothing.'),                # in the title only
             ('Other', 'late fee'),                      # the answer's first words
             ('Other', 'fee late, late... fee'),         # in a row across punctuation
             ('Other', 'fee late'),                      # reversed
             ('Late fee late fee', 'late late fee fee'),  # both, repeatedly
             ('Fee', 'late')]                            # next entry's first word
    count = 5 * search.engine.FEW
    entries = [make_entry(n + 1, title=kinds[n % 7][0], content='<p>%s</p>' % kinds[n % 7][1])
               for n in range(count)]
    index = build(*entries)
    postings = [index.segment.terms[w] for w in ('late', 'fee')]
    at_once = search.engine.phrase_hits(postings)
    one_by_one = {}
    for number in range(count):
        places = search.engine.places_in(postings, number)
        if any(places):
            one_by_one[number] = places
    assert at_once == one_by_one
    few = set(list(at_once)[:search.engine.FEW])
    assert search.engine.phrase_hits(postings, few) == {n: at_once[n] for n in few}
    by_kind = {}
    for number, places in at_once.items():
        by_kind.setdefault((search.key_id(index.segment.keys[number]) - 1) % 7, set()).add(places)
    assert by_kind == {1: {(True, False)}, 2: {(False, True)}, 3: {(False, True)},
                       5: {(True, True)}}
    assert index.search('"late fee"').total == len(at_once) == 4 * count // 7 + 1
    assert search.phrase_places(search.Source(index.segment), ('late', 'fee')) == at_once


def test_unbalanced_quote_reads_the_words_after_it_as_words():
    index = build(make_entry(1, content='<p>The fee is late.</p>'),
                  make_entry(2, content='<p>Nothing here.</p>'))
    assert ids(index.search('late "fee')) == [1]
    assert ids(index.search('"late fee" "is')) == []  # the phrase still applies


def test_results_only_include_published_entries_given_to_build():
    given = [make_entry(n, content='<p>Voucher %d.</p>' % n) for n in (1, 2, 3)]
    draft = make_entry(4, status='draft', content='<p>Voucher draft.</p>')
    left_out = make_entry(5, content='<p>Voucher left out.</p>')
    index = SearchIndex.build(given + [draft])
    assert len(index) == 3
    for query in ('voucher', 'draft', 'left out', 'voucher draft', '"voucher left"'):
        assert set(ids(index.search(query, limit=100))) <= {1, 2, 3}
    assert sorted(ids(index.search('voucher'))) == [1, 2, 3]
    assert left_out.id not in ids(index.search('voucher'))


def test_an_empty_index_finds_nothing():
    index = SearchIndex.build([make_entry(1, status='draft')])
    assert index.search('question answer').total == 0


# --- snippets -------------------------------------------------------------------

def test_snippet_marks_matched_words_around_the_first_match():
    filler = ' '.join('word%d' % n for n in range(200))
    entry = make_entry(1, content='<p>%s Bring two Exams to the centre. %s</p>' % (filler, filler))
    hit = build(entry).search('exam').hits[0]
    assert isinstance(hit.snippet, Markup)
    assert '<mark>Exams</mark>' in hit.snippet
    text = visible(hit.snippet)
    assert text.startswith('\u2026') and text.endswith('\u2026')
    assert 150 <= len(text) <= 200
    words = set(entry.content.replace('<p>', ' ').replace('</p>', ' ').replace('.', ' ').split())
    assert all(w.strip('.') in words for w in text.strip('\u2026').split())  # whole words
    assert text.index('Exams') < 70


def test_snippet_of_a_short_answer_is_all_of_it():
    hit = build(make_entry(1, content='<p>The voucher works, the voucher ends.</p>')).search(
        'voucher').hits[0]
    assert hit.snippet == ('The <mark>voucher</mark> works, the <mark>voucher</mark> ends.')


def test_snippet_marks_a_phrase_not_its_words_elsewhere():
    hit = build(make_entry(1, content='<p>Late fees: a late fee applies.</p>')).search(
        '"a late fee"').hits[0]
    assert hit.snippet == 'Late fees: <mark>a late fee</mark> applies.'


def test_snippet_text_stays_escaped_and_mark_is_the_only_markup():
    entry = make_entry(1, title='Bold text', content=(
        '<p>Type &lt;b&gt;bold&lt;/b&gt; &amp; <script>x</script>'
        '<em>see</em> "quotes" for bold.</p>'))
    hit = build(entry).search('bold').hits[0]
    html = str(hit.snippet)
    assert '&lt;b&gt;<mark>bold</mark>&lt;/b&gt;' in html
    assert '&amp;' in html and '<em>' not in html
    assert set(re.findall(r'<[^>]*>', html)) == {'<mark>', '</mark>'}


def test_title_only_match_gets_the_start_of_the_answer():
    entry = make_entry(1, title='Voucher rules', content='<p>Ask support first.</p>')
    hit = build(entry).search('voucher').hits[0]
    assert hit.snippet == 'Ask support first.'
    assert (hit.slug, hit.title, hit.categories) == ('question-1', 'Voucher rules', ())


# --- paging -------------------------------------------------------------------

def test_offset_limit_and_total(monkeypatch):
    index = build(*[make_entry(n, content='<p>Voucher %d.</p>' % n) for n in range(1, 31)])
    first = index.search('voucher', limit=10)
    assert (first.total, len(first.hits)) == (30, 10)
    pages = [index.search('voucher', limit=10, offset=o) for o in (0, 10, 20)]
    seen = [i for page in pages for i in ids(page)]
    assert sorted(seen) == list(range(1, 31)) and seen == list(range(30, 0, -1))
    assert ids(index.search('voucher', limit=10, offset=25)) == [5, 4, 3, 2, 1]
    assert index.search('voucher', offset=30).hits == ()
    assert index.search('voucher', limit=0).total == 30
    assert len(index.search('voucher', limit=10 ** 9).hits) == 30
    from chalicelib.search import index as search_index
    monkeypatch.setattr(search_index, 'MAX_LIMIT', 25)
    assert len(index.search('voucher', limit=10 ** 9).hits) == 25
    assert ids(index.search('voucher', limit='x', offset=-5))[:1] == [30]


# --- hostile input ----------------------------------------------------------------

HOSTILE = [
    '', '   ', 'x' * 10_000, 'voucher ' * 2_000, ' '.join('w%d' % n for n in range(3000)),
    '\x00voucher\x01\x02\x1b[31m\x7f', '<script>alert(1)</script>', '"', '""""""', '"""x',
    '!!! ??? ...', '\ud800voucher', '\u202e\u200bvoucher', '%s' % ('"a" ' * 500),
    'é' * 5000, None, 42, b'voucher',
]


@pytest.fixture(scope='module')
def big_index():
    words = ' '.join('word%d' % (n % 300) for n in range(400))
    return SearchIndex.build(
        make_entry(n, content='<p>Voucher &lt;script&gt;alert(1)&lt;/script&gt; %s</p>' % words)
        for n in range(1, 201))


@pytest.mark.parametrize('query', HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_return_clean_results_quickly(big_index, query):
    started = time.perf_counter()
    results = big_index.search(query)
    assert time.perf_counter() - started < 0.25
    assert results.total >= len(results.hits)
    for hit in results.hits:
        assert set(re.findall(r'<[^>]*>', str(hit.snippet))) <= {'<mark>', '</mark>'}


def test_markup_in_a_query_matches_words_only_and_stays_escaped(big_index):
    results = big_index.search('<script>alert(1)</script>')
    assert results.total == 200
    assert '&lt;<mark>script</mark>&gt;<mark>alert</mark>(<mark>1</mark>)' \
        in str(results.hits[0].snippet)


def test_queries_are_capped():
    parsed = search.parse_query(' '.join('w%d' % n for n in range(100)))
    assert sum(map(len, parsed)) == search.MAX_TERMS
    assert search.parse_query('x' * 1000) == [('x' * search.MAX_TERM_CHARS,)]
    assert search.parse_query('a ' * 300 + 'voucher') == [('a',)]   # past 512 chars
    assert search.parse_query('\x00voucher\x1f"fee') == [('voucher',), ('fee',)]
    assert search.parse_query('""') == [] and search.parse_query('?!') == []
