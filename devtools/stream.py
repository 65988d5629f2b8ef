"""Feeding the ``content_changed`` handler from DynamoDB Local's stream, as Lambda does.

On AWS, Lambda reads the table's stream and calls the handler with batches
of records.  Locally nothing does, so this reads DynamoDB Local's stream
(``DescribeStream``, ``GetShardIterator``, ``GetRecords``) and calls the
handler with the same event Lambda would send.  ``make run`` runs it in the
background; tests call :meth:`StreamPump.drain` to let the builder catch up
when they choose.  Development only: never deployed.
"""
import threading
import time

BATCH = 1000
_clients = {}


def _client(service, endpoint, region):
    """One botocore client per service and endpoint for the process: making
    one costs a tenth of a second, and tests make a pump each."""
    key = (service, endpoint, region)
    if key not in _clients:
        import botocore.session
        _clients[key] = botocore.session.get_session().create_client(
            service, endpoint_url=endpoint, region_name=region)
    return _clients[key]


def _lambda_record(record, stream_arn):
    """A GetRecords record as Lambda hands it to a handler."""
    data = dict(record['dynamodb'])
    created = data.get('ApproximateCreationDateTime')
    if hasattr(created, 'timestamp'):
        data['ApproximateCreationDateTime'] = created.timestamp()
    return {'eventID': record.get('eventID'), 'eventName': record.get('eventName'),
            'eventVersion': record.get('eventVersion', '1.1'), 'eventSource': 'aws:dynamodb',
            'awsRegion': record.get('awsRegion', 'us-east-1'), 'dynamodb': data,
            'eventSourceARN': stream_arn}


class StreamPump:
    """Reads a table's stream from its start and hands records to ``handler``
    (called as Lambda calls it: ``handler(event, context)``)."""

    def __init__(self, endpoint, table_name, handler, region='us-east-1'):
        self.tables = _client('dynamodb', endpoint, region)
        self.streams = _client('dynamodbstreams', endpoint, region)
        self.table_name, self.handler = table_name, handler
        self.stream_arn = None
        self.iterators = {}          # shard id -> next iterator (None: closed)
        self.delivered = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = None

    def _shards(self):
        """Start reading the shards not seen yet (all of them, the first time;
        after that only when one closed, as DynamoDB starts its successor)."""
        if self.stream_arn is None:
            table = self.tables.describe_table(TableName=self.table_name)['Table']
            self.stream_arn = table['LatestStreamArn']
        elif self.iterators and all(self.iterators.values()):
            return
        description = self.streams.describe_stream(StreamArn=self.stream_arn)
        for shard in description['StreamDescription']['Shards']:
            if shard['ShardId'] not in self.iterators:
                self.iterators[shard['ShardId']] = self.streams.get_shard_iterator(
                    StreamArn=self.stream_arn, ShardId=shard['ShardId'],
                    ShardIteratorType='TRIM_HORIZON')['ShardIterator']

    def drain(self):
        """Deliver every record written so far; returns how many there were."""
        with self._lock:
            self._shards()
            count = 0
            for shard, iterator in list(self.iterators.items()):
                while iterator:
                    answer = self.streams.get_records(ShardIterator=iterator, Limit=BATCH)
                    iterator = answer.get('NextShardIterator')
                    records = answer.get('Records', [])
                    if records:
                        self.handler({'Records': [_lambda_record(r, self.stream_arn)
                                                  for r in records]}, None)
                        count += len(records)
                    if not records:
                        break
                self.iterators[shard] = iterator
            self.delivered += count
            return count

    def start(self, interval=0.5, log=None):
        """Drain in a background thread every ``interval`` seconds."""
        def loop():
            while not self._stop.wait(interval):
                try:
                    self.drain()
                except Exception as error:     # noqa: BLE001 - keep serving; say why
                    if log:
                        log('stream: %s: %s' % (type(error).__name__, error))
                    time.sleep(interval)
        self._thread = threading.Thread(target=loop, name='stream-pump', daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
