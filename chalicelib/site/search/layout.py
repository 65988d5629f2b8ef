"""The index's data: its results, and the compact arrays it keeps.

See the package's docstring for why flat arrays and one ``bytes`` per field.
"""
import bisect
import sys
from array import array
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

# Packed weights (see the package's docstring): the low bits BM25 x 1000.
WEIGHT_SCALE = 1000
SCORE = (1 << 24) - 1     # low bits of a packed weight: BM25 x 1000
IN_TITLE = 1 << 24        # one per query part found in the title


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
