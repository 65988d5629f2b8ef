"""Readers posting forms through the Chalice test client, from chosen addresses."""
import re
import time
from urllib.parse import urlencode

from chalice.local import LambdaEventConverter

from chalicelib import insights
from tests.helpers import make_entry

SITE = 'http://127.0.0.1:8000'          # the local stage's SITE_URL
FORM_TYPE = {'Content-Type': 'application/x-www-form-urlencoded'}


def published(repo, n=1, **fields):
    """A published FAQ (slug ``question-<n>``)."""
    return repo.create(make_entry(n, **fields))


def post(client, path, fields, origin=SITE, headers=None):
    sent = dict(FORM_TYPE, **(headers or {}))
    if origin:
        sent['Origin'] = origin
    return client.http.post(path, body=urlencode(fields), headers=sent)


def from_address(monkeypatch, address):
    """Make the test client's requests come from ``address`` (API Gateway's
    ``identity.sourceIp``)."""
    monkeypatch.setattr(LambdaEventConverter, 'LOCAL_SOURCE_IP', address)


def token(purpose, age=10):
    """A form token as if the form had been served ``age`` seconds ago."""
    return insights.form_token(purpose, now=time.time() - age)


def token_in(html):
    match = re.search(r'name="token" value="([^"]+)"', html)
    return match.group(1) if match else None


def vote(client, slug, helpful, **options):
    return post(client, '/faq/%s/feedback' % slug, {'helpful': helpful}, **options)


def comment(client, entry, text, **options):
    return post(client, '/faq/%s/feedback' % entry.slug,
                {'comment': text, 'token': token('comment:%d' % entry.id)}, **options)


def ask(client, question, email='', searched='', extra=None, **options):
    return post(client, '/ask', dict({'question': question, 'email': email,
                                      'searched': searched, 'token': token('ask')},
                                     **(extra or {})), **options)


def counts(entry_id, days=7):
    """``(yes, no)`` the Insights figures give ``entry_id``."""
    for item in insights.helpfulness(days, 1)['items']:
        if item['id'] == entry_id:
            return item['yes'], item['no']
    return 0, 0
