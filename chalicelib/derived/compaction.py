"""A new search base, built after an edit's own build, not within it.

The search index is a base and a delta of the entries changed since
(``searching``).  Once the delta passes ``searching.DELTA_LIMIT`` entries, the
base is built again from every published entry: the one step whose cost
grows with the site (minutes at 20,000 entries: ``bench/RESULTS.md``).  The edit
that crosses the limit does not wait for it: its build publishes a larger
delta as usual, then the same handler compacts.

Compaction reads every published entry, builds and writes the base once,
then publishes it beside the manifest current *at that moment*, with a
fresh delta of the entries whose version differs from what the base was
built from: edits published meanwhile stay in the index.  If another build
publishes first, only that small delta is redone.
"""
from .. import store
from . import searching
from .summary import Summary

ATTEMPTS = 5


def compact(repository, artifacts, report):
    """Build the search base anew and publish it (see the module's doc)."""
    entries = repository.all_by_status('publish', content=True)
    built = {e.id: e.version for e in entries}
    base, info = searching.base(entries)
    base.pop('search:delta')
    vocabulary = searching.vocabulary(base['search:vocab'])
    number = artifacts.new_build()
    written = artifacts.write(base, number)
    for _ in range(ATTEMPTS):
        _, item = repository.catalog_head(consistent=True)
        manifest = store.manifest_from_item(item)
        now = {row.id: row.version for row in Summary.decode(
            artifacts.read(manifest, ['summary'])['summary']).rows}
        changed = {i for i in set(now) | set(built) if now.get(i) != built.get(i)}
        current = repository.get_many(changed) if changed else {}
        delta = {'search:delta': searching.delta(list(current.values()), changed, info,
                                                 vocabulary)}
        delta_written = artifacts.write(delta, artifacts.new_build())
        names = {n: v for n, v in manifest.artifacts.items() if not n.startswith('search:')}
        names.update((n, tuple(v)) for n, v in written.items())
        names.update((n, tuple(v)) for n, v in delta_written.items())
        if artifacts.publish(manifest, names, dict(manifest.info, search=info)) is not None:
            report.search = 'base compacted, delta of %d' % len(changed)
            return True
        artifacts.delete([(n,) + tuple(v) for n, v in delta_written.items()])
    artifacts.delete([(n,) + tuple(v) for n, v in written.items()])
    report.search = 'compaction gave way to %d other builds' % ATTEMPTS
    return False
