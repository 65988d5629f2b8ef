"""Related questions, computed when content changes and stored with each entry.

Closeness is three points per shared category plus one per shared term of
title and description (stop words and words of two letters left out); ties
go to the newer entry; entries sharing nothing are not related.  An entry
shows its five closest.

Looking at every other entry for every entry is 400 million comparisons at
20,000 entries, so each entry only weighs candidates that can be close: the
entries sharing one of its terms that at most :data:`RARE` entries have (a
term most entries share tells little), and the :data:`NEWEST` newest entries
of each of its categories (by category alone, the newest win).  Up to a few
hundred entries, that is every entry.

:class:`Related` keeps, for every published entry, its terms, categories,
order key and closest entries with their scores: after a change it finds
which entries' lists the change can touch, and computes only those.
"""
import json
import zlib

from ..text import STOPWORDS, terms as text_terms

LIMIT = 5
RARE = 200
NEWEST = 50


def words(entry):
    return sorted({t for t in text_terms(entry.title + ' ' + entry.description)
                   if t not in STOPWORDS and len(t) > 2})


class Related:
    """The related-question state of every published entry."""

    def __init__(self):
        self.terms = {}       # id -> frozenset of words
        self.categories = {}  # id -> tuple of slugs
        self.keys = {}        # id -> order key
        self.lists = {}       # id -> ((id, score), ...) closest first
        self._by_term = None
        self._by_category = None

    # -- state -------------------------------------------------------------------

    def put(self, entry_id, words_, categories, key):
        self.terms[entry_id] = frozenset(words_)
        self.categories[entry_id] = tuple(categories)
        self.keys[entry_id] = key
        self.lists.setdefault(entry_id, ())
        self._by_term = self._by_category = None

    def remove(self, entry_id):
        for table in (self.terms, self.categories, self.keys, self.lists):
            table.pop(entry_id, None)
        self._by_term = self._by_category = None

    def _indexes(self):
        if self._by_term is None:
            by_term, by_category = {}, {}
            for entry_id, found in self.terms.items():
                for word in found:
                    by_term.setdefault(word, set()).add(entry_id)
                for slug in self.categories[entry_id]:
                    by_category.setdefault(slug, []).append(entry_id)
            for members in by_category.values():
                members.sort(key=self.keys.__getitem__, reverse=True)
            self._by_term, self._by_category = by_term, by_category
        return self._by_term, self._by_category

    # -- scores --------------------------------------------------------------------

    def score(self, a, b):
        return 3 * len(set(self.categories[a]).intersection(self.categories[b])) + \
            len(self.terms[a] & self.terms[b])

    def _sharing_a_rare_term(self, entry_id):
        """The entries (itself too) having one of its terms that at most
        ``RARE`` entries have."""
        by_term = self._indexes()[0]
        found = set()
        for word in self.terms[entry_id]:
            having = by_term.get(word, ())
            if len(having) <= RARE:
                found.update(having)
        return found

    def candidates(self, entry_id):
        by_category = self._indexes()[1]
        found = self._sharing_a_rare_term(entry_id)
        for slug in self.categories[entry_id]:
            found.update(by_category.get(slug, ())[:NEWEST + 1])
        found.discard(entry_id)
        return found

    def compute(self, entry_id):
        """The closest entries to ``entry_id``: ``((id, score), ...)``."""
        keys = self.keys
        scored = []
        for other in self.candidates(entry_id):
            score = self.score(entry_id, other)
            if score:
                scored.append((score, keys[other], other))
        scored.sort(reverse=True)
        return tuple((other, score) for score, _, other in scored[:LIMIT])

    def _would_enter(self, entry_id, other):
        """Whether ``other`` now belongs in ``entry_id``'s list."""
        listed = self.lists.get(entry_id, ())
        score = self.score(entry_id, other)
        if not score:
            return False
        if len(listed) < LIMIT:
            return True
        last_id, last_score = listed[-1]
        return (score, self.keys[other]) > (last_score, self.keys[last_id])

    def update(self, changed):
        """Recompute what ``changed`` ids (put or removed) can touch; returns the
        ids whose lists changed."""
        listing = {}
        for entry_id, listed in self.lists.items():
            for other, _ in listed:
                listing.setdefault(other, set()).add(entry_id)
        touched = set()
        for entry_id in changed:
            touched |= listing.get(entry_id, set())
            if entry_id in self.terms:
                touched.add(entry_id)
                touched.update(other for other in self.reach(entry_id)
                               if self._would_enter(other, entry_id))
        differ = set()
        for entry_id in touched:
            if entry_id in self.terms:
                fresh = self.compute(entry_id)
                if fresh != self.lists.get(entry_id):
                    self.lists[entry_id] = fresh
                    differ.add(entry_id)
        return differ

    def reach(self, entry_id):
        """The entries that weigh ``entry_id`` as a candidate: those sharing a
        rare term with it, and every member of a category where it is among
        the newest."""
        by_category = self._indexes()[1]
        found = self._sharing_a_rare_term(entry_id)
        for slug in self.categories[entry_id]:
            members = by_category.get(slug, ())
            if entry_id in members[:NEWEST + 1]:
                found.update(members)
        found.discard(entry_id)
        return found

    def compute_all(self):
        for entry_id in self.terms:
            self.lists[entry_id] = self.compute(entry_id)

    # -- storage -------------------------------------------------------------------

    def encode(self):
        ids = list(self.terms)
        data = {'ids': ids, 'terms': [sorted(self.terms[i]) for i in ids],
                'categories': [self.categories[i] for i in ids],
                'keys': [self.keys[i] for i in ids],
                'lists': [self.lists.get(i, ()) for i in ids]}
        return zlib.compress(json.dumps(data, ensure_ascii=False,
                                        separators=(',', ':')).encode('utf-8'), 6)

    @classmethod
    def decode(cls, data):
        state = cls()
        if not data:
            return state
        data = json.loads(zlib.decompress(data))
        for entry_id, found, categories, key, listed in zip(
                data['ids'], data['terms'], data['categories'], data['keys'], data['lists']):
            state.terms[entry_id] = frozenset(found)
            state.categories[entry_id] = tuple(categories)
            state.keys[entry_id] = key
            state.lists[entry_id] = tuple((other, score) for other, score in listed)
        return state
