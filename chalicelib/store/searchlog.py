"""The search log's one write: searches counted under their day and query.

``SEARCHES#<day>``/``Q#<query>`` holds one normalised query's ``found`` and
``missed`` counts of the day, a search or a batch of them one ``ADD``: no
visitor, time or address, a count.  It is on every search's path, so it
is all this module does; reading the log back, for editors, is
:mod:`.searchdays`.
"""
from .client import guarded
from .items import _key, _n


class SearchLog:
    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def count(self, day, query, found, expires_at, searches=1):
        """``searches`` more for ``query`` on ``day`` that found something, or not."""
        self.client.update_item(
            TableName=self.table_name, Key=_key('SEARCHES#' + day, 'Q#' + query),
            UpdateExpression='ADD #count :n SET expires_at = :ttl',
            ExpressionAttributeNames={'#count': 'found' if found else 'missed'},  # reserved
            ExpressionAttributeValues={':n': _n(searches), ':ttl': _n(expires_at)})
