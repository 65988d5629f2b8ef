"""The SEO head of a page: what Yoast SEO emitted on the WordPress pages this
site replaces, plus a schema.org ``FAQPage`` for rich results.

The public pages print these fields (``templates/seo_head.html``) and the
WordPress API serves them as ``yoast_head`` and ``yoast_head_json``, so the
two always say the same.
"""
import json

from markupsafe import Markup

from . import content as html_content

ROBOTS = 'index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1'
NOINDEX = 'noindex, follow'
FAQ_INDEX_NAME = 'FAQs'

def iso(moment):
    """The ``+00:00`` form Yoast uses in meta tags and JSON-LD."""
    return moment.isoformat()


def json_ld(data):
    """JSON for a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(',', ':'))
    return Markup(text.replace('<', '\\u003c').replace('>', '\\u003e')
                  .replace('&', '\\u0026'))


def website_node(settings, urls):
    home = urls.absolute('/')
    return {
        '@type': 'WebSite',
        '@id': home + '#website',
        'url': home,
        'name': settings.site_name,
        'description': settings.site_tagline,
        'potentialAction': [{
            '@type': 'SearchAction',
            'target': {'@type': 'EntryPoint',
                       'urlTemplate': home + '?s={search_term_string}'},
            'query-input': {'@type': 'PropertyValueSpecification',
                            'valueRequired': True,
                            'valueName': 'search_term_string'},
        }],
        'inLanguage': settings.language,
    }


def breadcrumb_node(page_url, crumbs):
    """``crumbs``: (name, absolute URL or None for the current page) pairs."""
    items = []
    for position, (name, url) in enumerate(crumbs, start=1):
        item = {'@type': 'ListItem', 'position': position, 'name': name}
        if url:
            item['item'] = url
        items.append(item)
    return {'@type': 'BreadcrumbList', '@id': page_url + '#breadcrumb',
            'itemListElement': items}


def _answer_text(entry):
    return html_content.derived(('text', entry.content),
                                lambda: html_content.plain_text(entry.content))


def faq_seo(entry, settings, urls, category=None):
    """Every head field of a FAQ page, as in the Yoast head it replaces.

    ``category``, the entry's first category, joins the breadcrumb.
    """
    canonical = urls.absolute(urls.faq(entry.slug))
    home = urls.absolute('/')
    webpage = {
        '@type': 'WebPage',
        '@id': canonical,
        'url': canonical,
        'name': entry.title,
        'isPartOf': {'@id': home + '#website'},
        'datePublished': iso(entry.created),
        'dateModified': iso(entry.modified),
        'description': entry.description,
        'breadcrumb': {'@id': canonical + '#breadcrumb'},
        'inLanguage': settings.language,
        'potentialAction': [{'@type': 'ReadAction', 'target': [canonical]}],
    }
    faq_page = {
        '@type': 'FAQPage',
        '@id': canonical + '#faq',
        'url': canonical,
        'isPartOf': {'@id': home + '#website'},
        'inLanguage': settings.language,
        'mainEntity': [{
            '@type': 'Question',
            'name': entry.title,
            'acceptedAnswer': {'@type': 'Answer',
                               'text': _answer_text(entry)},
        }],
    }
    crumbs = [('Home', home), (FAQ_INDEX_NAME, urls.absolute(urls.faq_index()))]
    if category is not None:
        crumbs.append((category.name, urls.absolute(urls.category(category.slug))))
    crumbs.append((entry.title, None))
    return {
        'title': entry.title,
        'description': entry.description,
        'robots': ROBOTS,
        'canonical': canonical,
        'og_type': 'article',
        'article_published_time': iso(entry.created),
        'article_modified_time': iso(entry.modified),
        'twitter_misc': {'Est. reading time': minutes(entry.reading_minutes)},
        'schema': {'@context': 'https://schema.org', '@graph': [
            webpage, breadcrumb_node(canonical, crumbs),
            website_node(settings, urls), faq_page]},
    }


def listing_seo(title, description, canonical, crumbs, settings, urls,
                robots=ROBOTS):
    """Head fields of a listing page (home, FAQ index)."""
    home = urls.absolute('/')
    page = {
        '@type': 'CollectionPage', '@id': canonical, 'url': canonical,
        'name': title, 'isPartOf': {'@id': home + '#website'},
        'description': description, 'inLanguage': settings.language,
    }
    graph = [page, website_node(settings, urls)]
    if len(crumbs) > 1:
        page['breadcrumb'] = {'@id': canonical + '#breadcrumb'}
        graph.insert(1, breadcrumb_node(canonical, crumbs))
    return {'title': title, 'description': description, 'robots': robots,
            'canonical': canonical, 'og_type': 'website',
            'schema': {'@context': 'https://schema.org', '@graph': graph}}


def minutes(count):
    """A reading time as the Twitter card's label says it: "3 minutes"."""
    return '%d minute%s' % (count, '' if count == 1 else 's')


def head_context(settings, urls, seo):
    """What ``seo_head.html`` needs: site settings, link builder, head fields."""
    return dict(site=settings, urls=urls, seo=seo, json_ld=json_ld)
