"""Readers' forms end to end: "Was this helpful?" and "Ask a question".

The FAQ page everyone shares never changes, the thank-you a reader gets is
theirs alone (private, no ETag), and what they send reaches the editors.
"""
import json

import pytest

from chalicelib import insights
from tests.insights.helpers import ask, comment, counts, published, token_in, vote


def test_a_vote_leaves_the_shared_page_alone_and_thanks_privately(client, repo):
    entry = published(repo)
    page = client.http.get('/faq/question-1/')
    etag = page.headers['ETag']
    assert b'Was this helpful?' in page.body and b'name="helpful" value="no"' in page.body
    assert 'public' in page.headers['Cache-Control']

    answered = vote(client, 'question-1', 'yes')
    assert answered.status_code == 303
    assert answered.headers['Location'] == '/faq/question-1/?feedback=yes#feedback'
    assert answered.headers['Cache-Control'] == 'private, no-store'

    thanks = client.http.get('/faq/question-1/?feedback=yes')
    assert thanks.status_code == 200
    assert thanks.headers['Cache-Control'] == 'private, no-store'
    assert 'ETag' not in thanks.headers and 'Last-Modified' not in thanks.headers
    assert b'Glad it helped' in thanks.body and b'name="helpful"' not in thanks.body
    assert b'<h1>Question 1?</h1>' in thanks.body

    again = client.http.get('/faq/question-1/')
    assert again.headers['ETag'] == etag and again.body == page.body
    assert client.http.get('/faq/question-1/', headers={'If-None-Match': etag}).status_code == 304
    # an unknown state is the shared page, cacheable as ever
    odd = client.http.get('/faq/question-1/?feedback=maybe')
    assert odd.headers['ETag'] == etag and 'public' in odd.headers['Cache-Control']
    assert counts(entry.id) == (1, 0)


def test_no_then_what_the_reader_was_looking_for(client, repo):
    entry = published(repo)
    answered = vote(client, 'question-1', 'no')
    assert answered.headers['Location'] == '/faq/question-1/?feedback=no#feedback'
    box = client.http.get('/faq/question-1/?feedback=no').body.decode()
    assert 'What were you looking for?' in box and token_in(box)
    assert 'private, no-store' == client.http.get(
        '/faq/question-1/?feedback=no').headers['Cache-Control']

    sent = comment(client, entry, '  The fee\nfor   a retake  ')
    assert sent.status_code == 303
    assert sent.headers['Location'] == '/faq/question-1/?feedback=sent#feedback'
    assert b'editors read every answer' in client.http.get('/faq/question-1/?feedback=sent').body
    (item,) = insights.helpfulness(7, 1)['items']
    assert (item['yes'], item['no']) == (0, 1)
    assert [c['text'] for c in item['comments']] == ['The fee\nfor a retake']

    # an empty box sends nothing and thanks all the same
    other = published(repo, 2)
    vote(client, 'question-2', 'no')
    empty = comment(client, other, ' \n ')
    assert empty.headers['Location'] == '/faq/question-2/?feedback=done#feedback'
    assert [i['comments'] for i in insights.helpfulness(7, 1)['items'] if i['id'] == 2] == [[]]


def test_asking_a_question_after_a_search_that_found_nothing(client, repo):
    published(repo)
    results = client.http.get('/?s=Parking+at+the+centre').body.decode()
    assert 'No questions match' in results
    assert '/ask?q=Parking+at+the+centre' in results
    form = client.http.get('/ask?q=Parking+at+the+centre')
    assert form.headers['Cache-Control'] == 'private, no-store'
    html = form.body.decode()
    assert 'You searched for “Parking at the centre”' in html and token_in(html)
    assert 'at most 90 days' in html and 'never your name, your internet address' in html

    sent = ask(client, 'Is there parking at the test centre?', 'reader@example.com',
               searched='Parking at the centre')
    assert sent.status_code == 303 and sent.headers['Location'] == '/ask?sent=1'
    assert b'Your question is with our editors' in client.http.get('/ask?sent=1').body
    (question,) = insights.inbox()['items']
    assert question['question'] == 'Is there parking at the test centre?'
    assert question['email'] == 'reader@example.com'
    assert question['source'] == {'kind': 'search', 'value': 'parking at the centre'}
    assert insights.open_questions() == 1

    # and from a FAQ page's link
    page = client.http.get('/faq/question-1/').body.decode()
    assert '/ask?faq=question-1' in page
    assert 'the answer you were reading' in client.http.get('/ask?faq=question-1').body.decode()


def test_the_search_log_counts_normalised_queries_and_whether_they_found_anything(
        client, repo):
    published(repo, title='How much is the exam fee?')
    for query in ('Exam FEE', 'exam  fee', '"exám fee"', 'parking', 'exam fee&page=2'):
        assert client.http.get('/?s=' + query.replace(' ', '+')).status_code == 200
    client.http.get('/wp-json/wp/v2/faq?search=Parking')
    client.http.get('/wp-json/wp/v2/faq?search=fee')
    client.http.get('/wp-json/wp/v2/faq?search=fee&offset=1')      # read further: not again
    figures = insights.search_figures(7)
    assert figures['top'][0] == {'query': 'exam fee', 'searches': 3, 'found': 3, 'missed': 0}
    assert figures['no_results'] == [{'query': 'parking', 'missed': 2, 'found': 0}]
    assert (figures['found'], figures['missed']) == (4, 2)
    assert figures['daily'][-1] == {'day': figures['to'], 'found': 4, 'missed': 2}
    assert [d['found'] + d['missed'] for d in figures['daily'][:-1]] == [0] * 6


@pytest.mark.parametrize('failure', ['throttled', 'no such table'])
def test_a_count_dynamodb_refuses_never_fails_the_search(client, repo, monkeypatch, caplog,
                                                          failure):
    from chalicelib import store
    from chalicelib.errors import ServiceUnavailable
    published(repo, title='How much is the exam fee?')

    def throttled(*args, **kwargs):
        raise ServiceUnavailable('DynamoDB update_item failed: ThrottlingException')
    with monkeypatch.context() as patch:
        if failure == 'throttled':
            patch.setattr(store.SearchLog, 'count', throttled)
        else:                           # a real ResourceNotFoundException from botocore
            patch.setattr(store, 'get_search_log',
                          lambda: store.SearchLog(repo.client, repo.table_name + '-gone'))
        page = client.http.get('/?s=exam+fee')
        listed = client.http.get('/wp-json/wp/v2/faq?search=fee')
    assert page.status_code == 200 and 'How much is the exam fee?' in page.body.decode()
    assert listed.status_code == 200 and len(json.loads(listed.body)) == 1
    assert caplog.text.count('search log: 1 count(s) not stored') == 2
    figures = insights.search_figures(7)
    assert (figures['found'], figures['missed']) == (0, 0)     # lost, and nothing held
