"""Matching and ranking a query over segments (see the package's docstring).

A query is a list of parts (:func:`.query.parse_query`): a term, or several
that must stand in a row (a phrase).  Each segment answers for its own
entries; a base segment's entries that changed since it was built are
``hidden`` (the delta segment holds their current version, if any).  What
comes back is ``{order key: packed weight}``: the order key names the entry
and breaks ties (newest first), the packed weight sums BM25 x 1000 and, in
its upper bits, how many parts matched in the title (and, for the any-part
fallback, how many parts matched at all).
"""
from array import array
from itertools import chain, repeat
from operator import add, or_, sub

from .segment import BODY, IN_TITLE, PAIR_IN_ANSWER, PAIR_IN_TITLE, SCORE, key_id

MATCHED = 1 << 30         # one per query part matched (OR fallback only)
_SHIFT = (64).__rlshift__  # packed -> packed << 64, in C: sort key above the order key


class Source:
    """One segment as a query sees it: its postings, minus hidden entries."""

    def __init__(self, segment, hidden=frozenset()):
        self.segment = segment
        self.hidden = hidden      # ids whose entries here are out of date

    def postings(self, word):
        return self.segment.postings(word)

    def pair(self, first, second):
        return self.segment.pair(first, second)


def _frequency(source, part):
    """How many entries of the source have the part's rarest term (0: none)."""
    found = [source.postings(w) for w in part]
    return 0 if None in found else min(map(len, found))


def _add_term(found, postings, mask):
    """``found`` (None: every entry, at 0) narrowed to the entries with the
    term, its weight added."""
    docs, weights = postings.docs, postings.weights
    if found is None:
        pairs = zip(docs, weights)
        return dict(pairs) if mask == -1 else {n: w & mask for n, w in pairs}
    if len(found) * 16 < len(docs):
        narrowed = {}
        for number, packed in found.items():
            at = postings.where(number)
            if at != -1:
                narrowed[number] = packed + (weights[at] & mask)
        return narrowed
    return {n: found[n] + (w & mask) for n, w in zip(docs, weights) if n in found}


def phrase_starts(lists):
    """Where a phrase starts, given its words' position lists, never across
    the border of a title and its answer."""
    starts = set(lists[0])
    for offset, positions in enumerate(lists[1:], 1):
        starts.intersection_update(p - offset for p in positions)
        if not starts:
            return starts
    last = len(lists) - 1
    return {s for s in starts if (s < BODY) == (s + last < BODY)}


def places_in(postings_list, number):
    """``(in title, in answer)`` for a phrase in entry ``number``."""
    lists = []
    for postings in postings_list:
        at = postings.where(number)
        if at == -1 or postings.positions is None:
            return False, False
        lists.append(postings.positions_of(at))
    starts = phrase_starts(lists)
    return any(s < BODY for s in starts), any(s >= BODY for s in starts)


FEW = 64                  # candidates checked one by one; more: all spots at once
_SPOT = 17                # a spot is ``number << 17 | position`` (positions are 16-bit)
_POSITION = (1 << _SPOT) - 1


def _spots(postings):
    """Every place of a term, as spots, in C loops: moved back by ``k``, a
    spot before its entry's ``k``-th word lands where no position can be."""
    starts = postings.starts
    entries = chain.from_iterable(map(repeat, map(_SPOT.__rlshift__, postings.docs),
                                      map(sub, starts[1:], starts[:-1])))
    return map(add, entries, postings.positions)


def phrase_hits(postings_list, numbers=None):
    """``{entry number: (in title, in answer)}`` of the entries (of
    ``numbers``, if given) with the phrase's words in a row.

    A few candidates (usually: the entries having all the phrase's pairs)
    are checked one by one; many, by intersecting as sets the spots of
    every word, moved back by its place in the phrase, in C.
    """
    if any(p.positions is None for p in postings_list):
        return {}
    if numbers is not None and len(numbers) <= FEW:
        places = {}
        for number in numbers:
            found = places_in(postings_list, number)
            if found[0] or found[1]:
                places[number] = found
        return places
    starts = None
    for offset in sorted(range(len(postings_list)),
                         key=lambda at: len(postings_list[at].positions)):
        spots = map(offset.__rsub__, _spots(postings_list[offset]))
        if starts is None:
            starts = set(spots)
        else:
            starts.intersection_update(spots)
        if not starts:
            return {}
    last, places = len(postings_list) - 1, {}
    for start in starts:
        position, number = start & _POSITION, start >> _SPOT
        if (position < BODY) != (position + last < BODY) or (
                numbers is not None and number not in numbers):
            continue
        in_title, in_text = places.get(number, (False, False))
        places[number] = (in_title or position < BODY, in_text or position >= BODY)
    return places


def _flags(pair, numbers=None):
    """``{entry number: flags}`` of a pair's entries (among ``numbers``)."""
    docs, flags = pair.docs, pair.weights
    if numbers is None:
        return dict(zip(docs, flags))
    if len(numbers) * 16 < len(docs):
        found = {}
        for number in numbers:
            at = pair.where(number)
            if at != -1:
                found[number] = flags[at]
        return found
    return {n: f for n, f in zip(docs, flags) if n in numbers}


def phrase_places(source, words, numbers=None):
    """``{entry number: (in title, in answer)}`` of the source's entries (of
    ``numbers``, if given) with ``words`` (two or more) in a row.

    The entries having every pair of the phrase, by the pairs' postings;
    for three words or more, their positions then decide.
    """
    pairs = [source.pair(a, b) for a, b in zip(words, words[1:])]
    if None in pairs:
        return {}
    pairs.sort(key=len)
    flags = _flags(pairs[0], numbers)
    for postings in pairs[1:]:
        if not flags:
            return {}
        flags = {n: f & flags[n] for n, f in _flags(postings, flags).items()}
    if len(words) == 2 or not flags:
        return {n: (bool(f & PAIR_IN_TITLE), bool(f & PAIR_IN_ANSWER))
                for n, f in flags.items()}
    postings_list = [source.postings(w) for w in words]
    return {} if None in postings_list else phrase_hits(postings_list, flags)


def _add_phrase(source, found, part):
    """Entries with the words of a phrase in a row, in title or answer; its
    weight is the sum of its terms' (a title hit counted once for the phrase).
    """
    postings_list = [source.postings(w) for w in part]
    if None in postings_list:
        return {}
    places = phrase_places(source, part, found)
    kept = {number: (0 if found is None else found[number]) + (IN_TITLE if in_title else 0)
            for number, (in_title, _) in places.items()}
    for postings in postings_list:
        kept = _add_term(kept, postings, SCORE)
    return kept


def _add_part(source, found, part):
    if len(part) > 1:
        return _add_phrase(source, found, part)
    postings = source.postings(part[0])
    return {} if postings is None else _add_term(found, postings, -1)


def _keyed(source, found):
    """``{entry number: packed}`` as ``{order key: packed}``, hidden ones out."""
    keys, hidden = source.segment.keys, source.hidden
    result = {}
    for number, packed in found.items():
        key = keys[number]
        if not hidden or key_id(key) not in hidden:
            result[key] = packed
    return result


def match_all(sources, parts):
    """Entries matching every part, in any segment: ``{order key: packed}``.

    Rarest part first, so that later parts only narrow a small set.
    """
    result = {}
    for source in sources:
        found = None
        for part in sorted(parts, key=lambda p: _frequency(source, p)):
            found = _add_part(source, found, part)
            if not found:
                break
        if found:
            result.update(_keyed(source, found))
    return result


def match_any(sources, parts):
    """The same for entries matching any part, counting parts matched."""
    result = {}
    for source in sources:
        found = {}
        for part in parts:
            for number, packed in _add_part(source, None, part).items():
                found[number] = found.get(number, 0) + packed + MATCHED
        result.update(_keyed(source, found))
    return result


def rank(sources, parts):
    """``(matched_all, keys)``: sort keys of every match, best first.

    Every part is required; when that finds nothing and the query has
    several parts, entries matching any part, more parts first.  A key is
    ``packed << 64 | order key``.
    """
    matched_all, found = True, match_all(sources, parts)
    if not found and len(parts) > 1:
        matched_all, found = False, match_any(sources, parts)
    keys = list(map(or_, map(_SHIFT, found.values()), found.keys()))
    keys.sort(reverse=True)     # in C: faster than heapq.nlargest's Python loop
    return matched_all, keys


def split_key(key):
    """A rank key as ``(order key, packed weight)``."""
    return key & 0xFFFFFFFFFFFFFFFF, key >> 64
