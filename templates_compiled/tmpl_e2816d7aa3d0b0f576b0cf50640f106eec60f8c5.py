from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pager.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_seo = resolve('seo')
    l_0_urls = resolve('urls')
    pass
    if (environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev') or environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next')):
        pass
        yield '<nav class="pager" aria-label="Pagination">\n'
        if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev'):
            pass
            yield '<a rel="prev" href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev')))
            yield '">← Newer questions</a>'
        else:
            pass
            yield '<span></span>'
        if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next'):
            pass
            yield '<a rel="next" href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next')))
            yield '">Older questions →</a>'
        yield '</nav>\n'

blocks = {}
debug_info = '1=13&3=16&4=24'