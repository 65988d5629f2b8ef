"""What one Lambda instance knows of the derived data, and how it stays current.

An instance reads the manifest with the categories (one Query) and trusts
it for :data:`MAX_AGE` seconds, or until it makes a change itself; then it
reads it again.  Artifacts are read when a page first needs them, all of a
page's in one ``BatchGetItem``, and kept by name and version (up to
:data:`CACHE_BYTES`): an artifact the builder did not change is never read
twice.  So an edit shows on every instance within ``MAX_AGE`` seconds of
the builder publishing it, a few seconds after the edit, and at once on the
instance that made it.  Entries are kept too: by ``(id, version)`` for
listings, and, for search hits (which the index names by id alone), for as
long as the manifest and this instance's own writes stay the same, as are
the rankings of the latest searches.
"""
import threading
import time
from collections import OrderedDict

from .. import store
from ..search import ShardedSegment, Source, pair_name, shard_of
from . import listings, searching, sitemap
from .searching import DECODERS, shard_terms
from .summary import Summary

MAX_AGE = 30.0
CACHE_BYTES = 48 * 1024 * 1024
ENTRIES_KEPT = 1000          # entries by (id, version): a few MB
MEMOS_KEPT = 32              # search rankings: at most ~1 MB each, at 20,000 entries


def _decoder(name):
    if name.startswith('search:'):
        return DECODERS[name.rsplit(':', 1)[0] if name.count(':') == 2 else name]
    if name == 'summary':
        return Summary.decode
    if name.startswith(('list:', 'groups')):
        return listings.decode
    return bytes             # sitemap parts: served as stored


class Snapshot:
    """The derived data one request sees: a manifest, its categories, and the
    artifacts it names, read on demand."""

    def __init__(self, view, categories, manifest, writes=None):
        self.view = view
        self.categories = {c.slug: c for c in categories}
        self.manifest = manifest
        self.stamp = (manifest.version, writes)     # what hits() are current as of

    @property
    def info(self):
        return self.manifest.info

    def count(self, listing='all'):
        return self.info.get('counts', {}).get(listing, 0)

    def load(self, names):
        """``{name: decoded artifact}`` for those of ``names`` the manifest has."""
        return self.view.load(self, names)

    def listing(self, listing, start, count, also=()):
        """``(id, version)`` of the entries at positions ``start`` to ``start +
        count - 1`` of a listing (and the ``also`` artifacts loaded in the same
        read)."""
        numbers = listings.chunks_for(start, count, self.count(listing))
        loaded = self.load([listings.chunk_name(listing, n) for n in numbers] + list(also))
        keys = []
        for number in numbers:
            keys += loaded.get(listings.chunk_name(listing, number), [])
        first = numbers[0] * listings.CHUNK if numbers else 0
        return [tuple(key) for key in keys[start - first:start - first + count]]

    def entries(self, keys):
        """The published entries named by ``(id, version)``, in that order."""
        return self.view.entries(keys)

    def hits(self, ids, make):
        """``{id: make(entry)}`` for the published entries of ``ids``: what
        search hits show, the index naming entries by id alone."""
        return self.view.hits(self.stamp, ids, make)

    def memo(self, key, compute):
        """``compute()``, kept by ``key`` while this snapshot's data stays the
        same: a search's ranking, asked again on a warm instance."""
        return self.view.memo(self.stamp, key, compute)

    def groups(self):
        return self.load(['groups']).get('groups', [])

    def summary(self):
        return self.load(['summary']).get('summary') or Summary()

    def sitemap_part(self, number):
        data = self.load([sitemap.part_name(number)]).get(sitemap.part_name(number))
        return None if data is None else sitemap.served(data, self.view.site_url())

    def search_sources(self, parts, positions=None, also=()):
        """The base and delta of the search index, with the shards ``parts``
        need: their words', their pairs' for phrases, and positions for
        phrases of three words or more (or if ``positions`` says so); and the
        ``also`` artifacts, read in the same call."""
        info = self.info.get('search')
        if not searching.current_format(info):
            return []             # none yet, or of an older format: being rebuilt
        shards, pair_shards = info['shards'], info['pair_shards']
        if positions is None:
            positions = any(len(part) > 2 for part in parts)
        numbers = sorted({shard_of(w, shards) for part in parts for w in part})
        pairs = sorted({shard_of(pair_name(a, b), pair_shards)
                        for part in parts for a, b in zip(part, part[1:])})
        names = ['search:keys', 'search:delta'] + ['search:post:%d' % n for n in numbers]
        names += ['search:pair:%d' % n for n in pairs]
        if positions:
            names += ['search:pos:%d' % n for n in numbers]
        loaded = self.load(names + list(also))
        if 'search:keys' not in loaded:
            return []
        terms = {number: self.view.terms(self.manifest, number, loaded, positions)
                 for number in numbers}
        base = ShardedSegment(loaded['search:keys'], terms, shards, info,
                              {n: loaded.get('search:pair:%d' % n, {}) for n in pairs},
                              pair_shards)
        delta, hidden = loaded['search:delta']
        return [Source(base, hidden), Source(delta)]


class View:
    """One instance's cache of the manifest and of artifacts."""

    def __init__(self, max_age=MAX_AGE, cache_bytes=CACHE_BYTES):
        self.max_age, self.cache_bytes = max_age, cache_bytes
        self._snapshot, self._checked, self._writes = None, 0.0, None
        self._cache, self._size = OrderedDict(), 0
        self._entries = OrderedDict()
        self._hits, self._memos, self._stamp = OrderedDict(), OrderedDict(), None
        self._lock = threading.Lock()

    @staticmethod
    def site_url():
        from ..settings import get_settings
        return get_settings().site_url

    def snapshot(self, now=None):
        """The current snapshot: the manifest read at most ``max_age`` ago,
        and again at once after a change made by this instance."""
        now = time.monotonic() if now is None else now
        with self._lock:
            writes = store.local_writes()
            if self._snapshot is None or writes != self._writes or \
                    now - self._checked >= self.max_age:
                categories, item = store.get_repository().catalog_head()
                self._snapshot = Snapshot(self, categories, store.manifest_from_item(item),
                                          writes)
                self._checked, self._writes = now, writes
            return self._snapshot

    def forget(self):
        with self._lock:
            self._snapshot = None
            self._cache.clear()
            self._entries.clear()
            self._hits.clear()
            self._memos.clear()
            self._size = 0

    def entries(self, keys):
        """The published entries named by ``(id, version)`` pairs, in order.

        An entry of that version read before is taken from memory (a
        version names its content: an edit makes a new one); the others are
        read in one ``BatchGetItem``.  What an entry's page shows of other
        entries is not kept current here: listings do not show it.
        """
        with self._lock:
            found = {key: self._entries[key] for key in keys if key in self._entries}
            for key in found:
                self._entries.move_to_end(key)
        missing = [entry_id for entry_id, version in keys if (entry_id, version) not in found]
        if missing:
            read = store.get_repository().get_many(missing)
            read_keys = {(entry.id, entry.version): entry for entry in read.values()}
            found.update(read_keys)
            with self._lock:
                _keep(self._entries, read_keys, ENTRIES_KEPT)
            by_id = {entry_id: read[entry_id] for entry_id in missing if entry_id in read}
        else:
            by_id = {}
        result = []
        for entry_id, version in keys:
            entry = found.get((entry_id, version)) or by_id.get(entry_id)
            if entry is not None and entry.is_published:
                result.append(entry)
        return result

    def _as_of(self, stamp):
        """Forget hits and memos made before ``stamp`` (under the lock)."""
        if stamp != self._stamp:
            self._hits.clear()
            self._memos.clear()
            self._stamp = stamp

    def hits(self, stamp, ids, make):
        """Search hits, ``make(entry)`` by ``(make, id)``, kept while the
        manifest and this instance's writes stay as they were (``stamp``):
        the index names entries by id, not version, so a hit read before is
        current as long as the index is.  A new manifest, or an edit made
        here, and they are read again."""
        with self._lock:
            self._as_of(stamp)
            found = {i: self._hits[make, i] for i in ids if (make, i) in self._hits}
        missing = [i for i in ids if i not in found]
        if missing:
            read = store.get_repository().get_many(missing)
            made = {i: make(e) for i, e in read.items() if e.is_published}
            with self._lock:
                if stamp == self._stamp:
                    _keep(self._hits, {(make, i): hit for i, hit in made.items()},
                          ENTRIES_KEPT)
            found.update(made)
        return found

    def memo(self, stamp, key, compute):
        """``compute()`` by ``key``, the :data:`MEMOS_KEPT` latest, as of ``stamp``."""
        with self._lock:
            self._as_of(stamp)
            if key in self._memos:
                self._memos.move_to_end(key)
                return self._memos[key]
        value = compute()
        with self._lock:
            if stamp == self._stamp:
                _keep(self._memos, {key: value}, MEMOS_KEPT)
        return value

    def load(self, snapshot, names, retry=True):
        manifest = snapshot.manifest
        result, missing = {}, []
        with self._lock:
            for name in dict.fromkeys(names):
                if name not in manifest.artifacts:
                    continue
                key = (name,) + tuple(manifest.artifacts[name][:1])
                if key in self._cache:
                    self._cache.move_to_end(key)
                    result[name] = self._cache[key][0]
                else:
                    missing.append(name)
        if not missing:
            return result
        try:
            fetched = store.get_artifacts().read(manifest, missing)
        except store.ArtifactMissing:
            if not retry:
                raise
            with self._lock:            # the manifest is old: read it again
                self._snapshot = None
            fresh = self.snapshot()
            snapshot.manifest, snapshot.categories = fresh.manifest, fresh.categories
            return self.load(snapshot, names, retry=False)
        with self._lock:
            for name, data in fetched.items():
                value = _decoder(name)(data)
                result[name] = value
                self._keep((name, manifest.artifacts[name][0]), value,
                           len(data) * (10 if name == 'summary' else 3))
        return result

    def terms(self, manifest, number, loaded, positions):
        """A shard's ``{term: Postings}``, with positions if asked, decoded once
        per version of its artifacts."""
        post, pos = 'search:post:%d' % number, 'search:pos:%d' % number
        key = ('terms', number, manifest.artifacts.get(post, (0,))[0],
               manifest.artifacts.get(pos, (0,))[0] if positions else 0)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                return found[0]
        value = shard_terms(loaded.get(post, b''), loaded.get(pos) if positions else None) \
            if post in loaded else {}
        with self._lock:
            self._keep(key, value, 64 * len(value))
        return value

    def _keep(self, key, value, size):
        self._cache[key] = (value, size)
        self._size += size
        while self._size > self.cache_bytes and len(self._cache) > 1:
            _, (_, dropped) = self._cache.popitem(last=False)
            self._size -= dropped


_view = View()


def current(now=None):
    """This instance's snapshot of the derived data."""
    return _view.snapshot(now)


def forget():
    """Drop what this instance knows (tests; each test's table starts anew)."""
    _view.forget()


def _keep(cache, items, limit):
    """Add ``items`` to an ordered ``cache``, dropping its oldest past ``limit``."""
    cache.update(items)
    while len(cache) > limit:
        cache.popitem(last=False)
