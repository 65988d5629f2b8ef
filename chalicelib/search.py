"""Full-text search over the published FAQ entries, in memory.

Why in memory, and why only the standard library
    A Lambda instance that serves search loads the published entries anyway;
    for a few thousand entries an index built from them at load time answers
    a query in a millisecond or two, with no extra service to run, pay for
    or keep in sync.  Only ``array``, ``re``, ``unicodedata`` and ``zlib``
    are used (plus MarkupSafe, which the site already ships for Jinja):
    importing the module takes ~8 ms with its bytecode cached (zlib's
    extension 2 ms of it).  The index is never serialised: it is rebuilt
    from the entries (see Ceiling).

Text to terms
    A word is a run of letters and digits (``_``, apostrophes, hyphens and
    all punctuation separate words).  Each word is folded - NFKD with the
    combining marks dropped, casefolded, cut at 64 characters - and given a
    light plural stem (:func:`stem`): ``Cafés`` -> ``cafe``, ``quizzes`` ->
    ``quiz``, while short words and ``-ss``/``-us``/``-is`` words stay whole
    (``is``, ``was``, ``pass``, ``status``).  Query and text go through the
    same :func:`term`, so whatever folding does, it does on both sides.

Layout (immutable after :meth:`SearchIndex.build`)
    Entries are numbered in ``(created, id)`` order, so the number itself is
    the final tie-break and no dates are kept.

    * ``_terms``: term -> term id.
    * ``_postings``: two flat arrays sliced per term by ``starts``: entry
      numbers (ascending; 2 bytes each up to 65,535 entries) and packed
      weights (4 bytes: BM25 x 1000 in the low 24 bits, bit 24 set when the
      term is in the title, so that summing a query's weights also counts
      its title matches).  Flat arrays cost nothing per term, where a list
      per term would cost ~60-100 bytes for each of the many terms seen once.
    * ``_titles`` and ``_bodies`` (:class:`_Words`): the term ids of every
      title, and of every answer text, in order, end to end in one bytes
      each (2 bytes a word while there are fewer than 65,536 terms, else 4).
      This is the compact normalised text: a quoted phrase is a
      ``bytes.find`` of its ids (in C), and so is the first match a snippet
      is centred on.
    * Per entry a :class:`_Doc`: id, slug, title, description, categories,
      the answer's plain text zlib-compressed (decompressed only for the
      page of hits, to cut snippets from the original wording) and
      ``marks``, (character offset, word number) every ~512 characters, so
      that a snippet deep in a long answer is found without re-reading the
      text from its start.

Query (:func:`parse_query`)
    At most 512 characters are read; control characters, NUL and markup
    are not letters or digits, so they only separate words.
    ``"..."`` (straight or curly quotes) is a phrase: its words consecutive,
    same folding.  An unmatched quote is ignored and the words after it read
    as plain words.  A word the tokenizer splits (``e-mail``, ``U.S.``,
    ``don't``) is a phrase of its parts.  Common English words (``the``,
    ``how``, ``is``...) standing alone are dropped unless the query has
    nothing else.  At most 16 terms are used.

Matching and ranking
    Every query part is required (AND), rarest first, so later parts only
    filter a small set.  When that finds nothing and the query has several
    parts, the search falls back to OR: entries matching any part, with
    ``SearchResults.matched_all`` False so the page can say so, and entries
    matching more parts first.  Order: parts matched, then parts found in the
    title (a title match is above a body-only match), then the BM25 score
    (k1=1.2, b=0.75, title and text counted as one field), then the newest
    ``created`` (then the higher id).  Snippets are cut only for the page
    returned.

Ceiling (``python -m bench.search``; shared 2-core machine, Python 3.11)
    5,000 generated entries of 150-600 words (2.0 million words, 3,800
    distinct terms): build 3.6 s of CPU (on every cold start), 19 MB
    retained by the index (tracemalloc; 65 MB peak while building), warm
    search p50 2.3 ms and p99 ~10 ms with snippets, 7x faster at p50 than a
    linear scan of pre-lowercased texts that neither ranks nor folds.
    10,000 entries: build 6.5 s, 38 MB, p50 3.3 ms.  Worst cases measured: a
    quoted phrase of two words found in nearly every entry, ~10 ms; sixteen
    common words that no entry has all of (the OR fallback), ~20 ms.  Build
    time and memory grow linearly with the words indexed, and the build on
    every cold start is what binds: beyond ~5,000 entries of this size, or
    when a cold start must stay within a second or two, or for fuzzy
    matching, synonyms, other languages or facets, the replacement is Amazon
    OpenSearch Service, fed from the table by a DynamoDB stream.
"""
import bisect
import html
import math
import re
import sys
import zlib
from array import array
from collections import Counter, deque
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import repeat
from operator import or_
from typing import NamedTuple

from markupsafe import Markup, escape

from . import content as html_content
# Text to terms lives in its own small module, which related questions use
# without loading the index code.
from .text import MAX_TERM_CHARS, STOPWORDS, _WORD, _nfc, fold, stem, term  # noqa: F401

MAX_QUERY_CHARS = 512
MAX_TERMS = 16
MAX_LIMIT = 100
MAX_OFFSET = 10_000
SNIPPET_CHARS = 180       # of text, not counting the ellipses
SNIPPET_LEAD = 60         # at most this much text before the first match
MARK_EVERY = 512          # characters between two (offset, word number) marks

_K1, _B = 1.2, 0.75
_WEIGHT_SCALE = 1000
_SCORE = (1 << 24) - 1    # low bits of a packed weight: BM25 x 1000
_IN_TITLE = 1 << 24       # one per query part found in the title
_MATCHED = 1 << 30        # one per query part matched (OR fallback only)
_SHIFT = (32).__rlshift__  # packed -> packed << 32, in C: sort key above entry number

_QUOTES = str.maketrans(dict.fromkeys('\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02', '"'))

# --- query parsing -------------------------------------------------------------

def _clean_query(query):
    """The part of a query that is read: capped, curly quotes straightened, NFC.

    Control characters, NUL and markup need no cleaning: they are not
    letters or digits, so they only ever separate words.
    """
    if not isinstance(query, str):
        return ''
    return _nfc(query[:MAX_QUERY_CHARS].translate(_QUOTES))


def _split_quotes(text):
    """Pieces of the query; odd-numbered ones were inside a pair of quotes.

    With an odd number of quotes the last one is unmatched: the words after
    it are read as plain words rather than as a phrase running to the end.
    """
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        pieces[-2:] = [pieces[-2] + ' ' + pieces[-1]]
    return pieces


def parse_query(query):
    """The query as a list of parts, each a tuple of terms (several: a phrase).

    Stop words standing alone are dropped unless nothing else is left;
    repeated parts are dropped; at most :data:`MAX_TERMS` terms are kept.
    """
    parts, stops = [], []
    for number, piece in enumerate(_split_quotes(_clean_query(query))):
        if number % 2:
            words = _WORD.findall(piece)
            if words:
                parts.append(tuple(term(w) for w in words))
            continue
        for chunk in piece.split():
            words = _WORD.findall(chunk)
            if len(words) == 1 and fold(words[0]) in STOPWORDS:
                stops.append((term(words[0]),))
            elif words:
                parts.append(tuple(term(w) for w in words))
    return _cap(list(dict.fromkeys(parts or stops)))


def _cap(parts):
    kept, budget = [], MAX_TERMS
    for part in parts:
        if budget <= 0:
            break
        kept.append(part[:budget])
        budget -= len(part)
    return kept


# --- results -------------------------------------------------------------------

@dataclass(frozen=True)
class SearchHit:
    """One entry found; ``snippet`` is safe to print unescaped."""

    id: int
    slug: str
    title: str
    categories: tuple
    score: float          # BM25 relevance; the order also weighs title matches
    snippet: Markup       # escaped text, <mark> around the matched words


@dataclass(frozen=True)
class SearchResults:
    """``total`` entries matched; ``hits`` is the page asked for."""

    total: int
    hits: tuple
    matched_all: bool = True   # False: no entry had every part; any-part results


class _Doc(NamedTuple):
    id: int
    slug: str
    title: str
    description: str
    categories: tuple
    text: bytes          # zlib-compressed UTF-8 plain text of the answer
    marks: array         # (character offset, word number) pairs


class _Part(NamedTuple):
    ids: tuple           # term ids; more than one: a phrase
    needle: bytes        # the same ids as bytes, to find in _Words


class _Postings(NamedTuple):
    starts: array        # term id -> first index in docs/weights; one more at the end
    docs: array          # entry numbers, ascending within a term
    weights: array       # packed: BM25 x 1000 | _IN_TITLE

    def bounds(self, term_id):
        return self.starts[term_id], self.starts[term_id + 1]

    def frequency(self, term_id):
        return self.starts[term_id + 1] - self.starts[term_id]


def _big_endian(ids):
    """An array's bytes, most significant first.

    ``bytes.find`` tests the needle's last byte first: little-endian, that
    is the high byte of a small id, zero half the time, and the search
    crawls; big-endian it is the selective low byte (2-3x faster).
    """
    if sys.byteorder == 'little':
        ids = array(ids.typecode, ids)
        ids.byteswap()
    return ids.tobytes()


class _Words:
    """The term ids of one field of every entry, end to end, as one bytes.

    One buffer rather than a bytes object per entry saves the per-object
    overhead, and lets a short field (titles) be searched in one C scan.
    """

    def __init__(self, id_lists, code):
        flat, starts = array(code), array('I', [0])
        for ids in id_lists:
            flat.extend(ids)
            starts.append(len(flat))
        self.code, self.width = code, flat.itemsize
        self.ids, self.starts = _big_endian(flat), starts

    def needle(self, ids):
        return _big_endian(array(self.code, ids))

    def find(self, number, needle, first=0):
        """Word number in entry ``number`` of ``needle`` at or after ``first``, or -1.

        ``bytes.find`` may match across the boundary between two ids, so hits
        not on a multiple of the id width are skipped.
        """
        width, ids = self.width, self.ids
        start, end = self.starts[number] * width, self.starts[number + 1] * width
        at = ids.find(needle, start + first * width, end)
        while at != -1 and at % width:
            at = ids.find(needle, at + 1, end)
        return -1 if at == -1 else (at - start) // width

    def entries_with(self, needle):
        """Entry numbers whose words contain ``needle``, in one scan.

        Cheap for titles; for answer texts, several MB, checking the
        entries that have the phrase's rarest word is faster.
        """
        found, width, ids, starts = set(), self.width, self.ids, self.starts
        size, at = len(needle) // width, ids.find(needle)
        while at != -1:
            word = at // width
            number = bisect.bisect_right(starts, word) - 1
            if at % width == 0 and word + size <= starts[number + 1]:
                found.add(number)
                at = ids.find(needle, starts[number + 1] * width)
            else:
                at = ids.find(needle, at + 1)
        return found

    def entries_among(self, needle, numbers):
        """The same among ``numbers``: one scan when they are most entries,
        else a check of each (``find`` inlined: this is the hot loop)."""
        if len(numbers) * 2 > len(self.starts):
            return self.entries_with(needle) & numbers
        found, width, starts, find = set(), self.width, self.starts, self.ids.find
        for number in numbers:
            end = starts[number + 1] * width
            at = find(needle, starts[number] * width, end)
            while at != -1 and at % width:
                at = find(needle, at + 1, end)
            if at != -1:
                found.add(number)
        return found

    def window(self, number, first, count):
        """Term ids of words first..first+count-1 of entry ``number``."""
        start = (self.starts[number] + first) * self.width
        ids = array(self.code)
        ids.frombytes(self.ids[start:start + count * self.width])
        if sys.byteorder == 'little':
            ids.byteswap()
        return ids


# --- building ------------------------------------------------------------------

_consume = partial(deque, maxlen=0)


def _chunks(text):
    """Bounds of ~MARK_EVERY-character pieces of text, cut at spaces.

    ``plain_text`` leaves single spaces between words, so no word spans two
    pieces, and the words of the pieces are the words of the whole.
    """
    start, length = 0, len(text)
    while start < length:
        end = text.find(' ', start + MARK_EVERY)
        end = length if end == -1 else end
        yield start, end
        start = end


class _Builder:
    """Takes entries in (created, id) order, then lays out the index."""

    def __init__(self):
        self.vocab = {}        # term -> id
        self.ids_of = {}       # word as written -> term id (build-time cache)
        self.postings = []     # term id -> [entry number, ...]
        self.counts = []       # term id -> [occurrences in that entry, ...]
        self.titles = []       # entry number -> [term id, ...] of its title
        self.bodies = []       # entry number -> [term id, ...] of its text
        self.docs = []         # entry number -> _Doc

    def _new_term(self, word):
        key = term(word)
        number = self.vocab.get(key)
        if number is None:
            number = self.vocab[key] = len(self.vocab)
            self.postings.append([])
            self.counts.append([])
        self.ids_of[word] = number

    def _ids(self, words):
        """Term ids of words; the dict of words seen makes nearly all lookups."""
        try:
            return list(map(self.ids_of.__getitem__, words))
        except KeyError:
            for word in words:
                if word not in self.ids_of:
                    self._new_term(word)
            return list(map(self.ids_of.__getitem__, words))

    def _body(self, text):
        ids, marks = [], array('I')
        for start, end in _chunks(text):
            marks.append(start)
            marks.append(len(ids))
            ids += self._ids(_WORD.findall(text, start, end))
        return ids, marks

    def add(self, entry):
        number = len(self.docs)
        text = _nfc(html_content.plain_text(entry.content))
        title_ids = self._ids(_WORD.findall(_nfc(entry.title)))
        body_ids, marks = self._body(text)
        counted = Counter(title_ids + body_ids)
        # list.append called from map: no bytecode per posting (~25% faster)
        _consume(map(list.append, map(self.postings.__getitem__, counted), repeat(number)))
        _consume(map(list.append, map(self.counts.__getitem__, counted), counted.values()))
        self.titles.append(title_ids)
        self.bodies.append(body_ids)
        self.docs.append(_Doc(
            entry.id, entry.slug, entry.title, entry.description, tuple(entry.categories),
            zlib.compress(text.encode('utf-8', 'surrogatepass'), 1), marks))

    def postings_arrays(self):
        """Every term's entry numbers and packed weights, in flat arrays."""
        total = len(self.docs)
        lengths = [len(t) + len(b) for t, b in zip(self.titles, self.bodies)]
        average = sum(lengths) / total if total else 1
        norms = [_K1 * (1 - _B + _B * n / average) for n in lengths]
        starts = array('I', [0])
        docs, weights = array('H' if total <= 0xFFFF else 'I'), array('I')
        for term_id, numbers in enumerate(self.postings):
            counts = self.counts[term_id]
            idf = math.log(1 + (total - len(numbers) + 0.5) / (len(numbers) + 0.5))
            scale = idf * (_K1 + 1) * _WEIGHT_SCALE     # the limit as counts grow
            weights.extend([int(scale * n / (n + norms[d]) + 0.5)
                            for d, n in zip(numbers, counts)])
            docs.extend(numbers)
            starts.append(len(docs))
        postings = _Postings(starts, docs, weights)
        self._mark_titles(postings)
        return postings

    def _mark_titles(self, postings):
        for number, title_ids in enumerate(self.titles):
            for term_id in set(title_ids):
                start, end = postings.bounds(term_id)
                at = bisect.bisect_left(postings.docs, number, start, end)
                postings.weights[at] |= _IN_TITLE

    def index(self):
        code = 'H' if len(self.vocab) <= 0xFFFF else 'I'
        return SearchIndex(self.docs, self.vocab, self.postings_arrays(),
                           _Words(self.titles, code), _Words(self.bodies, code))


# --- the index -----------------------------------------------------------------

class SearchIndex:
    """An immutable search index of published FAQ entries.  Use :meth:`build`."""

    def __init__(self, docs, terms, postings, titles, bodies):
        self._docs = tuple(docs)
        self._terms = terms
        self._postings = postings
        self._titles = titles
        self._bodies = bodies

    @classmethod
    def build(cls, entries):
        """Index the published ones of ``entries`` (FaqEntry objects).

        Drafts and trashed entries are skipped so that a careless caller
        cannot leak them through search; of a repeated id the last is kept.
        """
        unique = {e.id: e for e in entries if e.is_published}
        builder = _Builder()
        for entry in sorted(unique.values(), key=lambda e: (e.created.timestamp(), e.id)):
            builder.add(entry)
        return builder.index()

    def __len__(self):
        return len(self._docs)

    def size_bytes(self):
        """The index's memory, counted object by object with sys.getsizeof.

        Strings shared with the FaqEntry objects (slug, title...) are
        counted too, as they are once the entries are dropped.
        """
        size = sum(map(sys.getsizeof, (self._docs, self._terms, *self._postings)))
        size += sum(sys.getsizeof(t) + sys.getsizeof(n) for t, n in self._terms.items())
        for words in (self._titles, self._bodies):
            size += sys.getsizeof(words.ids) + sys.getsizeof(words.starts)
        for doc in self._docs:
            size += sys.getsizeof(doc) + sum(map(sys.getsizeof, doc))
            size += sum(map(sys.getsizeof, doc.categories))
        return size

    # -- search ------------------------------------------------------------

    def search(self, query, limit=20, offset=0):
        """Entries matching ``query``, best first: ``SearchResults(total, hits)``.

        ``limit`` is capped at :data:`MAX_LIMIT` and ``offset`` at
        :data:`MAX_OFFSET`; any query, however hostile, gives results or
        none, never an exception.
        """
        limit, offset = _page(limit, offset)
        parts = self._parts(parse_query(query))
        if not parts or not self._docs:
            return SearchResults(0, ())
        matched_all, found = True, self._match_all(parts)
        if not found and len(parts) > 1:
            matched_all, found = False, self._match_any(parts)
        keys = list(map(or_, map(_SHIFT, found.values()), found.keys()))
        keys.sort(reverse=True)     # in C: faster than heapq.nlargest's Python loop
        chosen = keys[offset:offset + limit]
        hits = tuple(self._hit(key & 0xFFFFFFFF, key >> 32, parts) for key in chosen)
        return SearchResults(len(keys), hits, matched_all)

    def _parts(self, parsed):
        """Parsed terms as term ids; None for a part naming an unknown term."""
        parts = []
        for words in parsed:
            ids = tuple(self._terms.get(w, -1) for w in words)
            parts.append(None if -1 in ids else
                         _Part(ids, self._bodies.needle(ids)))
        return parts

    def _frequency(self, part):
        return 0 if part is None else min(map(self._postings.frequency, part.ids))

    def _match_all(self, parts):
        """{entry number: summed packed weight} of entries matching every part.

        Rarest part first, so that later parts only narrow a small set.
        """
        found = None
        for part in sorted(parts, key=self._frequency):
            found = self._add_part(found, part)
            if not found:
                return {}
        return found

    def _match_any(self, parts):
        """The same for entries matching any part, counting parts matched."""
        found = {}
        for part in parts:
            for number, packed in self._add_part(None, part).items():
                found[number] = found.get(number, 0) + packed + _MATCHED
        return found

    def _add_part(self, found, part):
        """``found`` (None: every entry, at 0) narrowed to the entries
        matching ``part``, with the part's weight added."""
        if part is None:
            return {}
        if len(part.ids) == 1:
            return self._add_term(found, part.ids[0], -1)
        return self._add_phrase(found, part)

    def _add_term(self, found, term_id, mask):
        """``found`` narrowed to entries with ``term_id``, its weight added.

        A few entries: binary search in the term's postings; otherwise one
        pass over them.
        """
        start, end = self._postings.bounds(term_id)
        docs, weights = self._postings.docs, self._postings.weights
        if found is None:
            pairs = zip(docs[start:end], weights[start:end])
            return dict(pairs) if mask == -1 else {n: w & mask for n, w in pairs}
        if len(found) * 16 < end - start:
            narrowed = {}
            for number, packed in found.items():
                at = bisect.bisect_left(docs, number, start, end)
                if at < end and docs[at] == number:
                    narrowed[number] = packed + (weights[at] & mask)
            return narrowed
        return {n: found[n] + (w & mask)
                for n, w in zip(docs[start:end], weights[start:end]) if n in found}

    def _add_phrase(self, found, part):
        """Entries with the words of ``part`` in a row, in title or text.

        Only entries with the phrase's rarest term are checked; its weight
        is the sum of its terms' (a title hit counted once for the phrase).
        """
        rarest, *others = sorted(part.ids, key=self._postings.frequency)
        found = self._add_term(found, rarest, _SCORE)
        in_title = self._titles.entries_with(part.needle) & found.keys()
        in_text = self._bodies.entries_among(part.needle, found.keys() - in_title)
        found = {n: found[n] for n in in_title | in_text}
        for term_id in others:
            found = self._add_term(found, term_id, _SCORE)
        for number in in_title:
            found[number] += _IN_TITLE
        return found

    def _hit(self, number, packed, parts):
        doc = self._docs[number]
        score = round((packed & _SCORE) / _WEIGHT_SCALE, 3)
        return SearchHit(doc.id, doc.slug, doc.title, doc.categories, score,
                         self._snippet(number, parts))

    # -- snippets ------------------------------------------------------------

    def _snippet(self, number, parts):
        """About 180 characters of the answer from just before its first
        match (or from its start), matched words in <mark>, as Markup."""
        doc = self._docs[number]
        text = zlib.decompress(doc.text).decode('utf-8', 'surrogatepass')
        if not text:
            return escape(html_content.truncate_words(doc.description, SNIPPET_CHARS))
        parts = [p for p in parts if p is not None]
        found = [at for at in (self._bodies.find(number, p.needle) for p in parts)
                 if at != -1]
        first = min(found, default=0)
        anchor = _word_start(text, doc.marks, first) if found else 0
        start, end = _bounds(text, anchor)
        spans = [m.span() for m in _WORD.finditer(text, start, end)]
        base = first - bisect.bisect_left(spans, (anchor,))
        marked = self._marked(number, parts, base, len(spans))
        return _render(text, spans, base, marked, start, end)

    def _marked(self, number, parts, base, count):
        """Word numbers in [base, base + count) that belong to a match."""
        window = self._bodies.window(number, base, count)
        singles = {p.ids[0] for p in parts if len(p.ids) == 1}
        marked = {base + i for i, t in enumerate(window) if t in singles}
        for part in parts:
            if len(part.ids) > 1:
                marked.update(self._phrase_words(number, part, base, count))
        return marked

    def _phrase_words(self, number, part, base, count):
        size, words = len(part.ids), []
        at = self._bodies.find(number, part.needle, max(0, base - size + 1))
        while at != -1 and at < base + count:
            words.extend(range(at, at + size))
            at = self._bodies.find(number, part.needle, at + 1)
        return words


def _page(limit, offset):
    """Limit and offset as sane integers, whatever was passed."""
    try:
        limit = int(limit)
    except (TypeError, ValueError, OverflowError):
        limit = 20
    try:
        offset = int(offset)
    except (TypeError, ValueError, OverflowError):
        offset = 0
    return max(0, min(limit, MAX_LIMIT)), max(0, min(offset, MAX_OFFSET))


@lru_cache(maxsize=128)
def _skipper(count):
    """A pattern that steps over ``count`` words in C; possessive, so a word
    is never split to make up the count."""
    return re.compile(r'(?:[\W_]*+[^\W_]++){%d}' % count)


def _word_start(text, marks, number):
    """Character offset of word ``number``, read from the nearest mark."""
    words = marks[1::2]
    at = bisect.bisect_right(words, number) - 1
    position, skip = marks[2 * at], number - words[at]
    skipped = _skipper(skip).match(text, position) if skip else None
    if skipped:
        position = skipped.end()
    found = _WORD.search(text, position)
    return found.start() if found else position


def _after_space(text, at, limit):
    """The first word start after a space, at or after ``at``, at most ``limit``."""
    if at <= 0:
        return 0
    space = text.find(' ', at - 1, limit)
    return limit if space == -1 else space + 1


def _bounds(text, anchor):
    """Character bounds of the snippet, cut at spaces.

    At most SNIPPET_LEAD characters before the anchor word, then up to
    SNIPPET_CHARS in all; near the end of the text the window moves back to
    use the whole budget.  A "word" longer than the budget is cut.
    """
    length = len(text)
    if length <= SNIPPET_CHARS:
        return 0, length
    start = _after_space(text, anchor - SNIPPET_LEAD, anchor)
    end = start + SNIPPET_CHARS
    if end >= length:
        return _after_space(text, length - SNIPPET_CHARS, anchor), length
    cut = text.rfind(' ', anchor + 1, end + 1)
    end = end if cut == -1 else cut
    while end > anchor + 1 and text[end - 1] in ',;:.-\u2013\u2014':
        end -= 1
    return start, end


def _escape(text):
    """HTML-escaped text as a plain str: ``markupsafe.escape`` would make a
    Markup object of each of a dozen pieces, which costs more than the
    escaping (``html.escape`` escapes the same five characters)."""
    return html.escape(text, quote=True)


def _render(text, spans, base, marked, start, end):
    """Escaped text[start:end], runs of marked words in <mark>, as Markup."""
    runs = []
    for number in sorted(marked):
        if not 0 <= number - base < len(spans):
            continue
        s, e = spans[number - base]
        if runs and not text[runs[-1][1]:s].strip():
            runs[-1][1] = e
        else:
            runs.append([s, e])
    pieces, cursor = ['\u2026' if start > 0 else ''], start
    for s, e in runs:
        pieces += (_escape(text[cursor:s]), '<mark>', _escape(text[s:e]), '</mark>')
        cursor = e
    pieces += (_escape(text[cursor:end]), '\u2026' if end < len(text) else '')
    return Markup(''.join(pieces))      # every piece of text went through _escape
