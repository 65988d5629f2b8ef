"""Item mapping: entries and categories to DynamoDB items and back, and the keys.

``docs/data-model.md`` lists the items; every key the store writes is built
here, so that the layout of the table reads in one place.
"""
from ..models import Category, CategoryName, FaqEntry, Related, format_time, parse_time


def _s(value):
    return {'S': value}


def _n(value):
    return {'N': str(value)}


def _strings(values):
    return {'L': [_s(v) for v in values]}


def _key(pk, sk):
    return {'pk': _s(pk), 'sk': _s(sk)}


def entry_key(entry_id):
    return _key('FAQ#%d' % entry_id, 'ENTRY')


def revision_key(entry_id, version):
    return _key('FAQ#%d' % entry_id, 'REV#%010d' % version)


def slug_key(slug):
    return _key('SLUG#' + slug, 'SLUG')


# The manifest of derived data sits beside the categories: one Query reads both.
MANIFEST_KEY = _key('CATALOG', 'MANIFEST')
ID_COUNTER_KEY = _key('META', 'IDS')


def created_key(entry):
    return '%s#%012d' % (format_time(entry.created), entry.id)


def entry_attributes(entry):
    """The entry's own attributes, without keys or index attributes."""
    return {
        'id': _n(entry.id),
        'title': _s(entry.title),
        'content': _s(entry.content),
        'description': _s(entry.description),
        'description_given': {'BOOL': entry.description_given},
        'categories': _strings(entry.categories),
        'created': _s(format_time(entry.created)),
        'modified': _s(format_time(entry.modified)),
        'version': _n(entry.version),
        'reading_minutes': _n(entry.reading_minutes),
        'trashed_from': _s(entry.trashed_from),
        'old_slugs': _strings(entry.old_slugs),
        # slug and status are index keys on the entry item; under other
        # names here so that revisions never appear in the indexes
        'entry_slug': _s(entry.slug),
        'entry_status': _s(entry.status),
    }


def derived_attributes(related, category_names):
    """What an entry's page shows of other entries and of its categories.

    Not part of a revision: it describes the site around the entry, which
    ``chalicelib.derived`` keeps current, not the entry itself.
    """
    return {
        'related': {'L': [{'L': [_s(r.slug), _s(r.title)]} for r in related]},
        'category_names': {'L': [{'L': [_s(c.slug), _s(c.name)]} for c in category_names]},
    }


def entry_to_item(entry):
    item = entry_key(entry.id)
    item.update(entry_attributes(entry))
    item.update(derived_attributes(entry.related, entry.category_names))
    item.update({'slug': _s(entry.slug), 'status': _s(entry.status),
                 'created_key': _s(created_key(entry))})
    return item


def _pairs(item, name, kind):
    return tuple(kind(*(part['S'] for part in pair['L']))
                 for pair in item.get(name, {}).get('L', ()))


def _text(item, name, default=''):
    return item.get(name, {}).get('S', default)


def item_to_entry(item):
    return FaqEntry(
        id=int(item['id']['N']),
        slug=_text(item, 'slug') or _text(item, 'entry_slug'),
        title=item['title']['S'],
        content=_text(item, 'content'),
        description=item['description']['S'],
        description_given=item.get('description_given', {}).get('BOOL', False),
        status=_text(item, 'status') or _text(item, 'entry_status'),
        categories=tuple(c['S'] for c in item.get('categories', {}).get('L', ())),
        created=parse_time(item['created']['S']),
        modified=parse_time(item['modified']['S']),
        version=int(item['version']['N']),
        reading_minutes=int(item['reading_minutes']['N']),
        trashed_from=_text(item, 'trashed_from'),
        old_slugs=tuple(c['S'] for c in item.get('old_slugs', {}).get('L', ())),
        related=_pairs(item, 'related', Related),
        category_names=_pairs(item, 'category_names', CategoryName),
    )


def category_key(slug):
    return _key('CATALOG', 'CAT#' + slug)


def category_to_item(category):
    item = category_key(category.slug)
    item.update({'id': _n(category.id), 'category_slug': _s(category.slug),
                 'name': _s(category.name), 'description': _s(category.description)})
    return item


def item_to_category(item):
    return Category(id=int(item['id']['N']), slug=item['category_slug']['S'],
                    name=item['name']['S'], description=_text(item, 'description'))
