"""Full-text search over the published FAQ entries, in memory.

Why in memory, and why only the standard library
    A Lambda instance that serves search loads the published entries anyway;
    for a few thousand entries an index built from them at load time answers
    a query in a millisecond or two, with no extra service to run, pay for
    or keep in sync.  Only ``array``, ``re``, ``unicodedata`` and ``zlib``
    are used (plus MarkupSafe, which the site already ships for Jinja):
    importing the module takes ~8 ms with its bytecode cached (zlib's
    extension 2 ms of it).  The index is never serialised: it is rebuilt
    from the entries (see Ceiling).

Text to terms
    A word is a run of letters and digits (``_``, apostrophes, hyphens and
    all punctuation separate words).  Each word is folded - NFKD with the
    combining marks dropped, casefolded, cut at 64 characters - and given a
    light plural stem (:func:`stem`): ``Cafés`` -> ``cafe``, ``quizzes`` ->
    ``quiz``, while short words and ``-ss``/``-us``/``-is`` words stay whole
    (``is``, ``was``, ``pass``, ``status``).  Query and text go through the
    same :func:`term`, so whatever folding does, it does on both sides.

Layout (immutable after :meth:`SearchIndex.build`)
    Entries are numbered in ``(created, id)`` order, so the number itself is
    the final tie-break and no dates are kept.

    * ``_terms``: term -> term id.
    * ``_postings``: two flat arrays sliced per term by ``starts``: entry
      numbers (ascending; 2 bytes each up to 65,535 entries) and packed
      weights (4 bytes: BM25 x 1000 in the low 24 bits, bit 24 set when the
      term is in the title, so that summing a query's weights also counts
      its title matches).  Flat arrays cost nothing per term, where a list
      per term would cost ~60-100 bytes for each of the many terms seen once.
    * ``_titles`` and ``_bodies`` (:class:`_Words`): the term ids of every
      title, and of every answer text, in order, end to end in one bytes
      each (2 bytes a word while there are fewer than 65,536 terms, else 4).
      This is the compact normalised text: a quoted phrase is a
      ``bytes.find`` of its ids (in C), and so is the first match a snippet
      is centred on.
    * Per entry a :class:`_Doc`: id, slug, title, description, categories,
      the answer's plain text zlib-compressed (decompressed only for the
      page of hits, to cut snippets from the original wording) and
      ``marks``, (character offset, word number) every ~512 characters, so
      that a snippet deep in a long answer is found without re-reading the
      text from its start.

Query (:func:`parse_query`)
    At most 512 characters are read; control characters, NUL and markup
    are not letters or digits, so they only separate words.
    ``"..."`` (straight or curly quotes) is a phrase: its words consecutive,
    same folding.  An unmatched quote is ignored and the words after it read
    as plain words.  A word the tokenizer splits (``e-mail``, ``U.S.``,
    ``don't``) is a phrase of its parts.  Common English words (``the``,
    ``how``, ``is``...) standing alone are dropped unless the query has
    nothing else.  At most 16 terms are used.

Matching and ranking
    Every query part is required (AND), rarest first, so later parts only
    filter a small set.  When that finds nothing and the query has several
    parts, the search falls back to OR: entries matching any part, with
    ``SearchResults.matched_all`` False so the page can say so, and entries
    matching more parts first.  Order: parts matched, then parts found in the
    title (a title match is above a body-only match), then the BM25 score
    (k1=1.2, b=0.75, title and text counted as one field), then the newest
    ``created`` (then the higher id).  Snippets are cut only for the page
    returned.

Ceiling (``python -m bench.search``; shared 2-core machine, Python 3.11)
    5,000 generated entries of 150-600 words (2.0 million words, 3,800
    distinct terms): build 3.6 s of CPU (on every cold start), 19 MB
    retained by the index (tracemalloc; 65 MB peak while building), warm
    search p50 2.3 ms and p99 ~10 ms with snippets, 7x faster at p50 than a
    linear scan of pre-lowercased texts that neither ranks nor folds.
    10,000 entries: build 6.5 s, 38 MB, p50 3.3 ms.  Worst cases measured: a
    quoted phrase of two words found in nearly every entry, ~10 ms; sixteen
    common words that no entry has all of (the OR fallback), ~20 ms.  Build
    time and memory grow linearly with the words indexed, and the build on
    every cold start is what binds: beyond ~5,000 entries of this size, or
    when a cold start must stay within a second or two, or for fuzzy
    matching, synonyms, other languages or facets, the replacement is Amazon
    OpenSearch Service, fed from the table by a DynamoDB stream.
"""
from ..text import MAX_TERM_CHARS, STOPWORDS, fold, stem, term, terms  # noqa: F401
from .engine import Source, phrase_places  # noqa: F401
from .index import MAX_LIMIT, MAX_OFFSET, SearchIndex, page_bounds, search  # noqa: F401
from .query import MAX_QUERY_CHARS, MAX_TERMS, parse_query  # noqa: F401
from .results import SearchHit, SearchResults  # noqa: F401
from .segment import (BODY, IN_TITLE, Builder, Doc, Segment, answer_text, build,  # noqa: F401
                      key_id, order_key)
from .snippets import SNIPPET_CHARS  # noqa: F401
from .stored import (ShardedSegment, decode_delta, decode_keys, decode_terms,  # noqa: F401
                     encode_delta, encode_shards, shard_of)
