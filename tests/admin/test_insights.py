"""Insights for editors: the screen, the inbox, CSV, and the same figures as
JSON, true to the OpenAPI document."""
import csv
import io
import json
import re
import time

import pytest

from chalicelib import insights, openapi, store
from tests.admin_helpers import Browser, api, login
from tests.insights.helpers import ask, comment, from_address, published, vote
from tests.openapi_validation import ResponseValidator
from tests.test_openapi import SITE


@pytest.fixture
def browser(client, token):
    response, cookie = login(client)
    assert response.status_code == 303
    return Browser(client, cookie)


@pytest.fixture
def readers(client, repo, monkeypatch):
    """A FAQ found unhelpful (with a comment), one helpful, searches with and
    without results, and a question from a search that found nothing."""
    unhelpful = published(repo, 1, title='How do I pay the exam fee?')
    published(repo, 2, title='Can I retake the exam?')
    vote(client, 'question-1', 'no')
    comment(client, unhelpful, 'Paying by bank transfer')
    vote(client, 'question-2', 'yes')
    from_address(monkeypatch, '198.51.100.8')
    vote(client, 'question-1', 'no')
    client.http.get('/?s=exam+fee')
    for query in ('Bank transfer', 'bank  TRANSFER', '=HYPERLINK("x")'):
        client.http.get('/?s=' + query)
    ask(client, 'Can I pay the fee by bank transfer?', 'payer@example.com',
        searched='bank transfer')
    return unhelpful


def test_the_screen_shows_what_readers_told_and_offers_what_to_do(browser, readers):
    menu = browser.get('/admin').body.decode()
    assert 'href="/admin/insights">Insights</a>' in menu
    page = browser.get('/admin/insights?days=7&min_votes=1').body.decode()
    assert '<svg id="searches-chart"' in page and '<title id="searches-chart-title">' in page
    assert '<script' not in page
    assert '4 searches: 1 with results, 3 without.' in page
    assert re.search(r'<td>bank transfer</td><td>2</td>\s*<td><form class="inline" method="get" '
                     r'action="/admin/faqs/new"><input type="hidden" name="title" '
                     r'value="bank transfer"><button type="submit">Write an FAQ for this',
                     page)
    assert '>How do I pay the exam fee?</a></td>\n<td>0</td><td>2</td><td>0%</td>' in page
    assert 'Paying by bank transfer' in page and '>Keep</button>' in page
    assert '1 open question</a>' in page
    # the default minimum hides FAQs with fewer votes, and says so
    assert 'No FAQ has 5 votes or more in these days.' in browser.get(
        '/admin/insights?days=30').body.decode()
    assert 'Last 30 days</a>' in browser.get('/admin/insights?days=12').body.decode()
    new = browser.get('/admin/faqs/new?title=bank+transfer').body.decode()
    assert 'id="title" name="title" value="bank transfer"' in new


def test_turning_a_question_into_a_faq_and_dismissing_one(browser, readers, repo, client,
                                                          monkeypatch):
    inbox = browser.get('/admin/insights/questions').body.decode()
    assert 'Can I pay the fee by bank transfer?' in inbox
    assert 'href="mailto:payer@example.com"' in inbox
    assert 'after searching for “bank transfer”' in inbox
    (question,) = insights.inbox()['items']
    draft = browser.get('/admin/faqs/new?question=' + question['id']).body.decode()
    assert 'value="Can I pay the fee by bank transfer?"' in draft
    assert 'name="question" value="%s"' % question['id'] in draft
    created = browser.post('/admin/faqs/new', {
        'title': 'Can I pay the fee by bank transfer?', 'content': 'Yes, within 14 days.',
        'content_format': 'markdown', 'status': 'draft', 'question': question['id']})
    assert created.status_code == 303
    assert insights.inbox() == {'open': 0, 'items': []}
    assert store.get_readers().question(question['id']) is None     # e-mail address gone
    assert '0 open questions</a>' in browser.get('/admin/insights').body.decode()

    from_address(monkeypatch, '192.0.2.99')
    ask(client, 'Is the exam offered in Portuguese?')
    (other,) = insights.inbox()['items']
    path = '/admin/insights/questions/%s/dismiss' % other['id']
    dismissed = browser.post(path, {})
    assert dismissed.status_code == 303 and 'done=dismissed' in dismissed.headers['Location']
    assert 'Dismissed: the question and its e-mail address are deleted.' in browser.get(
        dismissed.headers['Location']).body.decode()
    again = browser.post(path, {})
    assert again.status_code == 404 and b'no such open question' in again.body
    assert browser.post(path, {}, csrf='forged').status_code == 403
    assert insights.open_questions() == 0


def test_keeping_a_comment_takes_its_expiry_away(browser, readers, repo):
    (faq,) = insights.helpfulness(7, 2)['items']
    (kept,) = faq['comments']
    path = '/admin/insights/comments/%s/keep?days=7&min_votes=1' % kept['id']
    assert browser.post(path, {}).status_code == 303
    (faq,) = insights.helpfulness(7, 2)['items']
    assert faq['comments'][0]['kept'] is True
    faq_id, at, tail = kept['id'].split('.')
    item = repo.client.get_item(TableName=repo.table_name, Key={
        'pk': {'S': 'COMMENTS#' + faq_id}, 'sk': {'S': 'C#%s#%s' % (at, tail)}})['Item']
    assert 'expires_at' not in item and item['text']['S'] == 'Paying by bank transfer'
    assert browser.post('/admin/insights/comments/1.20200101T000000Z.00000000/keep',
                        {}).status_code == 404


def test_each_table_exports_as_csv_safe_for_spreadsheets(browser, readers):
    tables = {}
    for name in insights.TABLES:
        response = browser.get('/admin/insights/export/%s?days=7&min_votes=1' % name)
        assert response.headers['Content-Type'] == 'text/csv; charset=utf-8'
        assert response.headers['Content-Disposition'] == \
            'attachment; filename="insights-%s-7d.csv"' % name
        tables[name] = list(csv.reader(io.StringIO(response.body.decode())))
    assert tables['daily-searches'][0] == ['day', 'with results', 'without results']
    assert tables['daily-searches'][-1][1:] == ['1', '3'] and len(tables['daily-searches']) == 8
    assert ['bank transfer', '2', '0'] in tables['no-results']
    assert ["'=hyperlink(x)", '1', '0', '1'] in tables['top-searches']      # no formula
    assert tables['helpfulness'][1] == ['1', 'How do I pay the exam fee?', '0', '2', '0',
                                        'Paying by bank transfer']
    assert browser.get('/admin/insights/export/passwords').status_code == 404


def _validated(client, token, method, path, status):
    document = openapi.document(SITE)
    code, body, _ = api(client, method, path, token)
    assert code == status, body
    route = re.sub(r'/questions/[^/]+/', '/questions/{question_id}/',
                   re.sub(r'/comments/[^/]+/', '/comments/{comment_id}/', path.split('?')[0]))
    assert str(status) in document['paths'][route][method.lower()]['responses']
    if body is not None:            # jsonschema, formats and all (tests/openapi_validation.py)
        ResponseValidator(document).validate(method, route, status, 'application/json',
                                             json.dumps(body))
    return body


def test_the_api_answers_what_its_document_says(client, token, readers):
    searches = _validated(client, token, 'GET', '/admin/api/insights/searches?days=7', 200)
    assert searches['no_results'][0] == {'query': 'bank transfer', 'missed': 2, 'found': 0}
    helpful = _validated(client, token, 'GET',
                         '/admin/api/insights/helpfulness?days=90&min_votes=1', 200)
    assert [(i['title'], i['yes'], i['no']) for i in helpful['items']] == [
        ('How do I pay the exam fee?', 0, 2), ('Can I retake the exam?', 1, 0)]
    inbox = _validated(client, token, 'GET', '/admin/api/insights/questions', 200)
    assert inbox['open'] == 1 and inbox['items'][0]['email'] == 'payer@example.com'
    for path in ('/admin/api/insights/searches?days=8',
                 '/admin/api/insights/helpfulness?min_votes=2',
                 '/admin/api/insights/helpfulness?days=%E2%91%A6'):
        error = _validated(client, token, 'GET', path, 400)
        assert error['error']['code'] == 'bad_request'
    comment_id = helpful['items'][0]['comments'][0]['id']
    _validated(client, token, 'POST', '/admin/api/insights/comments/%s/keep' % comment_id, 204)
    question = '/admin/api/insights/questions/%s/dismiss' % inbox['items'][0]['id']
    _validated(client, token, 'POST', question, 204)
    assert _validated(client, token, 'POST', question, 404)['error']['code'] == 'not_found'
    _validated(client, token, 'POST', '/admin/api/insights/questions/nonsense/dismiss', 404)
    assert api(client, 'GET', '/admin/api/insights/searches')[0] == 401


def test_past_days_are_summed_up_once_keeping_the_most_searched(repo, monkeypatch):
    from chalicelib.insights import report
    monkeypatch.setattr(report, 'TOP_PER_DAY', 2)
    yesterday = time.time() - 86400
    for query, times in (('alpha', 3), ('beta', 2), ('gamma', 1), ('delta', 1)):
        for _ in range(times):
            insights.log_search(query, query != 'delta', now=yesterday)
    figures = insights.search_figures(7)
    assert [(t['query'], t['searches']) for t in figures['top']] == [('alpha', 3), ('beta', 2)]
    assert (figures['found'], figures['missed'], figures['other']) == (6, 1, 2)
    rollup = store.get_search_days().rollups(figures['from'], figures['to'])[
        figures['daily'][-2]['day']]
    assert (rollup.distinct, rollup.other_found, rollup.other_missed) == (4, 1, 1)
    # a late count for a day already summed up is not read again
    insights.log_search('alpha', True, now=yesterday)
    assert insights.search_figures(7)['top'][0] == {'query': 'alpha', 'searches': 3,
                                                    'found': 3, 'missed': 0}
    json.dumps(figures)
