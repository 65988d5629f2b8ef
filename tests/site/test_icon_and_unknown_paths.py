"""The site icon browsers ask for, and the site's 404 page for paths no
route names (as far as Chalice's routes reach: docs/deploy.md)."""
import http.client

from lxml import etree

from tests.helpers import HeadParser

SVG = '{http://www.w3.org/2000/svg}svg'


def test_favicon_is_a_small_long_cached_icon(client):
    response = client.http.get('/favicon.ico')
    assert response.status_code == 200
    assert response.headers['Content-Type'] == 'image/svg+xml'
    assert etree.fromstring(response.body).tag == SVG
    assert len(response.body) < 1024
    cache = dict(part.strip().partition('=')[::2]
                 for part in response.headers['Cache-Control'].split(','))
    assert 'public' in cache and int(cache['max-age']) >= 7 * 86400
    again = client.http.get('/favicon.ico', headers={'If-None-Match': response.headers['ETag']})
    assert again.status_code == 304 and again.body == b''


def test_every_page_links_the_icon(client, repo):
    for path in ('/', '/faq/', '/no-such-page', '/admin/login'):
        page = HeadParser(client.http.get(path).body.decode())
        assert page.links['icon'] == '/favicon.ico', path


def test_unknown_paths_get_the_sites_404_page(client, repo):
    for path in ('/about-us/', '/wp-login.php', '/category/news/', '/feed.xml/extra',
                 '/2019/05'):
        response = client.http.get(path)
        assert response.status_code == 404, path
        assert response.headers['Content-Type'] == 'text/html; charset=utf-8'
        body = response.body.decode()
        assert '<h1>Page not found</h1>' in body and 'name="s"' in body
        assert HeadParser(body).meta['robots'] == 'noindex'


def test_chalice_local_answers_unknown_paths_as_far_as_its_routes_reach(served):
    """Two segments: the site's page.  Deeper: Chalice's local gateway copies
    API Gateway's 403 "Missing Authentication Token" (which
    deploy/resources.json turns into a 404 page on AWS)."""
    connection = http.client.HTTPConnection(served.host, served.port, timeout=10)
    found = {}
    for path in ('/about-us/', '/category/news/', '/a/b/c/'):
        connection.request('GET', path)
        response = connection.getresponse()
        found[path] = (response.status, b'Page not found' in response.read())
    connection.close()
    assert found == {'/about-us/': (404, True), '/category/news/': (404, True),
                     '/a/b/c/': (403, False)}
