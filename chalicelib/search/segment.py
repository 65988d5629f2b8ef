"""A segment: the index of one set of entries, built in one go and never changed.

The site's index is a base segment, built from every published entry, and a
small delta segment of the entries changed since (see the package's
docstring).  A segment holds, per term, its postings: the entries that have
it (by their number in the segment, in ``(created, id)`` order), a packed
BM25 weight for each, and the positions of the term in the entry's title and
answer, which phrases need.

Positions are 16-bit: a title's words are 0-255 and an answer's words start
at :data:`BODY`, so a phrase can never run from a title into its answer; an
answer's words past the 65,279th keep their counts but get no position.

A segment also holds the *pairs* of words that stand in a row (``late fee``),
each with the entries that have it and where (:data:`PAIR_IN_TITLE`,
:data:`PAIR_IN_ANSWER`): a two-word phrase is one pair's postings, found at
the same cost whether it is in ten entries or in all of them, where checking
positions would cost time for every entry having both words.  Longer
phrases take the entries having all their pairs, then check positions.
"""
import math
import zlib
from array import array
from bisect import bisect_left
from collections import Counter

from .. import content as html_content
from ..text import _WORD, _nfc, term

BODY = 256                # positions of an answer's words start here
LAST_POSITION = 0xFFFF
WEIGHT_SCALE = 1000
SCORE = (1 << 24) - 1     # low bits of a packed weight: BM25 x 1000
IN_TITLE = 1 << 24        # one per query part found in the title
PAIR_IN_TITLE, PAIR_IN_ANSWER = 1, 2   # where a pair stands in an entry
K1, B = 1.2, 0.75


def order_key(entry):
    """Sorts as ``(created, id)``: newest is largest.  Also names the entry:
    its id is the low 32 bits."""
    return (max(0, int(entry.created.timestamp())) << 32) | entry.id


def key_id(key):
    return key & 0xFFFFFFFF


def pair_name(first, second):
    """Two terms in a row, as one name (terms hold no spaces)."""
    return first + ' ' + second


class Postings:
    """One term's postings in a segment: parallel sequences, entries ascending.

    ``starts`` and ``positions`` are None where a segment was loaded without
    its positions (queries without phrases do not need them).
    """

    __slots__ = ('docs', 'weights', 'starts', 'positions')

    def __init__(self, docs, weights, starts=None, positions=None):
        self.docs, self.weights = docs, weights
        self.starts, self.positions = starts, positions

    def __len__(self):
        return len(self.docs)

    def where(self, number):
        """The index of entry ``number`` in these postings, or -1."""
        docs = self.docs
        low = bisect_left(docs, number)       # in C, on arrays and memoryviews alike
        return low if low < len(docs) and docs[low] == number else -1

    def positions_of(self, at):
        return self.positions[self.starts[at]:self.starts[at + 1]]


class Segment:
    """Postings by term, and each entry's order key (see :func:`order_key`)."""

    def __init__(self, keys, terms, stats, pairs=None):
        self.keys = keys          # entry number -> order key
        self.terms = terms        # term -> Postings
        self.stats = stats        # {'docs': N, 'average': mean length} of its build
        self.pairs = pairs or {}  # pair_name(a, b) -> Postings of pair flags

    def __len__(self):
        return len(self.keys)

    def postings(self, word):
        return self.terms.get(word)

    def pair(self, first, second):
        return self.pairs.get(pair_name(first, second))

    def frequencies(self):
        return {word: len(postings) for word, postings in self.terms.items()}


class Doc:
    """What a hit shows: found in memory for an index built here, or read from
    the entry for an index loaded from the table."""

    __slots__ = ('id', 'slug', 'title', 'description', 'categories', '_text')

    def __init__(self, entry, text=None):
        self.id, self.slug, self.title = entry.id, entry.slug, entry.title
        self.description, self.categories = entry.description, tuple(entry.categories)
        self._text = text

    @property
    def text(self):
        """The answer's plain text, NFC, as it was indexed."""
        if self._text is None:
            return ''
        if isinstance(self._text, bytes):
            return zlib.decompress(self._text).decode('utf-8', 'surrogatepass')
        return self._text


def answer_text(entry):
    """The answer as search reads it: visible text, NFC."""
    return _nfc(html_content.plain_text(entry.content))


class Builder:
    """Takes entries in order, then lays out a :class:`Segment`.

    ``keep_text``: keep each answer's text (compressed) for snippets, as an
    index built for tests or a single process needs; a stored index reads
    it from the entries of the hits instead.
    """

    def __init__(self, keep_text=False):
        self.keep_text = keep_text
        self.ids_of = {}           # word as written -> term (a build-time cache)
        self.postings = {}         # term -> [docs array, tf array, title flags, npos, positions]
        self.pairs = {}            # pair name -> [docs array, pair flags]
        self.keys = array('Q')
        self.lengths = []
        self.docs = {}             # id -> Doc, with keep_text

    def _terms(self, words):
        ids_of = self.ids_of
        try:
            return [ids_of[w] for w in words]
        except KeyError:
            for word in words:
                if word not in ids_of:
                    ids_of[word] = term(word)
            return [ids_of[w] for w in words]

    def add(self, entry, text=None):
        number = len(self.keys)
        text = answer_text(entry) if text is None else text
        title = self._terms(_WORD.findall(_nfc(entry.title)))
        body = self._terms(_WORD.findall(text))
        places = {}
        title_placed, body_placed = title[:BODY], body[:LAST_POSITION + 1 - BODY]
        for at, word in enumerate(title_placed):
            places.setdefault(word, []).append(at)
        for at, word in enumerate(body_placed, BODY):
            places.setdefault(word, []).append(at)
        self._add_pairs(number, title_placed, body_placed)
        counts = Counter(title)
        counts.update(body)
        in_title = set(title)
        table = self.postings
        for word, count in counts.items():
            row = table.get(word)
            if row is None:
                row = table[word] = [array('I'), array('I'), bytearray(), array('H'),
                                     array('H')]
            row[0].append(number)
            row[1].append(count)
            row[2].append(word in in_title)
            found = places.get(word, ())
            row[3].append(len(found))
            row[4].extend(found)
        self.keys.append(order_key(entry))
        self.lengths.append(len(title) + len(body))
        if self.keep_text:
            self.docs[entry.id] = Doc(entry, zlib.compress(
                text.encode('utf-8', 'surrogatepass'), 1))

    def _add_pairs(self, number, title, body):
        flags = dict.fromkeys(map(pair_name, title, title[1:]), PAIR_IN_TITLE)
        get = flags.get
        for name in map(pair_name, body, body[1:]):
            flags[name] = get(name, 0) | PAIR_IN_ANSWER
        table = self.pairs
        for name, flag in flags.items():
            row = table.get(name)
            if row is None:
                row = table[name] = [array('I'), bytearray()]
            row[0].append(number)
            row[1].append(flag)

    def segment(self, docs=None, average=None, frequencies=None):
        """The segment, its weights from these statistics (by default its own).

        A delta segment is weighed with the whole index's numbers: ``docs``
        entries of ``average`` length, ``frequencies`` (term -> entries)
        added to its own, so its weights sit on the base's scale.
        """
        own = len(self.keys)
        total = docs if docs is not None else own
        if average is None:
            average = (sum(self.lengths) / own) if own else 1.0
        average = average or 1.0
        norms = [K1 * (1 - B + B * n / average) for n in self.lengths]
        frequencies = frequencies or {}
        terms = {}
        for word, (numbers, counts, titles, npos, positions) in self.postings.items():
            df = len(numbers) + frequencies.get(word, 0)
            idf = math.log(1 + (max(total, df) - df + 0.5) / (df + 0.5))
            scale = idf * (K1 + 1) * WEIGHT_SCALE      # the limit as counts grow
            weights = array('I', [
                min(SCORE, int(scale * n / (n + norms[d]) + 0.5)) | (IN_TITLE if t else 0)
                for d, n, t in zip(numbers, counts, titles)])
            starts = array('I', [0])
            running = 0
            for n in npos:
                running += n
                starts.append(running)
            terms[word] = Postings(_narrow(numbers, own), weights, starts, positions)
        pairs = {name: Postings(_narrow(numbers, own), bytes(flags))
                 for name, (numbers, flags) in self.pairs.items()}
        return Segment(self.keys, terms, {'docs': total, 'average': average}, pairs)


def _narrow(numbers, count):
    """Entry numbers as 2-byte values while they fit."""
    return array('H', numbers) if count <= 0xFFFF else numbers


def build(entries, keep_text=True):
    """A segment of the published ones of ``entries``, and its docs by id.

    Drafts and trashed entries are skipped so that a careless caller cannot
    leak them through search; of a repeated id the last is kept.
    """
    unique = {e.id: e for e in entries if e.is_published}
    builder = Builder(keep_text)
    for entry in sorted(unique.values(), key=order_key):
        builder.add(entry)
    return builder.segment(), builder.docs
