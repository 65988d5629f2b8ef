"""Run inside a bare interpreter (``python -I -S -B``) by test_package.py.

Its path holds only the unzipped deployment package and boto3 with its own
dependencies, as in the Lambda Python runtime.  It answers API Gateway
events read as JSON from stdin with the packaged app's handler and prints,
as the last line, the responses and which source files Python had to
compile: on importing the app, then for each event.
"""
import json
import sys
from importlib.machinery import SourceFileLoader

package_dir, runtime_dir = sys.argv[1:3]
sys.path[:0] = [package_dir, runtime_dir]

compiled = []
_source_to_code = SourceFileLoader.source_to_code


def recording_source_to_code(self, data, path, **kwargs):
    """Called only when no usable bytecode exists for ``path``."""
    compiled.append(path)
    return _source_to_code(self, data, path, **kwargs)


SourceFileLoader.source_to_code = recording_source_to_code

import app  # noqa: E402  (the packaged app.py)

assert app.__file__.startswith(package_dir), app.__file__
events = json.load(sys.stdin)
steps = [compiled[:]]
responses = []
for event in events:
    del compiled[:]
    responses.append(app.app(event, None))
    steps.append(compiled[:])
# the last line; the app's own log lines come first
print(json.dumps({'responses': responses, 'compiled': steps}))
