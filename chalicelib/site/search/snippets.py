"""Snippets: about 180 characters of an answer around its first match, the
matched words in ``<mark>``, escaped, as Markup."""
import bisect
import html
import re
from functools import lru_cache

from markupsafe import Markup

from ...text import _WORD

SNIPPET_CHARS = 180       # of text, not counting the ellipses
SNIPPET_LEAD = 60         # at most this much text before the first match


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
