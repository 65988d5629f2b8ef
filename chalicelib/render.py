"""Pages: the Jinja environment and the SEO metadata every page carries.

The environment is built on first use and kept for the life of the Lambda
container.  SEO head fields mirror what Yoast SEO emitted on the WordPress
pages this site replaces, plus a schema.org ``FAQPage`` for rich results.
"""
import json
import os

from markupsafe import Markup

from . import content as html_content

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'templates')
ROBOTS = 'index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1'
NOINDEX = 'noindex, follow'
FAQ_INDEX_NAME = 'FAQs'

_environment = None


def environment():
    global _environment
    if _environment is None:
        import jinja2
        _environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
            autoescape=True, auto_reload=False, trim_blocks=True,
            lstrip_blocks=True)
    return _environment


def render(template, **context):
    return environment().get_template(template).render(**context)


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


def faq_seo(entry, settings, urls):
    """Every head field of a FAQ page, as in the Yoast head it replaces."""
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
                               'text': html_content.plain_text(entry.content)},
        }],
    }
    crumbs = [('Home', home), (FAQ_INDEX_NAME, urls.absolute(urls.faq_index())),
              (entry.title, None)]
    return {
        'title': entry.title,
        'description': entry.description,
        'robots': ROBOTS,
        'canonical': canonical,
        'og_type': 'article',
        'article_published_time': iso(entry.created),
        'article_modified_time': iso(entry.modified),
        'twitter_misc': {'Est. reading time': _minutes(entry.reading_minutes)},
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


def _minutes(count):
    return '%d minute%s' % (count, '' if count == 1 else 's')


def page_context(settings, urls, seo, **extra):
    """What every template needs: site settings, link builder, head fields."""
    return dict(site=settings, urls=urls, seo=seo, json_ld=json_ld,
                minutes=_minutes, **extra)


# -- the pages ----------------------------------------------------------------

def faq_page(entry, settings, urls):
    seo = faq_seo(entry, settings, urls)
    body = Markup(html_content.mount_links(entry.content, urls.mount))
    return render('faq.html', entry=entry, body=body,
                  **page_context(settings, urls, seo))


def home_page(latest, settings, urls):
    seo = listing_seo(settings.site_name + ' – ' + settings.site_tagline,
                      settings.site_tagline, urls.absolute('/'),
                      [('Home', None)], settings, urls)
    seo['og_type'] = 'website'
    return render('home.html', latest=latest, **page_context(settings, urls, seo))


def faq_index_page(entries, page, has_more, settings, urls):
    path = urls.faq_index(page)
    title = 'Frequently asked questions'
    if page > 1:
        title += ' – page %d' % page
    description = 'Answers to common questions from %s: %s.' % (
        settings.site_name, settings.site_tagline[:1].lower() + settings.site_tagline[1:])
    seo = listing_seo(title, description, urls.absolute(path),
                      [('Home', urls.absolute('/')), (FAQ_INDEX_NAME, None)],
                      settings, urls)
    seo['prev'] = urls.faq_index(page - 1) if page > 1 else None
    seo['next'] = urls.faq_index(page + 1) if has_more else None
    return render('faq_index.html', entries=entries, page=page,
                  **page_context(settings, urls, seo))


def not_found_page(settings, urls, message=None):
    seo = {'title': 'Page not found – ' + settings.site_name,
           'description': '', 'robots': 'noindex', 'canonical': None}
    return render('not_found.html', message=message,
                  **page_context(settings, urls, seo))


def error_page(settings, urls, title, message):
    seo = {'title': title + ' – ' + settings.site_name, 'description': '',
           'robots': 'noindex', 'canonical': None}
    return render('error.html', heading=title, message=message,
                  **page_context(settings, urls, seo))
