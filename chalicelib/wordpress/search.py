"""WordPress's search (``?search=``), as ``WP_Query`` does it.

Not the site's own search (:mod:`chalicelib.site.search`, ranked by BM25 with
stems and snippets): API clients expect WordPress's answers, so this splits
terms, quoted phrases, ``-exclusions`` and stopwords as
``WP_Query::parse_search`` does, matches substrings, and ranks as
``WP_Query::parse_search_order`` does (the whole sentence in the title
first, then every term in the title...).  Text is compared through
:func:`fold`, as MySQL's ``_ci`` collations compare.
"""
import re
from dataclasses import dataclass

from ..text import drop_marks

STOPWORDS = frozenset(
    'about an are as at be by com for from how in is it of on or that the this to was '
    'what when where who will with www'.split())
_SEARCH_TERMS = re.compile(r'".*?("|$)|((?<=[\t ",+])|^)[^\t ",+]+')


def fold(text):
    """Case- and accent-insensitive form, as MySQL's ``_ci`` collations compare."""
    if not text or text.isascii():
        return (text or '').lower()
    return drop_marks(text).casefold()


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
            parsed.append((fold(term[1:] if excluded else term), excluded))
        return cls(fold(text), parsed, max(1, len(matches)))

    def matches(self, fields):
        for term, excluded in self.terms:
            found = any(term in value for value in fields)
            if found == excluded:
                return False
        return True

    def rank(self, title, excerpt, body):
        """1 (best) to 6, as ``WP_Query::parse_search_order``."""
        wanted = [t for t, excluded in self.terms if not excluded]
        if self.count > 1:
            sentence = '' if re.search(r'(?:\s|^)-', self.sentence) else self.sentence
            if sentence and sentence in title:
                return 1
            if wanted and len(wanted) < 7 and all(t in title for t in wanted):
                return 2
            if len(wanted) > 1 and any(t in title for t in wanted):
                return 3
            if sentence and sentence in excerpt:
                return 4
            if sentence and sentence in body:
                return 5
            return 6
        return 1 if wanted and wanted[0] in title else 2
