"""The ``content_changed`` handler: the table's stream, read for changes that matter.

Every write to the table reaches the stream; only two kinds change what
pages show of other entries: an entry (``FAQ#<id>``/``ENTRY``) and a
category (``CATALOG``/``CAT#<slug>``).  A change of an entry that touched
nothing but what the builder itself stores on it (its related questions and
category names) is skipped, or each build would start another.
"""
import json
import logging
import time

from .. import store
from . import builder

DERIVED_ATTRIBUTES = frozenset(('related', 'category_names'))
log = logging.getLogger(__name__)


def _record(record):
    """``(keys, old image, new image)`` of a Chalice record or a raw one."""
    if isinstance(record, dict):
        data = record.get('dynamodb', {})
        return data.get('Keys', {}), data.get('OldImage'), data.get('NewImage')
    return record.keys or {}, record.old_image, record.new_image


def _own_change(old, new):
    """True when only the builder's attributes differ between the images."""
    if old is None or new is None:
        return False
    names = (set(old) | set(new)) - DERIVED_ATTRIBUTES
    return all(old.get(n) == new.get(n) for n in names)


def changes(records):
    """``(entry ids, categories changed)`` of a batch of stream records."""
    entries, categories = set(), False
    for record in records:
        keys, old, new = _record(record)
        pk, sk = keys.get('pk', {}).get('S', ''), keys.get('sk', {}).get('S', '')
        if pk.startswith('FAQ#') and sk == 'ENTRY':
            if not _own_change(old, new):
                entries.add(int(pk[len('FAQ#'):]))
        elif pk == 'CATALOG' and sk.startswith('CAT#'):
            categories = True
    return entries, categories


def content_changed(event, now=None):
    """Rebuild derived data for a batch of the stream (a Chalice DynamoDBEvent).

    While a bulk import holds builds off (it builds everything when done),
    the batch is only acknowledged.
    """
    entries, categories = changes(event)
    if not entries and not categories:
        return None
    if store.get_artifacts().bulk_until() > (time.time() if now is None else now):
        log.info(json.dumps({'derived': 'held off by a bulk import',
                             'entries': len(entries)}))
        return None
    report = builder.rebuild(changed=entries)
    log.info(json.dumps({'derived': repr(report), 'entries': len(entries),
                         'categories_changed': categories}))
    return report
