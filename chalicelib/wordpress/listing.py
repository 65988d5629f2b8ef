"""Which published entries a ``GET /wp-json/wp/v2/faq`` page shows, in order.

Three ways, the cheapest that answers the request (:func:`page`):

* newest or oldest first, unfiltered: the stored listing, one chunk of
  ``(id, version)`` (``chalicelib.derived``), whatever the number of entries;
* a ``search`` by date or relevance alone: the index shards of its words,
  whose keys ``(created, id)`` order it; the page's entries read by id;
* anything filtered (``include``, ``slug``, dates, categories) or sorted by
  another field: the summary of every published entry, filtered in the
  order asked for, each order sorted once per instance and change.

A search's ranking is kept per instance while the data stays the same
(``Snapshot.memo``): the next page, or the same query again, is not run
again.
"""
from ..search import key_id
from .params import TAXONOMY, requested_slugs
from .search import find


def page(snapshot, values, search, site, start, count):
    """``(total, entries)``: how many entries the request matches, and the
    published ones from ``start`` on, at most ``count``."""
    filtered = any(values[name] for name in FILTERS)
    if search is None and values['orderby'] == 'date' and not filtered:
        total, keys = _newest_first_page(snapshot, values, start, count)
    elif search is not None and values['orderby'] in ('date', 'relevance') and not filtered:
        total, ids = _search_page(snapshot, values, search, start, count)
        found = snapshot.hits(ids, _entry)    # current as of the index's manifest
        return total, [found[i] for i in ids if i in found]
    else:
        total, keys = _matching_page(snapshot, values, search, site, start, count)
    return total, snapshot.entries(keys)


FILTERS = ('include', 'exclude', 'slug', 'after', 'before', 'modified_after',
           'modified_before', TAXONOMY, TAXONOMY + '_exclude')


def _post_filters(values, site):
    """Predicates over summary rows (times in seconds) for the collection's
    filter parameters."""
    tests = []
    include, exclude = values['include'], values['exclude']
    if include:
        allowed = set(include)
        tests.append(lambda e: e.id in allowed)
    if exclude:
        banned = set(exclude)
        tests.append(lambda e: e.id not in banned)
    if values['slug']:
        slugs = set(requested_slugs(values['slug']))
        tests.append(lambda e: e.slug in slugs)
    for name, attribute, after in (('after', 'created', True), ('before', 'created', False),
                                   ('modified_after', 'modified', True),
                                   ('modified_before', 'modified', False)):
        moment = values[name]
        if moment is not None:
            moment = moment.timestamp()
            tests.append((lambda a, m: lambda e: getattr(e, a) > m)(attribute, moment)
                         if after else
                         (lambda a, m: lambda e: getattr(e, a) < m)(attribute, moment))
    tax_tests = []
    include_terms, exclude_terms = values[TAXONOMY], values[TAXONOMY + '_exclude']
    if include_terms and include_terms['terms']:
        slugs = {site.term_slugs.get(t) for t in include_terms['terms']} - {None}
        if include_terms['operator'] == 'AND':
            needed = len(set(include_terms['terms']))
            tax_tests.append(lambda e: len(slugs) == needed and slugs <= set(e.categories))
        else:
            tax_tests.append(lambda e: bool(slugs & set(e.categories)))
    if exclude_terms and exclude_terms['terms']:
        banned_slugs = {site.term_slugs.get(t) for t in exclude_terms['terms']} - {None}
        tax_tests.append(lambda e: not banned_slugs & set(e.categories))
    if tax_tests:
        if values['tax_relation'] == 'OR':
            tests.append(lambda e: any(t(e) for t in tax_tests))
        else:
            tests.extend(tax_tests)
    return tests


def _in_order(summary, values):
    """Every row, in the order the request asks for (``include``, ``include_slugs``
    and ``relevance`` excepted: :func:`_sort_requested`)."""
    orderby, descending = values['orderby'], values['order'] == 'desc'
    if orderby == 'date':                       # the summary's own order, newest first
        return summary.rows if descending else summary.rows[::-1]
    rows = summary.ordered(orderby)
    return rows[::-1] if descending else rows


def _sort_requested(rows, values, ranks):
    orderby, descending = values['orderby'], values['order'] == 'desc'
    if orderby == 'include':
        position = {entry_id: n for n, entry_id in enumerate(values['include'])}
        return sorted(rows, key=lambda r: position.get(r.id, len(position)))
    if orderby == 'include_slugs':
        position = {slug: n for n, slug in enumerate(requested_slugs(values['slug'] or ()))}
        return sorted(rows, key=lambda r: position.get(r.slug, len(position)))
    ranked = sorted(rows, key=lambda r: (r.created, r.id), reverse=descending)  # relevance
    return sorted(ranked, key=lambda r: ranks[r.id])


def _newest_first_page(snapshot, values, start, count):
    """``(total, keys)`` of the plain listing, newest or oldest first: read
    from the stored listing, one chunk, whatever the number of entries."""
    total = snapshot.count('all')
    if values['order'] == 'desc':
        return total, snapshot.listing('all', start, count)
    first = max(0, total - start - count)
    return total, list(reversed(snapshot.listing('all', first, total - start - first)))


def _ranks(snapshot, values, search, also=()):
    """``{order key: rank}`` of the entries ``search`` finds, from the index
    shards of its words; asked again on a warm instance, not run again."""
    columns = values['search_columns'] or None
    ranking = values['orderby'] == 'relevance'

    def found():
        sources = snapshot.search_sources(
            search.parts(ranking), search.needs_positions(columns, ranking), also=also)
        return find(sources, search, columns)
    # ``also`` is read with the shards when the ranks are new, not part of them
    return snapshot.memo(('wp', search.sentence, tuple(search.terms), ranking,
                          tuple(sorted(columns or ()))), found)


def _search_page(snapshot, values, search, start, count):
    """``(total, ids)`` of a search by date or relevance, filtered by nothing
    else: the index alone orders it (its keys are ``(created, id)``), so the
    summary of every entry is not read."""
    ranks = _ranks(snapshot, values, search)
    keys = sorted(ranks, reverse=values['order'] == 'desc')
    if values['orderby'] == 'relevance':
        keys.sort(key=ranks.__getitem__)
    return len(keys), [key_id(key) for key in keys[start:start + count]]


def _matching_page(snapshot, values, search, site, start, count):
    """``(total, keys)`` when the request filters, or sorts otherwise:
    from the summary of every published entry (and the search index)."""
    tests = _post_filters(values, site)
    ranks = {}
    if search is not None:
        ranks = {key_id(key): rank for key, rank in         # the summary in the same read
                 _ranks(snapshot, values, search, also=['summary']).items()}
        tests.append(lambda r: r.id in ranks)
    summary = snapshot.summary()
    if values['orderby'] in ('include', 'include_slugs', 'relevance'):
        matched = _sort_requested([r for r in summary.rows if all(t(r) for t in tests)],
                                  values, ranks)
    else:
        in_order = _in_order(summary, values)
        # sorted otherwise, filtered by nothing: the page is a slice of the order
        matched = [r for r in in_order if all(t(r) for t in tests)] if tests else in_order
    return len(matched), [(r.id, r.version) for r in matched[start:start + count]]


def _entry(entry):
    """An entry as a search hit of this API (``Snapshot.hits``)."""
    return entry
