"""No request's cost grows with the number of entries, and edits reach every instance.

Costs are counted in DynamoDB calls (botocore's hooks on the store's
client), cold (an instance that knows nothing yet) and warm, for the same
routes on a small site and on one five times larger, with listings,
sitemaps and search shards cut small so that the larger site has many of
each.  What a call costs in time is measured by ``bench/scale.py``.
"""
import math
import time

import pytest

from chalicelib import derived
from chalicelib.derived import listings, sitemap
from chalicelib.models import build_category
from chalicelib.search import rank, stored
from chalicelib.site import caching
from tests.admin_helpers import api
from tests.helpers import make_entry

WORDS = ('exam', 'fee', 'refund', 'voucher', 'retake', 'score', 'centre', 'online')


class Calls:
    def __init__(self, client):
        self.names, self.client = [], client
        client.meta.events.register('provide-client-params.dynamodb.*', self.record)

    def record(self, event_name, **_):
        self.names.append(event_name.rsplit('.', 1)[-1])

    def close(self):
        self.client.meta.events.unregister('provide-client-params.dynamodb.*', self.record)


def routes(count):
    last = math.ceil(count / 10)
    in_category = math.ceil(count / 2 / 10)
    return {
        'home': '/', 'index': '/faq/', 'index, last page': '/faq/?page=%d' % last,
        'faq': '/faq/question-3/', 'category': '/faq-category/even/',
        'category, last page': '/faq-category/even/?page=%d' % in_category,
        'sitemap': '/sitemap.xml', 'sitemap part': '/sitemaps/2.xml', 'feed': '/feed.xml',
        'search': '/?s=refund', 'search, phrase': '/?s=%22exam+fee%22',
        'wp list': '/wp-json/wp/v2/faq?per_page=100',
        'wp list, last page': '/wp-json/wp/v2/faq?per_page=10&page=%d' % last,
        'wp search': '/wp-json/wp/v2/faq?search=refund',
        'wp by title': '/wp-json/wp/v2/faq?orderby=title&order=asc',
        'wp terms': '/wp-json/wp/v2/faq-categories', 'wp item': '/wp-json/wp/v2/faq/3',
    }


def site_of(repo, stream, count):
    repo.put_category(build_category(id=1, slug='even', name='Even'))
    for n in range(1, count + 1):
        words = ' '.join(WORDS[(n + k) % len(WORDS)] for k in range(4))
        repo.create(make_entry(n, title='Question about %s %d?' % (WORDS[n % 8], n),
                               content='<p>The exam fee and %s, answer %d.</p>' % (words, n),
                               categories=('even',) if n % 2 == 0 else ()))
    stream.drain()


def costs(client, repo, count):
    """``{route: (cold calls, warm calls)}``."""
    found = {}
    for name, path in routes(count).items():
        derived.forget()
        caching.forget_bodies()
        calls = Calls(repo.client)
        try:
            response = client.http.get(path)
            assert response.status_code == 200, (name, path, response.body[:200])
            cold = list(calls.names)
            del calls.names[:]
            client.http.get(path)
            found[name] = (cold, list(calls.names))
        finally:
            calls.close()
    return found


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(listings, 'CHUNK', 4)
    monkeypatch.setattr(sitemap, 'PART_URLS', 8)
    monkeypatch.setattr(stored, 'POSTINGS_PER_SHARD', 16)


def test_every_route_costs_at_most_five_calls_and_a_faq_page_one(client, repo, stream,
                                                                 small_pieces):
    site_of(repo, stream, 60)
    manifest = derived.View().snapshot().manifest
    assert len([n for n in manifest.artifacts if n.startswith('list:all:')]) == 15
    assert len([n for n in manifest.artifacts if n.startswith('sitemap:')]) > 2
    assert manifest.info['search']['shards'] > 4
    found = costs(client, repo, 60)
    for name, (cold, warm) in found.items():
        assert len(cold) <= 5 and len(warm) <= len(cold), (name, cold, warm)
        assert 'Scan' not in cold
    assert found['faq'] == (['Query'], ['Query'])        # one read, cold or warm
    assert found['home'] == (['Query'], ['Query'])
    # warm, the page's entries are known by id and version: no call at all
    assert found['index, last page'] == (['Query', 'BatchGetItem', 'BatchGetItem'], [])
    # a search asked again: its shards, ranking and hits are known; the one
    # call left is the search log's count (tests below: its only addition)
    assert found['search'] == (['Query', 'BatchGetItem', 'BatchGetItem', 'UpdateItem'],
                               ['UpdateItem'])
    assert found['search, phrase'][1] == ['UpdateItem']
    assert found['sitemap part'] == (['Query', 'BatchGetItem'], [])


def test_search_hits_are_read_again_after_an_edit_here_or_a_new_manifest(
        client, repo, stream, token, monkeypatch):
    from chalicelib.site import pages
    site_of(repo, stream, 12)
    ranked = []
    monkeypatch.setattr(pages, 'rank', lambda *args: ranked.append(1) or rank(*args))
    calls = Calls(repo.client)
    try:
        assert b'answer 5.' in client.http.get('/?s=centre').body
        del calls.names[:]
        client.http.get('/?s=centre')
        assert calls.names == ['UpdateItem'] and len(ranked) == 1  # the log's count alone
        status, _, _ = api(client, 'PATCH', '/admin/api/faqs/5', token, {
            'content': '<p>The exam centre, answer five.</p>',
            'version': repo.get_by_id(5).version})
        assert status == 200
        # the edit, made here, shows at once, though the index is not rebuilt yet
        body = client.http.get('/?s=centre').body
        assert b'answer five.' in body and b'answer 5.' not in body
        assert 'BatchGetItem' in calls.names
        # another instance's edit: a new manifest, hits read again
        view, made = derived.View(), []

        def make(entry):
            made.append(entry.id)
            return entry.id
        for stamp, reads in (((7, 1), 1), ((7, 1), 0), ((8, 1), 1)):
            del calls.names[:]
            assert view.hits(stamp, [5], make) == {5: 5}
            assert calls.names == ['BatchGetItem'] * reads
        assert made == [5, 5]
    finally:
        calls.close()


def test_costs_do_not_depend_on_size(client, repo, stream, small_pieces):
    """The same routes at 20 and at 100 entries make the same calls."""
    site_of(repo, stream, 20)
    small = costs(client, repo, 20)
    for n in range(21, 101):
        repo.create(make_entry(n, title='Question about %s %d?' % (WORDS[n % 8], n),
                               content='<p>The exam fee and refund, answer %d.</p>' % n,
                               categories=('even',) if n % 2 == 0 else ()))
    stream.drain()
    large = costs(client, repo, 100)
    assert large == small


def test_an_edit_shows_at_once_here_and_within_the_window_on_other_instances(
        client, repo, stream, token):
    from chalicelib.store import entries
    for n in range(1, 4):
        repo.create(make_entry(n))
    stream.drain()
    other = derived.View()                    # another Lambda instance
    before = entries._local_writes
    seen = other.snapshot(now=1000.0)
    status, created, _ = api(client, 'POST', '/admin/api/faqs', token, {
        'title': 'A brand new question?', 'content': '<p>Fresh.</p>', 'status': 'publish'})
    assert status == 201
    # this instance made the change: its next page shows it (the client has
    # let the builder catch up first, as it does within seconds on AWS)
    assert 'A brand new question?' in client.http.get('/faq/').body.decode()
    entries._local_writes = before            # the other instance wrote nothing
    assert other.snapshot(now=1000.0 + derived.MAX_AGE - 1) is seen
    assert created['id'] not in dict(seen.listing('all', 0, 10))
    later = other.snapshot(now=1000.0 + derived.MAX_AGE)
    assert later.listing('all', 0, 10)[0] == (created['id'], created['version'])
    # the promise: every instance within a minute of the edit, the builder included
    assert derived.MAX_AGE <= 30


# -- readers' feedback: what it adds to requests, and what Insights reads ----------------

WRITES = ('PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems')


def _recorded(repo, request):
    """The DynamoDB calls ``request()`` makes."""
    calls = Calls(repo.client)
    try:
        request()
        return list(calls.names)
    finally:
        calls.close()


def test_a_faq_page_costs_nothing_more_and_a_vote_or_a_question_two_writes(
        client, repo, stream, monkeypatch):
    from chalicelib import insights
    from chalicelib.derived import builder
    from tests.insights.helpers import ask, comment, from_address, published, vote
    entry = published(repo)
    stream.drain()
    insights.form_token('ask')                    # the day's secret exists (once a day)
    page = lambda: client.http.get('/faq/question-1/')          # noqa: E731
    assert _recorded(repo, page) == ['Query']

    builds = []
    monkeypatch.setattr(builder, 'rebuild', lambda **kw: builds.append(kw))
    yes = _recorded(repo, lambda: vote(client, 'question-1', 'yes'))
    assert yes == ['Query', 'UpdateItem', 'UpdateItem']        # the entry, the check, the count
    from_address(monkeypatch, '198.51.100.3')
    assert [n for n in _recorded(repo, lambda: vote(client, 'question-1', 'no'))
            if n in WRITES] == ['UpdateItem', 'UpdateItem']
    said = _recorded(repo, lambda: comment(client, entry, 'The retake fee'))
    assert said == ['Query', 'UpdateItem', 'PutItem']
    asked = _recorded(repo, lambda: ask(client, 'Where is the exam centre in Lyon?'))
    assert asked == ['UpdateItem', 'PutItem']
    thanks = _recorded(repo, lambda: client.http.get('/faq/question-1/?feedback=yes'))
    assert thanks == ['Query']
    # none of it is content: the stream's handler builds nothing
    stream.drain()
    assert builds == []
    assert _recorded(repo, page) == ['Query']


def test_a_search_adds_one_write_and_only_on_its_first_page(client, repo, stream, monkeypatch):
    from chalicelib import insights
    from tests.insights.helpers import published
    for n in range(1, 25):
        published(repo, n, title='Exam fee question %d?' % n)
    stream.drain()
    for path in ('/?s=exam+fee', '/wp-json/wp/v2/faq?search=fee'):
        client.http.get(path)                       # warm: the instance has its shards
        logged = _recorded(repo, lambda: client.http.get(path))
        with monkeypatch.context() as patch:
            patch.setattr(insights, 'log_search', lambda *a, **k: None)
            silent = _recorded(repo, lambda: client.http.get(path))
        assert logged == silent + ['UpdateItem'], (path, logged, silent)
    assert 'UpdateItem' not in _recorded(repo, lambda: client.http.get('/?s=exam+fee&page=2'))
    assert [(t['query'], t['searches']) for t in insights.search_figures(7)['top']] == [
        ('exam fee', 2), ('fee', 2)]                  # the silenced ones are not there


def test_insights_read_aggregates_only_whatever_the_number_of_visitors(
        client, repo, stream, token):
    from chalicelib import insights
    from tests.admin_helpers import api
    from tests.insights.helpers import published
    entries = [published(repo, n) for n in (1, 2, 3)]
    stream.drain()
    now = time.time()

    def visitors(count, days_ago=(0,)):
        for n in range(count):
            for ago in days_ago:
                insights.log_search('refund policy', True, now=now - ago * 86400)
                insights.log_search('parking', False, now=now - ago * 86400)
            for entry in entries:
                insights.vote('192.0.2.%d' % (n + len(visited)), entry.id, n % 3 == 0)
        visited.extend(range(count))
    visited = []
    paths = ['/admin/api/insights/searches?days=90',
             '/admin/api/insights/helpfulness?days=90&min_votes=1',
             '/admin/api/insights/questions']

    def view():
        return [_recorded(repo, lambda: api(client, 'GET', path, token)) for path in paths]
    visitors(1, days_ago=(0, 1, 40))
    first = view()                   # past days are summed up once, and kept
    assert first[0].count('PutItem') == 89 and 'Scan' not in sum(first, [])
    one = view()
    assert 'PutItem' not in one[0] and one[0].count('Query') == 2       # rollups, today
    visitors(20)
    assert view() == one             # twenty times the visitors: the very same reads
    figures = api(client, 'GET', paths[0], token)[1]
    assert figures['top'] == [{'query': 'parking', 'searches': 23, 'found': 0, 'missed': 23},
                              {'query': 'refund policy', 'searches': 23, 'found': 23,
                               'missed': 0}]
    assert [d['found'] for d in figures['daily'] if d['found']] == [1, 1, 21]
    assert [i['votes'] for i in api(client, 'GET', paths[1], token)[1]['items']] == [21] * 3


def test_a_busy_instance_writes_its_searches_in_batches_one_write_a_search_at_most(
        client, repo, stream, monkeypatch):
    from chalicelib import insights
    from chalicelib.insights import searches
    from tests.insights.helpers import published
    published(repo, 1, title='Exam fee question?')
    stream.drain()
    monkeypatch.setattr(searches, 'FLUSH_SECONDS', 10)

    def search(query):
        return _recorded(repo, lambda: client.http.get('/?s=' + query.replace(' ', '+')))

    queries = ['exam fee', 'Exam  FEE', 'parking', 'exam fee'] * 5
    written = [search(q).count('UpdateItem') for q in queries]
    assert written == [1] + [0] * 19       # the first writes at once, the rest are held
    today = searches.day_of(time.time())
    assert searches._pending == {(today, 'exam fee', True): 14, (today, 'parking', False): 5}
    # ten seconds on, they are a batch: the next searches write it, one count each,
    # and hold their own for the next batch
    monkeypatch.setattr(searches, '_batch_taken_at', searches._batch_taken_at - 10)
    assert [search(q).count('UpdateItem') for q in ('parking', 'exam fee', 'parking')] == \
        [1, 1, 0]
    assert searches._pending == {(today, 'exam fee', True): 1, (today, 'parking', False): 1}
    top = [(t['query'], t['found'], t['missed']) for t in insights.search_figures(7)['top']]
    assert top == [('exam fee', 16, 0), ('parking', 0, 7)]      # 23 searches, all counted
    assert searches._pending == searches._batch == {}     # the figures wrote them first


def test_an_instance_holding_too_many_counts_starts_a_batch_sooner(repo, monkeypatch):
    from chalicelib import insights
    from chalicelib.insights import searches
    monkeypatch.setattr(searches, 'FLUSH_SECONDS', 10)
    monkeypatch.setattr(searches, 'MAX_PENDING', 3)
    insights.log_search('first', True)                # written: the instance held none
    written = [_recorded(repo, lambda q=q: insights.log_search(q, False))
               for q in ('a', 'b', 'c', 'd', 'e', 'a')]
    assert written == [[], [], [], ['UpdateItem'], ['UpdateItem'], ['UpdateItem']]
    assert len(searches._batch) + len(searches._pending) == 3
    assert sorted((t['query'], t['searches']) for t in insights.search_figures(7)['top']) \
        == [('a', 2), ('b', 1), ('c', 1), ('d', 1), ('e', 1), ('first', 1)]
