from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'seo_head.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_seo = resolve('seo')
    l_0_site = resolve('site')
    l_0_json_ld = resolve('json_ld')
    pass
    yield '<title>'
    yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'title'))
    yield '</title>\n'
    if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'description'):
        pass
        yield '<meta name="description" content="'
        yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'description'))
        yield '">\n'
    yield '<meta name="robots" content="'
    yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'robots'))
    yield '">\n'
    if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'canonical'):
        pass
        yield '<link rel="canonical" href="'
        yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'canonical'))
        yield '">\n<meta property="og:locale" content="'
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'locale'))
        yield '">\n<meta property="og:type" content="'
        yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'og_type'))
        yield '">\n<meta property="og:title" content="'
        yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'title'))
        yield '">\n'
        if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'description'):
            pass
            yield '<meta property="og:description" content="'
            yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'description'))
            yield '">\n'
        yield '<meta property="og:url" content="'
        yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'canonical'))
        yield '">\n<meta property="og:site_name" content="'
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
        yield '">\n'
        if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'article_published_time'):
            pass
            yield '<meta property="article:published_time" content="'
            yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'article_published_time'))
            yield '">\n<meta property="article:modified_time" content="'
            yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'article_modified_time'))
            yield '">\n'
        yield '<meta name="twitter:card" content="summary_large_image">\n'
        l_1_loop = missing
        for (l_1_label, l_1_value), l_1_loop in LoopContext(context.call(environment.getattr((environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'twitter_misc') or {}), 'items')), undefined):
            _loop_vars = {}
            pass
            yield '<meta name="twitter:label'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '" content="'
            yield escape(l_1_label)
            yield '">\n<meta name="twitter:data'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '" content="'
            yield escape(l_1_value)
            yield '">\n'
        l_1_loop = l_1_label = l_1_value = missing
        yield '<script type="application/ld+json">'
        yield escape(context.call((undefined(name='json_ld') if l_0_json_ld is missing else l_0_json_ld), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'schema')))
        yield '</script>\n'

blocks = {}
debug_info = '3=15&4=17&5=20&7=23&8=25&9=28&10=30&11=32&12=34&13=36&14=39&16=42&17=44&18=46&19=49&20=51&23=55&24=59&25=63&27=69'