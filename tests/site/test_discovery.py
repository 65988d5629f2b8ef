"""Finding answers: categories, related questions, search page, sitemap, feed."""
import json
import re
import time

import feedparser
import pytest
from lxml import etree

from chalicelib import derived
from chalicelib.models import build_category
from tests.conftest import ROOT
from tests.helpers import HeadParser, import_seed, make_entry

SITEMAP_XSD = ROOT + '/tests/data/sitemap-0.9.xsd'
NS = {'s': 'http://www.sitemaps.org/schemas/sitemap/0.9'}
SLUG = 'what-happens-if-you-fail-the-cma-exam-2'


@pytest.fixture
def seeded(repo):
    import_seed(repo)
    for term_id, slug, name in ((11, 'cma-exam', 'CMA exam'), (12, 'ptcb-exam', 'PTCB exam'),
                                (13, 'exam-prep', 'Exam preparation')):
        repo.put_category(build_category(id=term_id, slug=slug, name=name,
                                         description='Questions about the %s.' % name))
    return repo


def validate_sitemap(xml_bytes):
    schema = etree.XMLSchema(etree.parse(SITEMAP_XSD))
    document = etree.fromstring(xml_bytes)
    schema.assertValid(document)
    return document


def test_category_page_lists_its_published_faqs_with_its_own_seo_head(client, seeded):
    response = client.http.get('/faq-category/cma-exam/')
    assert response.status_code == 200
    body = response.body.decode()
    page = HeadParser(body)
    assert page.links['canonical'] == 'http://127.0.0.1:8000/faq-category/cma-exam/'
    assert page.meta['description'] == 'Questions about the CMA exam.'
    graph = {node['@type']: node for node in page.graph()}
    assert graph['CollectionPage']['url'] == page.links['canonical']
    crumbs = [c['name'] for c in graph['BreadcrumbList']['itemListElement']]
    assert crumbs == ['Home', 'FAQs', 'CMA exam']
    listed = [a for a in page.anchors if a.startswith('/faq/') and a != '/faq/']
    members = [e for e in seeded.all_by_status('publish') if 'cma-exam' in e.categories]
    assert sorted(set(listed)) == sorted('/faq/%s/' % e.slug for e in members)
    assert '/faq/how-to-study-for-the-ptce/' not in listed        # a draft


def test_category_pages_paginate_with_canonicals_and_rel_links(client, repo):
    repo.put_category(build_category(id=1, slug='many', name='Many'))
    for n in range(1, 13):
        repo.create(make_entry(n, categories=('many',)))
    second = HeadParser(client.http.get('/faq-category/many/?page=2').body.decode())
    assert second.links['canonical'].endswith('/faq-category/many/?page=2')
    assert second.links['prev'].endswith('/faq-category/many/')
    assert 'next' not in second.links
    first = HeadParser(client.http.get('/faq-category/many/').body.decode())
    assert first.links['next'].endswith('/faq-category/many/?page=2')
    for path in ('/faq-category/many/?page=3', '/faq-category/nope/', '/faq-category/BAD/'):
        assert client.http.get(path).status_code == 404


def test_faq_page_shows_categories_first_in_breadcrumb_and_related(client, seeded):
    slug = 'what-grade-do-you-need-to-pass-the-cma-exam'
    body = client.http.get('/faq/%s/' % slug).body.decode()
    page = HeadParser(body)
    crumbs = next(n for n in page.graph() if n['@type'] == 'BreadcrumbList')
    assert [c['name'] for c in crumbs['itemListElement']][:3] == ['Home', 'FAQs', 'CMA exam']
    assert '/faq-category/cma-exam/' in page.anchors
    related = body.split('id="related-heading"', 1)[1]
    links = re.findall(r'href="/faq/([^"]+)/"', related)
    assert 1 <= len(links) <= 5 and slug not in links
    assert 'how-to-study-for-the-ptce' not in links                  # drafts never
    # shared category first: every related FAQ but the last few shares cma-exam
    first = seeded.get_by_slug(links[0])
    assert 'cma-exam' in first.categories


def test_related_ranks_shared_categories_and_terms(repo, stream):
    repo.put_category(build_category(id=1, slug='fees', name='Fees'))
    base = repo.create(make_entry(1, title='How much does the exam cost?', categories=('fees',),
                                  content='<p>Prices vary.</p>'))
    repo.create(make_entry(2, title='Refund of exam fees', categories=('fees',),
                           content='<p>Ask the board.</p>'))
    repo.create(make_entry(3, title='What does the exam cost abroad?',
                           content='<p>Convert currency.</p>'))
    repo.create(make_entry(4, title='Where can I park?', content='<p>Downtown lots.</p>'))
    stream.drain()               # the builder stores related questions on each entry
    related = repo.get_by_id(base.id).related
    assert [r.slug for r in related] == ['question-2', 'question-3']
    assert [r.title for r in related] == ['Refund of exam fees',
                                          'What does the exam cost abroad?']


def test_index_groups_faqs_by_category(client, seeded):
    body = client.http.get('/faq/').body.decode()
    section = body.split('id="by-category"', 1)[1].split('</section>', 1)[0]
    for name in ('CMA exam', 'PTCB exam', 'Exam preparation'):
        assert name in section
    assert 'href="/faq-category/cma-exam/"' in section


def test_search_page_ranks_highlights_and_shows_categories(client, seeded):
    body = client.http.get('/?s=retake').body.decode()
    page = HeadParser(body)
    assert page.meta['robots'] == 'noindex, follow'
    assert page.meta['description'] == 'Questions and answers from Certilyst matching “retake”.'
    assert HeadParser(client.http.get('/?s=').body.decode()).meta['description']
    results = body.split('<ol class="cards">', 1)[1]
    assert '<mark>' in results
    assert 'value="retake"' in body
    titles = re.findall(r'<h2><a href="/faq/([^"]+)/">', results)
    assert titles and SLUG in titles
    cma = client.http.get('/?s=%22CMA+exam%22').body.decode()
    assert 'href="/faq-category/cma-exam/"' in cma.split('<ol class="cards">', 1)[1]


@pytest.mark.parametrize('query', ['', '   ', 'x' * 10_000, '\x00\x01\x7f', '<script>alert(1)'
                                   '</script>', '"""', '%%%', 'zzzzqqq', '\ud800'])
def test_odd_queries_get_a_clean_page(client, seeded, query):
    from urllib.parse import quote
    started = time.monotonic()
    response = client.http.get('/?s=' + quote(query, safe='', errors='surrogatepass'))
    assert response.status_code == 200
    body = response.body.decode()
    assert '<script>alert' not in body
    assert time.monotonic() - started < 5


def test_sitemap_lists_home_faqs_and_categories_and_validates(client, seeded):
    response = client.http.get('/sitemap.xml')
    assert response.status_code == 200
    assert response.headers['Content-Type'].startswith('application/xml')
    document = validate_sitemap(response.body)
    urls = {u.findtext('s:loc', namespaces=NS): u.findtext('s:lastmod', namespaces=NS)
            for u in document.findall('s:url', NS)}
    site = 'http://127.0.0.1:8000'
    published = seeded.all_by_status('publish')
    assert site + '/' in urls and site + '/faq/' in urls
    for entry in published:
        assert urls[site + '/faq/%s/' % entry.slug] == entry.modified.isoformat()
    assert site + '/faq/how-to-study-for-the-ptce/' not in urls
    assert site + '/faq-category/cma-exam/' in urls
    assert len(urls) == 2 + 3 + len(published)


def test_a_large_site_gets_a_sitemap_index(client, seeded, monkeypatch):
    from chalicelib.derived import sitemap
    monkeypatch.setattr(sitemap, 'PART_URLS', 5)
    index = validate_sitemap(client.http.get('/sitemap.xml').body)
    assert etree.QName(index).localname == 'sitemapindex'
    parts = [s.findtext('s:loc', namespaces=NS) for s in index.findall('s:sitemap', NS)]
    assert parts[0] == 'http://127.0.0.1:8000/sitemaps/1.xml' and len(parts) == 3
    seen = []
    for number in (1, 2, 3):
        part = validate_sitemap(client.http.get('/sitemaps/%d.xml' % number).body)
        seen += [u.findtext('s:loc', namespaces=NS) for u in part.findall('s:url', NS)]
    assert len(seen) == len(set(seen)) == 13
    assert client.http.get('/sitemaps/4.xml').status_code == 404
    assert client.http.get('/sitemaps/x.xml').status_code == 404


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, repo):
    response = client.http.get('/robots.txt')
    assert response.headers['Content-Type'].startswith('text/plain')
    lines = response.body.decode().splitlines()
    assert 'Sitemap: http://127.0.0.1:8000/sitemap.xml' in lines
    assert 'Disallow: /admin/' in lines and 'User-agent: *' in lines


def test_feed_parses_and_is_linked_from_every_page(client, seeded):
    response = client.http.get('/feed.xml')
    assert response.status_code == 200
    feed = feedparser.parse(response.body)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == 'rss20'
    published = seeded.all_by_status('publish')
    assert [e.link for e in feed.entries] == [
        'http://127.0.0.1:8000/faq/%s/' % e.slug for e in published]
    first = feed.entries[0]
    assert first.title == published[0].title and first.summary == published[0].description
    assert {t.term for e in feed.entries for t in e.get('tags', [])} >= {'CMA exam'}
    for path in ('/', '/faq/', '/faq/%s/' % SLUG, '/faq-category/cma-exam/', '/?s=exam'):
        page = client.http.get(path).body.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in page, path
        assert 'href="http://127.0.0.1:8000/feed.xml"' in page


def test_an_instance_trusts_what_it_read_for_a_while_then_reads_again(repo, stream):
    repo.create(make_entry(1))
    stream.drain()
    view = derived.View()
    first = view.snapshot(now=1000.0)
    assert first.count() == 1
    # another Lambda instance writes, the builder publishes: this one learns
    # of it only from the manifest, which it reads again after MAX_AGE
    other = type(repo)(repo.client, repo.table_name)
    from chalicelib.store import entries
    before = entries._local_writes
    other.create(make_entry(2))
    entries._local_writes = before                 # as if written elsewhere
    stream.drain()
    assert view.snapshot(now=1010.0) is first          # trusted for 30 s
    fresh = view.snapshot(now=1000.0 + derived.MAX_AGE + 1)
    assert fresh.count() == 2 and fresh.listing('all', 0, 10) == [(2, 1), (1, 1)]


def test_search_reads_json_like_queries_as_words_and_paginates(client, repo):
    for n in range(1, 16):
        repo.create(make_entry(n, title='Exam question %d' % n))
    first = client.http.get('/?s=exam').body.decode()
    assert '15 questions found' in first
    assert 'href="/?s=exam&amp;page=2"' in first
    second = client.http.get('/?s=exam&page=2').body.decode()
    assert len(re.findall(r'<h2><a href="/faq/', second)) == 5
    # a query a script built as JSON is read for its words, punctuation ignored,
    # and answered as the same HTML page as the plain words
    from urllib.parse import quote
    for query in (json.dumps(['exam']), json.dumps({'exam': 'question'}),
                  '{"exam": [1, 2], "ok": true}'):
        response = client.http.get('/?s=' + quote(query))
        body = response.body.decode()
        assert response.status_code == 200, query
        assert response.headers['Content-Type'].startswith('text/html'), query
        assert re.search(r'\d+ questions? found', body), query
    seven = client.http.get('/?s=' + quote(json.dumps({'q': 'question 7'}))).body.decode()
    assert re.findall(r'<h2><a href="/faq/([^/"]+)/', seven)[:1] == ['question-7']
    assert '{&#34;q&#34;: &#34;question 7&#34;}' in seven          # echoed, escaped
