"""The search index: what :meth:`SearchIndex.search` does with a query
(see the package's docstring for matching and ranking)."""
import bisect
import sys
import zlib
from operator import or_

from markupsafe import escape

from ... import content as html_content
from ...text import _WORD
from .build import _Builder
from .layout import IN_TITLE, SCORE, WEIGHT_SCALE, SearchHit, SearchResults, _Part
from .query import parse_query
from .snippets import SNIPPET_CHARS, _bounds, _render, _word_start

MAX_LIMIT = 100
MAX_OFFSET = 10_000
_MATCHED = 1 << 30        # one per query part matched (OR fallback only)
_SHIFT = (32).__rlshift__  # packed -> packed << 32, in C: sort key above entry number


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
        return cls(*builder.parts())

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
        found = self._add_term(found, rarest, SCORE)
        in_title = self._titles.entries_with(part.needle) & found.keys()
        in_text = self._bodies.entries_among(part.needle, found.keys() - in_title)
        found = {n: found[n] for n in in_title | in_text}
        for term_id in others:
            found = self._add_term(found, term_id, SCORE)
        for number in in_title:
            found[number] += IN_TITLE
        return found

    def _hit(self, number, packed, parts):
        doc = self._docs[number]
        score = round((packed & SCORE) / WEIGHT_SCALE, 3)
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
