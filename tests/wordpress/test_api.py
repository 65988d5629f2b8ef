"""The WordPress-compatible read API, through the Chalice test client."""
import copy
import json
import re
import zlib
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from chalicelib.wordpress import importer, listing as wp_listing
from tests import helpers
from tests.conftest import reading
from tests.helpers import (BASE, SAMPLE, SEED, HeadParser, import_seed, load_json,
                           make_entry)

OLD_SITE = 'https://certilyst.com/resources'
FAQ = '/wp-json/wp/v2/faq'
TERMS = '/wp-json/wp/v2/faq-categories'
SLUG = 'what-happens-if-you-fail-the-cma-exam-2'


@pytest.fixture
def site(local_settings):
    return local_settings['SITE_URL']


def fill_seeded(repo):
    importer.import_terms(repo, load_json(SEED + '/faq-categories.json'))
    report = import_seed(repo)
    assert not report.failed


def fill_many(repo):
    for n in range(1, 24):
        repo.create(make_entry(n, modified=BASE + timedelta(days=100 - n)))
    repo.create(make_entry(99, status='draft'))


def fill_tagged(repo):
    fill_seeded(repo)
    # 549 was published after the seed's category export, so it has none
    importer.import_records(repo, [dict(load_json(SAMPLE), **{'faq-categories': [12]})],
                            'https://certilyst.com/resources/faq/',
                            {11: 'cma-exam', 12: 'ptcb-exam', 13: 'exam-prep'})


@pytest.fixture
def seeded(repo, shared_tables, monkeypatch):
    """The seed FAQs (8 published, 1 draft) and their three categories
    (shared by the module's tests, which only read them)."""
    yield from reading(shared_tables(fill_seeded), monkeypatch)


@pytest.fixture
def tagged(repo, shared_tables, monkeypatch):
    """The seed, with 549 in category 12."""
    yield from reading(shared_tables(fill_tagged), monkeypatch)


@pytest.fixture
def many(repo, shared_tables, monkeypatch):
    """23 published entries (ids 1..23, newer with the id) and a draft
    (shared by the module's tests, which only read them)."""
    yield from reading(shared_tables(fill_many), monkeypatch)


def get(client, path):
    response = client.http.get(path)
    body = json.loads(response.body) if response.body else None
    return response, body


def ids(body):
    return [item['id'] for item in body]


def swap_site(value, site_url):
    return helpers.swap_site(value, site_url, OLD_SITE)


def assert_wp_error(response, body, status, code):
    assert response.status_code == status, body
    assert set(body) == {'code', 'message', 'data'}
    assert body['code'] == code and body['data']['status'] == status
    assert response.headers['Content-Type'].startswith('application/json')


def between_tags(markup):
    """HTML with the whitespace between block tags dropped."""
    return re.sub(r'>\s+<', '><', markup).strip()


# -- the sample, read back ------------------------------------------------------

def test_the_sample_read_back_equals_the_sample(client, seeded, site):
    """Every field of the WordPress sample, after the site address is swapped.

    Differences, each on purpose (and listed in the module doc of wordpress/api.py /
    the report): ``content.rendered`` loses the blank lines Gutenberg's
    comments left between blocks; ``yoast_head`` is this site's own page
    head (same tags, its own serialisation); ``yoast_head_json`` adds
    ``article_published_time`` and a ``FAQPage`` node as the page head does,
    and names the breadcrumb "FAQs" (the sample: "faqs"); ``_links`` has no
    ``wp:attachment`` (no media here); ``excerpt`` is added (the sample's
    post type had no excerpt support, WordPress's REST schema has one).
    """
    expected = swap_site(load_json(SAMPLE), site)
    response, ours = get(client, FAQ + '/549')
    assert response.status_code == 200
    assert list(ours) == [k for k in expected if k != 'template'][:12] + [
        'excerpt', 'template'] + [k for k in expected][13:]   # the sample's order

    exact = set(expected) - {'content', 'yoast_head', 'yoast_head_json', '_links'}
    for key in sorted(exact):
        assert ours[key] == expected[key], key

    assert between_tags(ours['content']['rendered']) == \
        between_tags(expected['content']['rendered'])
    assert ours['content']['protected'] is expected['content']['protected'] is False
    assert ours['excerpt']['rendered'].startswith('<p>Failing the Certified Medical')

    theirs_json, ours_json = expected['yoast_head_json'], ours['yoast_head_json']
    assert set(ours_json) - set(theirs_json) == {'article_published_time'}
    for key in theirs_json:
        if key != 'schema':
            assert ours_json[key] == theirs_json[key], key
    assert ours_json['article_published_time'] == '2025-12-17T09:02:33+00:00'
    ours_graph = {n['@type']: n for n in ours_json['schema']['@graph']}
    theirs_graph = {n['@type']: n for n in theirs_json['schema']['@graph']}
    assert ours_json['schema']['@context'] == theirs_json['schema']['@context']
    assert set(ours_graph) - set(theirs_graph) == {'FAQPage'}
    assert ours_graph['WebPage'] == theirs_graph['WebPage']
    assert ours_graph['WebSite'] == theirs_graph['WebSite']
    ours_crumbs, theirs_crumbs = (copy.deepcopy(g['BreadcrumbList'])
                                  for g in (ours_graph, theirs_graph))
    assert ours_crumbs['itemListElement'][1]['name'] == 'FAQs'
    ours_crumbs['itemListElement'][1]['name'] = 'faqs'
    assert ours_crumbs == theirs_crumbs

    theirs_head, ours_head = HeadParser(expected['yoast_head']), HeadParser(ours['yoast_head'])
    assert ours_head.title == theirs_head.title
    assert set(ours_head.meta) - set(theirs_head.meta) == {'article:published_time'}
    assert {k: v for k, v in ours_head.meta.items() if k in theirs_head.meta} == \
        theirs_head.meta
    assert ours_head.links == theirs_head.links
    assert json.loads(ours_head.json_ld[0]) == ours_json['schema']

    assert set(expected['_links']) - set(ours['_links']) == {'wp:attachment'}
    for rel in ours['_links']:
        assert ours['_links'][rel] == expected['_links'][rel], rel

    _, listed = get(client, FAQ + '?include=549')
    assert listed == [ours]


def test_the_excerpts_are_wordpress_excerpts(client, seeded):
    _, body = get(client, FAQ + '?per_page=100&_fields=id,excerpt')
    theirs = {r['id']: r['excerpt'] for r in load_json(SEED + '/sample-faqs.json')}
    compared = [item['id'] for item in body if item['id'] in theirs]
    assert len(compared) == 7
    for item in body:
        if item['id'] in theirs:
            assert item['excerpt'] == theirs[item['id']], item['id']


def test_yoast_head_is_the_head_the_faq_page_carries(client, seeded):
    _, item = get(client, FAQ + '/549?_fields=yoast_head')
    page = client.http.get('/faq/%s/' % SLUG).body.decode()
    page_lines = set(page.splitlines())
    lines = item['yoast_head'].splitlines()
    assert len(lines) >= 15
    for line in lines:
        assert line in page_lines, line


def test_categories_read_back_as_the_seed_terms(client, seeded, site):
    response, body = get(client, TERMS)
    assert response.status_code == 200 and response.headers['X-WP-Total'] == '3'
    seed = swap_site(load_json(SEED + '/faq-categories.json'), site)
    by_id = {t['id']: t for t in body}
    for term in seed:
        ours = by_id[term['id']]
        # the archive lives at this site's /faq-category/<slug>/, where the
        # WordPress one was /faq-categories/<slug>/
        assert ours['link'] == '%s/faq-category/%s/' % (site, term['slug'])
        assert client.http.get(ours['link'][len(site):]).status_code == 200
        assert {k: ours[k] for k in term if k not in ('count', 'link')} == {
            k: v for k, v in term.items() if k not in ('count', 'link')}
    # counts are published entries here: the seed's draft (12, 13) is not counted
    assert {t['id']: t['count'] for t in body} == {11: 6, 12: 1, 13: 2}
    assert [t['name'] for t in body] == ['CMA Exam', 'Exam Prep', 'PTCB Exam']
    assert body[0]['_links']['wp:post_type'] == [
        {'href': site + '/wp-json/wp/v2/faq?faq-categories=11'}]
    _, one = get(client, TERMS + '/13')
    assert one == by_id[13]


def test_term_ids_round_trip_through_entries(client, seeded):
    _, item = get(client, FAQ + '/545?_fields=faq-categories,class_list')
    assert item['faq-categories'] == [11, 13]
    assert item['class_list'][-2:] == ['faq-categories-cma-exam', 'faq-categories-exam-prep']
    _, terms = get(client, TERMS + '?post=545')
    assert sorted(ids(terms)) == [11, 13]


# -- the listing ----------------------------------------------------------------

def test_listing_defaults_newest_first_ten_a_page_with_totals_and_links(client, many, site):
    response, body = get(client, FAQ)
    assert response.status_code == 200
    assert ids(body) == list(range(23, 13, -1))
    assert response.headers['X-WP-Total'] == '23'
    assert response.headers['X-WP-TotalPages'] == '3'
    links = response.headers['Link']
    assert '<%s/wp-json/>; rel="https://api.w.org/"' % site in links
    assert '<%s/wp-json/wp/v2/faq?page=2>; rel="next"' % site in links
    assert 'rel="prev"' not in links

    response, body = get(client, FAQ + '?page=3&per_page=10')
    assert ids(body) == [3, 2, 1]
    assert '<%s/wp-json/wp/v2/faq?per_page=10&page=2>; rel="prev"' % site \
        in response.headers['Link']
    assert 'rel="next"' not in response.headers['Link']
    assert response.headers['Access-Control-Allow-Origin'] == '*'
    assert 'X-WP-TotalPages' in response.headers['Access-Control-Expose-Headers']


def test_per_page_is_at_most_100_and_drafts_never_show(client, many):
    response, body = get(client, FAQ + '?per_page=100')
    assert len(body) == 23 and 99 not in ids(body)
    assert response.headers['X-WP-TotalPages'] == '1'
    response, body = get(client, FAQ + '?per_page=101')
    assert_wp_error(response, body, 400, 'rest_invalid_param')
    assert body['data']['params'] == {
        'per_page': 'per_page must be between 1 (inclusive) and 100 (inclusive)'}
    assert body['message'] == 'Invalid parameter(s): per_page'
    assert body['data']['details']['per_page']['code'] == 'rest_out_of_bounds'


def test_a_page_past_the_end(client, many, repo):
    response, body = get(client, FAQ + '?page=4')
    assert_wp_error(response, body, 400, 'rest_post_invalid_page_number')
    assert body['message'] == ('The page number requested is larger than the number '
                               'of pages available.')
    response, body = get(client, FAQ + '?page=5&slug=nothing-like-this')
    assert response.status_code == 200 and body == []
    assert response.headers['X-WP-Total'] == '0'
    assert response.headers['X-WP-TotalPages'] == '0'


@pytest.mark.parametrize('query, expected', [
    ('slug=question-4', [4]),
    ('slug=question-4,question-7', [7, 4]),
    ('slug[]=question-4&slug[]=question-7', [7, 4]),
    ('include=3,5,9&orderby=include', [3, 5, 9]),
    ('include[]=9&include[]=3&orderby=include', [9, 3]),
    ('include=3,5,9', [9, 5, 3]),
    ('exclude=23,22&per_page=3', [21, 20, 19]),
    ('offset=20', [3, 2, 1]),
    ('offset=2&per_page=2', [21, 20]),
    ('order=asc&per_page=3', [1, 2, 3]),
    ('orderby=id&order=asc&per_page=2&page=2', [3, 4]),
    ('orderby=modified&per_page=3', [1, 2, 3]),        # modified runs backwards here
    ('orderby=title&per_page=3', [9, 8, 7]),
    ('orderby=slug&per_page=2', [9, 8]),
    ('orderby=include_slugs&slug=question-2,question-9,question-5', [2, 9, 5]),
    ('after=2025-01-21T00:00:00', [23, 22, 21]),
    ('after=2025-01-21T00:00:00Z', [23, 22, 21]),
    ('after=2025-01-21T01:00:00%2B02:00', [23, 22, 21, 20]),
    ('before=2025-01-04T00:00:00', [2, 1]),
    ('before=2025-01-05 00:00:00&after=2025-01-02T12:00:00', [3, 2]),
    ('modified_after=2025-04-07T00:00:00', [3, 2, 1]),
    ('modified_before=2025-03-20T00:00:00&per_page=100', [23]),
])
def test_wordpress_query_parameters(client, many, query, expected):
    response, body = get(client, FAQ + '?' + query)
    assert response.status_code == 200, body
    assert ids(body) == expected


def test_a_listing_by_title_folds_no_title_when_it_is_asked(client, many, monkeypatch):
    """The builder stores the title order with the summary: a request, cold
    or warm, only filters in it, whatever the number of entries."""
    from chalicelib import derived
    from chalicelib.derived import summary
    folded = []
    real = summary.collate
    monkeypatch.setattr(summary, 'collate', lambda text: folded.append(text) or real(text))
    derived.forget()                          # a new instance
    descending = ids(get(client, FAQ + '?orderby=title&per_page=100')[1])
    assert descending[:3] == [9, 8, 7] and len(descending) == 23
    assert ids(get(client, FAQ + '?orderby=title&per_page=3&page=2')[1]) == descending[3:6]
    assert ids(get(client, FAQ + '?orderby=title&order=asc&per_page=100')[1]) == \
        descending[::-1]
    assert folded == []


def test_a_summary_stored_without_its_orders_sorts_once():
    from chalicelib.derived import summary
    rows = [summary.Row((n << 32) | n, n, 'slug-%d' % n, title, n, n, 1, ())
            for n, title in enumerate(['b', 'É', 'a', 'd'], 1)]
    stored = summary.Summary(rows)
    assert [r.title for r in stored.ordered('title')] == ['a', 'b', 'd', 'É']
    data = json.loads(zlib.decompress(stored.encode()))
    # rows are newest first: d, a, É, b
    assert data['orders'] == {'title': [1, 3, 0, 2], 'slug': [3, 2, 1, 0]}
    del data['orders']                        # as a build before this change wrote it
    older = summary.Summary.decode(zlib.compress(json.dumps(data).encode()))
    assert older.ordered('title') is older.ordered('title')
    assert [r.title for r in older.ordered('title')] == ['a', 'b', 'd', 'É']


def test_a_search_asked_again_is_not_run_again(client, many, monkeypatch):
    runs = []
    real = wp_listing.find
    monkeypatch.setattr(wp_listing, 'find', lambda *args: runs.append(args[1]) or real(*args))
    first = get(client, FAQ + '?search=question&per_page=5')[1]
    assert len(runs) == 1 and len(first) == 5
    assert ids(get(client, FAQ + '?search=Question&per_page=5&page=2')[1]) == \
        [entry_id - 5 for entry_id in ids(first)]
    assert len(runs) == 1                   # the same search, folded: its ranks kept
    get(client, FAQ + '?search=question&orderby=relevance')
    assert len(runs) == 2                   # ranked otherwise: run again


def test_a_search_by_date_or_relevance_alone_does_not_read_the_summary(
        client, many, monkeypatch):
    """The index orders such a search; the summary of every entry (0.5 MB at
    20,000) is read only when a filter or another order needs it."""
    from chalicelib import derived
    from chalicelib.derived.summary import Summary
    decoded = []
    real = Summary.decode.__func__
    monkeypatch.setattr(Summary, 'decode',
                        classmethod(lambda cls, data: decoded.append(1) or real(cls, data)))
    derived.forget()
    by_date = ids(get(client, FAQ + '?search=question&per_page=100')[1])
    assert by_date == list(range(23, 0, -1))
    assert ids(get(client, FAQ + '?search=question&order=asc&per_page=3')[1]) == [1, 2, 3]
    assert len(get(client, FAQ + '?search=question&orderby=relevance')[1]) == 10
    assert decoded == []
    assert ids(get(client, FAQ + '?search=question&exclude=23&per_page=2')[1]) == [22, 21]
    assert decoded == [1]


def test_search_with_relevance_exclusion_and_accents(client, repo):
    repo.create(make_entry(1, title='Exam fees', content='<p>Retake costs money.</p>'))
    repo.create(make_entry(2, title='Retake policy', content='<p>You may sit again.</p>'))
    repo.create(make_entry(3, title='Scores', content='<p>The retake fee is lower.</p>'))
    repo.create(make_entry(4, title='Café études', content='<p>Naïve résumé.</p>'))
    assert ids(get(client, FAQ + '?search=retake')[1]) == [3, 2, 1]
    assert ids(get(client, FAQ + '?search=retake&orderby=relevance')[1]) == [2, 3, 1]
    assert ids(get(client, FAQ + '?search=retake%20-fee')[1]) == [2]   # 1: 'fees'
    assert ids(get(client, FAQ + '?search=RETAKE+policy')[1]) == [2]
    assert ids(get(client, FAQ + '?search=%22sit%20again%22')[1]) == [2]
    assert ids(get(client, FAQ + '?search=cafe%20resume')[1]) == [4]
    assert ids(get(client, FAQ + '?search=the')[1]) == [3]         # a stopword alone
    assert ids(get(client, FAQ + '?search=retake&search_columns=post_title')[1]) == [2]
    response, body = get(client, FAQ + '?orderby=relevance')
    assert_wp_error(response, body, 400, 'rest_no_search_term_defined')
    assert body['message'] == 'You need to define a search term to order by relevance.'


def test_include_ordering_needs_include(client, many):
    response, body = get(client, FAQ + '?orderby=include')
    assert_wp_error(response, body, 400, 'rest_orderby_include_missing_include')
    assert body['message'] == 'You need to define an include parameter to order by include.'


@pytest.mark.parametrize('query, expected', [
    ('faq-categories=11', [553, 552, 550, 545, 543, 541]),
    ('faq-categories=12,13', [553, 549, 547, 545]),
    ('faq-categories[]=13', [553, 545]),
    ('faq-categories[terms]=11,13&faq-categories[operator]=AND', [553, 545]),
    ('faq-categories_exclude=11', [549, 547]),
    ('faq-categories=12&faq-categories_exclude=11&tax_relation=OR', [549, 547]),
    ('faq-categories=999', []),
])
def test_the_faq_categories_taxonomy_filter(client, tagged, query, expected):
    response, body = get(client, FAQ + '?' + query)
    assert response.status_code == 200, body
    assert ids(body) == expected


def test_fields_limit_the_response_nested_too(client, many, site):
    _, body = get(client, FAQ + '?per_page=2&_fields=id,title.rendered,_links.self')
    assert body[0] == {'id': 23, 'title': {'rendered': 'Question 23?'}, '_links': {
        'self': [{'href': site + '/wp-json/wp/v2/faq/23', 'targetHints': {'allow': ['GET']}}]}}
    _, item = get(client, FAQ + '/5?_fields=slug,nonexistent')
    assert item == {'slug': 'question-5'}


def test_an_empty_fields_list_gives_the_whole_response_as_wordpress_does(client, many):
    """``rest_filter_response_fields`` filters only when ``_fields`` names
    something: ``_fields=`` is the whole response, not ``{}``."""
    for path in ('/wp-json', '/wp-json/wp/v2', FAQ + '/5', '/wp-json/wp/v2/types/faq'):
        _, whole = get(client, path)
        for query in ('?_fields=', '?_fields=,', '?_fields[]='):
            response, body = get(client, path + query)
            assert response.status_code == 200 and body == whole, (path, query)


def test_pretty_printing_is_asked_by_presence_as_wordpress_does(client, many):
    """WordPress pretty-prints whenever ``_pretty`` is there, whatever its value."""
    for query in ('_pretty', '_pretty=1', '_pretty=null', '_pretty=0'):
        response = client.http.get(FAQ + '/5?_fields=id,slug&' + query)
        assert response.body.decode() == '{\n  "id": 5,\n  "slug": "question-5"\n}', query
    assert client.http.get(FAQ + '/5?_fields=id').body == b'{"id":5}'


def test_embed_context_and_the_contexts_that_need_a_login(client, many):
    _, body = get(client, FAQ + '?per_page=1&context=embed')
    assert list(body[0]) == ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt',
                             '_links']
    response, body = get(client, FAQ + '?context=edit')
    assert_wp_error(response, body, 401, 'rest_forbidden_context')
    response, body = get(client, FAQ + '?status=draft')
    assert_wp_error(response, body, 401, 'rest_forbidden_status')
    assert get(client, FAQ + '?status=publish')[0].status_code == 200


def test_one_faq_by_id(client, many, site):
    response, body = get(client, FAQ + '/7')
    assert response.status_code == 200 and body['id'] == 7
    assert body['link'] == site + '/faq/question-7/'
    assert '<%s/faq/question-7/>; rel="alternate"; type="text/html"' % site \
        in response.headers['Link']
    for missing in ('/99', '/0', '/100000', '/99999999999999999999999'):
        response, body = get(client, FAQ + missing)       # 99 is a draft
        assert_wp_error(response, body, 404, 'rest_post_invalid_id')
        assert body['message'] == 'Invalid post ID.'
    for malformed in ('/abc', '/7x', '/-1', '/%C2%B2'):
        response, body = get(client, FAQ + malformed)
        assert_wp_error(response, body, 404, 'rest_no_route')


def test_terms_errors_and_filters(client, seeded):
    response, body = get(client, TERMS + '/77')
    assert_wp_error(response, body, 404, 'rest_term_invalid')
    response, body = get(client, TERMS + '?post=556')      # a draft
    assert_wp_error(response, body, 400, 'rest_post_invalid_id')
    assert ids(get(client, TERMS + '?orderby=count&order=desc')[1]) == [11, 13, 12]
    assert ids(get(client, TERMS + '?search=prep')[1]) == [13]
    assert ids(get(client, TERMS + '?slug=ptcb-exam,cma-exam&orderby=include_slugs')[1]) \
        == [12, 11]
    assert ids(get(client, TERMS + '?per_page=1&page=2&orderby=id')[1]) == [12]
    response, body = get(client, TERMS + '?per_page=1&page=9')
    assert response.status_code == 200 and body == []
    assert response.headers['X-WP-TotalPages'] == '3'
    response, body = get(client, TERMS + '?hide_empty=maybe')
    assert_wp_error(response, body, 400, 'rest_invalid_param')
    assert body['data']['params'] == {'hide_empty': 'hide_empty is not of type boolean.'}


@pytest.mark.parametrize('query, params', [
    ('page=0', {'page': 'page must be greater than or equal to 1'}),
    ('per_page=abc', {'per_page': 'per_page is not of type integer.'}),
    ('per_page=1.5', {'per_page': 'per_page is not of type integer.'}),
    ('per_page=', {'per_page': 'per_page is not of type integer.'}),
    ('order=DESC', {'order': 'order is not one of asc and desc.'}),
    ('orderby=author', {'orderby': 'orderby is not one of date, id, include, modified, '
                        'relevance, slug, include_slugs, and title.'}),
    ('after=yesterday', {'after': 'Invalid date.'}),
    ('before=2025-02-30T00:00:00', {'before': 'Invalid date.'}),
    ('include=1,x', {'include': 'include[1] is not of type integer.'}),
    ('faq-categories=eleven', {'faq-categories': 'faq-categories[0] is not of type integer.'}),
    ('status=secret', {'status': 'status[0] is not one of publish, future, draft, pending, '
                       'private, trash, auto-draft, inherit, and any.'}),
    ('page=-1&per_page=0&context=raw', {
        'context': 'context is not one of view, embed, and edit.',
        'page': 'page must be greater than or equal to 1',
        'per_page': 'per_page must be between 1 (inclusive) and 100 (inclusive)'}),
])
def test_invalid_parameters_are_named(client, many, query, params):
    response, body = get(client, FAQ + '?' + query)
    assert_wp_error(response, body, 400, 'rest_invalid_param')
    assert body['data']['params'] == params
    assert body['message'] == 'Invalid parameter(s): ' + ', '.join(params)


@pytest.mark.parametrize('path', [
    '/wp-json/wp/v2/posts', '/wp-json/wp/v2/posts/1', '/wp-json/wp/v2/users/1',
    '/wp-json/wp', '/wp-json/wp/v1', '/wp-json/wp/v1/faq', '/wp-json/wp/v1/faq/549',
    '/wp-json/oembed', '/wp-json/oembed/1.0', '/wp-json/oembed/1.0/embed',
    '/wp-json/yoast/v1/get_head/x', '/wp-json/wp/v2/faq/549/revisions',
    '/wp-json/wp/v2/faq-categories/11/children', '/wp-json/wp/v2/types/faq/x',
    '/wp-json/wp/v2/taxonomies/faq-categories/x',
])
def test_unknown_routes_are_rest_no_route(client, repo, path):
    response, body = get(client, path)
    assert_wp_error(response, body, 404, 'rest_no_route')
    assert body['message'] == 'No route was found matching the URL and request method.'


@pytest.mark.parametrize('query', [
    'per_page=1e2', 'page=99999999999999999999', 'page=1e999999', 'offset=-5',
    'offset=99999999999', 'include[]=1&include[]=x', 'faq-categories[operator]=XOR',
    '_fields=', '_fields=...', 'search=%00%FF', 'search=%22', 'search=-', 'slug=,,,',
    'after=2025-01-01T00:00:00.1234567%2B05', 'tax_relation=XOR', '_pretty=1',
    'search_columns=post_password', 'faq-categories[terms]=', 'context=embed&_fields=yoast_head',
])
def test_odd_parameters_never_break_the_api(client, many, query):
    response, body = get(client, FAQ + '?' + query)
    assert response.status_code in (200, 400), (query, body)
    if response.status_code != 200:
        assert body['code'] in ('rest_invalid_param', 'rest_post_invalid_page_number')
    else:
        assert isinstance(body, list)


# -- discovery --------------------------------------------------------------------

def test_pages_announce_the_api_and_a_discovery_client_finds_the_faqs(client, many, site):
    for path in ('/', '/faq/', '/faq/question-3/', '/faq/no-such-thing/'):
        link = client.http.get(path).headers['Link']
        assert link == '<%s/wp-json/>; rel="https://api.w.org/"' % site, path
    # what a discovery-based client does: follow the Link header to the index,
    # find the route and follow its self link
    api = re.match(r'<([^>]+)>; rel="https://api.w.org/"',
                   client.http.get('/').headers['Link']).group(1)
    response, index = get(client, urlsplit(api).path)
    assert response.status_code == 200
    assert index['namespaces'] == ['wp/v2'] and index['url'] == site
    route = index['routes']['/wp/v2/faq']
    assert route['methods'] == ['GET']
    args = route['endpoints'][0]['args']
    assert args['per_page'] == {'description': 'Maximum number of items to be returned '
                                'in result set.', 'type': 'integer', 'default': 10,
                                'minimum': 1, 'maximum': 100, 'required': False}
    assert args['orderby']['default'] == 'date' and args['order']['default'] == 'desc'
    assert {'page', 'search', 'slug', 'include', 'exclude', 'offset', 'after', 'before',
            'modified_after', 'modified_before', 'faq-categories'} <= set(args)
    collection = urlsplit(route['_links']['self'][0]['href']).path
    response, body = get(client, collection)
    assert response.status_code == 200 and len(body) == 10
    assert {'/', '/wp/v2', '/wp/v2/faq/(?P<id>[\\d]+)', '/wp/v2/faq-categories',
            '/wp/v2/faq-categories/(?P<id>[\\d]+)'} <= set(index['routes'])


def test_the_namespace_index_and_the_linked_type_and_taxonomy(client, repo, site):
    response, body = get(client, '/wp-json/wp/v2/')
    assert response.status_code == 200 and body['namespace'] == 'wp/v2'
    assert '/wp/v2/faq' in body['routes'] and '/' not in body['routes']
    assert body['_links']['up'] == [{'href': site + '/wp-json/'}]
    _, faq_type = get(client, '/wp-json/wp/v2/types/faq')       # an item's "about"
    assert faq_type['slug'] == 'faq' and faq_type['rest_base'] == 'faq'
    assert faq_type['taxonomies'] == ['faq-categories']
    _, taxonomy = get(client, '/wp-json/wp/v2/taxonomies/faq-categories')
    assert taxonomy['types'] == ['faq'] and taxonomy['hierarchical'] is True
    assert list(get(client, '/wp-json/wp/v2/types')[1]) == ['faq']
    assert get(client, '/wp-json/wp/v2/taxonomies?type=post')[1] == {}
    assert_wp_error(*get(client, '/wp-json/wp/v2/types/post'), 404, 'rest_type_invalid')
    assert_wp_error(*get(client, '/wp-json/wp/v2/taxonomies/category'), 404,
                    'rest_taxonomy_invalid')


# -- cost -----------------------------------------------------------------------------

@pytest.fixture
def calls(seeded, stream):
    """The DynamoDB operations the app calls, recorded while the test runs
    (after the builder caught up: its calls are not the requests')."""
    stream.drain()
    names = []

    def record(event_name, **_):
        names.append(event_name.rsplit('.', 1)[-1])
    events = seeded.client.meta.events
    events.register('provide-client-params.dynamodb.*', record)
    yield names
    events.unregister('provide-client-params.dynamodb.*', record)


def test_a_listing_reads_a_chunk_and_its_entries_never_every_entry(client, calls):
    get(client, FAQ + '?per_page=100')
    # the manifest with the categories, the listing's first chunk, the 100 entries
    assert calls == ['Query', 'BatchGetItem', 'BatchGetItem']
    calls.clear()
    get(client, FAQ + '?per_page=100&_fields=id,title,link')
    assert calls == []                     # warm: the chunk and the entries are known
    calls.clear()
    get(client, FAQ + '/545')
    assert calls == ['GetItem']                               # categories: known
