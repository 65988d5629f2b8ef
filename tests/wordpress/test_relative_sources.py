"""Relative links and image sources in imported or edited content: resolved
against the old post's address, so that a page of this site does not ask
for ``/faq/<slug>/x``; images with no usable source dropped; images served
by another host listed in the broken-links report."""
import copy
import re

from chalicelib.wordpress import importer
from tests.admin_helpers import Browser, api, login
from tests.helpers import SAMPLE, load_json

OLD = 'https://certilyst.com/resources/faq/'
POST = OLD + 'relative-things/'
CONTENT = (
    '<p>See <img src="x.png" alt="relative"> and <img src="../shared/y.png" alt="up">'
    ' <img src="" alt="empty"> <img alt="none"> <img src="javascript:alert(1)" alt="bad">'
    ' <img src="#" alt="fragment"> <img src="/wp-content/uploads/z.png" alt="root">'
    ' <a href="other/">a sub page</a> <a href="../another-question/">a sibling FAQ</a>'
    ' <a href="#top">top</a> <a href="mailto:a@example.com">mail</a></p>')


def imported(repo):
    record = dict(copy.deepcopy(load_json(SAMPLE)), id=902, slug='relative-things',
                  content={'rendered': CONTENT, 'protected': False})
    report = importer.import_records(repo, [record], OLD)
    assert report.created == [902], report.failed
    return repo.get_by_id(902).content


def sources(markup, attribute):
    return re.findall(r'\b%s="([^"]*)"' % attribute, markup)


def test_the_import_resolves_relative_sources_against_the_old_post(repo):
    content = imported(repo)
    assert sources(content, 'src') == [POST + 'x.png', OLD + 'shared/y.png',
                                       '/wp-content/uploads/z.png']
    assert sources(content, 'href') == [POST + 'other/', '/faq/another-question/', '#top',
                                        'mailto:a@example.com']
    assert content.count('<img') == 3          # the four without a usable source are gone


def test_no_view_of_the_page_asks_for_a_path_below_it(client, repo):
    imported(repo)
    page = client.http.get('/faq/relative-things/').body.decode()
    answer = page.split('<div class="answer">', 1)[1].split('</div>', 1)[0]
    for value in sources(answer, 'src') + sources(answer, 'href'):
        assert value.startswith(('https://', '/', '#', 'mailto:')), value
        assert not value.startswith('/faq/relative-things/'), value


def test_saving_resolves_what_an_editor_pasted(client, token, repo):
    status, made, _ = api(client, 'POST', '/admin/api/faqs', token, {
        'title': 'Pasted?', 'slug': 'pasted', 'content': '<p>x <img src="p.png" alt="p">'
        ' <img src=" " alt="blank"> <a href="next/">next</a></p>'})
    assert status == 201, made
    assert sources(made['content'], 'src') == [OLD + 'pasted/p.png']
    assert sources(made['content'], 'href') == [OLD + 'pasted/next/']
    status, saved, _ = api(client, 'PATCH', '/admin/api/faqs/%d' % made['id'], token, {
        'slug': 'pasted-again', 'content': '<p>q <img src="q.png" alt="q"></p>', 'version': 1})
    assert status == 200 and sources(saved['content'], 'src') == [OLD + 'pasted-again/q.png']


def test_the_report_lists_images_served_by_another_host(client, token, repo, local_settings):
    imported(repo)
    here = local_settings['SITE_URL'] + '/files/a.png'
    status, made, _ = api(client, 'POST', '/admin/api/faqs', token, {
        'title': 'Images?', 'status': 'publish', 'content':
        '<p>Three <img src="%s" alt="here"> <img src="/files/b.png" alt="root">'
        ' <img src="https://cdn.example.net/c.png" alt="cdn"></p>' % here})
    assert status == 201, made
    status, report, _ = api(client, 'GET', '/admin/api/reports/broken-links', token)
    images = {(r['entry_id'], r['link']) for r in report['items']
              if r['problem'] == 'external-image'}
    assert images == {(902, POST + 'x.png'), (902, OLD + 'shared/y.png'),
                      (made['id'], 'https://cdn.example.net/c.png')}
    page = Browser(client, login(client)[1]).get('/admin/reports/broken-links').body.decode()
    assert 'https://cdn.example.net/c.png' in page and 'served by another site' in page
