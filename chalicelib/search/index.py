"""A search, from query to a page of hits with snippets, over any sources.

:func:`search` does the work for both kinds of index: :class:`SearchIndex`,
built in memory from entries (tests, benchmarks, one process), and the
stored index the site loads shard by shard from the table (``chalicelib.
derived``), which finds a hit's title and text in the entry itself.
"""
import sys

from .engine import Source, rank, split_key
from .query import parse_query
from .results import SearchHit, SearchResults
from .segment import SCORE, WEIGHT_SCALE, build, key_id
from .snippets import snippet

MAX_LIMIT = 100
MAX_OFFSET = 10_000
_DOC_FIELDS = ('id', 'slug', 'title', 'description', 'categories', '_text')


def page_bounds(limit, offset):
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


def search(sources, query, limit, offset, docs_for, parts=None, ranked=None):
    """Entries matching ``query``, best first: ``SearchResults(total, hits)``.

    ``docs_for(ids)`` gives ``{id: Doc}`` for the page's entries; one it
    cannot give (an entry deleted a moment ago) is left out of the page.
    ``limit`` is capped at :data:`MAX_LIMIT` and ``offset`` at
    :data:`MAX_OFFSET`; any query, however hostile, gives results or none,
    never an exception.  ``ranked`` is what :func:`rank` gave for these
    parts before (a search asked again): ``sources`` are not read then.
    """
    limit, offset = page_bounds(limit, offset)
    parts = parse_query(query) if parts is None else parts
    if not parts:
        return SearchResults(0, ())
    if ranked is None:
        if not any(len(s.segment) for s in sources):
            return SearchResults(0, ())
        ranked = rank(sources, parts)
    matched_all, keys = ranked
    chosen = [split_key(k) for k in keys[offset:offset + limit]]
    docs = docs_for([key_id(key) for key, _ in chosen]) if chosen else {}
    hits = []
    for key, packed in chosen:
        doc = docs.get(key_id(key))
        if doc is not None:
            hits.append(SearchHit(doc.id, doc.slug, doc.title, doc.categories,
                                  round((packed & SCORE) / WEIGHT_SCALE, 3),
                                  snippet(doc.text, doc.description, parts)))
    return SearchResults(len(keys), tuple(hits), matched_all)


class SearchIndex:
    """An immutable search index of published FAQ entries, in memory.

    Use :meth:`build`.  One segment, and each entry's text for snippets.
    """

    def __init__(self, segment, docs):
        self.segment = segment
        self._docs = docs

    @classmethod
    def build(cls, entries):
        """Index the published ones of ``entries`` (FaqEntry objects).

        Drafts and trashed entries are skipped so that a careless caller
        cannot leak them through search; of a repeated id the last is kept.
        """
        return cls(*build(entries, keep_text=True))

    def __len__(self):
        return len(self.segment)

    def size_bytes(self):
        """The index's memory, counted object by object with sys.getsizeof."""
        size = sys.getsizeof(self.segment.keys) + sys.getsizeof(self.segment.terms)
        for word, postings in self.segment.terms.items():
            size += sys.getsizeof(word) + sum(
                sys.getsizeof(part) for part in (postings.docs, postings.weights,
                                                 postings.starts, postings.positions))
        for doc in self._docs.values():
            size += sum(sys.getsizeof(getattr(doc, name)) for name in _DOC_FIELDS)
        return size

    def search(self, query, limit=20, offset=0):
        """See :func:`search`."""
        return search([Source(self.segment)], query, limit, offset, self._docs_for)

    def _docs_for(self, ids):
        return {i: self._docs[i] for i in ids if i in self._docs}

