"""The builder, fed by the table's stream: what it stores after each kind of change.

Every test writes through the store (as the admin and the importer do),
drains the real DynamoDB Local stream into the app's ``content_changed``
handler, and reads what the builder stored.
"""
import pytest

from chalicelib import derived, search, store
from chalicelib.admin import categories as category_editing, editing
from chalicelib.derived import builder, listings, related, searching
from chalicelib.models import build_category
from tests.helpers import import_seed, make_entry


def listing(repo, name='all'):
    snapshot = derived.View().snapshot()
    return [entry_id for entry_id, _ in snapshot.listing(name, 0, 10_000)]


def manifest():
    return store.get_artifacts().manifest()


def test_a_table_never_built_is_built_whole_from_the_first_change(repo, stream):
    for n in range(1, 4):
        repo.create(make_entry(n))
    assert manifest().version == 0
    stream.drain()
    built = manifest()
    assert built.version == 1
    assert {'summary', 'related', 'groups', 'list:all:0', 'sitemap:0', 'search:keys',
            'search:delta'} <= set(built.artifacts)
    assert listing(repo) == [3, 2, 1] and built.info['counts'] == {'all': 3}


def test_building_everything_again_rewrites_nothing_unchanged(repo, stream):
    for n in range(1, 6):
        repo.create(make_entry(n, title='Exam question %d' % n))
    stream.drain()
    assert repo.get_by_id(1).related                # stored by the first build
    again = builder.rebuild()
    assert again.full and again.written == [] and again.entries_updated == 0


def test_a_base_of_an_older_format_is_built_again_at_the_next_change(repo, stream):
    for n in range(1, 4):
        repo.create(make_entry(n, content='<p>Late fee %d.</p>' % n))
    stream.drain()
    artifacts = store.get_artifacts()
    old = manifest()
    info = dict(old.info, search=dict(old.info['search'], format=1))
    artifacts.publish(old, dict(old.artifacts), info)
    assert derived.View().snapshot().search_sources([('late', 'fee')]) == []
    editing.update(repo, 2, {'title': 'Changed'}, None, 't', partial=True)
    stream.drain()
    assert derived.View().snapshot().info['search']['format'] == searching.FORMAT
    sources = derived.View().snapshot().search_sources([('late', 'fee')])
    assert sorted(n for s in sources for n in search.phrase_places(s, ('late', 'fee'))) \
        == [0, 1, 2]


def test_listings_follow_publishing_unpublishing_and_categories(repo, stream):
    repo.put_category(build_category(id=1, slug='fees', name='Fees'))
    for n in range(1, 6):
        repo.create(make_entry(n, categories=('fees',) if n % 2 else ()))
    stream.drain()
    assert listing(repo) == [5, 4, 3, 2, 1]
    assert listing(repo, 'cat:fees') == [5, 3, 1]
    editing.set_status(repo, 3, 'unpublish', None, 'tester')
    editing.update(repo, 4, {'categories': ['fees']}, None, 'tester', partial=True)
    stream.drain()
    assert listing(repo) == [5, 4, 2, 1]
    assert listing(repo, 'cat:fees') == [5, 4, 1]
    assert manifest().info['counts'] == {'all': 4, 'cat:fees': 3}


def test_listings_are_stored_in_chunks_and_only_changed_chunks_are_written(
        repo, stream, monkeypatch):
    monkeypatch.setattr(listings, 'CHUNK', 3)
    for n in range(1, 9):
        repo.create(make_entry(n))
    stream.drain()
    first = manifest()
    assert [n for n in first.artifacts if n.startswith('list:all:')] == \
        ['list:all:0', 'list:all:1', 'list:all:2']
    assert derived.View().snapshot().listing('all', 2, 4) == [(6, 1), (5, 1), (4, 1), (3, 1)]
    # an edit that moves nothing rewrites only the chunk naming its new version
    editing.update(repo, 5, {'title': 'A new title?'}, None, 'tester', partial=True)
    stream.drain()
    second = manifest()
    changed = sorted(n for n in first.artifacts
                     if n.startswith('list:') and second.artifacts[n] != first.artifacts[n])
    assert changed == ['list:all:1']                     # 8 7 6 | 5 4 3 | 2 1
    assert derived.View().snapshot().listing('all', 3, 1) == [(5, 2)]
    assert second.artifacts['summary'] != first.artifacts['summary']


def test_related_questions_are_stored_and_follow_a_retitled_entry(repo, stream):
    repo.put_category(build_category(id=1, slug='fees', name='Fees'))
    repo.create(make_entry(1, title='Exam fee refund', categories=('fees',),
                           content='<p>Write to us.</p>'))
    repo.create(make_entry(2, title='Exam fee deadline', categories=('fees',),
                           content='<p>Pay by June.</p>'))
    repo.create(make_entry(3, title='Parking downtown', content='<p>Lots nearby.</p>'))
    stream.drain()
    assert [r.slug for r in repo.get_by_id(1).related] == ['question-2']
    assert repo.get_by_id(3).related == ()
    editing.update(repo, 2, {'title': 'Exam fee late deadline', 'slug': 'late-deadline'},
                   None, 'tester', partial=True)
    stream.drain()
    assert [(r.slug, r.title) for r in repo.get_by_id(1).related] == \
        [('late-deadline', 'Exam fee late deadline')]
    editing.set_status(repo, 2, 'trash', None, 'tester')
    stream.drain()
    assert repo.get_by_id(1).related == ()


def test_a_renamed_category_is_renamed_on_its_entries_pages(repo, stream):
    repo.put_category(build_category(id=1, slug='fees', name='Fees'))
    repo.create(make_entry(1, categories=('fees',)))
    stream.drain()
    assert [c.name for c in repo.get_by_id(1).category_names] == ['Fees']
    category_editing.update_category(repo, 'fees', {'name': 'Exam fees'})
    stream.drain()
    assert [c.name for c in repo.get_by_id(1).category_names] == ['Exam fees']
    assert manifest().info['categories'] == {'fees': 'Exam fees'}


def test_the_builders_own_writes_start_no_build(repo, stream):
    import_seed(repo)
    stream.drain()
    version = manifest().version
    assert repo.get_by_id(549).related
    repo.set_derived(549, (), ())                     # what only the builder writes
    assert stream.drain() == 1                        # reaches the stream...
    assert manifest().version == version              # ...where the handler lets it be
    assert repo.get_by_id(549).related == ()


def test_a_draft_saved_again_changes_no_derived_data(repo, stream):
    repo.create(make_entry(1))
    repo.create(make_entry(2, status='draft'))
    stream.drain()
    version = manifest().version
    editing.update(repo, 2, {'title': 'Still a draft'}, None, 'tester', partial=True)
    stream.drain()
    assert manifest().version == version


def test_search_changes_go_to_the_delta_until_it_is_full(repo, stream, monkeypatch):
    monkeypatch.setattr(searching, 'DELTA_LIMIT', 2)
    for n in range(1, 5):
        repo.create(make_entry(n, content='<p>Plain answer %d.</p>' % n))
    stream.drain()
    base = {n: v for n, v in manifest().artifacts.items() if n.startswith('search:post')}
    editing.update(repo, 1, {'content': '<p>Now about zebras.</p>'}, None, 't', partial=True)
    report = builder.rebuild(changed={1})
    assert report.search == 'delta of 1'
    after = manifest()
    assert {n: v for n, v in after.artifacts.items() if n.startswith('search:post')} == base
    editing.update(repo, 2, {'content': '<p>Zebras too.</p>'}, None, 't', partial=True)
    editing.update(repo, 3, {'content': '<p>And zebras.</p>'}, None, 't', partial=True)
    report = builder.rebuild(changed={2, 3})     # three changed: past the limit of two
    assert report.search == 'base compacted, delta of 0'
    snapshot = derived.View().snapshot()
    assert snapshot.info['search']['docs'] == 4
    assert {n: v for n, v in manifest().artifacts.items() if n.startswith('search:post')} \
        != base
    assert search_ids(snapshot, 'zebras') == [3, 2, 1]


def search_ids(snapshot, query):
    parts = search.parse_query(query)
    return [hit.id for hit in search.search(
        snapshot.search_sources(parts), query, 10, 0,
        lambda ids: {i: search.Doc(e) for i, e in store.get_repository().get_many(ids).items()},
        parts).hits]


def test_an_edit_published_while_compacting_stays_in_the_index(repo, stream, monkeypatch):
    from chalicelib.derived import compaction
    monkeypatch.setattr(searching, 'DELTA_LIMIT', 1)
    for n in range(1, 4):
        repo.create(make_entry(n, content='<p>Plain answer %d.</p>' % n))
    stream.drain()
    real_base = compaction.searching.base

    def base_then_an_edit(entries):
        built = real_base(entries)
        editing.update(repo, 3, {'content': '<p>Giraffes now.</p>'}, None, 't', partial=True)
        with monkeypatch.context() as inner:
            inner.setattr(searching, 'DELTA_LIMIT', 100)
            assert builder.rebuild(changed={3}).search == 'delta of 3'
        return built
    monkeypatch.setattr(compaction.searching, 'base', base_then_an_edit)
    for n in (1, 2):
        editing.update(repo, n, {'content': '<p>Zebras %d.</p>' % n}, None, 't', partial=True)
    report = builder.rebuild(changed={1, 2})
    assert report.search == 'base compacted, delta of 1'     # entry 3, edited meanwhile
    snapshot = derived.View().snapshot()
    assert search_ids(snapshot, 'zebras') == [2, 1]
    assert search_ids(snapshot, 'giraffes') == [3]
    assert search_ids(snapshot, 'plain') == []


def test_two_builders_racing_both_land(repo, monkeypatch):
    for n in range(1, 4):
        repo.create(make_entry(n))
    builder.rebuild()
    real_publish = store.ArtifactStore.publish
    raced = []

    def publish_after_a_rival(self, previous, artifacts, info):
        if not raced:
            raced.append(True)           # a rival publishes first
            repo.create(make_entry(9))
            builder.rebuild(changed={9})
        return real_publish(self, previous, artifacts, info)
    monkeypatch.setattr(store.ArtifactStore, 'publish', publish_after_a_rival)
    editing.update(repo, 2, {'title': 'Changed here'}, None, 't', partial=True)
    report = builder.rebuild(changed={2})
    assert report.attempts == 2
    summary = derived.View().snapshot().summary()
    assert [r.id for r in summary.rows] == [9, 3, 2, 1]
    assert summary.by_id()[2].title == 'Changed here'


def test_a_bulk_import_holds_the_handler_off_then_builds_once(repo, stream, capsys):
    import time

    from chalicelib import cli
    from tests.conftest import SAMPLE
    store.get_artifacts().hold_builds(time.time() + 60)
    repo.create(make_entry(1))
    stream.drain()
    assert manifest().version == 0                    # acknowledged, not built
    store.get_artifacts().hold_builds(0)
    assert cli.main(['import-wordpress', SAMPLE]) == 0
    assert 'derived data: Report(full=True' in capsys.readouterr().out
    assert store.get_artifacts().bulk_until() == 0
    built = manifest().version
    stream.drain()                                   # the import's records: nothing new
    assert manifest().version == built
    assert set(listing(repo)) == {1, 549}


@pytest.mark.parametrize('limit', [0, 1, 5])
def test_related_candidates_never_include_the_entry_itself(limit, monkeypatch):
    monkeypatch.setattr(related, 'LIMIT', limit)
    state = related.Related()
    for n in range(1, 6):
        state.put(n, ['exam', 'fee'], ('fees',), n)
    state.compute_all()
    assert all(n not in dict(state.lists[n]) for n in state.lists)
    assert all(len(state.lists[n]) == min(limit, 4) for n in state.lists)
