"""The HTML of an answer: cleaning what comes in, reading what is there.

Everything stored as ``content`` has passed through :func:`clean_html`, so
templates can print it unescaped.  Internal FAQ links are stored
root-relative (``/faq/slug/``) and given the site's mount point when a page
is rendered (:func:`mount_links`), which keeps content valid wherever the
site is served from.
"""
import html
import math
import re
from urllib.parse import urljoin

import nh3

from .urls import url_slug

WORDS_PER_MINUTE = 200
DESCRIPTION_LIMIT = 160

_GUTENBERG_COMMENT = re.compile(r'<!--\s*/?wp:.*?-->', re.S)
_BLANK_RUNS = re.compile(r'\n[ \t]*(?:\n[ \t]*)+')
_ROOT_RELATIVE = re.compile(r'(\b(?:href|src)=")/(?!/)')

# nh3's defaults minus what a FAQ answer never needs to carry.
ALLOWED_TAGS = (nh3.ALLOWED_TAGS - {'map', 'area', 'bdo'}) | {'figure', 'figcaption'}
ALLOWED_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    'a': {'href', 'hreflang', 'title'},
    'img': {'src', 'alt', 'width', 'height', 'loading'},
    'th': {'colspan', 'rowspan', 'scope'},
    'td': {'colspan', 'rowspan'},
    '*': {'class', 'id', 'lang', 'title'},
}
URL_SCHEMES = {'http', 'https', 'mailto', 'tel'}


_OLD_FAQ_REST = re.compile(r'^([^/?#]+)/?([?#].*)?$')
_SCHEME = re.compile(r'^[a-zA-Z][a-zA-Z0-9+.-]*:')
_IMG = re.compile(r'<img\b[^>]*>')
_IMG_SOURCE = re.compile(r'\ssrc="')


def is_relative(url):
    """A path-relative reference (``x.png``, ``../a/``, ``?q``): one a page
    resolves against its own address.  Root-relative ones (``/faq/x/``) are
    this site's own links, as stored content keeps them; fragments stay."""
    return bool(url) and not url.startswith(('/', '#')) and not _SCHEME.match(url)


def _link_filter(old_faq_base, base_url):
    """nh3's attribute filter: relative ``href``/``src`` resolved against
    ``base_url``, links into the old FAQ section made this site's paths, and
    an image source that names nothing dropped (then the image too)."""
    old = old_faq_base.rstrip('/') + '/' if old_faq_base else None

    def rewrite(tag, attribute, value):
        if attribute not in ('href', 'src'):
            return value
        if tag == 'img' and value.strip() in ('', '#'):
            return None
        if base_url and is_relative(value.strip()):
            value = urljoin(base_url, value.strip())
        if old and tag == 'a' and attribute == 'href' and value.startswith(old):
            match = _OLD_FAQ_REST.match(value[len(old):])
            if match:
                return '/faq/%s/%s' % (match.group(1), match.group(2) or '')
        return value
    return rewrite


def _drop_sourceless_images(markup):
    return _IMG.sub(lambda m: m.group() if _IMG_SOURCE.search(m.group()) else '', markup)


def clean_html(raw, old_faq_base='', base_url=''):
    """Sanitise HTML from an editor or an import.

    Drops Gutenberg block comments and the blank runs they leave, anything
    nh3 judges unsafe (scripts, event handlers, ``javascript:`` URLs),
    images without a usable source; rewrites links into the old site's FAQ
    section to this site's paths; resolves relative links and image sources
    against ``base_url`` (the old post's address), which a page of this site
    would otherwise resolve against its own (``/faq/<slug>/x.png``).
    """
    text = _GUTENBERG_COMMENT.sub('', raw or '')
    cleaned = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_link_filter(old_faq_base, base_url),
    )
    return _BLANK_RUNS.sub('\n\n', _drop_sourceless_images(cleaned)).strip()


def old_post_url(old_faq_base, slug):
    """Where the old site served an entry: the address its content's relative
    links and image sources meant; '' without an old FAQ section."""
    return old_faq_base.rstrip('/') + '/' + url_slug(slug) + '/' if old_faq_base else ''


def markdown_to_html(source):
    """Markdown an editor wrote, as clean HTML."""
    import markdown  # only the admin needs it: keep it off the cold start
    return clean_html(markdown.markdown(source, extensions=['extra', 'sane_lists']))


_BLOCKS = {'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
           'br', 'tr', 'td', 'th', 'blockquote', 'pre', 'figure', 'figcaption',
           'table', 'section', 'dd', 'dt'}


def _squash(text):
    return ' '.join(text.split())


_BLOCK_TAG = re.compile(r'</?(?:%s)\b[^>]*>' % '|'.join(sorted(_BLOCKS)))
_ANY_TAG = re.compile(r'<[^>]*>')


def plain_text(markup):
    """The visible text of clean HTML, whitespace collapsed.

    Regular expressions suffice here, and are ten times faster than a
    parser on the page's hot path, because stored content is nh3's output:
    well-formed, no comments, no raw ``<`` in text or attributes.
    """
    text = _ANY_TAG.sub('', _BLOCK_TAG.sub(' ', markup or ''))
    return _squash(html.unescape(text))


def word_count(markup):
    return len(plain_text(markup).split())


def reading_minutes(markup):
    """Minutes to read, at about 200 words a minute, at least one."""
    return max(1, math.ceil(word_count(markup) / WORDS_PER_MINUTE))


def truncate_words(text, limit=DESCRIPTION_LIMIT):
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    text = _squash(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if ' ' in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(' ', 1)[0]
    return cut.rstrip(' ,;:.-–—') + '…'


_PARAGRAPH = re.compile(r'<p\b[^>]*>(.*?)</p>', re.S)


def derive_description(markup, limit=DESCRIPTION_LIMIT):
    """A meta description from the first non-empty paragraph of clean HTML.

    Paragraphs never nest, so in nh3's well-formed output a paragraph is
    exactly the text between ``<p>`` and the next ``</p>``.
    """
    paragraphs = (plain_text(p) for p in _PARAGRAPH.findall(markup or ''))
    first = next((p for p in paragraphs if p), None)
    return truncate_words(first or plain_text(markup), limit)


def mount_links(markup, base_path):
    """Prefix root-relative links with the path the site is mounted under."""
    if not base_path:
        return markup
    return _ROOT_RELATIVE.sub(lambda m: m.group(1) + base_path + '/', markup)


def unescape(text):
    """Plain text from a WordPress ``rendered`` string (``&#038;`` and co.)."""
    return html.unescape(text or '')


# What a page derives from an entry's content: kept for the entries an
# instance serves most, instead of re-scanning the HTML on every request.
# Each key holds every input of its value (the content itself, not an id and
# version, which a purged and re-imported entry can repeat).
_derived = {}
_DERIVED_LIMIT = 1024


def derived(key, make):
    """``make()``, kept under ``key`` for the ~256 values used most recently."""
    value = _derived.get(key)
    if value is None:
        if len(_derived) >= _DERIVED_LIMIT:
            _derived.clear()
        value = _derived[key] = make()
    return value
