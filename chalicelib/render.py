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

COMPILED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'templates_compiled')
OPTIONS = dict(autoescape=True, auto_reload=False, trim_blocks=True, lstrip_blocks=True)

_environment = None


def environment():
    """The Jinja environment, from precompiled templates when they are current.

    Compiling the page templates costs a cold start tens of milliseconds;
    ``make templates`` compiles them ahead into ``templates_compiled/``
    (shipped in the package), stamped with the templates' digest and the
    Jinja version.  A stale or missing stamp falls back to the sources, so an
    edited template is never served from old code.
    """
    global _environment
    if _environment is None:
        import jinja2
        loader = jinja2.FileSystemLoader(TEMPLATE_DIR)
        if compiled_stamp() == _read_stamp():
            loader = jinja2.ModuleLoader(COMPILED_DIR)
        _environment = jinja2.Environment(loader=loader, **OPTIONS)
    return _environment


def prepare(*templates):
    """Load templates ahead of rendering (overlapped with a request's reads)."""
    for name in templates:
        environment().get_template(name)


def prepared():
    """True once the environment exists (its templates then load from cache)."""
    return _environment is not None


def compiled_stamp():
    import jinja2
    return '%s jinja2-%s' % (templates_digest(), jinja2.__version__)


def _read_stamp():
    try:
        with open(os.path.join(COMPILED_DIR, 'STAMP'), encoding='utf-8') as handle:
            return handle.read().strip()
    except OSError:
        return None


def compile_templates(target=COMPILED_DIR):
    """Compile every template into ``target`` (``make templates``)."""
    import shutil
    import jinja2
    source = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), **OPTIONS)
    shutil.rmtree(target, ignore_errors=True)
    source.compile_templates(target, zip=None, ignore_errors=False)
    with open(os.path.join(target, 'STAMP'), 'w', encoding='utf-8') as handle:
        handle.write(compiled_stamp() + '\n')
    return target


_templates_digest = None


def templates_digest():
    """A fingerprint of the templates, so that ETags change with a deploy."""
    global _templates_digest
    if _templates_digest is None:
        import hashlib
        digest = hashlib.sha256()
        for folder, dirs, files in os.walk(TEMPLATE_DIR):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                with open(path, 'rb') as handle:
                    digest.update(os.path.relpath(path, TEMPLATE_DIR).encode() + b'\0'
                                  + handle.read())
        _templates_digest = digest.hexdigest()[:16]
    return _templates_digest


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


# What a page derives from an entry's content: kept for the entries an
# instance serves most, instead of re-scanning the HTML on every request.
# Each key holds every input of its value (the content itself, not an id and
# version, which a purged and re-imported entry can repeat).
_derived = {}
_DERIVED_LIMIT = 256


def _derive(key, make):
    value = _derived.get(key)
    if value is None:
        if len(_derived) >= _DERIVED_LIMIT:
            _derived.clear()
        value = _derived[key] = make()
    return value


def _answer_text(entry):
    return _derive(('text', entry.content), lambda: html_content.plain_text(entry.content))


def _mounted_body(entry, mount):
    return _derive(('body', entry.content, mount),
                   lambda: Markup(html_content.mount_links(entry.content, mount)))


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
                minutes=_minutes, card=lambda entry, heading: _card(entry, heading, urls),
                **extra)


def _card(entry, heading, urls):
    """An entry's item in a list of FAQs, rendered once per version and mount."""
    key = ('card', entry.slug, entry.title, entry.description, entry.created,
           entry.reading_minutes, urls.mount, heading)
    return _derive(key, lambda: Markup(
        render('faq_card.html', entry=entry, heading=heading, urls=urls, minutes=_minutes)))


# -- files for crawlers and feed readers ----------------------------------------

def sitemap(urls_with_dates):
    """A sitemap: ``(absolute URL, lastmod datetime or None)`` pairs."""
    return render('sitemap.xml', entries=urls_with_dates, iso=iso)


def sitemap_index(sitemaps):
    return render('sitemap_index.xml', sitemaps=sitemaps, iso=iso)


def feed(entries, settings, urls, categories):
    from email.utils import format_datetime
    return render('feed.xml', entries=entries, site=settings, urls=urls,
                  categories=categories,
                  rfc822=lambda moment: format_datetime(moment, usegmt=True),
                  updated=max((e.modified for e in entries), default=None))


def robots_txt(settings, urls):
    return ('User-agent: *\nDisallow: %s/admin/\n\nSitemap: %s\n'
            % (settings.site_path, urls.absolute('/sitemap.xml')))


# -- the pages ----------------------------------------------------------------

def faq_page(entry, settings, urls, categories=(), related=()):
    seo = faq_seo(entry, settings, urls, categories[0] if categories else None)
    body = _mounted_body(entry, urls.mount)
    return render('faq.html', entry=entry, body=body, categories=categories,
                  related=related, **page_context(settings, urls, seo))


def home_page(latest, settings, urls):
    seo = listing_seo(settings.site_name + ' – ' + settings.site_tagline,
                      settings.site_tagline, urls.absolute('/'),
                      [('Home', None)], settings, urls)
    seo['og_type'] = 'website'
    return render('home.html', latest=latest, **page_context(settings, urls, seo))


def _paginate(seo, path_for, page, has_more):
    seo['prev'] = path_for(page - 1) if page > 1 else None
    seo['next'] = path_for(page + 1) if has_more else None


def faq_index_page(entries, page, has_more, settings, urls, catalog=None):
    path = urls.faq_index(page)
    title = 'Frequently asked questions'
    if page > 1:
        title += ' – page %d' % page
    description = 'Answers to common questions from %s: %s.' % (
        settings.site_name, settings.site_tagline[:1].lower() + settings.site_tagline[1:])
    seo = listing_seo(title, description, urls.absolute(path),
                      [('Home', urls.absolute('/')), (FAQ_INDEX_NAME, None)],
                      settings, urls)
    _paginate(seo, urls.faq_index, page, has_more)
    groups_html = None
    if catalog is not None and catalog.grouped():
        # the same for every index request until the catalog changes
        groups_html = catalog.memo(('groups', urls.mount), lambda: Markup(render(
            'faq_groups.html', groups=catalog.grouped(), urls=urls)))
    return render('faq_index.html', entries=entries, page=page, groups_html=groups_html,
                  **page_context(settings, urls, seo))


def category_page(category, entries, page, has_more, settings, urls):
    path = urls.category(category.slug, page)
    title = '%s – %s' % (category.name, settings.site_name)
    if page > 1:
        title = '%s – page %d – %s' % (category.name, page, settings.site_name)
    description = category.description or 'Frequently asked questions about %s.' % (
        category.name)
    seo = listing_seo(title, html_content.truncate_words(description), urls.absolute(path),
                      [('Home', urls.absolute('/')),
                       (FAQ_INDEX_NAME, urls.absolute(urls.faq_index())),
                       (category.name, None)], settings, urls)
    _paginate(seo, lambda n: urls.category(category.slug, n), page, has_more)
    return render('category.html', category=category, entries=entries, page=page,
                  **page_context(settings, urls, seo))


def search_page(query, results, page, per_page, settings, urls, categories):
    """Search results: never indexed, so search engines keep to real pages."""
    title = ('Search results for “%s” – %s' % (query, settings.site_name) if query
             else 'Search – ' + settings.site_name)
    seo = {'title': title, 'description': '', 'robots': 'noindex, follow',
           'canonical': None}
    has_more = results is not None and results.total > page * per_page
    seo['prev_link'] = urls.link('/', s=query, page=page - 1 if page > 2 else None) \
        if page > 1 else None
    seo['next_link'] = urls.link('/', s=query, page=page + 1) if has_more else None
    return render('search.html', query=query, results=results, page=page,
                  categories=categories, search_id='-results',
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
