"""Snippets: about 180 characters of an answer around its first match, the
matched words in ``<mark>``, escaped, as Markup.

Cut from the answer's own text (the entry of a hit, or the text an index
built in memory keeps), its words folded as the index folds them.
"""
import html
import functools
import re
from bisect import bisect_left

from markupsafe import Markup, escape

from .. import content as html_content
from ..text import _WORD, term

SNIPPET_CHARS = 180       # of text, not counting the ellipses
SNIPPET_LEAD = 60         # at most this much text before the first match


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


class _Words:
    """The words of a text: their spans and their terms, read in C loops
    (a word at a time in Python cost ~3 us a word, 2 ms for an answer
    whose match is in its title only)."""

    def __init__(self, text):
        found = list(_WORD.finditer(text))
        self.spans = list(map(re.Match.span, found))
        self.terms = list(map(term, map(re.Match.group, found)))
        self.starts = [s for s, _ in self.spans]

    def find(self, part, at=0):
        """The number of the first word at or after ``at`` where ``part``'s
        words stand in a row, or None."""
        terms, first, size = self.terms, part[0], len(part)
        words = list(part)
        while True:
            try:
                at = terms.index(first, at)
            except ValueError:
                return None
            if size == 1 or terms[at:at + size] == words:
                return at
            at += 1

    def first_match(self, parts):
        """The number of the first word where any part matches, or None."""
        found = [at for at in (self.find(part) for part in parts) if at is not None]
        return min(found) if found else None

    def before(self, offset):
        """The number of the first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def marked(self, parts, first, last):
        """Word numbers in [first, last) that belong to a match."""
        marked = set()
        for part in parts:
            at = self.find(part, max(0, first - len(part) + 1))
            while at is not None and at < last:
                marked.update(range(at, at + len(part)))
                at = self.find(part, at + 1)
        return marked


# The words of the answers shown lately: a search asked again (the next
# page, the same popular query on a warm instance) does not read them again.
_words = functools.lru_cache(maxsize=64)(_Words)


def snippet(text, description, parts):
    """About 180 characters of the answer from just before its first match
    (or from its start), matched words in <mark>, as Markup; for an empty
    answer, the description."""
    if not text:
        return escape(html_content.truncate_words(description, SNIPPET_CHARS))
    words = _words(text)
    first = words.first_match(parts)
    anchor = words.starts[first] if first is not None else 0
    start, end = _bounds(text, anchor)
    low, high = words.before(start), words.before(end)
    spans = [(s, min(e, end)) for s, e in words.spans[low:high]]
    return _render(text, spans, low, words.marked(parts, low, high), start, end)
