"""Derived data: what pages show of many entries, computed when content changes.

Listings, the index's groups, the sitemap, the search index and related
questions all depend on every published entry.  Here they are built when an
entry or a category changes (:mod:`.builder`, run by the ``content_changed``
handler on the table's stream, :mod:`.stream`), stored as artifacts that a
page reads a few of, by key (:mod:`.listings`, :mod:`.sitemap`,
:mod:`.searching`; related questions are stored on each entry), and read by
each instance through a cache that stays current (:mod:`.view`).  No
request's cost grows with the number of entries.

The site and the WordPress API read through this front door; the builder
and the handler are reached by the entry points (``app.py``, the CLI).
"""
from .listings import CHUNK, category_listing
from .summary import Summary, moment
from .view import MAX_AGE, Snapshot, View, current, forget

__all__ = ['CHUNK', 'MAX_AGE', 'Snapshot', 'Summary', 'View', 'category_listing', 'current',
           'forget', 'moment']
