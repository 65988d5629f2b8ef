"""WordPress REST JSON out: entries as ``wp/v2/faq`` records, categories as
``wp/v2/faq-categories`` terms, shaped by the same item builders the API
uses (:mod:`.items`), so that import, export and import again gives
identical entries (see :mod:`.importer` for the two details that make it exact).
"""
from . import items as wp_items

EXPORT_STATUSES = ('publish', 'draft')


def export_records(repository, settings=None, statuses=EXPORT_STATUSES):
    """Every entry of ``statuses`` as ``wp/v2/faq`` records, by id.

    Trashed entries are left out: WordPress imports cannot carry them.
    """
    site = wp_items.Site(settings, repository)
    # the index listing lacks description_given: read each entry whole
    ids = sorted(e.id for status in statuses for e in repository.all_by_status(status))
    records = []
    for entry in filter(None, map(repository.get_by_id, ids)):
        item = wp_items.post_item(entry, site)
        record = {}
        for key, value in item.items():
            record[key] = value
            if key == 'template':
                record['meta'] = {'_yoast_wpseo_metadesc':
                                  entry.description if entry.description_given else ''}
        records.append(record)
    return records


def export_terms(repository, settings=None):
    """Every category as ``wp/v2/faq-categories`` terms, by id."""
    site = wp_items.Site(settings, repository)
    counts = site.term_counts()
    return [wp_items.term_item(c, counts.get(c.slug, 0), site)
            for c in sorted(site.categories, key=lambda c: c.id)]
