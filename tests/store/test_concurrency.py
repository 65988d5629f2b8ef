"""Many editors saving the same entry at once, against DynamoDB Local."""
import threading
from concurrent.futures import ThreadPoolExecutor

from chalicelib.admin import editing
from chalicelib.store import VersionConflict

THREADS = 8
ROUNDS = 6


def test_exactly_one_write_wins_per_version_and_none_is_lost(repo):
    entry = editing.create(repo, {'title': 'Contended', 'content': '<p>start</p>'}, 'setup')
    accepted = []
    for round_number in range(ROUNDS):
        base = repo.get_by_id(entry.id).version
        barrier = threading.Barrier(THREADS)

        def attempt(worker, base=base, round_number=round_number, barrier=barrier):
            text = '<p>round %d by worker %d</p>' % (round_number, worker)
            barrier.wait()
            try:
                saved = editing.update(repo, entry.id, {'content': text}, base,
                                       'worker-%d' % worker, partial=True)
            except VersionConflict as conflict:
                return ('conflict', conflict.current.version if conflict.current else None)
            return ('saved', saved.version, text)

        with ThreadPoolExecutor(THREADS) as pool:
            outcomes = list(pool.map(attempt, range(THREADS)))
        wins = [o for o in outcomes if o[0] == 'saved']
        assert len(wins) == 1, outcomes
        assert wins[0][1] == base + 1
        assert all(o[1] == base + 1 for o in outcomes if o[0] == 'conflict'), outcomes
        accepted.append(wins[0][2])

    final = repo.get_by_id(entry.id)
    assert final.version == 1 + ROUNDS == 1 + len(accepted)     # create + one per round
    assert final.content == accepted[-1]
    kept = {r.entry.version: r.entry.content for r in repo.list_revisions(entry.id)}
    assert sorted(kept) == list(range(1, ROUNDS + 1))
    # every accepted write is still there: in a revision or as the current text
    history = [kept[v] for v in range(2, ROUNDS + 1)] + [final.content]
    assert history == accepted
    audit = [r for r in repo.audit_log() if r.entry_id == entry.id]
    assert sorted(r.version for r in audit) == list(range(1, ROUNDS + 2))
