"""Overlapping a request's waits: run work on a small per-instance thread pool.

botocore releases the GIL while it waits for DynamoDB, so a query on one
thread and CPU work (loading the templates on a cold start) or another
query on another thread proceed together.  A Lambda instance serves one
request at a time, so two workers are enough.
"""
_pool = None


class Done:
    """A finished piece of work, for when there was nothing to start."""

    def __init__(self, value=None):
        self.value = value

    def result(self):
        return self.value

    def done(self):
        return True


def start(function, *args):
    """Run ``function(*args)`` in the background; returns a Future."""
    global _pool
    if _pool is None:
        from concurrent.futures import ThreadPoolExecutor
        _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix='overlap')
    return _pool.submit(function, *args)


def settle(*futures):
    """Wait until ``futures`` are done, whatever their outcome.

    Background work must not outlive its request: Lambda freezes the
    instance once the response is returned, mid-call.
    """
    pending = [f for f in futures if not isinstance(f, Done)]
    if pending:
        from concurrent.futures import wait
        wait(pending)
