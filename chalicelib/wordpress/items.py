"""What the WordPress API serves: ``faq`` posts, ``faq-categories`` terms,
the post type and the taxonomy, shaped field for field as WordPress 6 shapes
them, and the ``_fields`` filter over them.

The item builders take the set of fields a request wants and build only
those: a listing with ``_fields=id,slug`` renders no excerpt and no Yoast
head.  :func:`post_item` is also what ``export-wordpress`` writes
(:mod:`chalicelib.wordpress.export`), so that import, export and import again gives
identical entries.

yoast_head_json and yoast_head
    Built from this site's own page head (``seo.faq_seo``), so they say
    what the FAQ page says: Yoast's fields plus ``article_published_time``
    and, in ``schema['@graph']``, the schema.org ``FAQPage`` node our pages
    add (the Yoast sample has none; its WebPage, BreadcrumbList and WebSite
    nodes are reproduced, the breadcrumb naming the index "FAQs" where the
    sample says "faqs").  Both are memoised per entry version in the
    container (:func:`yoast_fields`).
"""
import functools
import html
from datetime import timezone

from .. import content as html_content
from .. import derived
from ..seo import FAQ_INDEX_NAME, faq_seo, head_context
from ..settings import get_settings
from ..store import get_repository
from ..templating import render
from ..urls import SiteUrls, url_slug
from .params import NAMESPACE, POST_TYPE, TAXONOMY

EXCERPT_WORDS = 55
EXCERPT_MORE = ' [&hellip;]'
CURIES = [{'name': 'wp', 'href': 'https://api.w.org/{rel}', 'templated': True}]


class Site:
    """What items are built from: settings, URLs and (lazily) the categories.

    Serving requests, categories and their counts come from the instance's
    derived data (already read for the request); given a repository, as the
    command line's export does, they are read from the table.
    """

    def __init__(self, settings=None, repository=None):
        self.settings = settings or get_settings()
        self.urls = SiteUrls('', self.settings.site_url)
        self.api = self.settings.site_url + '/wp-json'
        self._repository = repository
        self._categories = None

    @property
    def repository(self):
        return self._repository or get_repository()

    @property
    def categories(self):
        if self._categories is None:
            self._categories = list(self.repository.list_categories() if self._repository
                                    else derived.current().categories.values())
        return self._categories

    @functools.cached_property
    def term_ids(self):
        return {c.slug: c.id for c in self.categories}

    @functools.cached_property
    def term_slugs(self):
        return {c.id: c.slug for c in self.categories}

    def route(self, path):
        return self.api + '/' + path

    def term_counts(self):
        """Published entries per category slug: a term's ``count``."""
        if self._repository is None:
            counts = derived.current().info.get('counts', {})
            return {c.slug: counts.get(derived.category_listing(c.slug), 0)
                    for c in self.categories}
        counts = {}
        for entry in self.repository.all_by_status('publish'):
            for slug in entry.categories:
                counts[slug] = counts.get(slug, 0) + 1
        return counts


POST_FIELDS = ('id', 'date', 'date_gmt', 'guid', 'modified', 'modified_gmt', 'slug',
               'status', 'type', 'link', 'title', 'content', 'excerpt', 'template',
               TAXONOMY, 'class_list', 'yoast_head', 'yoast_head_json', '_links')
POST_EMBED_FIELDS = ('id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', '_links')
BODY_FIELDS = frozenset(('content', 'excerpt', 'yoast_head', 'yoast_head_json'))
TERM_FIELDS = ('id', 'count', 'description', 'link', 'name', 'slug', 'taxonomy',
               'parent', '_links')
TERM_EMBED_FIELDS = ('id', 'link', 'name', 'slug', 'taxonomy', '_links')


def wp_time(moment):
    """WordPress's ``date``/``date_gmt`` form; site time is UTC here."""
    return moment.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S')


def rendered_text(text):
    """Plain text as WordPress renders a title or term name (``&`` as ``&#038;``)."""
    return html.escape(text, quote=False).replace('&amp;', '&#038;')


def excerpt_html(entry):
    """WordPress's automatic excerpt: the first 55 words, in a paragraph."""
    words = html_content.plain_text(entry.content).split()
    more = EXCERPT_MORE if len(words) > EXCERPT_WORDS else ''
    return '<p>%s%s</p>\n' % (html.escape(' '.join(words[:EXCERPT_WORDS]), quote=False),
                              more)


def guid(site, entry_id):
    return '%s/?post_type=%s&#038;p=%d' % (site.settings.site_url, POST_TYPE, entry_id)


def post_link(site, entry):
    if entry.is_published:
        return site.urls.absolute(site.urls.faq(entry.slug))
    return '%s/?post_type=%s&p=%d' % (site.settings.site_url, POST_TYPE, entry.id)


def robots_object(robots):
    """Yoast's ``robots`` object from the meta robots text."""
    parts = [p.strip() for p in robots.split(',') if p.strip()]
    return {part.split(':', 1)[0]: part for part in parts}


def yoast_head_json(seo, site):
    """Yoast's ``yoast_head_json`` from this site's own head fields.

    The same data as the page head (:func:`chalicelib.seo.faq_seo`), so it carries
    what our pages carry beyond the Yoast sample: ``article_published_time``
    and the schema.org ``FAQPage`` node in ``schema['@graph']``.
    """
    settings = site.settings
    data = {'title': seo['title']}
    if seo.get('description'):
        data['description'] = seo['description']
    data['robots'] = robots_object(seo['robots'])
    data['canonical'] = seo['canonical']
    data['og_locale'] = settings.locale
    data['og_type'] = seo['og_type']
    data['og_title'] = seo['title']
    if seo.get('description'):
        data['og_description'] = seo['description']
    data['og_url'] = seo['canonical']
    data['og_site_name'] = settings.site_name
    if seo.get('article_published_time'):
        data['article_published_time'] = seo['article_published_time']
        data['article_modified_time'] = seo['article_modified_time']
    data['twitter_card'] = 'summary_large_image'
    if seo.get('twitter_misc'):
        data['twitter_misc'] = dict(seo['twitter_misc'])
    data['schema'] = seo['schema']
    return data


def yoast_head(seo, site):
    """The SEO tags of the FAQ page's head, as one HTML string."""
    return render('wp/yoast_head.html', **head_context(site.settings, site.urls, seo)).strip()


@functools.lru_cache(maxsize=512)
def yoast_fields(entry, settings):
    """``(yoast_head, yoast_head_json)`` of an entry, memoised per container.

    Entries and settings are frozen values (hashed and compared whole, body
    included), so a changed entry is a new key and nothing goes stale; the
    cache holds about 4 MB and saves half of a 100-item page's time.  The
    returned dict is shared: serialise it, never change it.
    """
    site = Site(settings)
    seo = faq_seo(entry, settings, site.urls)
    return yoast_head(seo, site), yoast_head_json(seo, site)


def post_links(site, entry_id):
    return {
        'self': [{'href': site.route('%s/%s/%d' % (NAMESPACE, POST_TYPE, entry_id)),
                  'targetHints': {'allow': ['GET']}}],
        'collection': [{'href': site.route('%s/%s' % (NAMESPACE, POST_TYPE))}],
        'about': [{'href': site.route('%s/types/%s' % (NAMESPACE, POST_TYPE))}],
        'wp:term': [{'taxonomy': TAXONOMY, 'embeddable': True,
                     'href': site.route('%s/%s?post=%d' % (NAMESPACE, TAXONOMY, entry_id))}],
        'curies': CURIES,
    }


def post_item(entry, site, wanted=None):
    """One ``wp/v2/faq`` item; only the ``wanted`` top-level fields are built."""
    def want(name):
        return wanted is None or name in wanted

    item = {}
    if want('id'):
        item['id'] = entry.id
    for name, moment in (('date', entry.created), ('date_gmt', entry.created)):
        if want(name):
            item[name] = wp_time(moment)
    if want('guid'):
        item['guid'] = {'rendered': guid(site, entry.id)}
    for name in ('modified', 'modified_gmt'):
        if want(name):
            item[name] = wp_time(entry.modified)
    if want('slug'):
        item['slug'] = url_slug(entry.slug)       # as WordPress's post_name
    if want('status'):
        item['status'] = entry.status
    if want('type'):
        item['type'] = POST_TYPE
    if want('link'):
        item['link'] = post_link(site, entry)
    if want('title'):
        item['title'] = {'rendered': rendered_text(entry.title)}
    if want('content'):         # derived from the content: kept, as pages keep theirs
        item['content'] = {'rendered': html_content.derived(
            ('wp-content', entry.content, site.settings.site_url),
            lambda: html_content.mount_links(entry.content, site.settings.site_url)),
            'protected': False}
    if want('excerpt'):
        item['excerpt'] = {'rendered': html_content.derived(
            ('wp-excerpt', entry.content), lambda: excerpt_html(entry)), 'protected': False}
    if want('template'):
        item['template'] = ''
    if want(TAXONOMY):
        item[TAXONOMY] = [site.term_ids[s] for s in entry.categories if s in site.term_ids]
    if want('class_list'):
        item['class_list'] = ['post-%d' % entry.id, POST_TYPE, 'type-' + POST_TYPE,
                              'status-' + entry.status, 'hentry'] + [
            '%s-%s' % (TAXONOMY, slug) for slug in entry.categories]
    if want('yoast_head') or want('yoast_head_json'):
        head, head_json = yoast_fields(entry, site.settings)
        if want('yoast_head'):
            item['yoast_head'] = head
        if want('yoast_head_json'):
            item['yoast_head_json'] = head_json
    if want('_links'):
        item['_links'] = post_links(site, entry.id)
    return item


def term_link(site, category):
    return site.urls.absolute(site.urls.category(category.slug))


def term_item(category, count, site, wanted=None):
    """One ``wp/v2/faq-categories`` term, shaped as ``seed/faq-categories.json``."""
    def want(name):
        return wanted is None or name in wanted

    item = {}
    for name, value in (
            ('id', lambda: category.id), ('count', lambda: count),
            ('description', lambda: category.description),
            ('link', lambda: term_link(site, category)),
            ('name', lambda: html.escape(category.name, quote=False)),
            ('slug', lambda: url_slug(category.slug)), ('taxonomy', lambda: TAXONOMY),
            ('parent', lambda: 0)):
        if want(name):
            item[name] = value()
    if want('_links'):
        item['_links'] = {
            'self': [{'href': site.route('%s/%s/%d' % (NAMESPACE, TAXONOMY, category.id))}],
            'collection': [{'href': site.route('%s/%s' % (NAMESPACE, TAXONOMY))}],
            'about': [{'href': site.route('%s/taxonomies/%s' % (NAMESPACE, TAXONOMY))}],
            'wp:post_type': [{'href': site.route('%s/%s?%s=%d' % (
                NAMESPACE, POST_TYPE, TAXONOMY, category.id))}],
            'curies': CURIES,
        }
    return item


def post_type_object(site):
    return {
        'description': '', 'hierarchical': False, 'has_archive': True,
        'name': FAQ_INDEX_NAME, 'slug': POST_TYPE, 'icon': None,
        'taxonomies': [TAXONOMY], 'rest_base': POST_TYPE, 'rest_namespace': NAMESPACE,
        '_links': {'collection': [{'href': site.route(NAMESPACE + '/types')}],
                   'wp:items': [{'href': site.route('%s/%s' % (NAMESPACE, POST_TYPE))}],
                   'curies': CURIES},
    }


def taxonomy_object(site):
    return {
        'name': 'FAQ Categories', 'slug': TAXONOMY, 'description': '',
        'types': [POST_TYPE], 'hierarchical': True, 'rest_base': TAXONOMY,
        'rest_namespace': NAMESPACE,
        '_links': {'collection': [{'href': site.route(NAMESPACE + '/taxonomies')}],
                   'wp:items': [{'href': site.route('%s/%s' % (NAMESPACE, TAXONOMY))}],
                   'curies': CURIES},
    }


# -- _fields ------------------------------------------------------------------

def field_tree(query):
    """``_fields`` as a nested dict (``True`` = the whole value), or None for
    the whole response: without ``_fields``, or when it names nothing
    (``_fields=``), as WordPress's ``rest_filter_response_fields`` does."""
    present, fields = query.array('_fields')
    if not present or not any(f.strip() for f in fields):
        return None
    tree = {}
    for field in fields:
        parts = field.strip().split('.')
        node = tree
        for part in parts[:-1]:
            if node.get(part) is True:
                break
            node = node.setdefault(part, {})
        else:
            node[parts[-1]] = True
    return tree


def filter_fields(data, tree):
    """``rest_filter_response_fields``: keep what ``_fields`` names, in data order."""
    if tree is None:
        return data
    if isinstance(data, list):
        return [filter_fields(item, tree) for item in data]
    if not isinstance(data, dict):
        return data
    kept = {}
    for key, value in data.items():
        if key not in tree:
            continue
        sub = tree[key]
        kept[key] = filter_fields(value, sub) if isinstance(sub, dict) \
            and isinstance(value, dict) else value
    return kept


def wanted_fields(tree, context, all_fields, embed_fields):
    """The fields an item builder should build: those ``_fields`` names (its
    ``tree``), the embed set for ``context=embed``, or None for all of them."""
    fields = embed_fields if context == 'embed' else all_fields
    if tree is not None:
        return frozenset(f for f in fields if f in tree)
    return None if context != 'embed' else frozenset(fields)
