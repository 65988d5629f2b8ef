"""The FAQ entry and the rules it must satisfy before it is stored."""
import re
from collections import namedtuple
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from . import content as html_content
from .urls import url_slug

STATUSES = ('publish', 'draft')   # what an editor may set; 'trash' is set by delete
TRASH = 'trash'
# A slug: words of lowercase ASCII letters and digits, or of other scripts'
# characters (WordPress keeps those, percent-encoded: see urls.url_slug),
# joined by single hyphens.  Left out of the other scripts' characters:
# spaces, controls, invisible format characters (bidirectional overrides,
# zero-width ones) and surrogates, so that two slugs that look the same are
# the same.  The same pattern is the admin API's (chalicelib/admin/openapi.json).
SLUG_CHAR = (r'(?:[a-z0-9]|[^\x00-\xa0\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891'
             r'\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f'
             r'\u3000\ud800-\udfff\ufeff\ufff9-\ufffb\ufffd])')
SLUG_PATTERN = re.compile('^%s+(?:-%s+)*$' % (SLUG_CHAR, SLUG_CHAR))
SLUG_MAX = 200              # of the URL form, as WordPress's post_name
TITLE_MAX = 300
GIVEN_DESCRIPTION_MAX = 320   # WordPress/Yoast imports may carry two sentences
CONTENT_MAX_BYTES = 200 * 1024


class ValidationError(ValueError):
    """Input that cannot become an entry; ``errors`` maps field to message."""

    def __init__(self, errors):
        self.errors = dict(errors)
        super().__init__('; '.join('%s: %s' % kv for kv in self.errors.items()))


def utcnow():
    return datetime.now(timezone.utc).replace(microsecond=0)


def format_time(moment):
    """ISO 8601 in UTC, second precision: sorts as text, reads as a date."""
    return moment.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def parse_time(text):
    """Parse ISO 8601; a value without offset is taken as UTC."""
    if len(text) == 20 and text[-1] == 'Z':     # the stored form: the fast path
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=timezone.utc)
    moment = datetime.fromisoformat(text.replace('Z', '+00:00'))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


SLUG_RULE = ('Slug must be lowercase letters, digits and single hyphens (letters of '
             'other scripts too), at most %d characters (an encoded character counts '
             'its %%xx).' % SLUG_MAX)


def is_valid_slug(slug):
    return isinstance(slug, str) and SLUG_PATTERN.fullmatch(slug) is not None \
        and len(url_slug(slug)) <= SLUG_MAX


# Letters NFKD does not take apart, spelt as WordPress's remove_accents() does.
_SPELT_OUT = str.maketrans({'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE',
                            'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L',
                            'þ': 'th', 'Þ': 'TH', 'ð': 'd', 'Ð': 'D', 'ı': 'i'})
_NOT_SLUG = re.compile(r'[^a-z0-9]+')


def suggest_slug(title):
    """A valid slug made from a title, as WordPress makes one: accents taken
    off (``Café`` -> ``cafe``), anything else not a letter or digit a hyphen,
    at most 200 characters, cut at a hyphen.

    Written out rather than taken from python-slugify, whose transliteration
    table (text-unidecode) would be a twentieth of the Lambda package; a
    title in another script gives ``faq``, and the editor types the slug.
    """
    from .text import drop_marks
    folded = drop_marks((title or '').translate(_SPELT_OUT)).lower()
    slug = _NOT_SLUG.sub('-', folded).strip('-')
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX + 1].rsplit('-', 1)[0] if '-' in slug[:SLUG_MAX + 1] \
            else slug[:SLUG_MAX]
    return slug.strip('-') or 'faq'


# What an entry's page shows of other things, stored with the entry so that the
# page is one read: its related questions (kept current by chalicelib.derived)
# and the names of its categories.  Named tuples: cheap to make by the thousand.
Related = namedtuple('Related', 'slug title')
CategoryName = namedtuple('CategoryName', 'slug name')


@dataclass(frozen=True)
class FaqEntry:
    id: int
    slug: str
    title: str
    content: str                  # sanitised HTML, internal links root-relative
    description: str              # the meta description actually used
    status: str = 'draft'
    categories: tuple = ()
    created: datetime = field(default_factory=utcnow)
    modified: datetime = field(default_factory=utcnow)
    version: int = 1
    description_given: bool = False   # False: re-derived when content changes
    reading_minutes: int = 1
    trashed_from: str = ''            # the status to restore a trashed entry to
    old_slugs: tuple = ()             # earlier slugs, which redirect here
    related: tuple = ()               # Related questions, newest computation first
    category_names: tuple = ()        # CategoryName of each category that exists

    @property
    def is_trashed(self):
        return self.status == TRASH

    @property
    def is_published(self):
        return self.status == 'publish'

    def with_changes(self, **changes):
        return replace(self, **changes)


@dataclass(frozen=True)
class Category:
    id: int                 # the WordPress term id for imported categories
    slug: str
    name: str
    description: str = ''


def name_categories(slugs, categories):
    """The CategoryName of each of ``slugs`` among ``categories`` (Category objects)."""
    names = {c.slug: c.name for c in categories}
    return tuple(CategoryName(s, names[s]) for s in slugs if s in names)


CATEGORY_NAME_MAX = 200
CATEGORY_DESCRIPTION_MAX = 1000


def build_category(*, id, slug, name, description=''):
    errors = {}
    _check_id_and_slug(id, slug, errors)
    if not isinstance(name, str) or not name.strip():
        errors['name'] = 'Name is required.'
    elif len(name.strip()) > CATEGORY_NAME_MAX:
        errors['name'] = 'Name must be at most %d characters.' % CATEGORY_NAME_MAX
    if not isinstance(description, str):
        errors['description'] = 'Description must be text.'
    elif len(description) > CATEGORY_DESCRIPTION_MAX:
        errors['description'] = ('Description must be at most %d characters.'
                                 % CATEGORY_DESCRIPTION_MAX)
    if errors:
        raise ValidationError(errors)
    return Category(id=id, slug=slug, name=name.strip(),
                    description=' '.join(description.split()))


def _check_id_and_slug(id, slug, errors):
    if not isinstance(id, int) or isinstance(id, bool) or id < 1:
        errors['id'] = 'Id must be a positive integer.'
    if not is_valid_slug(slug):
        errors['slug'] = SLUG_RULE


def _check_title(title, errors):
    if not isinstance(title, str) or not title.strip():
        errors['title'] = 'Title is required.'
    elif len(title.strip()) > TITLE_MAX:
        errors['title'] = 'Title must be at most %d characters.' % TITLE_MAX


def build_entry(*, id, slug, title, content, description='', status='draft',
                categories=(), created=None, modified=None, version=1):
    """Validate raw values and return a complete :class:`FaqEntry`.

    ``content`` must already be clean HTML (see :mod:`chalicelib.content`).
    The reading time, and the description when none is given, are derived
    here so that every stored entry carries them.
    """
    errors = {}
    _check_id_and_slug(id, slug, errors)
    _check_title(title, errors)
    if not isinstance(content, str):
        errors['content'] = 'Content must be text.'
    elif len(content.encode('utf-8')) > CONTENT_MAX_BYTES:
        errors['content'] = 'Content must be at most 200 KB.'
    description = ' '.join((description or '').split())
    if len(description) > GIVEN_DESCRIPTION_MAX:
        errors['description'] = ('Description must be at most %d characters.'
                                 % GIVEN_DESCRIPTION_MAX)
    if status not in STATUSES + (TRASH,):
        errors['status'] = 'Status must be one of: %s.' % ', '.join(STATUSES)
    categories = tuple(categories or ())
    if not all(is_valid_slug(c) for c in categories):
        errors['categories'] = 'Categories must be category slugs.'
    if errors:
        raise ValidationError(errors)
    created = created or utcnow()
    return FaqEntry(
        id=id, slug=slug, title=title.strip(), content=content,
        description=description or html_content.derive_description(content),
        description_given=bool(description), status=status,
        categories=tuple(dict.fromkeys(categories)), created=created,
        modified=modified or created, version=version,
        reading_minutes=html_content.reading_minutes(content),
    )
