"""What a Lambda instance keeps in memory about the published FAQs.

Category pages, related questions, the grouped index, the sitemap and the
feed all need a view of every published entry; reading the table for each
request would multiply the cost of a page.  A :class:`Catalog` is loaded
once per instance and reused while it is current: every change bumps a
counter item in the table (``FaqRepository.content_marker``), and an instance reads
that one small item at most every ``MAX_AGE`` seconds to learn whether to
reload.  A load costs two Queries: the marker with the categories, then the
entry summaries.  The search index needs the answers' text too, so it is
built only when a search asks.

Ceiling: summaries are a few hundred bytes an entry, so 10,000 entries are
a few MB and load in a few Query calls; past that, or when a change must show
everywhere within seconds, the listing should come from DynamoDB queries per
category and search from Amazon OpenSearch Service (see docs/data-model.md).
"""
import threading
import time
from dataclasses import dataclass, field

from .. import store
from ..store import get_repository

MAX_AGE = 30.0          # seconds an instance trusts its catalog without asking
RELATED_LIMIT = 5


@dataclass
class Catalog:
    marker: int
    local_writes: int                  # store.local_writes() when loaded
    entries: list                      # published summaries, newest first
    categories: dict                   # slug -> Category
    checked: float = 0.0
    _search: object = field(default=None, repr=False)
    _terms: dict = field(default=None, repr=False)
    _related: dict = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def in_category(self, slug):
        return [e for e in self.entries if slug in e.categories]

    def category_names(self, entry):
        """The entry's categories that exist, as Category objects."""
        return [self.categories[c] for c in entry.categories if c in self.categories]

    def memo(self, key, make):
        """``make()``, computed once for this catalog (it never changes)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def grouped(self):
        """(category, entries) for each category with published FAQs, by name,
        then the FAQs that have no category, under None."""
        return self.memo('grouped', self._group)

    def _group(self):
        groups = [(c, self.in_category(c.slug)) for c in
                  sorted(self.categories.values(), key=lambda c: c.name.casefold())]
        groups = [(c, entries) for c, entries in groups if entries]
        loose = [e for e in self.entries
                 if not any(c in self.categories for c in e.categories)]
        if loose:
            groups.append((None, loose))
        return groups

    def related(self, entry, limit=RELATED_LIMIT):
        """Up to ``limit`` published FAQs closest to ``entry``.

        Closeness is three points per shared category plus one per shared
        term of title and description (stop words left out); ties go to the
        newer entry.  Entries sharing nothing are not related.
        """
        known = self._related.get(entry.id)
        if known is not None and known[0] == (entry.version, limit):
            return known[1]
        from ..text import STOPWORDS, terms
        if self._terms is None:
            self._terms = {e.id: self._words(e, terms, STOPWORDS) for e in self.entries}
        mine = self._terms.get(entry.id) or self._words(entry, terms, STOPWORDS)
        categories = set(entry.categories)
        scored = []
        for other in self.entries:
            if other.id == entry.id:
                continue
            score = 3 * len(categories.intersection(other.categories)) + \
                len(mine & self._terms[other.id])
            if score:
                scored.append((score, other.created, other.id, other))
        scored.sort(key=lambda s: s[:3], reverse=True)
        found = [s[3] for s in scored[:limit]]
        self._related[entry.id] = ((entry.version, limit), found)
        return found

    @staticmethod
    def _words(entry, terms, stopwords):
        return {t for t in terms(entry.title + ' ' + entry.description)
                if t not in stopwords and len(t) > 2}

    def search_index(self):
        """The full-text index, built on first use from the answers' text."""
        if self._search is None:
            from .search import SearchIndex
            self._search = SearchIndex.build(get_repository().all_by_status(
                'publish', content=True))
        return self._search


_catalog = None
_lock = threading.Lock()


def _trusted(now):
    """The cached catalog if it may be used without asking DynamoDB, else None."""
    cached = _catalog
    if cached is None or cached.local_writes != store.local_writes():
        return None                     # none yet, or this instance changed content
    return cached if now - cached.checked < MAX_AGE else None


def get_catalog(now=None):
    """The current catalog, reloaded if the content marker moved."""
    global _catalog
    now = time.monotonic() if now is None else now
    with _lock:
        trusted = _trusted(now)
        if trusted is not None:
            return trusted
        repository = get_repository()
        cached = _catalog
        if cached is not None and cached.local_writes == store.local_writes() \
                and cached.marker == repository.content_marker():
            cached.checked = now        # old enough to ask, and still current
            return cached
        writes = store.local_writes()
        # the marker first: a change between the two reads then only causes
        # a needless reload, never a stale catalog taken for current
        marker, categories = repository.catalog_head()
        entries = repository.all_by_status('publish')
        _catalog = Catalog(
            marker=marker, local_writes=writes, entries=entries,
            categories={c.slug: c for c in categories}, checked=now)
        return _catalog


def prefetch(now=None):
    """Start making the catalog current in the background; returns a future.

    A catalog that is current needs no thread: the usual, warm case.
    """
    from .. import overlap
    trusted = _trusted(time.monotonic() if now is None else now)
    return overlap.Done(trusted) if trusted is not None else overlap.start(get_catalog)


def forget():
    """Drop the cached catalog (tests, and the admin after its own changes)."""
    global _catalog
    with _lock:
        _catalog = None
