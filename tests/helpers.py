"""Small builders shared by the tests."""
import json
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

from chalicelib import models
from chalicelib.wordpress import importer
from tests.conftest import SAMPLE, SEED

BASE = datetime(2025, 1, 1, tzinfo=timezone.utc)


def make_entry(n, status='publish', slug=None, **fields):
    body = fields.pop('content', '<p>Answer number %d explains things.</p>' % n)
    return models.build_entry(
        id=n, slug=slug or 'question-%d' % n, title=fields.pop('title', 'Question %d?' % n),
        content=body, status=status, created=BASE + timedelta(days=n), **fields)


def load_json(path):
    with open(path, encoding='utf-8') as handle:
        return json.load(handle)


def import_seed(repo, old_base='https://certilyst.com/resources/faq/'):
    records = [load_json(SAMPLE)] + load_json(SEED + '/sample-faqs.json')
    terms = {t['id']: t['slug'] for t in load_json(SEED + '/faq-categories.json')}
    return importer.import_records(repo, records, old_base, terms)


class HeadParser(HTMLParser):
    """Collects meta tags, links, JSON-LD blocks and text of a page."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.meta, self.links, self.json_ld, self.anchors = {}, {}, [], []
        self.title, self.h1_count, self._in = '', 0, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'meta' and ('name' in a or 'property' in a):
            self.meta[a.get('name') or a.get('property')] = a.get('content')
        elif tag == 'link':
            self.links[a.get('rel')] = a.get('href')
        elif tag == 'a' and 'href' in a:
            self.anchors.append(a['href'])
        elif tag == 'script' and a.get('type') == 'application/ld+json':
            self._in = 'ld'
            self.json_ld.append('')
        elif tag == 'title':
            self._in = 'title'
        elif tag == 'h1':
            self.h1_count += 1

    def handle_endtag(self, tag):
        if tag in ('script', 'title'):
            self._in = None

    def handle_data(self, data):
        if self._in == 'ld':
            self.json_ld[-1] += data
        elif self._in == 'title':
            self.title += data

    def graph(self):
        return json.loads(self.json_ld[0])['@graph']


def api_gateway_event(resource, path, mount='', query=None, path_params=None,
                      method='GET', headers=None, body=None):
    """A REST API (v1) proxy event as API Gateway sends it to Lambda.

    ``mount`` is what the visitor's URL has in front of the routed path: the
    stage (``/api``) on the execute-api host, or a base-path mapping.
    """
    headers = dict({'Host': 'example.execute-api.test', 'Accept': 'text/html'},
                   **(headers or {}))
    return {
        'resource': resource, 'path': path, 'httpMethod': method,
        'headers': headers,
        'multiValueHeaders': {k: [v] for k, v in headers.items()},
        'queryStringParameters': query,
        'multiValueQueryStringParameters': {k: [v] for k, v in query.items()} if query else None,
        'pathParameters': path_params, 'stageVariables': None,
        'requestContext': {'resourcePath': resource, 'httpMethod': method,
                           'path': mount + path, 'stage': 'api',
                           'requestId': 'test-request-id'},
        'body': body, 'isBase64Encoded': False,
    }


def swap_site(value, site_url, old_site):
    """``value`` (JSON) with ``site_url`` wherever it says ``old_site``."""
    if isinstance(value, str):
        return value.replace(old_site, site_url)
    if isinstance(value, list):
        return [swap_site(v, site_url, old_site) for v in value]
    if isinstance(value, dict):
        return {k: swap_site(v, site_url, old_site) for k, v in value.items()}
    return value
