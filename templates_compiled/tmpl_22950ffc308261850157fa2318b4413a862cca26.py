from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'feed.xml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_site = resolve('site')
    l_0_urls = resolve('urls')
    l_0_updated = resolve('updated')
    l_0_rfc822 = resolve('rfc822')
    l_0_entries = resolve('entries')
    pass
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n<title>'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield ' FAQs</title>\n<link>'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'))))
    yield '</link>\n<description>'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_tagline'))
    yield '</description>\n<language>'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'language'))
    yield '</language>\n<atom:link href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), '/feed.xml'))
    yield '" rel="self" type="application/rss+xml"/>\n'
    if (undefined(name='updated') if l_0_updated is missing else l_0_updated):
        pass
        yield '<lastBuildDate>'
        yield escape(context.call((undefined(name='rfc822') if l_0_rfc822 is missing else l_0_rfc822), (undefined(name='updated') if l_0_updated is missing else l_0_updated)))
        yield '</lastBuildDate>'
    for l_1_e in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        yield '<item>\n<title>'
        yield escape(environment.getattr(l_1_e, 'title'))
        yield '</title>\n<link>'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq'), environment.getattr(l_1_e, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '</link>\n<guid isPermaLink="true">'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq'), environment.getattr(l_1_e, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '</guid>\n<pubDate>'
        yield escape(context.call((undefined(name='rfc822') if l_0_rfc822 is missing else l_0_rfc822), environment.getattr(l_1_e, 'created'), _loop_vars=_loop_vars))
        yield '</pubDate>\n<description>'
        yield escape(environment.getattr(l_1_e, 'description'))
        yield '</description>\n'
        for l_2_c in environment.getattr(l_1_e, 'category_names'):
            _loop_vars = {}
            pass
            yield '<category>'
            yield escape(environment.getattr(l_2_c, 'name'))
            yield '</category>'
        l_2_c = missing
        yield '</item>\n'
    l_1_e = missing
    yield '</channel>\n</rss>'

blocks = {}
debug_info = '4=17&5=19&6=21&7=23&8=25&9=27&10=32&12=36&13=38&14=40&15=42&16=44&17=46'