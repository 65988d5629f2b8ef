"""Text to search terms: the folding that search and related questions share;
and what text people type may not hold.

A word is a run of letters and digits; it is folded (no case, no accents,
at most 64 characters) and given a light English plural stem.  See
:mod:`chalicelib.site.search` for how the index uses them.  :func:`problem`
tells why typed text cannot be stored: editors' fields and readers' forms
refuse the same characters.
"""
import re
import unicodedata
from functools import lru_cache

MAX_TERM_CHARS = 64

_WORD = re.compile(r'[^\W_]+')

STOPWORDS = frozenset('''
a about after all also am an and any are as at be been before being but by
can could did do does doing for from had has have having he her here hers
him his how i if in into is it its itself just me more most my myself of on
once only or other our ours out over own same she should so some such than
that the their theirs them then there these they this those through to too
under until up very was we were what when where which while who whom why
will with would you your yours yourself
'''.split())


# --- text to terms -----------------------------------------------------------

def drop_marks(text):
    """``text`` without accents and other combining marks (NFKD)."""
    decomposed = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in decomposed if not unicodedata.combining(c))


def collate(text):
    """Case- and accent-insensitive form, as MySQL's ``_ci`` collations
    compare: how WordPress sorts titles and matches searches."""
    if not text or text.isascii():
        return (text or '').lower()
    return drop_marks(text).casefold()


def fold(word):
    """``word`` without case or accents, at most 64 characters.

    ASCII, nearly every word, takes the fast path; NFKD runs again after
    casefolding because casefolding can produce decomposable letters.
    """
    if word.isascii():
        folded = word.lower()
    else:
        folded = drop_marks(drop_marks(word).casefold())
    return folded[:MAX_TERM_CHARS] or word[:MAX_TERM_CHARS]


def stem(word):
    """A folded word without its English plural ending, when that is safe.

    Deliberately light: it only has to make a singular and its plural meet.
    Words of three letters or fewer (``is``, ``was``, ``bus``), words not
    purely alphabetic (``1990s``), and ``-ss``/``-us``/``-is`` words
    (``pass``, ``status``, ``basis``) are kept whole.
    """
    if len(word) <= 3 or word[-1] != 's' or not word.isalpha():
        return word
    if word.endswith('sses'):                       # classes -> class
        return word[:-2]
    if word.endswith(('ss', 'us', 'is')):
        return word
    if word.endswith('ies') and len(word) > 4:      # categories -> category
        return word[:-3] + 'y'
    if word.endswith('izzes'):                      # quizzes -> quiz
        return word[:-3]
    if word.endswith(('xes', 'ches', 'shes', 'zzes')):   # boxes, matches, buzzes
        return word[:-2]
    return word[:-1]                                # exams -> exam, fees -> fee


@lru_cache(maxsize=16384)
def term(word):
    """The index term for one word of text or query (kept for the words seen
    most: snippets read a hit's words one by one)."""
    return stem(fold(word))


def _nfc(text):
    return unicodedata.normalize('NFC', text)


def terms(text):
    """The index terms of ``text``, in order: what search sees of it."""
    return [term(w) for w in _WORD.findall(_nfc(text or ''))]


# --- what typed text may not hold ---------------------------------------------

_BIDI_OVERRIDES = frozenset('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')


def problem(value, multiline):
    """Why ``value`` cannot be stored, or None: lone surrogates, control
    characters (line breaks and tabs allowed in ``multiline`` text) and the
    bidirectional overrides that make text read otherwise than it is stored."""
    for char in value:
        category = unicodedata.category(char)
        if category == 'Cs':
            return 'contains an invalid Unicode character (a lone surrogate).'
        if category == 'Cc' and not (multiline and char in '\n\r\t'):
            return 'contains a control character.'
        if char in _BIDI_OVERRIDES:
            return 'contains a bidirectional override character.'
    return None
