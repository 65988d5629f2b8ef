"""What readers tell the site: votes, comments and questions, counted per
address without keeping any address.

The rules (limits, what a refusal says, how long things are kept) are
:mod:`chalicelib.insights`'; this module stores and counts, each check and
count one conditional write, so that no number of concurrent readers can
pass a limit or lose a count.  The items (``docs/data-model.md``):

* ``META``/``READER_KEY#<day>``: the secret of the day that addresses are
  hashed with (HMAC); it expires the next day, and with it any way back
  from a hash to an address.
* ``READER#<hash>``/``DAY#<day>``: what one address did that day: the FAQs
  it voted on (``votes``), those it said "No" to (``noes``) and commented
  on (``commented``), its actions per hour (``h00``..``h23``).
* ``VOTES#<yyyy-mm>``/``<day>#<faq id>``: a FAQ's Yes and No of one day.
* ``COMMENTS#<faq id>``/``C#<time>#<hex>``: what a reader who said "No"
  was looking for.
* ``QUESTIONS``/``DAY#<day>``: questions asked and closed that day, and how
  many each address hash asked; ``QUESTIONS``/``Q#<day>#<hex>``: a question,
  with the e-mail address for a reply if one was given.

Nothing here is an entry or a category, so the table's stream handler
(:mod:`chalicelib.derived`) passes over all of it.
"""
import os
from collections import namedtuple

from .client import guarded
from .items import _key, _n, _s, _text

Comment = namedtuple('Comment', 'id faq_id at text kept')
Question = namedtuple('Question', 'id day at text email source')
DayVotes = namedtuple('DayVotes', 'day faq_id yes no')


def _reader_key(reader, day):
    return _key('READER#' + reader, 'DAY#' + day)


def _numbers(item, name):
    return {int(n) for n in item.get(name, {}).get('NS', ())}


def _question_key(question_id):
    day, _, tail = question_id.partition('.')
    return _key('QUESTIONS', 'Q#%s#%s' % (day, tail))


def _comment_key(comment_id):
    faq_id, _, tail = comment_id.partition('.')
    return _key('COMMENTS#' + faq_id, 'C#' + tail.replace('.', '#'))


def question_id_ok(question_id):
    """Whether ``question_id`` has the form :meth:`ReaderStore.add_question` gives."""
    day, dot, tail = question_id.partition('.')
    return bool(dot) and len(day) == 10 and len(tail) == 16 and \
        all(c in '0123456789abcdef' for c in tail) and day.replace('-', '').isdigit()


def comment_id_ok(comment_id):
    parts = comment_id.split('.')
    return len(parts) == 3 and parts[0].isdigit() and len(parts[0]) <= 15 and \
        len(parts[1]) == 16 and len(parts[2]) == 8 and parts[2].isalnum()


class ReaderStore:
    """Readers' votes, comments and questions, and the day's secret."""

    def __init__(self, client, table_name):
        self.client = guarded(client)
        self.table_name = table_name

    def _update(self, key, expression, condition=None, values=None, names=None, **extra):
        """One UpdateItem; ``(True, None)``, or ``(False, the item as it was)``
        when ``condition`` failed."""
        kwargs = dict(TableName=self.table_name, Key=key, UpdateExpression=expression,
                      **extra)
        if condition:
            kwargs.update(ConditionExpression=condition,
                          ReturnValuesOnConditionCheckFailure='ALL_OLD')
        if values:
            kwargs['ExpressionAttributeValues'] = values
        if names:
            kwargs['ExpressionAttributeNames'] = names
        try:
            self.client.update_item(**kwargs)
        except self.client.exceptions.ConditionalCheckFailedException as refused:
            return False, refused.response.get('Item', {})
        return True, None

    # -- the day's secret -----------------------------------------------------------

    def day_secret(self, day, new_secret=None, expires_at=None):
        """The secret of ``day``; if there is none, ``new_secret`` becomes it
        (stored conditionally: of two instances, both get the first one's),
        or None when ``new_secret`` is None."""
        key = _key('META', 'READER_KEY#' + day)
        response = self.client.get_item(TableName=self.table_name, Key=key,
                                        ConsistentRead=True)
        if 'Item' in response or new_secret is None:
            return _text(response.get('Item', {}), 'secret') or None
        try:
            self.client.put_item(
                TableName=self.table_name, ConditionExpression='attribute_not_exists(pk)',
                Item=dict(key, secret=_s(new_secret), expires_at=_n(expires_at)))
            return new_secret
        except self.client.exceptions.ConditionalCheckFailedException:
            return self.day_secret(day)

    # -- votes and comments ---------------------------------------------------------

    def mark_vote(self, reader, day, hour, faq_id, no, hourly, daily, expires_at):
        """Note that ``reader`` voted on ``faq_id`` today, unless it did, or
        reached ``hourly`` actions this hour or ``daily`` votes today.
        Returns None, or why not: ``'voted'``, ``'hourly'`` or ``'daily'``."""
        done, old = self._update(
            _reader_key(reader, day),
            'ADD votes :faq, #hour :one%s SET expires_at = :ttl' % (', noes :faq' if no else ''),
            'NOT contains(votes, :id) AND (attribute_not_exists(#hour) OR #hour < :hourly) '
            'AND (attribute_not_exists(votes) OR size(votes) < :daily)',
            {':faq': {'NS': [str(faq_id)]}, ':id': _n(faq_id), ':one': _n(1),
             ':hourly': _n(hourly), ':daily': _n(daily), ':ttl': _n(expires_at)},
            {'#hour': 'h%02d' % hour})
        if done:
            return None
        if faq_id in _numbers(old, 'votes'):
            return 'voted'
        return 'hourly' if int(old.get('h%02d' % hour, {}).get('N', 0)) >= hourly else 'daily'

    def mark_comment(self, reader, day, hour, faq_id, hourly):
        """Note that ``reader`` commented on ``faq_id``: only after a "No" to
        it today, once, within ``hourly``.  None, or ``'no-vote'``,
        ``'commented'`` or ``'hourly'``."""
        done, old = self._update(
            _reader_key(reader, day), 'ADD commented :faq, #hour :one',
            'contains(noes, :id) AND NOT contains(commented, :id) '
            'AND (attribute_not_exists(#hour) OR #hour < :hourly)',
            {':faq': {'NS': [str(faq_id)]}, ':id': _n(faq_id), ':one': _n(1),
             ':hourly': _n(hourly)}, {'#hour': 'h%02d' % hour})
        if done:
            return None
        if faq_id not in _numbers(old, 'noes'):
            return 'no-vote'
        return 'commented' if faq_id in _numbers(old, 'commented') else 'hourly'

    def unmark(self, reader, day, hour, faq_id, what):
        """Take back a mark whose count could not be stored (``what``: ``'votes'``
        or ``'commented'``), so the reader may try again."""
        self.client.update_item(
            TableName=self.table_name, Key=_reader_key(reader, day),
            UpdateExpression='DELETE %s :faq%s ADD #hour :minus' % (
                what, ', noes :faq' if what == 'votes' else ''),
            ExpressionAttributeNames={'#hour': 'h%02d' % hour},
            ExpressionAttributeValues={':faq': {'NS': [str(faq_id)]}, ':minus': _n(-1)})

    def count_vote(self, day, faq_id, helpful, expires_at):
        """One more Yes (``helpful``) or No for ``faq_id`` on ``day``: an atomic ADD."""
        self.client.update_item(
            TableName=self.table_name,
            Key=_key('VOTES#' + day[:7], '%s#%012d' % (day, faq_id)),
            UpdateExpression='ADD #vote :one SET faq_id = :id, expires_at = :ttl',
            ExpressionAttributeNames={'#vote': 'yes' if helpful else 'no'},   # reserved words
            ExpressionAttributeValues={':one': _n(1), ':id': _n(faq_id),
                                       ':ttl': _n(expires_at)})

    def votes(self, first_day, last_day):
        """Every FAQ's Yes and No of each day from ``first_day`` to ``last_day``:
        a Query per month, never more items than FAQs voted on per day."""
        found = []
        for month in _months(first_day, last_day):
            for item in self._query('VOTES#' + month, 'sk BETWEEN :low AND :high', {
                    ':low': _s(first_day), ':high': _s(last_day + '#~')}):
                found.append(DayVotes(item['sk']['S'][:10], int(item['faq_id']['N']),
                                      int(item.get('yes', {}).get('N', 0)),
                                      int(item.get('no', {}).get('N', 0))))
        return found

    def _query(self, pk, condition, values, forward=True, limit=None):
        """The items of one partition that meet a key condition, page after page."""
        kwargs = dict(TableName=self.table_name, ScanIndexForward=forward,
                      KeyConditionExpression='pk = :pk AND ' + condition,
                      ExpressionAttributeValues=dict(values, **{':pk': _s(pk)}))
        while True:
            if limit is not None:
                kwargs['Limit'] = limit
            response = self.client.query(**kwargs)
            items = response.get('Items', [])
            yield from items
            if limit is not None:
                limit -= len(items)
            if 'LastEvaluatedKey' not in response or limit == 0:
                return
            kwargs['ExclusiveStartKey'] = response['LastEvaluatedKey']

    def add_comment(self, faq_id, at, text, expires_at):
        """Store a comment (``at``: ``YYYYmmddTHHMMSSZ``); returns its id."""
        tail = os.urandom(4).hex()
        self.client.put_item(TableName=self.table_name, Item=dict(
            _key('COMMENTS#%d' % faq_id, 'C#%s#%s' % (at, tail)),
            text=_s(text), expires_at=_n(expires_at)))
        return '%d.%s.%s' % (faq_id, at, tail)

    def comments(self, faq_id, limit):
        """The newest ``limit`` comments on ``faq_id``."""
        return [Comment('%d.%s' % (faq_id, item['sk']['S'][2:].replace('#', '.')), faq_id,
                        item['sk']['S'][2:18], item['text']['S'], 'expires_at' not in item)
                for item in self._query('COMMENTS#%d' % faq_id, 'begins_with(sk, :c)',
                                        {':c': _s('C#')}, forward=False, limit=limit)]

    def keep_comment(self, comment_id):
        """Keep a comment for good (it loses its expiry); False if it is gone."""
        done, _ = self._update(_comment_key(comment_id), 'REMOVE expires_at',
                               'attribute_exists(pk)')
        return done

    # -- questions ------------------------------------------------------------------

    def take_question(self, day, reader, most, each, expires_at):
        """Count a question of ``day`` from ``reader``, unless the site has
        ``most`` already or the reader ``each``: None, ``'site'`` or ``'reader'``."""
        done, old = self._update(
            _key('QUESTIONS', 'DAY#' + day), 'ADD asked :one, #who :one SET expires_at = :ttl',
            '(attribute_not_exists(asked) OR asked < :most) '
            'AND (attribute_not_exists(#who) OR #who < :each)',
            {':one': _n(1), ':most': _n(most), ':each': _n(each), ':ttl': _n(expires_at)},
            {'#who': 'a_' + reader})
        if done:
            return None
        return 'reader' if int(old.get('a_' + reader, {}).get('N', 0)) >= each else 'site'

    def give_back_question(self, day, reader):
        self.client.update_item(
            TableName=self.table_name, Key=_key('QUESTIONS', 'DAY#' + day),
            UpdateExpression='ADD asked :minus, #who :minus',
            ExpressionAttributeNames={'#who': 'a_' + reader},
            ExpressionAttributeValues={':minus': _n(-1)})

    def add_question(self, day, at, text, email, source, expires_at):
        """Store a question (``at``: ISO 8601); returns its id."""
        question_id = '%s.%s' % (day, os.urandom(8).hex())
        item = dict(_question_key(question_id), at=_s(at), text=_s(text),
                    source=_s(source), expires_at=_n(expires_at))
        if email:
            item['email'] = _s(email)
        self.client.put_item(TableName=self.table_name, Item=item,
                             ConditionExpression='attribute_not_exists(pk)')
        return question_id

    @staticmethod
    def _question(item):
        day, _, tail = item['sk']['S'][2:].partition('#')
        return Question('%s.%s' % (day, tail), day, item['at']['S'], item['text']['S'],
                        _text(item, 'email'), _text(item, 'source'))

    def questions(self, first_day, last_day, limit):
        """The open questions asked from ``first_day`` to ``last_day``, newest
        day first, at most ``limit``."""
        return [self._question(item) for item in self._query(
            'QUESTIONS', 'sk BETWEEN :low AND :high',
            {':low': _s('Q#' + first_day), ':high': _s('Q#' + last_day + '#~')},
            forward=False, limit=limit)]

    def question(self, question_id):
        response = self.client.get_item(TableName=self.table_name,
                                         Key=_question_key(question_id), ConsistentRead=True)
        return self._question(response['Item']) if 'Item' in response else None

    def close_question(self, question_id):
        """Delete a question, e-mail address and all, and count it closed on its
        day; None if it was gone already (of two editors closing it, one wins)."""
        response = self.client.delete_item(TableName=self.table_name,
                                           Key=_question_key(question_id),
                                           ReturnValues='ALL_OLD')
        if 'Attributes' not in response:
            return None
        old = response['Attributes']
        question = self._question(old)
        # the day's item expires a day after its questions; should TTL have taken
        # it first, the one made here expires too
        self.client.update_item(
            TableName=self.table_name, Key=_key('QUESTIONS', 'DAY#' + question.day),
            UpdateExpression='ADD closed :one SET expires_at = if_not_exists(expires_at, :ttl)',
            ExpressionAttributeValues={':one': _n(1), ':ttl': old['expires_at']})
        return question

    def open_questions(self, first_day, last_day):
        """How many questions of those days are open: asked less closed, from
        one small item per day."""
        return sum(int(item.get('asked', {}).get('N', 0)) -
                   int(item.get('closed', {}).get('N', 0))
                   for item in self._query('QUESTIONS', 'sk BETWEEN :low AND :high', {
                       ':low': _s('DAY#' + first_day), ':high': _s('DAY#' + last_day)}))


def _months(first_day, last_day):
    """``YYYY-MM`` of every month from ``first_day`` to ``last_day``."""
    year, month = int(first_day[:4]), int(first_day[5:7])
    found = []
    while '%04d-%02d' % (year, month) <= last_day[:7]:
        found.append('%04d-%02d' % (year, month))
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return found
