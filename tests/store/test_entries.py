"""The DynamoDB repository, against DynamoDB Local."""
import pytest

from chalicelib import store
from tests.helpers import make_entry


def test_create_then_read_by_slug_and_by_id(repo):
    entry = make_entry(7, categories=('cma-exam',))
    repo.create(entry)
    assert repo.get_by_id(7) == entry
    assert repo.get_by_slug('question-7') == entry
    assert repo.get_by_id(8) is None
    assert repo.get_by_slug('question-8') is None


def test_listing_is_newest_first_and_paginated(repo):
    for n in range(1, 8):
        repo.create(make_entry(n))
    repo.create(make_entry(50, status='draft'))
    first, more = repo.list_by_status('publish', 0, 3)
    assert [e.id for e in first] == [7, 6, 5] and more
    second, more = repo.list_by_status('publish', 3, 3)
    assert [e.id for e in second] == [4, 3, 2] and more
    last, more = repo.list_by_status('publish', 6, 3)
    assert [e.id for e in last] == [1] and not more
    drafts, _ = repo.list_by_status('draft', 0, 10)
    assert [e.id for e in drafts] == [50]


def test_slug_uniqueness_is_enforced_by_the_conditional_write(repo):
    repo.create(make_entry(1, slug='taken'))
    with pytest.raises(store.SlugTaken):
        repo.create(make_entry(2, slug='taken'))
    assert repo.get_by_id(2) is None          # the transaction wrote nothing
    assert repo.get_by_slug('taken').id == 1


def test_an_id_cannot_be_created_twice(repo):
    repo.create(make_entry(1))
    with pytest.raises(store.DuplicateId):
        repo.create(make_entry(1, slug='another-slug'))
    assert repo.get_by_slug('another-slug') is None


def test_replace_refuses_a_stale_version(repo):
    entry = repo.create(make_entry(3))
    newer = entry.with_changes(title='Edited', version=2)
    repo.replace(newer, expected_version=1)
    with pytest.raises(store.VersionConflict) as caught:
        repo.replace(entry.with_changes(title='Lost?', version=2), expected_version=1)
    assert caught.value.current.title == 'Edited'
    assert repo.get_by_id(3).title == 'Edited'


def test_create_table_is_idempotent(dynamodb_client, repo):
    assert store.create_table(dynamodb_client, repo.table_name) is False
