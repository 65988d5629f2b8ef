"""What a search answers: the number of entries found, and a page of hits."""
from dataclasses import dataclass

from markupsafe import Markup


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
