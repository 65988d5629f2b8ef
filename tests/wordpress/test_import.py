"""Importing WordPress REST JSON: idempotent, in place, bad records skipped."""
import copy
import json

from chalicelib import cli
from chalicelib.wordpress import importer
from tests.helpers import SAMPLE, import_seed, load_json

OLD = 'https://certilyst.com/resources/faq/'


def test_the_sample_imports_with_its_id_dates_and_clean_content(repo):
    report = importer.import_records(repo, [load_json(SAMPLE)], OLD)
    assert report.created == [549] and not report.failed
    entry = repo.get_by_id(549)
    assert entry.slug == 'what-happens-if-you-fail-the-cma-exam-2'
    assert entry.title == 'What Happens If You Fail the CMA Exam?'
    assert entry.created.isoformat() == '2025-12-17T09:02:33+00:00'
    assert entry.modified.isoformat() == '2025-12-18T09:36:06+00:00'
    assert entry.status == 'publish' and entry.reading_minutes == 2
    assert entry.description == load_json(SAMPLE)['yoast_head_json']['description']
    assert '\n\n\n' not in entry.content
    assert 'href="/faq/which-countries-accept-cma-certilyst/"' in entry.content
    assert 'certilyst.com/resources/faq' not in entry.content
    assert 'href="https://cmaexamacademy.com/"' in entry.content


def test_importing_twice_changes_nothing(repo):
    first = import_seed(repo)
    assert len(first.created) == 9 and not first.failed
    before = {e: repo.get_by_id(e) for e in first.created}
    second = import_seed(repo)
    assert sorted(second.unchanged) == sorted(first.created)
    assert not second.created and not second.updated
    assert {e: repo.get_by_id(e) for e in first.created} == before


def test_an_edited_export_updates_in_place_keeping_id_slug_and_dates(repo):
    record = load_json(SAMPLE)
    importer.import_records(repo, [record], OLD)
    edited = copy.deepcopy(record)
    edited['title']['rendered'] = 'What If You Fail the CMA Exam?'
    edited['slug'] = 'renamed-in-wordpress'
    edited['modified_gmt'] = '2026-01-02T10:00:00'
    report = importer.import_records(repo, [edited], OLD)
    assert report.updated == [549]
    entry = repo.get_by_id(549)
    assert entry.title == 'What If You Fail the CMA Exam?'
    assert entry.slug == 'what-happens-if-you-fail-the-cma-exam-2'
    assert entry.created.isoformat() == '2025-12-17T09:02:33+00:00'
    assert entry.modified.isoformat() == '2026-01-02T10:00:00+00:00'
    assert entry.version == 2


def test_bad_records_are_reported_by_id_and_skipped(repo):
    good = load_json(SAMPLE)
    no_slug = dict(copy.deepcopy(good), id=9001, slug='Not A Slug!')
    bad_date = dict(copy.deepcopy(good), id=9002, slug='fine-slug', date_gmt='yesterday')
    bad_title = dict(copy.deepcopy(good), id=9003, slug='other-slug', title={'rendered': ''})
    report = importer.import_records(
        repo, [no_slug, 'not an object', good, bad_date, bad_title, {'id': 'x'}], OLD)
    assert report.created == [549]
    failed = dict(report.failed)
    assert set(failed) == {9001, '#1', 9002, 9003, 'x'}
    assert 'slug' in failed[9001].lower()
    assert 'date' in failed[9002]
    assert 'title' in failed[9003].lower()
    assert repo.get_by_id(9001) is None and repo.get_by_id(9002) is None


def test_a_slug_clash_is_reported_not_raised(repo):
    record = load_json(SAMPLE)
    importer.import_records(repo, [record], OLD)
    clash = dict(copy.deepcopy(record), id=777)
    report = importer.import_records(repo, [clash], OLD)
    assert report.failed and report.failed[0][0] == 777
    assert 'slug' in report.failed[0][1]


def test_cli_imports_an_object_file_and_an_array_file(repo, tmp_path, capsys):
    array = tmp_path / 'many.json'
    records = load_json('seed/sample-faqs.json')
    array.write_text(json.dumps(records[:3]))
    status = cli.main(['import-wordpress', SAMPLE, str(array),
                       '--categories', 'seed/faq-categories.json'])
    assert status == 0
    printed = capsys.readouterr().out.splitlines()
    assert '4 created, 0 updated, 0 unchanged, 0 failed' in printed
    assert printed[-1] == 'failures: none'
    assert repo.get_by_id(records[0]['id']).categories == ('cma-exam',)


def test_cli_fails_when_any_record_failed_unless_partial_imports_are_allowed(
        repo, tmp_path, capsys):
    broken = tmp_path / 'broken.json'
    broken.write_text(json.dumps([{'id': 1, 'slug': 'UPPER'}, 'not a record']))
    assert cli.main(['import-wordpress', SAMPLE, str(broken)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert 'skipped 1: slug: Slug must be lowercase letters' in printed[0]
    assert '1 created, 0 updated, 0 unchanged, 2 failed' in printed
    assert printed[-1].startswith('failures: 2: 1 (slug: Slug must be ')
    assert printed[-1].endswith('; #1 (record is not a JSON object)')
    assert repo.get_by_id(549) is not None                  # the good one is in
    assert cli.main(['import-wordpress', SAMPLE, str(broken), '--allow-partial']) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith('failures: 2: ')


def test_cli_names_an_unreadable_file(repo, tmp_path):
    bad = tmp_path / 'bad.json'
    bad.write_text('{not json')
    try:
        cli.main(['import-wordpress', str(bad)])
    except SystemExit as exit:
        assert 'bad.json' in str(exit.code) and 'cannot read' in str(exit.code)
    else:
        raise AssertionError('expected a clear exit')
