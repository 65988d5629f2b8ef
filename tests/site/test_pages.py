"""Public pages through the Chalice test client, against DynamoDB Local."""
import json
import re

import pytest

from tests import helpers
from tests.helpers import (SAMPLE, HeadParser, api_gateway_event, import_seed,
                           load_json, make_entry)

SLUG = 'what-happens-if-you-fail-the-cma-exam-2'
OLD_SITE = 'https://certilyst.com/resources'


@pytest.fixture
def seeded(repo):
    report = import_seed(repo)
    assert not report.failed
    return repo


def html(response):
    assert response.headers['Content-Type'] == 'text/html; charset=utf-8'
    return response.body.decode('utf-8')


def swap_site(value, site_url):
    return helpers.swap_site(value, site_url, OLD_SITE)


def test_faq_page_reproduces_the_yoast_head_field_by_field(client, seeded, local_settings):
    site = local_settings['SITE_URL']
    expected = swap_site(load_json(SAMPLE)['yoast_head_json'], site)
    page = HeadParser(html(client.http.get('/faq/%s/' % SLUG)))
    assert page.title == expected['title']
    assert page.meta['description'] == expected['description']
    assert page.meta['robots'] == ', '.join(expected['robots'].values())
    assert page.links['canonical'] == expected['canonical']
    for field in ('og_locale', 'og_type', 'og_title', 'og_description', 'og_url',
                  'og_site_name'):
        assert page.meta[field.replace('_', ':', 1)] == expected[field], field
    assert page.meta['article:modified_time'] == expected['article_modified_time']
    assert page.meta['twitter:card'] == expected['twitter_card']
    (label, value), = expected['twitter_misc'].items()
    assert (page.meta['twitter:label1'], page.meta['twitter:data1']) == (label, value)
    assert value == '2 minutes'

    ours = {node['@type']: node for node in page.graph()}
    theirs = {node['@type']: node for node in expected['schema']['@graph']}
    assert set(theirs) <= set(ours)
    assert ours['WebPage'] == theirs['WebPage']
    assert ours['WebSite'] == theirs['WebSite']
    crumbs = ours['BreadcrumbList']['itemListElement']
    want = theirs['BreadcrumbList']['itemListElement']
    # The sample's "faqs" is WordPress's post type label; we write "FAQs".
    assert [c['name'].casefold() for c in crumbs] == [c['name'].casefold() for c in want]
    assert [c.get('item') for c in crumbs] == [c.get('item') for c in want]
    assert ours['BreadcrumbList']['@id'] == theirs['BreadcrumbList']['@id']


def test_faq_page_has_faqpage_json_ld_naming_question_and_answer(client, seeded):
    page = HeadParser(html(client.http.get('/faq/%s/' % SLUG)))
    faq = next(n for n in page.graph() if n['@type'] == 'FAQPage')
    question, = faq['mainEntity']
    assert question['@type'] == 'Question'
    assert question['name'] == 'What Happens If You Fail the CMA Exam?'
    answer = question['acceptedAnswer']
    assert answer['@type'] == 'Answer'
    assert answer['text'].startswith('Failing the Certified Medical Assistant (CMA) exam')
    assert 'within reach take the next step with purpose today.' in answer['text']
    assert '<' not in answer['text']


def test_json_ld_cannot_break_out_of_its_script(client, repo):
    repo.create(make_entry(1, title='Is </script><script>alert(1)</script> safe?'))
    body = html(client.http.get('/faq/question-1/'))
    block = body.split('<script type="application/ld+json">', 1)[1].split('</script>', 1)[0]
    assert '<' not in block
    assert 'alert(1)' in json.loads(block)['@graph'][0]['name']


def test_both_slash_forms_serve_the_page_with_the_same_canonical(client, seeded):
    with_slash = client.http.get('/faq/%s/' % SLUG)
    without = client.http.get('/faq/%s' % SLUG)
    assert with_slash.status_code == without.status_code == 200
    assert 'Location' not in without.headers
    assert HeadParser(html(with_slash)).links['canonical'] \
        == HeadParser(html(without)).links['canonical']
    assert HeadParser(html(without)).links['canonical'].endswith('/faq/%s/' % SLUG)


@pytest.mark.parametrize('path', [
    '/faq/how-to-study-for-the-ptce/',    # a draft in the seed
    '/faq/no-such-question/',
    '/faq/UPPER-case/', '/faq/two--hyphens/', '/faq/-leading/', '/faq/%25zz/',
    '/faq/' + 'a' * 201 + '/', '/faq/caf%C3%A9/',
])
def test_drafts_unknown_and_malformed_slugs_are_html_404s(client, seeded, path):
    response = client.http.get(path)
    assert response.status_code == 404
    body = html(response)
    page = HeadParser(body)
    assert page.meta['robots'] == 'noindex'
    assert '/' in page.anchors                       # a link home
    assert 'name="s"' in body                        # and the search box


def test_the_draft_is_stored_but_never_shown(client, seeded):
    assert seeded.get_by_slug('how-to-study-for-the-ptce').status == 'draft'
    index = html(client.http.get('/faq/'))
    assert 'how-to-study-for-the-ptce' not in index
    assert 'how-to-study-for-the-ptce' not in html(client.http.get('/'))


def test_index_lists_published_newest_first_with_pagination(client, repo):
    for n in range(1, 24):
        repo.create(make_entry(n))
    body = html(client.http.get('/faq/'))
    first = HeadParser(body)
    newest = HeadParser(body.split('<ul class="cards">', 1)[1])
    listed = [a for a in newest.anchors if re.fullmatch(r'/faq/question-\d+/', a)]
    assert listed == ['/faq/question-%d/' % n for n in range(23, 13, -1)]
    assert first.links['next'].endswith('/faq/?page=2')
    assert 'prev' not in first.links
    third = HeadParser(html(client.http.get('/faq/?page=3')))
    assert [a for a in third.anchors if re.fullmatch(r'/faq/question-\d+/', a)] \
        == ['/faq/question-%d/' % n for n in (3, 2, 1)]
    assert third.links['prev'].endswith('/faq/?page=2')
    assert third.links['canonical'].endswith('/faq/?page=3')
    assert 'next' not in third.links
    for bad in ('?page=4', '?page=0', '?page=-1', '?page=abc', '?page=99999999999',
                '?page=%C2%B2', '?page=%D9%A3'):        # '²' and '٣' pass str.isdigit()
        assert client.http.get('/faq/' + bad).status_code == 404, bad


def test_home_shows_site_name_tagline_latest_and_search_box(client, seeded, local_settings):
    body = html(client.http.get('/'))
    page = HeadParser(body)
    assert local_settings['SITE_NAME'] in page.title
    assert local_settings['SITE_TAGLINE'] in body
    assert '/faq/%s/' % SLUG in page.anchors      # the newest published FAQ
    assert re.search(r'<form[^>]+role="search"[^>]+method="get"[^>]+action="/"', body)
    assert 'name="s"' in body


def test_pages_are_accessible_light_and_self_contained(client, seeded):
    for path in ('/', '/faq/', '/faq/%s/' % SLUG, '/faq/missing/'):
        body = client.http.get(path).body.decode()
        page = HeadParser(body)
        assert re.search(r'<html lang="en-US">', body), path
        assert page.h1_count == 1, path
        assert '<a class="skip" href="#content">' in body
        for landmark in ('<header', '<main id="content"', '<footer'):
            assert landmark in body, (path, landmark)
        assert 'name="viewport"' in body
        # No script to run, no stylesheet, image or font from any other host.
        assert not re.search(r'<script(?![^>]*application/ld\+json)', body), path
        assert not re.search(r'<(link|img|iframe)[^>]+(src|href)="(https?:)?//'
                             r'(?!127\.0\.0\.1:8000)', body.replace(
                                 'rel="canonical"', '').replace('rel="prev"', '')
                             .replace('rel="next"', '')), path
    faq = client.http.get('/faq/%s/' % SLUG).body
    assert len(faq) <= 20 * 1024
    text = faq.decode()
    assert 'aria-label="Breadcrumb"' in text
    assert re.search(r'Home</a></li>\s*<li><a href="/faq/">FAQs</a></li>\s*'
                     r'<li aria-current="page">What Happens If You Fail', text)
    assert '<time datetime="2025-12-17T09:02:33+00:00">December 17, 2025</time>' in text
    assert 'Est. reading time: 2 minutes' in text


def test_internal_links_of_the_sample_resolve_on_this_site(client, seeded):
    page = HeadParser(html(client.http.get('/faq/%s/' % SLUG)))
    internal = [a for a in page.anchors if a.startswith('/faq/') and a != '/faq/']
    assert len(internal) >= 4
    for link in internal:
        assert client.http.get(link).status_code == 200, link


@pytest.mark.parametrize('mount', ['/api', '/resources'])
def test_links_follow_the_mount_point_while_canonicals_use_the_site_url(
        seeded, monkeypatch, mount):
    from app import app
    monkeypatch.setenv('SITE_URL', 'https://certilyst.com/resources')
    event = api_gateway_event('/faq/{slug}', '/faq/%s/' % SLUG, mount=mount,
                              path_params={'slug': SLUG})
    response = app(event, None)
    assert response['statusCode'] == 200
    page = HeadParser(response['body'])
    assert page.links['canonical'] == 'https://certilyst.com/resources/faq/%s/' % SLUG
    local = [a for a in page.anchors if a.startswith('/')]
    assert local and all(a.startswith(mount + '/') for a in local), local
    assert mount + '/faq/which-countries-accept-cma-certilyst/' in local
    assert mount + '/faq/' in local and mount + '/' in local

    index = app(api_gateway_event('/faq', '/faq/', mount=mount), None)
    links = [a for a in HeadParser(index['body']).anchors if a.startswith('/')]
    assert links and all(a.startswith(mount + '/') for a in links), links
    home = app(api_gateway_event('/', '/', mount=mount), None)
    assert 'action="%s/"' % mount in home['body']
