"""WordPress in and out: import from a live site's REST API, export, round trip.

The "live site" is a ThreadingHTTPServer on 127.0.0.1 (port 0, in a thread)
serving WordPress-shaped pages: ``/wp-json/wp/v2/faq?per_page=10&page=N``
with ``X-WP-Total``/``X-WP-TotalPages``, ``/wp-json/wp/v2/faq-categories``,
one broken record, and a 503 on the first request of page 2.  The importer
asks for 100 a page; here, for 10 (``PAGE``), so that three pages take 23
records, not 230 (each costs a DynamoDB Local transaction).
"""
import copy
import json
import math
import os
import socket
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from chalicelib import cli, models, store
from chalicelib.wordpress import fetch as wp_fetch, importer
from tests.conftest import ROOT
from tests.helpers import SAMPLE, SEED, load_json

OLD = 'https://certilyst.com/resources/faq/'
TERMS = load_json(os.path.join(SEED, 'faq-categories.json'))
BROKEN_ID = 1005
PAGE = 10


def make_records(count=2 * PAGE + 2):
    """The sample, ``count`` variations of it and one broken record, by id."""
    sample = load_json(SAMPLE)
    records = [sample]
    for n in range(count):
        record = copy.deepcopy(sample)
        record.update(id=1000 + n, slug='live-question-%d' % n,
                      date_gmt='2024-01-01T00:%02d:%02d' % (n // 60, n % 60),
                      modified_gmt='2024-02-01T00:00:00')
        record['date'], record['modified'] = record['date_gmt'], record['modified_gmt']
        record['title'] = {'rendered': 'Live question %d &#038; answer?' % n}
        record['content'] = {'rendered': (
            '\n<!-- wp:paragraph -->\n<p>Answer %d, see <a href="%swhat-happens-if-you-'
            'fail-the-cma-exam-2/">failing</a>.</p>\n<!-- /wp:paragraph -->\n\n'
            '<!-- wp:paragraph -->\n<p>More<script>alert(1)</script> text.</p>\n'
            '<!-- /wp:paragraph -->\n' % (n, OLD)), 'protected': False}
        record['faq-categories'] = [[11], [11, 13], [12], []][n % 4]
        record['yoast_head_json'] = dict(record['yoast_head_json'],
                                         description='Live answer %d.' % n)
        records.append(record)
    for broken in (r for r in records if r['id'] == BROKEN_ID):
        broken['slug'] = 'Not A Slug!'
    return sorted(records, key=lambda r: r['id'])


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(wp_fetch, 'PER_PAGE', PAGE)


class WordPressStub:
    """Serves records and terms as WordPress's REST API pages them."""

    def __init__(self, records, terms):
        self.records, self.terms = records, terms
        self.hits = Counter()
        self.flaky_pages = {2}        # 503 on the first request of these pages
        self.dead_pages = set()       # 503 on every request
        self.server = ThreadingHTTPServer(('127.0.0.1', 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return 'http://127.0.0.1:%d/wp-json/wp/v2/faq' % self.server.server_address[1]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                if parts.path == '/wp-json/wp/v2/faq':
                    items = sorted(stub.records, key=lambda r: r['id'],
                                   reverse=query.get('order') != 'asc')
                elif parts.path == '/wp-json/wp/v2/faq-categories':
                    items = stub.terms
                else:
                    return self.reply(404, {'code': 'rest_no_route', 'message': 'No route.',
                                            'data': {'status': 404}})
                page, per_page = int(query.get('page', 1)), int(query.get('per_page', 10))
                stub.hits[(parts.path, page)] += 1
                if parts.path.endswith('/faq') and (
                        page in stub.dead_pages or (page in stub.flaky_pages and
                                                    stub.hits[(parts.path, page)] == 1)):
                    return self.reply(503, {'code': 'busy', 'message': 'Try later.',
                                            'data': {'status': 503}}, {'Retry-After': '0'})
                pages = math.ceil(len(items) / per_page)
                if page > pages and items:
                    return self.reply(400, {'code': 'rest_post_invalid_page_number',
                                            'message': 'Too far.', 'data': {'status': 400}})
                chunk = items[(page - 1) * per_page:page * per_page]
                self.reply(200, chunk, {'X-WP-Total': str(len(items)),
                                        'X-WP-TotalPages': str(pages)})

            def reply(self, status, data, headers=None):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header('Content-Type', 'application/json; charset=UTF-8')
                self.send_header('Content-Length', str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
        return Handler


@pytest.fixture
def site():
    with WordPressStub(make_records(), TERMS) as stub:
        yield stub


@pytest.fixture
def run(capsys):
    """Run the CLI; return its exit status, standard output and standard error."""
    def run(argv):
        capsys.readouterr()
        status = cli.main(argv)
        captured = capsys.readouterr()
        return status, captured.out, captured.err
    return run


FAST = ['--retry-backoff', '0']


def test_live_import_walks_every_page_maps_terms_and_skips_the_broken_record(repo, site, run):
    status, out, err = run(['import-wordpress', '--from-url', site.url, '--allow-partial']
                           + FAST)
    assert status == 0, out
    assert '22 created, 0 updated, 0 unchanged, 1 failed' in out
    assert out.splitlines()[-1].startswith('failures: 1: %d (slug: ' % BROKEN_ID)
    assert 'categories: 3 created, 0 updated, 0 unchanged' in out
    skipped = [line for line in out.splitlines() if line.startswith('skipped')]
    assert len(skipped) == 1 and skipped[0].startswith('skipped %d: ' % BROKEN_ID)
    assert 'slug' in skipped[0].lower()

    # every page, PAGE a page, in id order; page 2's 503 was retried once
    faq = '/wp-json/wp/v2/faq'
    assert site.hits[(faq, 1)] == 1 and site.hits[(faq, 2)] == 2
    assert site.hits[(faq, 3)] == 1 and (faq, 4) not in site.hits
    assert 'HTTP 503 (busy: Try later.); retrying' in err and 'attempt 2 of 5' in err
    assert 'page 3/3, entries 23/23' in err                 # the progress bar

    # terms stored with their WordPress ids; record term ids mapped to them
    assert {(c.id, c.slug) for c in repo.list_categories()} == {
        (11, 'cma-exam'), (12, 'ptcb-exam'), (13, 'exam-prep')}
    assert repo.get_by_id(1001).categories == ('cma-exam', 'exam-prep')
    assert repo.get_by_id(1003).categories == ()

    # the file importer's rules: comments stripped, HTML sanitised, links rewritten
    entry = repo.get_by_id(1002)
    assert entry.title == 'Live question 2 & answer?'
    assert 'wp:paragraph' not in entry.content and '<script' not in entry.content
    assert 'href="/faq/what-happens-if-you-fail-the-cma-exam-2/"' in entry.content
    assert entry.description == 'Live answer 2.'
    assert repo.get_by_id(BROKEN_ID) is None
    assert repo.get_by_id(549).slug == 'what-happens-if-you-fail-the-cma-exam-2'


def test_a_failed_page_is_reported_and_a_rerun_resumes_without_duplicates(repo, site, run):
    site.dead_pages = {2}
    status, out, err = run(['import-wordpress', '--from-url', site.url,
                            '--retries', '2'] + FAST)
    assert status == 2
    assert 'skipped page 2: HTTP 503' in out and 'after 3 attempts' in out
    assert 'run the same command again to resume (or add --from-page 2)' in out
    assert site.hits[('/wp-json/wp/v2/faq', 2)] == 3
    first = set(r['id'] for r in site.records[:PAGE]) | set(
        r['id'] for r in site.records[2 * PAGE:])
    first.discard(BROKEN_ID)
    assert {e.id for e in repo.all_by_status('publish')} == first

    site.dead_pages = set()
    status, out, _ = run(['import-wordpress', '--from-url', site.url] + FAST)
    assert status == 1                      # the broken record, without --allow-partial
    assert '10 created, 0 updated, 12 unchanged, 1 failed' in out
    stored = repo.all_by_status('publish')
    assert len(stored) == len({e.id for e in stored}) == 22

    # resuming from a page reads only that page and the ones after it
    site.hits.clear()
    status, out, _ = run(['import-wordpress', '--from-url', site.url,
                          '--from-page', '3'] + FAST)
    assert status == 0 and '0 created, 0 updated, 3 unchanged, 0 failed' in out
    assert set(site.hits) == {('/wp-json/wp/v2/faq-categories', 1),
                              ('/wp-json/wp/v2/faq', 3)}


def test_dry_run_prints_what_would_change_and_writes_nothing(repo, run):
    with WordPressStub(make_records(5), TERMS) as small:     # one page is enough here
        status, out, _ = run(['import-wordpress', '--from-url', small.url,
                              '--dry-run'] + FAST)
        assert status == 0
        assert 'would create category 11 cma-exam' in out
        assert 'would create 549 what-happens-if-you-fail-the-cma-exam-2' in out
        assert 'dry run, nothing written: categories: 3 created' in out
        assert 'dry run, nothing written: 6 created, 0 updated, 0 unchanged, 0 failed' in out
        assert repo.all_by_status('publish') == [] and repo.list_categories() == []

        run(['import-wordpress', '--from-url', small.url] + FAST)
        edited = next(r for r in small.records if r['id'] == 1004)
        edited['title'] = {'rendered': 'A better title?'}
        edited['modified_gmt'] = '2024-03-01T00:00:00'
        small.records.append(dict(copy.deepcopy(edited), id=5000, slug='a-new-question'))
        small.terms = TERMS[:2] + [dict(TERMS[2], name='Exam Preparation')]
        status, out, _ = run(['import-wordpress', '--from-url', small.url,
                              '--dry-run'] + FAST)
    assert 'would update category 13 exam-prep' in out
    assert 'would update 1004 live-question-4: title, modified' in out
    assert 'would create 5000 a-new-question' in out
    assert 'dry run, nothing written: 1 created, 1 updated, 5 unchanged, 0 failed' in out
    assert repo.get_by_id(1004).title == 'Live question 4 & answer?'
    assert repo.get_by_id(5000) is None
    assert {c.name for c in repo.list_categories()} == {'CMA Exam', 'PTCB Exam', 'Exam Prep'}


def test_an_unreachable_site_is_retried_then_reported_without_a_traceback(repo, run):
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port = probe.getsockname()[1]
    url = 'http://127.0.0.1:%d/wp-json/wp/v2/faq' % port
    status, out, err = run(['import-wordpress', '--from-url', url, '--retries', '2'] + FAST)
    assert status == 2
    assert 'cannot read the categories at http://127.0.0.1:%d/wp-json/wp/v2/faq-categories' \
        % port in out
    assert 'after 3 attempts' in out and 'Traceback' not in out + err
    assert err.count('retrying in 0.0 s') == 2
    assert repo.list_categories() == []


def test_backoff_doubles_and_honours_retry_after_within_the_cap():
    fetcher = wp_fetch.Fetcher(backoff=0.5, max_backoff=3)
    assert [fetcher._wait(n) for n in range(4)] == [0.5, 1.0, 2.0, 3]
    assert fetcher._wait(0, '2') == 2.0 and fetcher._wait(0, '120') == 3
    assert fetcher._wait(1, 'soon') == 1.0


@pytest.mark.parametrize('url, expected', [
    ('https://old.example/wp-json/wp/v2/faq', 'https://old.example/wp-json/wp/v2/faq-categories'),
    ('https://old.example/wp-json/wp/v2/faq/?status=publish',
     'https://old.example/wp-json/wp/v2/faq-categories'),
    ('https://old.example/?rest_route=/wp/v2/faq',
     'https://old.example/?rest_route=%2Fwp%2Fv2%2Ffaq-categories'),
])
def test_the_terms_collection_is_found_beside_the_posts(url, expected):
    assert wp_fetch.terms_url(url) == expected


def test_page_urls_keep_the_callers_parameters_and_order_by_id():
    url = wp_fetch._stable_order('https://old.example/wp-json/wp/v2/faq?faq-categories=11')
    assert wp_fetch.with_query(url, per_page=100, page=3) == (
        'https://old.example/wp-json/wp/v2/faq?faq-categories=11&orderby=id&order=asc'
        '&per_page=100&page=3')


def test_the_lambda_code_path_never_imports_the_fetcher():
    import subprocess
    import sys
    code = ('import sys, app; assert "chalicelib.wordpress.fetch" not in sys.modules; '
            'assert "urllib.request" not in sys.modules, "urllib.request"')
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr


# -- export and the round trip -------------------------------------------------

@pytest.fixture
def second_repo(dynamodb_client, monkeypatch):
    name = 'faq-test-%d-export' % os.getpid()
    store.create_table(dynamodb_client, name)
    yield store.FaqRepository(dynamodb_client, name)
    dynamodb_client.delete_table(TableName=name)


def all_entries(repository):
    """Every entry, whole (the status index listing leaves some attributes out),
    but for what its page shows of other entries and of the categories: that
    is derived from the site around it, not carried by an export."""
    ids = [e.id for status in ('publish', 'draft') for e in repository.all_by_status(status)]
    return {i: repository.get_by_id(i).with_changes(related=(), category_names=())
            for i in ids}


def test_import_export_import_gives_identical_entries(repo, second_repo, tmp_path,
                                                      monkeypatch, capsys):
    status = cli.main(['import-wordpress', SAMPLE, os.path.join(SEED, 'sample-faqs.json'),
                       '--categories', os.path.join(SEED, 'faq-categories.json')])
    assert status == 0
    # an entry written here, not imported: derived description, links to the
    # site root and to another FAQ, an ampersand in the title
    repo.create(models.build_entry(
        id=10_000_001, slug='fees-and-retakes', title='Fees & "retakes" <2025>?',
        categories=('ptcb-exam', 'cma-exam'), status='publish',
        content='<p>See <a href="/faq/how-long-is-the-cma-exam/">how long</a> and '
                '<a href="/">home</a>.</p>'))
    before = all_entries(repo)
    assert len(before) == 10 and not before[10_000_001].description_given

    faqs, terms = tmp_path / 'faqs.json', tmp_path / 'terms.json'
    assert cli.main(['export-wordpress', '-o', str(faqs),
                     '--categories-output', str(terms)]) == 0
    exported = json.loads(faqs.read_text())
    assert [r['id'] for r in exported] == sorted(before)
    assert {r['status'] for r in exported} == {'publish', 'draft'}
    assert [t['id'] for t in json.loads(terms.read_text())] == [11, 12, 13]

    monkeypatch.setattr(store, '_repository', second_repo)
    capsys.readouterr()
    assert cli.main(['import-wordpress', str(faqs), '--categories', str(terms)]) == 0
    assert '10 created, 0 updated, 0 unchanged, 0 failed' in capsys.readouterr().out
    assert all_entries(second_repo) == before
    assert second_repo.list_categories() == repo.list_categories()

    # and importing the export over the original changes nothing
    monkeypatch.setattr(store, '_repository', repo)
    assert cli.main(['import-wordpress', str(faqs), '--categories', str(terms)]) == 0
    assert '0 created, 0 updated, 10 unchanged, 0 failed' in capsys.readouterr().out
    assert all_entries(repo) == before


def test_export_writes_wordpress_rest_json_to_standard_output(repo, capsys):
    importer.import_records(repo, [load_json(SAMPLE)], OLD)
    assert cli.main(['export-wordpress', '--status', 'publish']) == 0
    record, = json.loads(capsys.readouterr().out)
    assert list(record)[:12] == ['id', 'date', 'date_gmt', 'guid', 'modified',
                                 'modified_gmt', 'slug', 'status', 'type', 'link',
                                 'title', 'content']
    assert record['meta'] == {'_yoast_wpseo_metadesc': record['yoast_head_json'][
        'description']}
    assert record['faq-categories'] == []


def test_a_term_renamed_in_wordpress_replaces_its_old_slug(repo):
    importer.import_terms(repo, TERMS)
    renamed = [dict(t, slug='exam-preparation') if t['id'] == 13 else t for t in TERMS]
    report = importer.ImportReport()
    mapping = importer.import_terms(repo, renamed + [{'id': 'x'}], report)
    assert mapping[13] == 'exam-preparation'
    assert report.categories == {'created': [], 'updated': [13], 'unchanged': [11, 12]}
    assert report.failed == [('term x', 'id is missing or not an integer')]
    assert sorted((c.id, c.slug) for c in repo.list_categories()) == [
        (11, 'cma-exam'), (12, 'ptcb-exam'), (13, 'exam-preparation')]
