"""Building the index: entries in (created, id) order to terms, postings and
packed BM25 weights."""
import bisect
import math
import zlib
from array import array
from collections import Counter, deque
from functools import partial
from itertools import repeat

from ... import content as html_content
from ...text import _WORD, _nfc, term
from .layout import IN_TITLE, WEIGHT_SCALE, _Doc, _Postings, _Words

MARK_EVERY = 512          # characters between two (offset, word number) marks
_K1, _B = 1.2, 0.75

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
            scale = idf * (_K1 + 1) * WEIGHT_SCALE     # the limit as counts grow
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
                postings.weights[at] |= IN_TITLE

    def parts(self):
        """What a SearchIndex is made of: docs, vocabulary, postings, titles, bodies."""
        code = 'H' if len(self.vocab) <= 0xFFFF else 'I'
        return (self.docs, self.vocab, self.postings_arrays(),
                _Words(self.titles, code), _Words(self.bodies, code))
