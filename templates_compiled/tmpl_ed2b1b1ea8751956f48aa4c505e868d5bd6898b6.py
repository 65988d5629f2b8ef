from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sitemap_index.xml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_sitemaps = resolve('sitemaps')
    pass
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    for (l_1_loc, l_1_lastmod) in (undefined(name='sitemaps') if l_0_sitemaps is missing else l_0_sitemaps):
        l_1_iso = resolve('iso')
        _loop_vars = {}
        pass
        yield '<sitemap><loc>'
        yield escape(l_1_loc)
        yield '</loc>'
        if l_1_lastmod:
            pass
            yield '<lastmod>'
            yield escape(context.call((undefined(name='iso') if l_1_iso is missing else l_1_iso), l_1_lastmod, _loop_vars=_loop_vars))
            yield '</lastmod>'
        yield '</sitemap>\n'
    l_1_loc = l_1_lastmod = l_1_iso = missing
    yield '</sitemapindex>'

blocks = {}
debug_info = '3=13&4=18'