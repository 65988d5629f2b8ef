"""Every published entry, as listings, the sitemap and the WordPress API see it.

One row per published entry, newest first: what orders, filters and links an
entry, never its answer, and the positions of its rows by title and by slug.
At 20,000 entries it is about 2 MB of JSON, 0.5 MB compressed (a quarter
of it the orders): the builder's working copy of the site, and what the
WordPress API filters and sorts in when a request asks for more than the
newest first.
"""
import json
import zlib
from collections import namedtuple
from datetime import datetime, timezone

from ..text import collate
from ..urls import url_slug

Row = namedtuple('Row', 'key id slug title created modified version categories')
_COLUMNS = ('id', 'slug', 'title', 'created', 'modified', 'version', 'categories')

# The orders the WordPress API sorts by, each unique with the id.  Those of
# text are stored with the summary (positions of its rows), so that no
# request folds every title: the others are sorts of numbers, in C.
ORDERS = {
    'modified': lambda r: (r.modified, r.id),
    'id': lambda r: r.id,
    'title': lambda r: (collate(r.title), r.id),
    'slug': lambda r: (url_slug(r.slug), r.id),        # WordPress sorts post_name
}
STORED_ORDERS = ('title', 'slug')


def _seconds(moment):
    return max(0, int(moment.timestamp()))


def moment(seconds):
    """A row's time as the aware datetime the rest of the code uses."""
    return datetime.fromtimestamp(seconds, timezone.utc)


def row_of(entry):
    created = _seconds(entry.created)
    return Row((created << 32) | entry.id, entry.id, entry.slug, entry.title, created,
               _seconds(entry.modified), entry.version, tuple(entry.categories))


class Summary:
    """Published entries, newest first (by ``(created, id)``)."""

    def __init__(self, rows=()):
        self.rows = sorted(rows, key=lambda r: r.key, reverse=True)
        self._by_id, self._orders, self._stored = None, {}, {}

    @classmethod
    def of(cls, entries):
        return cls(row_of(e) for e in entries if e.is_published)

    def __len__(self):
        return len(self.rows)

    def by_id(self):
        if self._by_id is None:
            self._by_id = {row.id: row for row in self.rows}
        return self._by_id

    def changed(self, removed_ids, entries):
        """A new summary: ``removed_ids`` out, ``entries`` in where published."""
        gone = set(removed_ids) | {e.id for e in entries}
        kept = [row for row in self.rows if row.id not in gone]
        return Summary(kept + [row_of(e) for e in entries if e.is_published])

    def ordered(self, name):
        """The rows in the order ``name`` of :data:`ORDERS`, ascending: as
        stored (title, slug), or sorted once per summary (so once per
        instance and change).  A request sorted otherwise than newest first
        then only filters, in order."""
        if name not in self._orders:
            if name in self._stored:
                self._orders[name] = [self.rows[n] for n in self._stored[name]]
            else:
                self._orders[name] = sorted(self.rows, key=ORDERS[name])
        return self._orders[name]

    def ids(self, category=None):
        """Entry ids newest first: all of them, or a category's."""
        if category is None:
            return [row.id for row in self.rows]
        return [row.id for row in self.rows if category in row.categories]

    def keys(self):
        """``[id, version]`` of every entry, newest first: how listings name them."""
        return [[row.id, row.version] for row in self.rows]

    def counts(self):
        """``{category slug: published entries}``."""
        counts = {}
        for row in self.rows:
            for slug in row.categories:
                counts[slug] = counts.get(slug, 0) + 1
        return counts

    def encode(self):
        columns = {name: [getattr(row, name) for row in self.rows] for name in _COLUMNS}
        position = {row.id: n for n, row in enumerate(self.rows)}
        columns['orders'] = {name: [position[row.id] for row in self.ordered(name)]
                             for name in STORED_ORDERS}
        return zlib.compress(json.dumps(columns, ensure_ascii=False,
                                        separators=(',', ':')).encode('utf-8'), 6)

    @classmethod
    def decode(cls, data):
        columns = json.loads(zlib.decompress(data))
        rows = [Row((created << 32) | entry_id, entry_id, slug, title, created, modified,
                    version, tuple(categories))
                for entry_id, slug, title, created, modified, version, categories in zip(
                    *(columns[name] for name in _COLUMNS))]
        summary = cls.__new__(cls)      # stored newest first already
        summary.rows, summary._by_id, summary._orders = rows, None, {}
        summary._stored = columns.get('orders', {})     # none in an older summary
        return summary
