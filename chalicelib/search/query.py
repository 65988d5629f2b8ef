"""Reading a search query: phrases, stop words, and the cap on terms."""
from ..text import _WORD, STOPWORDS, _nfc, fold, term

MAX_QUERY_CHARS = 512
MAX_TERMS = 16

_QUOTES = str.maketrans(dict.fromkeys('\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02', '"'))

# --- query parsing -------------------------------------------------------------

def _clean_query(query):
    """The part of a query that is read: capped, curly quotes straightened, NFC.

    Control characters, NUL and markup need no cleaning: they are not
    letters or digits, so they only ever separate words.
    """
    if not isinstance(query, str):
        return ''
    return _nfc(query[:MAX_QUERY_CHARS].translate(_QUOTES))


def _split_quotes(text):
    """Pieces of the query; odd-numbered ones were inside a pair of quotes.

    With an odd number of quotes the last one is unmatched: the words after
    it are read as plain words rather than as a phrase running to the end.
    """
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        pieces[-2:] = [pieces[-2] + ' ' + pieces[-1]]
    return pieces


def parse_query(query):
    """The query as a list of parts, each a tuple of terms (several: a phrase).

    Stop words standing alone are dropped unless nothing else is left;
    repeated parts are dropped; at most :data:`MAX_TERMS` terms are kept.
    """
    parts, stops = [], []
    for number, piece in enumerate(_split_quotes(_clean_query(query))):
        if number % 2:
            words = _WORD.findall(piece)
            if words:
                parts.append(tuple(term(w) for w in words))
            continue
        for chunk in piece.split():
            words = _WORD.findall(chunk)
            if len(words) == 1 and fold(words[0]) in STOPWORDS:
                stops.append((term(words[0]),))
            elif words:
                parts.append(tuple(term(w) for w in words))
    return _cap(list(dict.fromkeys(parts or stops)))


def _cap(parts):
    kept, budget = [], MAX_TERMS
    for part in parts:
        if budget <= 0:
            break
        kept.append(part[:budget])
        budget -= len(part)
    return kept

