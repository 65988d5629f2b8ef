"""Run inside a bare interpreter (``python -I -S``) by test_package.py.

Its path holds only the unzipped deployment package and boto3 with its own
dependencies, as in the Lambda Python runtime.  It answers API Gateway
events read as JSON from stdin with the packaged app's handler and prints
the responses as JSON.
"""
import json
import sys

package_dir, runtime_dir = sys.argv[1:3]
sys.path[:0] = [package_dir, runtime_dir]

import app  # noqa: E402  (the packaged app.py)

assert app.__file__.startswith(package_dir), app.__file__
events = json.load(sys.stdin)
responses = [app.app(event, None) for event in events]
print(json.dumps(responses))        # the last line; the app's own log lines come first
