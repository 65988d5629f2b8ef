"""Failures of the platform underneath, as the app reports them."""
from chalice import ChaliceUnhandledError


class ServiceUnavailable(ChaliceUnhandledError):
    """DynamoDB throttled us or could not be reached, even after retries.

    A ``ChaliceUnhandledError`` so that it passes through Chalice's view
    error handling to the middleware, which answers 503 with Retry-After.
    """

    def __init__(self, message, cause=None):
        super().__init__(message)
        self.cause = cause
