"""The public pages: each a template filled with its entries and SEO head."""
from markupsafe import Markup

from .. import content as html_content
from ..seo import FAQ_INDEX_NAME, faq_seo, head_context, iso, listing_seo, minutes
from ..templating import render


def page_context(settings, urls, seo, **extra):
    """What every page template needs: the head's fields, reading times, cards."""
    return dict(head_context(settings, urls, seo), minutes=minutes,
                card=lambda entry, heading: _card(entry, heading, urls), **extra)


def _mounted_body(entry, mount):
    return html_content.derived(('body', entry.content, mount),
                                lambda: Markup(html_content.mount_links(entry.content, mount)))


def _card(entry, heading, urls):
    """An entry's item in a list of FAQs, rendered once per version and mount."""
    key = ('card', entry.slug, entry.title, entry.description, entry.created,
           entry.reading_minutes, urls.mount, heading)
    return html_content.derived(key, lambda: Markup(
        render('faq_card.html', entry=entry, heading=heading, urls=urls, minutes=minutes)))



# -- files for crawlers and feed readers ----------------------------------------

def sitemap(urls_with_dates):
    """A sitemap: ``(absolute URL, lastmod datetime or None)`` pairs."""
    return render('sitemap.xml', entries=urls_with_dates, iso=iso)


def sitemap_index(sitemaps):
    return render('sitemap_index.xml', sitemaps=sitemaps, iso=iso)


def feed(entries, settings, urls):
    from email.utils import format_datetime
    return render('feed.xml', entries=entries, site=settings, urls=urls,
                  rfc822=lambda moment: format_datetime(moment, usegmt=True),
                  updated=max((e.modified for e in entries), default=None))


def robots_txt(settings, urls):
    return ('User-agent: *\nDisallow: %s/admin/\n\nSitemap: %s\n'
            % (settings.site_path, urls.absolute('/sitemap.xml')))


# -- the pages ----------------------------------------------------------------

def faq_page(entry, settings, urls, feedback=None):
    """An entry's page: its categories and related questions are stored on it.
    ``feedback``: what one reader's "Was this helpful?" box says after they
    answered (``site.feedback``); None on the page every reader shares."""
    categories = entry.category_names
    seo = faq_seo(entry, settings, urls, categories[0] if categories else None)
    body = _mounted_body(entry, urls.mount)
    return render('faq.html', entry=entry, body=body, categories=categories,
                  related=entry.related, feedback=feedback,
                  **page_context(settings, urls, seo))


def home_page(latest, settings, urls):
    seo = listing_seo(settings.site_name + ' – ' + settings.site_tagline,
                      settings.site_tagline, urls.absolute('/'),
                      [('Home', None)], settings, urls)
    seo['og_type'] = 'website'
    return render('home.html', latest=latest, **page_context(settings, urls, seo))


def _paginate(seo, path_for, page, has_more):
    seo['prev'] = path_for(page - 1) if page > 1 else None
    seo['next'] = path_for(page + 1) if has_more else None


def faq_index_page(entries, page, has_more, settings, urls, groups=None):
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
    groups_html = Markup(render('faq_groups.html', groups=groups, urls=urls)) \
        if groups else None
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
    description = ('Questions and answers from %s matching “%s”.' % (settings.site_name, query)
                   if query else 'Search the questions and answers of %s.' % settings.site_name)
    seo = {'title': title, 'description': html_content.truncate_words(description),
           'robots': 'noindex, follow', 'canonical': None}
    has_more = results is not None and results.total > page * per_page
    seo['prev_link'] = urls.link('/', s=query, page=page - 1 if page > 2 else None) \
        if page > 1 else None
    seo['next_link'] = urls.link('/', s=query, page=page + 1) if has_more else None
    return render('search.html', query=query, results=results, page=page,
                  categories=categories, **page_context(settings, urls, seo))


def ask_page(settings, urls, **context):
    """The form readers ask a question with, or its thanks (never indexed)."""
    seo = {'title': 'Ask a question – ' + settings.site_name, 'description': '',
           'robots': 'noindex', 'canonical': None}
    return render('readers/ask.html', **context, **page_context(settings, urls, seo))


def not_found_page(settings, urls, message=None):
    seo = {'title': 'Page not found – ' + settings.site_name,
           'description': '', 'robots': 'noindex', 'canonical': None}
    return render('not_found.html', message=message,
                  **page_context(settings, urls, seo))
