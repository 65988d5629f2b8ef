"""Make DynamoDB misbehave for a client, through botocore's event hooks."""
import json

from botocore.awsrequest import AWSResponse
from botocore.exceptions import EndpointConnectionError

AUTH_PREFIXES = ('USER#', 'TOKEN#', 'THROTTLE#')


class _Raw:
    def __init__(self, body):
        self.body = body

    def stream(self, **_):
        yield self.body


def _touches_auth(request):
    """True for reads of admin accounts, so the guard can still admit a session."""
    target = request.headers.get('X-Amz-Target', b'')
    target = target.decode() if isinstance(target, bytes) else target
    if not target.endswith(('.GetItem', '.BatchGetItem')):
        return False
    try:
        params = json.loads(request.body or b'{}')
    except ValueError:
        return False
    keys = [params.get('Key')] + [k for table in params.get('RequestItems', {}).values()
                                  for k in table.get('Keys', [])]
    return any(k and k.get('pk', {}).get('S', '').startswith(AUTH_PREFIXES) for k in keys) \
        or (params.get('Key') or {}).get('sk', {}).get('S') == 'SESSION_KEY'


class Fault:
    """Registered on a client: every DynamoDB request fails as ``kind`` says."""

    def __init__(self, client, kind, spare_auth=True):
        self.kind, self.spare_auth, self.sent = kind, spare_auth, 0
        self.operations = []
        client.meta.events.register('before-send.dynamodb', self)

    def __call__(self, request, **_):
        if self.spare_auth and _touches_auth(request):
            return None
        self.sent += 1
        target = request.headers.get('X-Amz-Target', b'')
        target = target.decode() if isinstance(target, bytes) else target
        self.operations.append((target, bytes(request.body or b'')))   # a retry repeats both
        if self.kind == 'unreachable':
            raise EndpointConnectionError(endpoint_url=request.url)
        body = json.dumps({'__type': 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
                           'message': 'Rate of requests exceeds the allowed throughput.'})
        return AWSResponse(request.url, 400, {
            'x-amzn-ErrorType': 'ThrottlingException',
            'Content-Type': 'application/x-amz-json-1.0'}, _Raw(body.encode()))
