"""Readers at once and readers' privacy, against DynamoDB Local.

Fifty readers voting on one FAQ, or searching, at the same moment are all
counted, once each; after a burst of every kind of reader action the whole
table holds no address and no User-Agent, and every reader record expires.
"""
import hashlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from chalicelib import insights
from chalicelib.insights import abuse
from tests.insights.helpers import (ask, comment, counts, from_address, published, vote)

THREADS = 50
USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) ReaderBurst/7.3 Safari/537.36'
DAY = 86400


def at_once(work, count=THREADS):
    start = threading.Barrier(count)

    def run(n):
        start.wait()
        try:
            work(n)
            return 'counted'
        except insights.Refused as refused:
            return refused.code
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_fifty_readers_voting_at_once_are_counted_exactly(repo):
    entry = published(repo)
    outcomes = at_once(lambda n: insights.vote('198.51.100.%d' % n, entry.id, n % 2 == 0))
    assert outcomes == ['counted'] * THREADS
    assert counts(entry.id) == (THREADS // 2, THREADS // 2)
    # fifty tries from one address at once: one vote, however they race
    outcomes = at_once(lambda n: insights.vote('203.0.113.77', entry.id, False))
    assert outcomes.count('counted') == 1 and outcomes.count('voted') == THREADS - 1
    assert counts(entry.id) == (THREADS // 2, THREADS // 2 + 1)


def test_fifty_searches_at_once_are_counted_exactly_batched_or_not(repo, monkeypatch):
    from chalicelib.insights import searches
    queries = ('exam fee', 'parking', 'retake')
    for held in (0, 10):                      # every search written, then batched
        monkeypatch.setattr(searches, 'FLUSH_SECONDS', held)
        for _ in range(2):
            at_once(lambda n: insights.log_search(queries[n % 3], n % 3 != 1))
    assert searches._batch == {} and sum(searches._pending.values()) == 2 * THREADS
    top = {t['query']: (t['found'], t['missed']) for t in insights.search_figures(7)['top']}
    assert top == {'exam fee': (68, 0), 'parking': (0, 68), 'retake': (64, 0)}   # 4 x 50


def everything_stored(client):
    items, kwargs = [], {'TableName': client.table_name}
    while True:
        page = client.client.scan(**kwargs)
        items += page['Items']
        if 'LastEvaluatedKey' not in page:
            return items
        kwargs['ExclusiveStartKey'] = page['LastEvaluatedKey']


def test_after_a_burst_no_address_or_user_agent_is_stored_and_every_record_expires(
        client, repo, monkeypatch):
    entries = [published(repo, n) for n in (1, 2)]
    addresses = ['192.0.2.%d' % n for n in (17, 18, 19)] + ['2001:db8::42']
    browser = {'User-Agent': USER_AGENT}
    now = time.time()
    for address in addresses:
        from_address(monkeypatch, address)
        for entry in entries:
            assert vote(client, entry.slug, 'no', headers=browser).status_code == 303
            assert comment(client, entry, 'Looking for %s' % entry.slug,
                           headers=browser).status_code == 303
        assert ask(client, 'Where do I find the exam calendar?', 'reader@example.com',
                   searched='calendar', headers=browser).status_code == 303
        assert client.http.get('/?s=calendar', headers=browser).status_code == 200
        client.http.get('/ask', headers=browser)
        client.http.get('/faq/question-1/?feedback=no', headers=browser)
    stored = everything_stored(repo)
    text = repr(stored)
    forms_of = [[a, a.upper(), hashlib.sha256(a.encode()).hexdigest(),
                 hashlib.md5(a.encode()).hexdigest()] for a in addresses]
    for forms in forms_of:
        for form in forms:
            assert form not in text, form
    for word in (USER_AGENT, 'ReaderBurst', 'Mozilla'):
        assert word not in text
    # the keyed hashes are there, under today's secret, and it expires tomorrow
    day = abuse.day_of(now)
    secret = [i for i in stored if i['sk']['S'] == 'READER_KEY#' + day]
    assert len(secret) == 1
    assert int(secret[0]['expires_at']['N']) == abuse.start_of(day) + 2 * DAY
    readers = [i for i in stored if i['pk']['S'].startswith('READER#')]
    assert len(readers) == len(addresses)
    assert {i['pk']['S'][len('READER#'):] for i in readers} == {
        abuse.reader_of(a, day) for a in addresses}

    # every reader record expires; how soon depends on what it is
    def horizon(item):
        return (int(item['expires_at']['N']) - now) / DAY
    kinds = {}
    for item in stored:
        pk = item['pk']['S']
        kind = pk.split('#')[0] if '#' in pk else pk
        if kind in ('READER', 'VOTES', 'COMMENTS', 'QUESTIONS', 'SEARCHES') or \
                item['sk']['S'].startswith('READER_KEY#'):
            kinds.setdefault(kind, []).append(horizon(item))
    assert set(kinds) == {'READER', 'VOTES', 'COMMENTS', 'QUESTIONS', 'SEARCHES', 'META'}
    assert all(0 < h <= 2 for h in kinds['READER'] + kinds['META'])
    assert all(89.9 < h <= 91 for h in kinds['COMMENTS'] + kinds['QUESTIONS'])
    assert all(394 < h <= 396 for h in kinds['VOTES'] + kinds['SEARCHES'])


def test_a_question_closed_after_its_day_expired_leaves_nothing_that_never_expires(repo):
    asked = insights.ask('192.0.2.9', 'Where do I find the exam calendar?',
                         'reader@example.com')
    day_item = {'pk': {'S': 'QUESTIONS'}, 'sk': {'S': 'DAY#' + asked.split('.')[0]}}
    repo.client.delete_item(TableName=repo.table_name, Key=day_item)     # as TTL would
    assert insights.close_question(asked)
    stored = everything_stored(repo)
    assert [i['sk']['S'] for i in stored if i['pk']['S'] == 'QUESTIONS'] == [day_item['sk']['S']]
    assert 'reader@example.com' not in repr(stored)
    assert [i for i in stored if 'expires_at' not in i] == []
