"""The app over real HTTP, in a thread: Chalice's own local server, what
``chalice local`` runs, for clients that need a URL (a fuzzer, raw sockets).

It serves whatever repository ``chalicelib.store`` holds when a request
comes, so it works on any test's table.  Requests must not overlap:
Chalice's ``current_request`` is one attribute of the app (``chalice local``
makes it thread-local by swapping the app's class, which this leaves alone).
"""
import contextlib
import os
import threading
from dataclasses import dataclass

from chalice.cli.factory import CLIFactory
from chalice.local import ChaliceRequestHandler, LocalDevServer, ThreadedHTTPServer

from tests.conftest import ROOT


class RequestHandler(ChaliceRequestHandler):
    """Chalice's local request handler, quieter and without Nagle's delay.

    TRACE and QUERY reach Chalice, which refuses a method the route lacks
    with 405 and ``Allow`` (API Gateway would refuse them too, with 403),
    instead of http.server's own 501; TCP_NODELAY, because headers and body
    go out in separate writes and each response would otherwise wait ~40 ms
    for a delayed ACK.
    """
    do_TRACE = do_QUERY = ChaliceRequestHandler._generic_handle
    disable_nagle_algorithm = True

    def log_message(self, *args):       # one stderr line per request: noise here
        pass


@dataclass(frozen=True)
class Served:
    host: str
    port: int

    @property
    def url(self):
        return 'http://%s:%d' % (self.host, self.port)


@contextlib.contextmanager
def serving(stage='local'):
    """The app on a free loopback port, with ``stage``'s environment variables
    set for as long as it serves (the test client sets them per request; a
    server thread cannot)."""
    from app import app
    config = CLIFactory(ROOT).create_config_obj(chalice_stage_name=stage)
    environment = config.scope(stage, 'api_handler').environment_variables
    saved = {key: os.environ.get(key) for key in environment}
    os.environ.update(environment)
    server = LocalDevServer(app, config, '127.0.0.1', 0, handler_cls=RequestHandler,
                            server_cls=ThreadedHTTPServer)
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served('127.0.0.1', server.server.server_address[1])
    finally:
        server.shutdown()
        server.server.server_close()
        thread.join(10)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
