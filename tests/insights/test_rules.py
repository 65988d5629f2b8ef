"""Every abuse rule of readers' forms: each refusal says why, under its own
status, stores nothing, and loses nothing (counts stay, the reader's text
comes back in the form)."""
import time

import pytest

from chalicelib import insights
from chalicelib.insights import readers
from tests.insights.helpers import (SITE, ask, comment, counts, from_address, post, published,
                                    token_in, vote)

QUESTION = 'Can I bring a calculator to the exam?'


def refused(response, status, words):
    assert response.status_code == status, response.body[:300]
    assert response.headers['Cache-Control'] == 'private, no-store'
    assert words in response.body.decode()
    return response.body.decode()


def test_the_honeypot(client, repo):
    entry = published(repo)
    filled = post(client, '/faq/question-1/feedback', {'helpful': 'yes', 'leave_empty': 'x'})
    refused(filled, 400, 'the field marked &#34;leave this empty&#34; was filled in')
    page = refused(ask(client, QUESTION, 'me@example.com', extra={'leave_empty': 'http://spam'}),
                   400, 'leave this empty')
    assert QUESTION in page and 'value="me@example.com"' in page     # the text comes back
    assert counts(entry.id) == (0, 0) and insights.open_questions() == 0


@pytest.mark.parametrize('headers, taken', [
    ({'Origin': SITE}, True),
    ({'Origin': 'null', 'Referer': SITE + '/faq/question-1/'}, True),
    ({'Referer': SITE + '/faq/question-1/'}, True),
    ({'Origin': 'http://localhost:9000', 'Host': 'localhost:9000'}, True),   # its own host
    ({}, False),
    ({'Origin': 'https://evil.example'}, False),
    ({'Origin': 'http://127.0.0.1:8000.evil.example'}, False),
    ({'Referer': 'https://evil.example/faq/question-1/'}, False),
])
def test_the_origin(client, repo, headers, taken):
    entry = published(repo)
    answer = vote(client, 'question-1', 'yes', origin=None, headers=headers)
    if taken:
        assert answer.status_code == 303
    else:
        refused(answer, 403, 'not sent from a page of this site')
    assert counts(entry.id) == ((1, 0) if taken else (0, 0))


def test_the_fill_time_and_the_token(client, repo):
    entry = published(repo)
    vote(client, 'question-1', 'no')
    served = token_in(client.http.get('/faq/question-1/?feedback=no').body.decode())
    text = 'The fee for a second attempt'
    fields = {'comment': text}
    at_once = post(client, '/faq/question-1/feedback', dict(fields, token=served))
    assert text in refused(at_once, 400, 'quicker than people usually are')
    for token, words in (
            ('', 'expired or is incomplete'),
            (insights.form_token('comment:%d' % entry.id, now=time.time() - 7 * 3600),
             'expired or is incomplete'),
            (served[:-4] + 'beef', 'could not be checked'),                     # forged
            (insights.form_token('comment:999', now=time.time() - 10), 'could not be checked'),
            (insights.form_token('ask', now=time.time() - 10), 'could not be checked')):
        answer = post(client, '/faq/question-1/feedback', dict(fields, token=token))
        assert text in refused(answer, 400, words)
    assert insights.helpfulness(7, 1)['items'][0]['comments'] == []
    # the form that came back carries a fresh token: waited for, it is taken
    again = token_in(at_once.body.decode())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, 'time', lambda real=time.time: real() + insights.MIN_FILL_SECONDS)
        assert post(client, '/faq/question-1/feedback',
                    dict(fields, token=again)).status_code == 303
    assert [c['text'] for c in insights.helpfulness(7, 1)['items'][0]['comments']] == [text]


def test_one_vote_per_address_faq_and_day(client, repo, monkeypatch):
    entry = published(repo)
    assert vote(client, 'question-1', 'yes').status_code == 303
    refused(vote(client, 'question-1', 'no'), 409, 'already told us whether this answer')
    from_address(monkeypatch, '198.51.100.20')
    assert vote(client, 'question-1', 'no').status_code == 303
    assert counts(entry.id) == (1, 1)
    tomorrow = time.time() + 86400
    insights.vote('198.51.100.20', entry.id, True, now=tomorrow)      # a new day, a new vote
    assert counts(entry.id, days=7) == (1, 1)                       # today's figures
    assert insights.helpfulness(7, 1, now=tomorrow)['items'][0]['votes'] == 3


def test_comments_come_after_a_no_and_once(client, repo):
    entry = published(repo)
    refused(comment(client, entry, 'Nothing about fees'), 409, 'comes with a &#34;No&#34;')
    vote(client, 'question-1', 'no')
    assert comment(client, entry, 'Nothing about fees').status_code == 303
    refused(comment(client, entry, 'And more'), 409, 'already told us what you were looking')
    assert [c['text'] for c in insights.helpfulness(7, 1)['items'][0]['comments']] == [
        'Nothing about fees']


def test_rate_limits_per_address(client, repo, monkeypatch):
    monkeypatch.setattr(readers, 'ACTIONS_PER_HOUR', 3)
    monkeypatch.setattr(readers, 'VOTES_PER_DAY', 4)
    for n in range(1, 7):
        published(repo, n)
    for n in (1, 2, 3):
        assert vote(client, 'question-%d' % n, 'yes').status_code == 303
    limited = vote(client, 'question-4', 'yes')
    refused(limited, 429, 'many answers from your address in the last hour')
    assert 1 <= int(limited.headers['Retry-After']) <= 3601
    from_address(monkeypatch, '203.0.113.9')              # another address is not held
    assert vote(client, 'question-4', 'yes').status_code == 303
    monkeypatch.setattr(readers, 'ACTIONS_PER_HOUR', 100)
    for n in (1, 2, 3):
        assert vote(client, 'question-%d' % n, 'no').status_code == 303
    daily = vote(client, 'question-5', 'yes')
    refused(daily, 429, 'as many votes as we take from one address in a day')
    assert [counts(n) for n in range(1, 6)] == [(1, 1), (1, 1), (1, 1), (1, 0), (0, 0)]


def test_question_limits_per_address_and_for_the_site(client, repo, monkeypatch):
    for n in range(readers.QUESTIONS_PER_DAY):
        assert ask(client, '%s (%d)' % (QUESTION, n)).status_code == 303
    page = refused(ask(client, QUESTION + ' again'), 429, 'You have sent 3 questions today')
    assert QUESTION + ' again' in page
    monkeypatch.setattr(readers, 'SITE_QUESTIONS_PER_DAY', 4)
    from_address(monkeypatch, '198.51.100.30')
    assert ask(client, QUESTION + ' (elsewhere)').status_code == 303
    from_address(monkeypatch, '198.51.100.31')
    full = refused(ask(client, QUESTION + ' (late)'), 429, 'as many questions today as we can')
    assert 'Retry-After' in ask(client, QUESTION + ' (late)').headers and QUESTION in full
    assert insights.open_questions() == 4 == len(insights.inbox()['items'])


@pytest.mark.parametrize('question, email, words', [
    ('Too short', '', 'at least 10 characters'),
    ('x' * 301, '', 'at most 300 characters; it has 301'),
    (QUESTION, 'not an address', 'does not look right'),
    (QUESTION, 'a@b.c' + 'x' * 250, 'does not look right'),
    (QUESTION + '\u202e', '', 'bidirectional override'),
    (QUESTION + '\x07', '', 'control character'),
])
def test_lengths_and_characters_of_a_question(client, repo, question, email, words):
    page = refused(ask(client, question, email), 400, words)
    assert question[:50].replace('\u202e', '').replace('\x07', '') in page.replace(
        '\u202e', '').replace('&#x7;', '')
    assert insights.open_questions() == 0


def test_lengths_of_a_comment_and_of_a_form(client, repo):
    entry = published(repo)
    vote(client, 'question-1', 'no')
    long = 'word ' * 101
    page = refused(comment(client, entry, long), 400, 'at most 500 characters; it has 504')
    assert long.strip() in page
    assert comment(client, entry, 'x' * 500).status_code == 303
    huge = post(client, '/faq/question-1/feedback', {'comment': 'x' * 9000})
    refused(huge, 413, 'The form is too large.')
    refused(post(client, '/faq/question-1/feedback', {'helpful': 'maybe'}), 400,
            'Answer with Yes or No.')
    assert counts(entry.id) == (0, 1)


def test_forms_for_missing_or_unpublished_faqs_are_404s(client, repo):
    published(repo, 1, status='draft')
    for slug in ('question-1', 'no-such-faq', 'Bad_Slug'):
        answer = vote(client, slug, 'yes')
        assert answer.status_code == 404 and b'Page not found' in answer.body
