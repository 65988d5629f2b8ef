"""WordPress's search (``?search=``), as ``WP_Query`` does it, on the site's index.

API clients expect WordPress's answers, so this splits terms, quoted
phrases, ``-exclusions`` and stopwords as ``WP_Query::parse_search`` does,
and ranks as ``WP_Query::parse_search_order`` does (the whole sentence in
the title first, then every term in the title...).  It finds them in the
site's search index (``chalicelib.search``), reading only the shards of the
query's words, so that a search costs the same at 20,000 entries as at ten.

Where that differs from WordPress, on purpose: a term matches whole words,
folded (case, accents) and with plurals as the site's search stems them
(``fee`` finds "fees"), where MySQL's ``LIKE`` matches any substring
(``exam`` in "examination"); a quoted phrase matches those words in a row;
the title and the answer are searched, not the meta description
(``search_columns=post_excerpt`` finds nothing); and "the sentence in the
excerpt" plays no part in the order.
"""
import re
from dataclasses import dataclass

from ..search import BODY, IN_TITLE, key_id, phrase_places
from ..text import collate, terms as text_terms

STOPWORDS = frozenset(
    'about an are as at be by com for from how in is it of on or that the this to was '
    'what when where who will with www'.split())
_SEARCH_TERMS = re.compile(r'".*?("|$)|((?<=[\t ",+])|^)[^\t ",+]+')


@dataclass
class Search:
    """``WP_Query``'s search: terms, exclusions and relevance ranking."""
    sentence: str
    terms: list         # (folded term, excluded?)
    count: int          # raw terms, before stopwords were dropped

    @classmethod
    def parse(cls, text):
        text = text.replace('\r', '').replace('\n', '')
        matches = [m.group(0) for m in _SEARCH_TERMS.finditer(text)]
        terms = []
        for raw in matches:
            term = raw.strip('"\'') if re.match(r'^".+"$', raw) else raw.strip('"\' ')
            if not term or (len(term) == 1 and re.match(r'^[a-z\-]$', term, re.I)):
                continue
            if term.lower() in STOPWORDS:
                continue
            terms.append(term)
        if not terms or len(terms) > 9:
            terms = [text]
        parsed = []
        for term in terms:
            excluded = term.startswith('-') and len(term) > 1
            parsed.append((collate(term[1:] if excluded else term), excluded))
        return cls(collate(text), parsed, max(1, len(matches)))

    @property
    def wanted(self):
        return [t for t, excluded in self.terms if not excluded]

    def sentence_words(self):
        """The words of the whole search, when it may count as a sentence."""
        if self.count < 2 or re.search(r'(?:\s|^)-', self.sentence):
            return ()
        return tuple(text_terms(self.sentence))

    def parts(self, ranking):
        """The words and phrases the index must be asked about: each term's,
        and the sentence a ranking looks for."""
        found = {tuple(text_terms(t)) for t, _ in self.terms}
        if ranking and len(self.sentence_words()) > 1:
            found.add(self.sentence_words())
        return sorted(p for p in found if p)

    def needs_positions(self, columns, ranking):
        """Whether the index must give positions: for one column alone (is a
        word in the answer?) and for phrases of three words or more (pairs
        find the others)."""
        return set(columns or COLUMNS) != set(COLUMNS) or any(
            len(part) > 2 for part in self.parts(ranking))


COLUMNS = ('post_title', 'post_content')


def _places(source, words):
    """``{entry number: (in title, in answer)}`` of the entries with ``words``
    in a row; ``in answer`` is None where positions were not loaded."""
    postings = [source.postings(w) for w in words]
    if not words or None in postings:
        return {}
    if len(words) > 1:
        return phrase_places(source, words)
    only = postings[0]
    if only.positions is None:
        return {n: (bool(w & IN_TITLE), None) for n, w in zip(only.docs, only.weights)}
    return {n: (bool(w & IN_TITLE), any(p >= BODY for p in only.positions_of(at)))
            for at, (n, w) in enumerate(zip(only.docs, only.weights))}


def _allowed(places, columns):
    in_title, in_body = places
    if 'post_title' in columns and in_title:
        return True
    return 'post_content' in columns and (in_body if in_body is not None else True)


def find(sources, search, columns=None):
    """``{order key: rank}`` of the entries matching ``search``: every wanted
    term, in the searched columns, and no excluded one; the rank (1 best)
    as ``WP_Query::parse_search_order``, with the approximations above."""
    columns = set(columns or COLUMNS)
    found = {}
    if not _terms_with_words(search):
        return found              # no word to look for ("!!!", "-")
    for source in sources:
        keys, hidden = source.segment.keys, source.hidden
        terms = _terms_with_words(search)
        matches = None if any(not excluded for _, excluded in terms) else \
            {n: [] for n in range(len(source.segment))}
        for term, excluded in terms:
            places = {n: p for n, p in _places(source, tuple(text_terms(term))).items()
                      if _allowed(p, columns)}
            if excluded:
                if matches is not None:
                    matches = {n: m for n, m in matches.items() if n not in places}
                continue
            if matches is None:
                matches = {n: [p] for n, p in places.items()}
            else:
                matches = {n: m + [places[n]] for n, m in matches.items() if n in places}
            if not matches:
                break
        if not matches:
            continue
        sentence = _places(source, search.sentence_words()) if search.sentence_words() else {}
        for number, places in matches.items():
            key = keys[number]          # (created, id): the entry's id and its date order
            if not hidden or key_id(key) not in hidden:
                found[key] = _rank(search, places, sentence.get(number))
    return found


def _terms_with_words(search):
    """The terms that name at least one word, the wanted ones first."""
    return sorted(((t, excluded) for t, excluded in search.terms if text_terms(t)),
                  key=lambda t: t[1])


def _rank(search, places, sentence):
    titled = [p[0] for p in places]
    if search.count > 1:
        if sentence and sentence[0]:
            return 1
        if titled and len(titled) < 7 and all(titled):
            return 2
        if len(titled) > 1 and any(titled):
            return 3
        if sentence and sentence[1]:
            return 5
        return 6
    return 1 if titled and titled[0] else 2
