"""Admin users, tokens and requests for the admin tests."""
import json

import pytest

from chalicelib import auth

PASSWORD = 'correct horse battery staple'


@pytest.fixture
def token(repo):
    auth.create_user('editor', PASSWORD)
    return auth.create_token('editor', 'tests')


def api(client, method, path, token=None, body=None, headers=None, raw=None):
    sent = {'Content-Type': 'application/json'}
    if token:
        sent['Authorization'] = 'Bearer ' + token
    sent.update(headers or {})
    data = raw if raw is not None else (json.dumps(body) if body is not None else None)
    response = getattr(client.http, method.lower())(path, headers=sent, body=data)
    try:
        payload = json.loads(response.body) if response.body else None
    except ValueError:
        payload = response.body
    return response.status_code, payload, response.headers
