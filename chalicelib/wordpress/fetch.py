"""Reading a live WordPress site's REST API, for ``import-wordpress --from-url``.

Only the command line imports this module (it needs ``urllib.request``,
which the Lambda function never loads).  A collection is read 100 items a
page, ordered by id so that posts published meanwhile land on the last page
instead of shifting the others; ``X-WP-TotalPages`` of the first page says
how many pages follow.  Connection errors, timeouts and HTTP 408/425/429/5xx
are retried with exponential backoff (``Retry-After`` honoured, capped) and
every retry is reported; a page that still fails is reported and skipped so
that the rest imports, and a rerun (or ``--from-page``) picks it up.
"""
import http.client
import json
import socket
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

PER_PAGE = 100
RETRY_STATUSES = frozenset((408, 425, 429, 500, 502, 503, 504))
USER_AGENT = 'faq-site-import/1.0 (WordPress REST reader)'
MAX_BACKOFF = 30.0


class FetchError(Exception):
    """A request that failed for good (after its retries)."""


@dataclass
class Page:
    number: int
    records: list
    error: str = ''


def with_query(url, **params):
    """``url`` with ``params`` set (replacing any of the same name)."""
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in params]
    pairs += [(k, str(v)) for k, v in params.items()]
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def terms_url(collection_url, taxonomy='faq-categories'):
    """The taxonomy's collection beside a post collection URL.

    ``…/wp-json/wp/v2/faq`` gives ``…/wp-json/wp/v2/faq-categories``; the
    plain-permalink form ``…/?rest_route=/wp/v2/faq`` works too.
    """
    parts = urlsplit(collection_url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(k == 'rest_route' for k, _ in query):
        query = [(k, v.rstrip('/').rsplit('/', 1)[0] + '/' + taxonomy if k == 'rest_route'
                  else v) for k, v in query]
        return urlunsplit(parts._replace(query=urlencode(query)))
    path = parts.path.rstrip('/').rsplit('/', 1)[0] + '/' + taxonomy
    return urlunsplit(parts._replace(path=path, query=''))


def _wp_message(body):
    try:
        data = json.loads(body)
    except ValueError:
        return ''
    if isinstance(data, dict) and data.get('code'):
        return ' (%s: %s)' % (data.get('code'), data.get('message', ''))
    return ''


class Fetcher:
    """GET JSON with retries; ``log`` receives one line per retry."""

    def __init__(self, retries=4, backoff=1.0, timeout=30.0, log=None,
                 sleep=time.sleep, max_backoff=MAX_BACKOFF):
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.timeout = timeout
        self.log = log or sys.stderr
        self.sleep = sleep
        self.max_backoff = max_backoff

    def _wait(self, attempt, retry_after=None):
        delay = min(self.max_backoff, self.backoff * (2 ** attempt))
        if retry_after is not None:
            try:
                delay = min(self.max_backoff, max(delay, float(retry_after)))
            except ValueError:
                pass
        return delay

    def get_json(self, url):
        """``(data, headers)`` of a GET, retried; raises :class:`FetchError`."""
        request = urllib.request.Request(url, headers={
            'Accept': 'application/json', 'User-Agent': USER_AGENT})
        attempts = self.retries + 1
        for attempt in range(attempts):
            retry_after = None
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body = response.read()
                    headers = response.headers
                break
            except urllib.error.HTTPError as error:
                body = error.read() if error.fp else b''
                problem = 'HTTP %d%s' % (error.code, _wp_message(body))
                if error.code not in RETRY_STATUSES:
                    raise FetchError(problem) from None
                retry_after = error.headers.get('Retry-After') if error.headers else None
            except (urllib.error.URLError, http.client.HTTPException, socket.timeout,
                    ConnectionError, TimeoutError) as error:
                reason = getattr(error, 'reason', None) or error
                problem = '%s: %s' % (type(error).__name__, reason)
            if attempt + 1 == attempts:
                raise FetchError('%s, after %d attempt%s' % (
                    problem, attempts, '' if attempts == 1 else 's'))
            delay = self._wait(attempt, retry_after)
            print('GET %s: %s; retrying in %.1f s (attempt %d of %d)'
                  % (url, problem, delay, attempt + 2, attempts), file=self.log, flush=True)
            self.sleep(delay)
        try:
            return json.loads(body.decode('utf-8-sig')), headers
        except ValueError as error:
            raise FetchError('the answer is not JSON: %s' % error) from None

    def get_page(self, url, number):
        data, headers = self.get_json(with_query(url, per_page=PER_PAGE, page=number))
        if not isinstance(data, list):
            raise FetchError('expected a JSON array of records, got %s'
                             % type(data).__name__)
        return data, _count(headers, 'X-WP-Total'), _count(headers, 'X-WP-TotalPages')

    def fetch_all(self, url):
        """Every item of a small collection (the terms); any failure raises."""
        items, number, pages = [], 1, 1
        while number <= pages:
            data, _, total_pages = self.get_page(url, number)
            items.extend(data)
            pages = total_pages if total_pages is not None else (
                number + 1 if len(data) == PER_PAGE else number)
            number += 1
        return items

    def pages(self, url, start=1, progress=None):
        """Yield each :class:`Page` of a post collection, from ``start``.

        A page that fails after its retries is yielded with ``error`` set;
        if that is the first page read, the page count is unknown and the
        walk stops there.
        """
        url = _stable_order(url)
        number, pages, total = max(1, start), None, None
        while pages is None or number <= pages:
            try:
                records, page_total, page_count = self.get_page(url, number)
            except FetchError as error:
                yield Page(number, [], str(error))
                if pages is None:
                    return
                number += 1
                continue
            if pages is None:
                total = page_total
                pages = page_count if page_count is not None else (
                    number + 1 if len(records) == PER_PAGE else number)
            elif page_count is None and len(records) == PER_PAGE:
                pages = max(pages, number + 1)
            if progress is not None:
                progress.page(number, pages, len(records), total)
            yield Page(number, records)
            number += 1


def _stable_order(url):
    query = dict(parse_qsl(urlsplit(url).query))
    if 'orderby' in query:
        return url
    return with_query(url, orderby='id', order='asc')


def _count(headers, name):
    value = headers.get(name) if headers is not None else None
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Progress:
    """A text progress bar on stderr: pages read and entries fetched."""

    WIDTH = 30

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, 'isatty') and self.stream.isatty()
        self.entries = 0
        self.started = False

    def page(self, number, pages, count, total):
        self.entries += count
        pages = max(pages or number, number)
        filled = int(self.WIDTH * number / pages) if pages else self.WIDTH
        bar = '#' * filled + '-' * (self.WIDTH - filled)
        line = '[%s] page %d/%d, entries %d/%s' % (
            bar, number, pages, self.entries, total if total is not None else '?')
        if self.tty:
            self.stream.write('\r' + line)
        else:
            self.stream.write(line + '\n')
        self.stream.flush()
        self.started = True

    def close(self):
        if self.tty and self.started:
            self.stream.write('\n')
            self.stream.flush()
