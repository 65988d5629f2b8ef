"""Property-based fuzzing of ``/openapi.json`` with schemathesis.

Every operation in the document (the public ``/wp-json`` API and the admin
``/admin/api``) is called with generated requests, valid and invalid, and
every response goes through schemathesis's default checks: no 5xx,
documented status codes, content types and headers, the response schema,
valid input accepted, invalid input rejected, undeclared methods refused,
authentication enforced.

How it runs
-----------
* The app is served over real HTTP by Chalice's own local server
  (:mod:`tests.local_server`, what ``chalice local`` runs); schemathesis
  needs a base URL, and this way its ``requests`` transport, its auth
  probes and its curl reproductions work unchanged.
* One DynamoDB Local table for the module, seeded with the sample FAQs and
  its derived data built; the admin operations use a throwaway API token of
  a throwaway user, sent for the ``adminToken`` security scheme (so only to
  the operations that declare it).  Admin writes change the data as the run
  goes on; every check is about conformance, not data, so that is harmless,
  and a failure report carries the whole request.
* Bounded and repeatable: a fixed seed (schemathesis derives one per
  operation from it), ``deterministic``, no example database,
  ``max-examples`` per operation (``FUZZ_MAX_EXAMPLES=100`` fuzzes harder).
  The coverage phase, which ``max-examples`` does not bound, is off for the
  two WordPress collections (20+ parameters each: ~580 boundary cases) and
  the catch-all routes.
* Hypothesis stops an operation at its first failure (and shrinks it): one
  failure per operation is reported.
* Half of the generated path ids are ids that exist in the seed, so requests
  reach real entries instead of only 404s.
"""
import os
import re

import pytest

schemathesis = pytest.importorskip('schemathesis')

from chalicelib import openapi  # noqa: E402
from chalicelib.settings import LOCAL_SITE_URL  # noqa: E402

STAGE = 'local'
FUZZ_SEED = 20250101
MAX_EXAMPLES = int(os.environ.get('FUZZ_MAX_EXAMPLES', '10'))
FUZZ_USER = 'fuzzer'
FUZZ_TOKEN = 'faqt_schemathesis-throwaway-token-for-a-throwaway-table'

# Ids that exist in the seeded table (seed/*.json).
KNOWN = {
    'path.entry_id': ['549', '541', '545', '556'],      # 556 is a draft
    'path.id': [549, 545, 11, 12],                      # FAQ posts, terms
    'path.slug': ['cma-exam', 'ptcb-exam', 'exam-prep'],
    'path.version': ['1'],
}
# The catch-all routes (Chalice has no greedy routes) all answer
# rest_no_route: a few examples each are enough.
CATCH_ALL = r'\{(namespace|version|kind|sub)\}|^/wp-json/wp$'
COLLECTIONS = r'^/wp-json/wp/v2/(faq|faq-categories)$'
# What depends on the stored data, not on the request, so that no schema can
# say it: a stale version (412), a slug another entry holds (409), a
# category that does not exist (400 "Unknown category").
STORED_STATE = ['2xx', '400', '401', '404', '409', '412', '428']
EDITS = ['adminCreateFaq', 'adminReplaceFaq', 'adminUpdateFaq', 'adminTrashFaq',
         'adminFaqAction', 'adminRestoreRevision', 'adminCreateCategory',
         'adminUpdateCategory', 'adminDeleteCategory']
# WordPress refuses some combinations of individually valid parameters
# (documented under 400 BadRequest; no schema keyword says "this one needs
# that one").
WORDPRESS_COMBINATIONS = {'rest_no_search_term_defined', 'rest_orderby_include_missing_include',
                          'rest_post_invalid_page_number', 'rest_post_invalid_id'}

CONFIG = schemathesis.Config.from_dict({
    'seed': FUZZ_SEED,
    'generation': {'max-examples': MAX_EXAMPLES, 'deterministic': True,
                   'database': 'none'},
    'auth': {'openapi': {'adminToken': {'bearer': FUZZ_TOKEN}}},
    'dictionaries': {key.replace('.', '_'): {'values': values}
                     for key, values in KNOWN.items()},
    'parameters': {key: {'dictionary': key.replace('.', '_'), 'probability': 0.5}
                   for key in KNOWN},
    'operations': [
        {'include-path-regex': CATCH_ALL, 'generation': {'max-examples': 2},
         'phases': {'coverage': {'enabled': False}}},
        {'include-path-regex': COLLECTIONS, 'phases': {'coverage': {'enabled': False}},
         'generation': {'max-examples': 3 * MAX_EXAMPLES}},
        {'include-operation-id': EDITS,
         'checks': {'positive_data_acceptance': {'expected-statuses': STORED_STATE}}},
    ],
    'request-timeout': 30,
})

# Built at import from the code that serves /openapi.json (test_openapi.py
# checks that the served document is this one); schemathesis's from_fixture()
# could load the served one instead, but it fails under pytest 9.
DOCUMENT = openapi.document(LOCAL_SITE_URL)     # the local stage's address
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)


# The audit log's `before` must point into `month` when both are given.
AUDIT_COMBINATION = ('/admin/api/audit', 'before')
# Content must keep some text once sanitised: the schema says "more than tags
# and whitespace"; what Markdown syntax alone leaves empty ('#', '- ') it
# cannot say.
NO_TEXT = 'the answer has no text'


def _refused_fields(response):
    try:
        body = response.json()
    except ValueError:
        return None, set()
    error = body.get('error') if isinstance(body, dict) else None
    if isinstance(error, dict):
        return error.get('code'), set(error.get('fields') or ())
    return body.get('code') if isinstance(body, dict) else None, set()


def _has_surrogates(value):
    if isinstance(value, str):
        return any('\ud800' <= c <= '\udfff' for c in value)
    if isinstance(value, dict):
        return any(_has_surrogates(k) or _has_surrogates(v) for k, v in value.items())
    return isinstance(value, list) and any(_has_surrogates(v) for v in value)


@schema.hook
def filter_failure(context, failure, case, response):
    """Keep every failure but the combinations of valid parameters above, and
    strings of surrogate code points: JSON has no such strings (a pair of
    escapes is one character to every parser, the server's too)."""
    kind = type(failure).__name__
    if kind == 'AcceptedNegativeData' and _has_surrogates(case.body):
        return False
    if kind != 'RejectedPositiveData' or response.status_code != 400:
        return True
    code, fields = _refused_fields(response)
    if case.path.startswith('/wp-json/'):
        return code not in WORDPRESS_COMBINATIONS
    if case.path == AUDIT_COMBINATION[0] and 'month' in (case.query or {}):
        return fields != {AUDIT_COMBINATION[1]}
    return not (fields == {'content'} and NO_TEXT in response.text)


@pytest.fixture(scope='module')
def fuzz_server(dynamodb_client):
    """The app over HTTP on a seeded table of its own, with the fuzzer's token."""
    from chalicelib import derived, store
    from chalicelib.admin import auth
    from chalicelib.derived import builder
    from chalicelib.site import caching
    from chalicelib.wordpress import importer
    from tests.admin_helpers import PASSWORD
    from tests.helpers import SEED, import_seed, load_json
    from tests.local_server import serving
    name = 'faq-fuzz-%d' % os.getpid()
    store.create_table(dynamodb_client, name)
    with pytest.MonkeyPatch.context() as patch:
        repository = store.FaqRepository(dynamodb_client, name)
        patch.setattr(store, '_repository', repository)
        derived.forget()
        caching.forget_bodies()
        importer.import_terms(repository, load_json(SEED + '/faq-categories.json'))
        assert not import_seed(repository).failed
        builder.rebuild()
        auth.create_user(FUZZ_USER, PASSWORD)
        store.get_accounts().put_token(auth.token_hash(FUZZ_TOKEN), FUZZ_USER, 'fuzz')
        with serving(STAGE) as server:
            yield server.url
        derived.forget()
        caching.forget_bodies()
    dynamodb_client.delete_table(TableName=name)


@schema.parametrize()
def test_api_conforms_to_openapi(case, fuzz_server):
    case.call_and_validate(base_url=fuzz_server)


def test_the_fuzzed_document_covers_both_apis():
    paths = DOCUMENT['paths']
    assert any(re.match(r'^/admin/api/', p) for p in paths)
    assert any(re.match(r'^/wp-json/', p) for p in paths)
    assert 'adminToken' in DOCUMENT['components']['securitySchemes']
