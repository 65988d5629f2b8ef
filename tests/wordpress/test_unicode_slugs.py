"""WordPress's own slugs of non-ASCII titles: kept, and served where WordPress
served them.

WordPress stores such a slug percent-encoded with lowercase hex
(``%e2%9c%93-cma-%c3%a9tudes``), gives it so as the REST ``slug`` and builds
the permalink from it; a browser may ask for the page in that form, with
uppercase hex (a typed address), or decoded.  This site stores the decoded
slug and writes URLs as WordPress did.
"""
import copy
import json
from urllib.parse import quote

import pytest

from chalicelib.wordpress import export, importer
from tests.admin_helpers import api
from tests.helpers import SAMPLE, HeadParser, api_gateway_event, load_json

OLD = 'https://certilyst.com/resources/faq/'
ENCODED = '%e2%9c%93-cma-%c3%a9tudes'
DECODED = '\u2713-cma-\u00e9tudes'
SITE = 'http://127.0.0.1:8000'           # the local stage's SITE_URL
CANONICAL = SITE + '/faq/' + ENCODED + '/'


def record(**changes):
    data = copy.deepcopy(load_json(SAMPLE))
    data.update(id=901, slug=ENCODED, link=OLD + ENCODED + '/',
                title={'rendered': '\u2713 CMA \u00e9tudes'})
    data.update(changes)
    return data


@pytest.fixture
def imported(repo):
    report = importer.import_records(repo, [record()], OLD)
    assert report.created == [901] and not report.failed
    return repo


def test_the_import_keeps_the_slug_decoded(imported):
    assert imported.get_by_id(901).slug == DECODED
    assert imported.get_by_slug(DECODED).id == 901


def test_both_url_forms_serve_the_page_with_wordpresss_canonical(client, imported):
    for path in ('/faq/%s/' % ENCODED,                 # WordPress's links
                 '/faq/%s/' % ENCODED.upper().replace('-CMA-', '-cma-').replace('TUDES',
                                                                                'tudes'),
                 '/faq/%s' % ENCODED,
                 '/faq/%s/' % DECODED):                # API Gateway may decode it
        response = client.http.get(path)
        assert response.status_code == 200, path
        page = HeadParser(response.body.decode())
        assert page.links['canonical'] == CANONICAL
        assert page.meta['og:url'] == CANONICAL
        webpage = next(n for n in page.graph() if n['@type'] == 'WebPage')
        assert webpage['url'] == CANONICAL


def test_under_a_mount_links_keep_the_mount_when_the_path_comes_encoded(imported, monkeypatch):
    from app import app
    monkeypatch.setenv('SITE_URL', 'https://certilyst.com/resources')
    event = api_gateway_event('/faq/{slug}', '/faq/%s/' % DECODED, mount='/resources',
                              path_params={'slug': DECODED})
    event['requestContext']['path'] = '/resources/faq/%s/' % ENCODED
    response = app(event, None)
    assert response['statusCode'] == 200
    local = [a for a in HeadParser(response['body']).anchors if a.startswith('/')]
    assert local and all(a.startswith('/resources/') for a in local), local


def test_sitemap_and_wordpress_api_give_wordpresss_slug_and_link(client, imported):
    sitemap = client.http.get('/sitemap.xml').body.decode()
    assert '<loc>%s</loc>' % CANONICAL in sitemap
    item = json.loads(client.http.get('/wp-json/wp/v2/faq/901').body)
    assert item['slug'] == ENCODED and item['link'] == CANONICAL
    assert item['yoast_head_json']['canonical'] == CANONICAL
    for asked in (ENCODED, quote(DECODED)):
        found = json.loads(client.http.get('/wp-json/wp/v2/faq?slug=' + quote(asked)).body)
        assert [i['id'] for i in found] == [901], asked


def test_export_and_import_again_changes_nothing(imported, local_settings, monkeypatch):
    for key, value in local_settings.items():
        monkeypatch.setenv(key, value)
    exported = export.export_records(imported, None, ('publish',))
    assert [r['slug'] for r in exported] == [ENCODED]
    assert exported[0]['link'] == CANONICAL
    report = importer.import_records(imported, exported, OLD, site_url=SITE)
    assert report.unchanged == [901] and not report.failed


def test_a_renamed_unicode_slug_redirects_with_an_ascii_location(client, imported, token):
    status, body, _ = api(client, 'PATCH', '/admin/api/faqs/901', token,
                          {'slug': 'cma-studies', 'version': 1})
    assert status == 200 and body['old_slugs'] == [DECODED]
    for path in ('/faq/%s/' % ENCODED, '/faq/%s/' % DECODED):
        response = client.http.get(path)
        assert response.status_code == 301
        assert response.headers['Location'] == '/faq/cma-studies/'
    status, body, _ = api(client, 'PATCH', '/admin/api/faqs/901', token,
                          {'slug': '\u00e9tudes', 'version': 2})
    assert status == 200 and body['link'] == SITE + '/faq/%c3%a9tudes/'
    assert client.http.get('/faq/cma-studies/').headers['Location'] == '/faq/%c3%a9tudes/'


def test_the_admin_takes_unicode_slugs_within_the_rule(client, repo, token):
    for slug, valid in (
            (DECODED, True), ('\u65e5\u672c\u8a9e', True), ('caf\u00e9', True),
            (ENCODED, False),                   # the admin takes the decoded form
            ('zero\u200bwidth', False), ('bidi\u202eover', False), ('no\u00a0break', False),
            ('\u00e9' * 34, False),             # 204 characters once encoded
            ('a-b\n', False), ('UPPER', False)):
        status, body, _ = api(client, 'POST', '/admin/api/faqs', token, {
            'title': 'A question?', 'content': '<p>An answer.</p>', 'slug': slug})
        assert (status == 201) == valid, (slug, body)
        if valid:
            assert body['slug'] == slug
            assert body['link'].isascii() and body['link'].endswith('/')
