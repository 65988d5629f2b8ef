"""Listings as the builder stores them: ids in chunks, the index's groups.

A listing is the published entries of the site (``all``) or of a category
(``cat:<slug>``), newest first.  It is stored as ``[id, version]`` of its
entries, 500 to a chunk (``list:<listing>:<n>``), so that a page of any
listing, the last one too, is read with one chunk and the entries it shows,
whatever the number of entries: what a page costs does not grow with the
site.  With the version, an instance that already holds an entry as it is
(:meth:`chalicelib.derived.view.View.entries`) reads it no more.
"""
import json
import zlib

CHUNK = 500
GROUP_SHOWN = 5


def chunk_name(listing, number):
    return 'list:%s:%d' % (listing, number)


def category_listing(slug):
    return 'cat:' + slug


def chunks(listing, keys):
    """``{artifact name: encoded [id, version] pairs}`` of a listing."""
    return {chunk_name(listing, n // CHUNK): encode(keys[n:n + CHUNK])
            for n in range(0, len(keys), CHUNK)}


def encode(value):
    return zlib.compress(json.dumps(value, ensure_ascii=False,
                                    separators=(',', ':')).encode('utf-8'), 6)


def decode(data):
    return json.loads(zlib.decompress(data))


def chunks_for(start, count, total):
    """The chunk numbers holding positions ``start`` to ``start + count - 1``."""
    end = min(start + count, total)
    if start >= end:
        return []
    return list(range(start // CHUNK, (end - 1) // CHUNK + 1))


def groups(summary, categories):
    """The FAQ index's "by category" section: each category with published
    entries, by name, with its count and newest entries; then the entries
    in no category that exists, under ``slug`` None."""
    known = {c.slug: c for c in categories}
    members = {}
    loose = []
    for row in summary.rows:
        found = [slug for slug in row.categories if slug in known]
        for slug in found:
            members.setdefault(slug, []).append(row)
        if not found:
            loose.append(row)
    result = []
    for category in sorted(known.values(), key=lambda c: c.name.casefold()):
        rows = members.get(category.slug)
        if rows:
            result.append({'slug': category.slug, 'name': category.name, 'count': len(rows),
                           'top': [[r.slug, r.title] for r in rows[:GROUP_SHOWN]]})
    if loose:
        result.append({'slug': None, 'name': None, 'count': len(loose),
                       'top': [[r.slug, r.title] for r in loose[:GROUP_SHOWN]]})
    return result
