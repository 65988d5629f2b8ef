"""Bringing derived data up to date when content changes.

:func:`rebuild` runs on the ``content_changed`` handler, fed by the table's
stream (and on the command line after a bulk import).  Given the entries
that changed, it reads the site as it was last built (the summary, the
related-question state, the search delta), applies the changes, renders
what depends on them (listings, the index's groups, the sitemap, the search
delta), writes the artifacts whose content changed, and publishes a new
manifest; then it stores on each entry whose page changed its related
questions and category names.  Without changed entries, or on a table never
built, it builds everything from every published entry.

Its cost grows with the site (the summary and the related state are read
whole, every listing chunk is recomputed), which is the point: the work is
done once per change, here, and no request repeats it.
"""
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor

from .. import store
from ..models import Related as RelatedLink, name_categories
from . import compaction, listings, related as related_questions, searching, sitemap
from .summary import Summary

ATTEMPTS = 5
WRITERS = 8               # threads storing entries' related questions


def _digest(data):
    return hashlib.sha1(data).hexdigest()[:16]


class Report:
    """What a rebuild did, for logs, the command line and the benchmarks."""

    def __init__(self):
        self.full = False
        self.written = []          # artifact names
        self.entries_updated = 0
        self.search = 'unchanged'
        self.compact = False       # the search delta is full: build a new base next
        self.seconds = 0.0
        self.attempts = 0

    def __repr__(self):
        return ('Report(full=%s, artifacts=%d, entries=%d, search=%s, %.2f s)'
                % (self.full, len(self.written), self.entries_updated, self.search,
                   self.seconds))


def rebuild(changed=None, repository=None, artifacts=None):
    """Bring derived data up to date after ``changed`` entry ids changed
    (None: build everything).  Returns a :class:`Report`."""
    repository = repository or store.get_repository()
    artifacts = artifacts or store.ArtifactStore(repository.client, repository.table_name)
    report, started = Report(), time.perf_counter()
    for report.attempts in range(1, ATTEMPTS + 1):
        build = _Build(repository, artifacts, changed, report)
        if build.run():
            break
    else:
        raise store.StorageError('derived data: %d builders raced; giving up' % ATTEMPTS)
    if report.compact:
        compaction.compact(repository, artifacts, report)
    report.seconds = time.perf_counter() - started
    return report


class _Build:
    """One attempt: read the last build, apply the changes, write, publish."""

    def __init__(self, repository, artifacts, changed, report):
        self.repository, self.artifacts, self.report = repository, artifacts, report
        self.categories, item = repository.catalog_head(consistent=True)
        self.manifest = store.manifest_from_item(item)
        self.full = changed is None or 'summary' not in self.manifest.artifacts
        self.changed = set(changed or ())
        self.outputs = {}
        self.info = dict(self.manifest.info)
        self.search_rebuilt = False
        report.compact = False

    def run(self):
        if self.full:
            entries = self.repository.all_by_status('publish', content=True)
            current = {e.id: e for e in entries}
            self.report.full = True
            old_summary = Summary()
            summary = Summary.of(entries)
            state = related_questions.Related()
            for entry in entries:
                state.put(entry.id, related_questions.words(entry), entry.categories,
                          summary.by_id()[entry.id].key)
            state.compute_all()
            to_store = set(current)
            self._search_base(entries)
        else:
            old = self.artifacts.read(self.manifest, ['summary', 'related', 'search:delta',
                                                      'search:vocab'])
            old_summary = Summary.decode(old['summary'])
            hidden = searching.hidden_of(old.get('search:delta'))
            current = self.repository.get_many(self.changed | hidden)
            # what the last build saw of an entry, against what it is now: a
            # draft saved again, or an entry a full build has already read (a
            # bulk import's records arriving after it), changes nothing here
            before = {i: row.version for i, row in old_summary.by_id().items()}
            now = {e.id: e.version for e in current.values() if e.is_published}
            self.changed = {i for i in self.changed if before.get(i) != now.get(i)}
            state = related_questions.Related.decode(old.get('related'))
            summary = old_summary.changed(self.changed, [
                current[i] for i in self.changed if i in now])
            for entry_id in self.changed:
                entry = current.get(entry_id)
                if entry is not None and entry.is_published:
                    state.put(entry_id, related_questions.words(entry), entry.categories,
                              summary.by_id()[entry_id].key)
                else:
                    state.remove(entry_id)
            to_store = state.update(self.changed) | {i for i in self.changed if i in state.terms}
            to_store |= self._retitled(old_summary, summary, state)
            to_store |= self._renamed(old_summary, summary)
            if self.changed:
                self._search_delta(current, hidden | self.changed, old.get('search:vocab'))
        self._listings(summary)
        self.outputs['summary'] = summary.encode()
        self.outputs['related'] = state.encode()
        self.info['counts'] = dict({'all': len(summary)}, **{
            listings.category_listing(slug): n for slug, n in summary.counts().items()})
        self.info['categories'] = {c.slug: c.name for c in self.categories}
        if not self._publish():
            return False
        self._store_on_entries(to_store, summary, state, current)
        return True

    # -- what changed around the changed entries ---------------------------------------

    def _retitled(self, old, new, state):
        """Entries listing a changed entry whose address or title changed: the
        links on their pages must follow."""
        before, after = old.by_id(), new.by_id()
        moved = {i for i in self.changed if i in before and i in after and
                 (before[i].slug, before[i].title) != (after[i].slug, after[i].title)}
        return {entry_id for entry_id, listed in state.lists.items()
                if moved.intersection(other for other, _ in listed)}

    def _renamed(self, old, new):
        """Published entries of a category whose name changed since the last build."""
        names = self.manifest.info.get('categories', {})
        now = {c.slug: c.name for c in self.categories}
        changed = {slug for slug in set(names) | set(now) if names.get(slug) != now.get(slug)}
        if not changed or not names:
            return set()
        return {row.id for row in new.rows if changed.intersection(row.categories)}

    # -- artifacts ------------------------------------------------------------------------

    def _listings(self, summary):
        self.outputs.update(listings.chunks('all', summary.keys()))
        members = {}
        for row in summary.rows:
            for slug in row.categories:
                members.setdefault(slug, []).append([row.id, row.version])
        for slug, ids in members.items():
            self.outputs.update(listings.chunks(listings.category_listing(slug), ids))
        self.outputs['groups'] = listings.encode(listings.groups(summary, self.categories))
        parts, newest = sitemap.parts(summary, self.categories)
        self.outputs.update(parts)
        self.info['sitemap'] = newest

    def _search_base(self, entries):
        artifacts, info = searching.base(entries)
        self.outputs.update(artifacts)
        self.info['search'] = info
        self.search_rebuilt = True
        self.report.search = 'base rebuilt'

    def _search_delta(self, current, hidden, vocabulary):
        """The delta again, with every entry changed since the base (read with
        the changed ones); past the limit, a compaction follows this build.
        A base of an older format (or none) is built anew here."""
        if not searching.current_format(self.info.get('search')):
            self._search_base(self.repository.all_by_status('publish', content=True))
            return
        self.outputs['search:delta'] = searching.delta(
            [current[i] for i in hidden if i in current], hidden, self.info['search'],
            searching.vocabulary(vocabulary))
        self.report.search = 'delta of %d' % len(hidden)
        self.report.compact = len(hidden) > searching.DELTA_LIMIT

    def _publish(self):
        """Write what changed; publish a manifest naming all of it.

        Every artifact but the search base is computed again by each build;
        one it did not compute is gone (a listing chunk past the end, a
        category's listing when the category emptied).
        """
        names = {}
        if not self.search_rebuilt:
            names = {name: value for name, value in self.manifest.artifacts.items()
                     if name.startswith('search:') and name not in self.outputs}
        fresh = {}
        for name, data in self.outputs.items():
            digest = _digest(data)
            old = self.manifest.artifacts.get(name)
            if old is not None and len(old) > 2 and old[2] == digest:
                names[name] = old
            else:
                fresh[name] = data
        build = self.artifacts.new_build() if fresh else 0
        written = self.artifacts.write(fresh, build) if fresh else {}
        for name, (version, parts) in written.items():
            names[name] = (version, parts, _digest(fresh[name]))
        if names == self.manifest.artifacts and self.info == self.manifest.info:
            return True                  # nothing changed: no new manifest
        if self.artifacts.publish(self.manifest, names, self.info) is None:
            self.artifacts.delete([(n, v, p) for n, (v, p) in written.items()])
            return False
        self.report.written = sorted(fresh)
        return True

    # -- what entries' pages show ---------------------------------------------------------

    def _store_on_entries(self, ids, summary, state, current):
        """Store related questions and category names on the entries whose
        pages changed; an entry read for this build is written only if they
        differ."""
        rows = summary.by_id()
        updates = []
        for entry_id in ids:
            row = rows.get(entry_id)
            if row is None:
                continue
            links = tuple(RelatedLink(rows[o].slug, rows[o].title)
                          for o, _ in state.lists.get(entry_id, ()) if o in rows)
            names = name_categories(row.categories, self.categories)
            entry = current.get(entry_id)
            if entry is not None and (entry.related, entry.category_names) == (links, names):
                continue
            updates.append((entry_id, links, names))
        if updates:
            with ThreadPoolExecutor(WRITERS) as pool:
                done = list(pool.map(lambda u: self.repository.set_derived(*u), updates))
            self.report.entries_updated = sum(done)
