"""Full-text search over the published FAQ entries: the engine.

Where it runs
    The index is derived data (``chalicelib.derived``): the stream's
    handler builds it when content changes and stores it in the table; a
    query reads only the pieces its words need.  :class:`SearchIndex` is the
    same engine over an index built in memory (tests, benchmarks).  Only the
    standard library is used (``array``, ``bisect``, ``re``,
    ``unicodedata``, ``zlib``, plus MarkupSafe, which Jinja brings).

Text to terms
    A word is a run of letters and digits (``_``, apostrophes, hyphens and
    all punctuation separate words).  Each word is folded - NFKD with the
    combining marks dropped, casefolded, cut at 64 characters - and given a
    light plural stem (:func:`stem`): ``Cafés`` -> ``cafe``, ``quizzes`` ->
    ``quiz``, while short words and ``-ss``/``-us``/``-is`` words stay whole
    (``is``, ``was``, ``pass``, ``status``).  Query and text go through the
    same :func:`term`, so whatever folding does, it does on both sides.

Segments (``segment``) and how they are stored (``stored``)
    A segment indexes a set of entries, numbered in ``(created, id)`` order.
    Per term: the entries that have it, a packed weight each (BM25 x 1000,
    plus a bit when the term is in the title) and its positions.  Per pair
    of words in a row: the entries that have it, and whether in the title or
    the answer.  The site's index is a base segment of every published
    entry, stored in shards by a hash of the term (postings, positions and
    pairs apart), and a small delta of the entries changed since, which
    hides their older versions in the base.

Query (:func:`parse_query`)
    At most 512 characters are read; control characters, NUL and markup
    are not letters or digits, so they only separate words.
    ``"..."`` (straight or curly quotes) is a phrase: its words consecutive,
    same folding.  An unmatched quote is ignored and the words after it read
    as plain words.  A word the tokenizer splits (``e-mail``, ``U.S.``,
    ``don't``) is a phrase of its parts.  Common English words (``the``,
    ``how``, ``is``...) standing alone are dropped unless the query has
    nothing else.  At most 16 terms are used.

Matching and ranking (``engine``)
    Every query part is required (AND), rarest first, so later parts only
    filter a small set.  A two-word phrase is one pair's postings; a longer
    one, the entries having all its pairs, its positions checked.  When
    that finds nothing and the query has several parts, the search falls
    back to OR: entries matching any part, with ``SearchResults.matched_all``
    False so the page can say so, and entries matching more parts first.
    Order: parts matched, then parts found in the title (a title match is
    above a body-only match), then the BM25 score (k1=1.2, b=0.75, title
    and text counted as one field), then the newest ``created`` (then the
    higher id).  Snippets (``snippets``) are cut only for the page returned,
    from the hits' own text.

Ceiling
    A query costs a few reads whatever the size of the site, and its CPU
    grows with the entries its words are in: about 10 ms for a word in all
    of 20,000 entries (``bench.scale``, ``bench/RESULTS.md``).  Building
    the base grows with the words indexed (a full build of the derived
    data took 214-284 s at 20,000 entries of about 400 words on the shared
    2-core test machine, ``bench/RESULTS.md``; once per ``DELTA_LIMIT``
    changes, on the 15-minute ``content_changed`` function).  Beyond
    that, or for fuzzy matching, synonyms, other languages or facets, the
    replacement is Amazon OpenSearch Serverless behind the same interface
    (``docs/data-model.md``).
"""
from ..text import MAX_TERM_CHARS, STOPWORDS, fold, stem, term, terms  # noqa: F401
from .engine import Source, phrase_places, rank  # noqa: F401
from .index import MAX_LIMIT, MAX_OFFSET, SearchIndex, page_bounds, search  # noqa: F401
from .query import MAX_QUERY_CHARS, MAX_TERMS, parse_query  # noqa: F401
from .results import SearchHit, SearchResults  # noqa: F401
from .segment import (BODY, IN_TITLE, Builder, Doc, Segment, answer_text, build,  # noqa: F401
                      key_id, order_key, pair_name)
from .snippets import SNIPPET_CHARS  # noqa: F401
from .stored import (ShardedSegment, decode_delta, decode_keys, decode_pairs,  # noqa: F401
                     decode_terms, encode_delta, encode_shards, shard_of)
