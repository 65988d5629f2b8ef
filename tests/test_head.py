"""HEAD: every GET route answers it with the GET's status and headers and no
body, as link checkers, uptime monitors, crawlers, CloudFront and WordPress
discovery clients expect; and the 405s and CORS preflights around it."""
import http.client
import json

import pytest

from app import app
from chalicelib.wordpress import importer
from tests.helpers import SEED, import_seed, load_json

SLUG = 'what-happens-if-you-fail-the-cma-exam-2'
API_LINK = 'rel="https://api.w.org/"'
URLS = ['/', '/faq/', '/faq/%s/' % SLUG, '/faq/%s' % SLUG, '/faq-category/cma-exam/',
        '/?s=cma', '/?s=', '/sitemap.xml', '/feed.xml', '/robots.txt', '/favicon.ico',
        '/no-such-page', '/category/news/',
        '/faq/no-such-question/', '/wp-json/', '/wp-json/wp/v2/faq?per_page=2',
        '/wp-json/wp/v2/faq/549', '/wp-json/wp/v2/faq/1', '/wp-json/nope',
        '/openapi.json', '/admin', '/admin/login']
# differs between any two requests, GET or not: a new login form token
PER_REQUEST = {'Set-Cookie'}


@pytest.fixture
def seeded(repo):
    importer.import_terms(repo, load_json(SEED + '/faq-categories.json'))
    assert not import_seed(repo).failed
    return repo


def test_every_get_route_also_answers_head():
    routes = {path: set(methods) for path, methods in app.routes.items()}
    readable = [path for path, methods in routes.items() if 'GET' in methods]
    assert len(readable) >= 30
    assert [p for p in readable if 'HEAD' not in routes[p]] == []
    assert [p for p, m in routes.items() if 'HEAD' in m and 'GET' not in m] == []


def test_head_has_the_status_and_headers_of_get_and_no_body(client, seeded):
    differences = {}
    for url in URLS:
        got, head = client.http.get(url), client.http.head(url)
        assert got.body or got.status_code == 302, url    # a page, not a blank
        same = {k: v for k, v in got.headers.items() if k not in PER_REQUEST}
        if (head.status_code, head.body, set(head.headers)) != \
                (got.status_code, b'', set(got.headers)) or \
                {k: v for k, v in head.headers.items() if k not in PER_REQUEST} != same:
            differences[url] = (got.status_code, head.status_code, head.body[:80])
    assert differences == {}


def test_head_revalidates_like_get(client, seeded):
    for url in ('/faq/%s/' % SLUG, '/faq/', '/sitemap.xml', '/feed.xml'):
        etag = client.http.head(url).headers['ETag']
        response = client.http.head(url, headers={'If-None-Match': etag})
        assert response.status_code == 304 and response.headers['ETag'] == etag
        assert client.http.head(url, headers={'If-None-Match': '"old"'}).status_code == 200


def test_wordpress_clients_discover_the_api_with_head(client, seeded):
    response = client.http.head('/')
    assert response.status_code == 200
    assert API_LINK in response.headers['Link']
    assert '/wp-json/' in response.headers['Link']


def test_the_admin_answers_head_as_it_answers_get(client, token):
    assert client.http.head('/admin').status_code == 302          # to the login form
    assert client.http.head('/admin/api/faqs').status_code == 401
    response = client.http.head('/admin/api/faqs', headers={'Authorization': 'Bearer ' + token})
    assert response.status_code == 200 and response.body == b''
    assert response.headers['Cache-Control'] == 'no-store'


def test_a_405_lists_head_beside_get(client, token):
    response = client.http.post('/faq', body='x')
    assert response.status_code == 405
    assert sorted(m.strip() for m in response.headers['Allow'].split(',')) == ['GET', 'HEAD']
    only_post = client.http.head('/admin/api/faqs/549/publish',
                                 headers={'Authorization': 'Bearer ' + token})
    assert only_post.status_code == 405 and only_post.body == b''
    assert only_post.headers['Allow'] == 'POST'


def test_cors_preflight_of_the_wordpress_api_still_answers(served):
    """Over HTTP: Chalice's test client cannot read a preflight's empty body."""
    connection = http.client.HTTPConnection(served.host, served.port, timeout=10)
    connection.request('OPTIONS', '/wp-json/wp/v2/faq', headers={
        'Origin': 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET'})
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 200
    assert response.getheader('Access-Control-Allow-Origin') == '*'
    methods = response.getheader('Access-Control-Allow-Methods').split(',')
    assert {'GET', 'HEAD', 'OPTIONS'} <= set(methods)
    assert 'X-WP-Total' in response.getheader('Access-Control-Expose-Headers')


def test_head_over_real_http_keeps_the_connection_usable(seeded, served):
    """Through Chalice's local server (what ``chalice local`` runs): the HEAD
    response carries no body, so the next request on the same connection
    reads its own response, not the page's bytes."""
    connection = http.client.HTTPConnection(served.host, served.port, timeout=10)
    connection.request('HEAD', '/faq/%s/' % SLUG)
    head = connection.getresponse()
    assert head.status == 200 and head.read() == b''
    assert head.getheader('ETag') and API_LINK in head.getheader('Link')
    connection.request('GET', '/wp-json/wp/v2/faq/549?_fields=id')
    after = connection.getresponse()
    assert after.status == 200 and json.loads(after.read()) == {'id': 549}
    connection.close()
