"""A real response checked against ``/openapi.json`` with ``jsonschema``
(Draft 2020-12, the dialect of OpenAPI 3.1's schemas):

    validator = ResponseValidator(openapi.document(SITE))
    validator.validate('GET', '/wp-json/wp/v2/faq/{id}', response.status_code,
                       response.headers.get('Content-Type'), response.body)

* the operation's response is looked up by status code (exact, then ``4XX``,
  then ``default``), following ``$ref`` to ``#/components/responses/...``; a
  status the document does not list is a mismatch;
* the body is checked against the media type's schema; the whole document
  is one ``referencing`` resource, so ``#/components/schemas/...`` resolves
  wherever it appears;
* ``format`` is asserted (``FormatChecker``).  ``uri`` and ``date-time`` are
  only checked when jsonschema's format extras are installed
  (``jsonschema[format-nongpl]``); without them they silently pass, so the
  constructor refuses to run;
* every error is reported, not just the first.
"""
import json

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = 'urn:faq-site:openapi'
REQUIRED_FORMATS = ('uri', 'date-time')


def pointer_escape(part):
    return str(part).replace('~', '~0').replace('/', '~1')


class ResponseValidator:
    """Validates responses against one OpenAPI 3.1 document."""

    def __init__(self, document, format_checker=None):
        self.document = document
        self.format_checker = format_checker or FormatChecker()
        missing = [f for f in REQUIRED_FORMATS if f not in self.format_checker.checkers]
        if missing:
            raise RuntimeError('jsonschema cannot check format %s: install '
                               'jsonschema[format-nongpl]' % ', '.join(missing))
        resource = DRAFT202012.create_resource(document)
        self.registry = Registry().with_resource(DOCUMENT_URI, resource)
        self._validators = {}

    # -- finding the documented response -------------------------------------------

    def _follow(self, node, pointer):
        """A response object and its JSON pointer, through ``$ref``s."""
        seen = set()
        while '$ref' in node:
            ref = node['$ref']
            if not ref.startswith('#/') or ref in seen:
                raise AssertionError('unsupported or circular $ref %s' % ref)
            seen.add(ref)
            pointer = ref[1:]
            node = self.document
            for part in pointer.lstrip('/').split('/'):
                node = node[part.replace('~1', '/').replace('~0', '~')]
        return node, pointer

    def response_for(self, method, route, status):
        """``(response object, its JSON pointer)``; AssertionError if undocumented."""
        method = method.lower()
        try:
            operation = self.document['paths'][route][method]
        except KeyError:
            raise AssertionError('%s %s is not documented' % (method.upper(), route)) from None
        responses = operation.get('responses', {})
        for key in (str(status), str(status)[0] + 'XX', str(status)[0] + 'xx', 'default'):
            if key in responses:
                pointer = '/paths/%s/%s/responses/%s' % (pointer_escape(route), method, key)
                return self._follow(responses[key], pointer)
        raise AssertionError('%s %s: status %s is not documented (documented: %s)'
                             % (method.upper(), route, status, ', '.join(responses)))

    @staticmethod
    def _media_type(content, content_type):
        wanted = (content_type or '').split(';')[0].strip().lower()
        if wanted in content:
            return wanted
        for name in content:                       # application/*, */*
            major, _, minor = name.partition('/')
            if minor == '*' and (major == '*' or wanted.startswith(major + '/')):
                return name
        return None

    def _validator(self, pointer):
        if pointer not in self._validators:
            self._validators[pointer] = Draft202012Validator(
                {'$ref': DOCUMENT_URI + '#' + pointer}, registry=self.registry,
                format_checker=self.format_checker)
        return self._validators[pointer]

    # -- checking ----------------------------------------------------------------

    def problems(self, method, route, status, content_type, body):
        """Everything wrong with one response, as readable lines (empty: it conforms).

        ``body`` is bytes, str, or an already decoded JSON value (``dict``/``list``).
        """
        try:
            response, pointer = self.response_for(method, route, status)
        except AssertionError as error:
            return [str(error)]
        content = response.get('content') or {}
        raw = body.encode('utf-8') if isinstance(body, str) else body
        if not content:
            if raw:
                return ['%s: documented without a body, got %d bytes' % (status, len(raw))]
            return []
        media = self._media_type(content, content_type)
        if media is None:
            return ['%s: Content-Type %r is not documented (documented: %s)'
                    % (status, content_type, ', '.join(content))]
        if 'schema' not in content[media]:
            return []
        if isinstance(body, (bytes, str)):
            try:
                value = json.loads(body)
            except ValueError as error:
                return ['%s: body is not JSON: %s' % (status, error)]
        else:
            value = body
        schema_pointer = '%s/content/%s/schema' % (pointer, pointer_escape(media))
        errors = sorted(self._validator(schema_pointer).iter_errors(value),
                        key=lambda e: list(e.absolute_path))
        return ['%s at $%s: %s (schema %s)' % (
            status, ''.join('[%r]' % p for p in e.absolute_path), e.message,
            '/'.join(str(p) for p in e.absolute_schema_path)) for e in errors]

    def validate(self, method, route, status, content_type, body):
        """AssertionError listing every problem, if the response does not conform."""
        found = self.problems(method, route, status, content_type, body)
        if found:
            raise AssertionError('%s %s -> %s does not match /openapi.json:\n  %s' % (
                method.upper(), route, status, '\n  '.join(found)))
