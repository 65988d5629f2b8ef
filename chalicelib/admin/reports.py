"""What editors read rather than change: the broken-links report and the audit log."""
import html
import re
from urllib.parse import urlsplit

from ..models import STATUSES, ValidationError, format_time, utcnow
from ..settings import get_settings
from ..urls import SiteUrls, slug_from_url
from .editing import entries_in

_FAQ_LINK = re.compile(r'href="/faq/([^"/?#]+)/?[^"]*"')
_IMAGE_SOURCE = re.compile(r'<img\b[^>]*\ssrc="([^"]+)"')


def external_images(markup, site_host):
    """The sources of images in ``markup`` served by another host than this
    site: they break when that site goes (the old WordPress site, say)."""
    found = []
    for source in _IMAGE_SOURCE.findall(markup):
        source = html.unescape(source)
        host = urlsplit(source).hostname
        if host and host != site_host:
            found.append(source)
    return found


def broken_links(repository):
    """Links in entries' content to FAQ slugs that lead nowhere, and images
    hosted elsewhere.

    A link to an old slug still works (it redirects) and is reported as such,
    so editors can point it at the current address.  An image on another
    host works until that host drops it: reported so that editors can copy
    it here before the old site goes.
    """
    entries = entries_in(repository, STATUSES, content=True)
    live = {e.slug: e for e in entries}
    site_host = urlsplit(get_settings().site_url).hostname
    report = []
    for entry in entries:
        for source in sorted(set(external_images(entry.content, site_host))):
            report.append({'entry_id': entry.id, 'entry_title': entry.title,
                           'entry_status': entry.status, 'link': source,
                           'problem': 'external-image', 'current_slug': None})
        for slug in sorted({slug_from_url(s) for s in _FAQ_LINK.findall(entry.content)}):
            target = live.get(slug)
            if target is not None and target.is_published:
                continue
            moved = None if target else repository.redirect_target(slug)
            if moved is not None and moved.is_published:
                problem, hint = 'redirects', moved.slug
            elif target is not None:
                problem, hint = 'draft', slug
            else:
                problem, hint = 'missing', None
            report.append({'entry_id': entry.id, 'entry_title': entry.title,
                           'entry_status': entry.status, 'link': SiteUrls.faq(slug),
                           'problem': problem, 'current_slug': hint})
    return report


# -- the audit log ------------------------------------------------------------------

AUDIT_PAGE = 100
_MONTH = re.compile(r'^[0-9]{4}-(0[1-9]|1[0-2])$')
_AUDIT_KEY = re.compile(r'^([0-9]{4}-[0-9]{2})-[0-9]{2}T[0-9:]{8}Z#[0-9]{19}#[0-9a-f]{8}$')


def audit_page(repository, month=None, before=None):
    """One page of a month's audit log, newest first.

    Returns ``(month, records, after)``: ``after`` is the key to pass as
    ``before`` for the next (older) page, or None on the last one.  Without
    ``month`` (an empty one is invalid), the month is the one ``before``
    points into, else this one: a client that only follows ``after`` keeps
    paging the same month even when a new month begins meanwhile.
    """
    if month is None:
        key = _AUDIT_KEY.match(before) if isinstance(before, str) else None
        month = key.group(1) if key else format_time(utcnow())[:7]
    errors = {}
    if not isinstance(month, str) or not _MONTH.match(month):
        errors['month'] = 'Give the month as YYYY-MM, e.g. 2026-01.'
    elif before is not None:
        key = _AUDIT_KEY.match(before) if isinstance(before, str) else None
        if key is None or key.group(1) != month:
            errors['before'] = 'Not a position in the audit log of %s.' % month
    if errors:
        raise ValidationError(errors)
    records = repository.audit_log(month, AUDIT_PAGE + 1, before)
    more = len(records) > AUDIT_PAGE
    records = records[:AUDIT_PAGE]
    return month, records, records[-1].key if more else None


def previous_month(month):
    year, number = int(month[:4]), int(month[5:])
    return '%04d-%02d' % ((year, number - 1) if number > 1 else (year - 1, 12))


def next_month(month):
    year, number = int(month[:4]), int(month[5:])
    return '%04d-%02d' % ((year, number + 1) if number < 12 else (year + 1, 1))
