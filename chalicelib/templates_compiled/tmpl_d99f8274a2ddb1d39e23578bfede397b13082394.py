from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'faq_index.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'faq_index.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_urls = resolve('urls')
    l_0_page = resolve('page')
    l_0_groups_html = resolve('groups_html')
    l_0_entries = resolve('entries')
    l_0_seo = resolve('seo')
    pass
    yield '<nav class="crumbs" aria-label="Breadcrumb">\n<ol>\n<li><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/', _block_vars=_block_vars))
    yield '">Home</a></li>\n<li aria-current="page">FAQs</li>\n</ol>\n</nav>\n<h1>Frequently asked questions'
    if ((undefined(name='page') if l_0_page is missing else l_0_page) > 1):
        pass
        yield ' <small>(page '
        yield escape((undefined(name='page') if l_0_page is missing else l_0_page))
        yield ')</small>'
    yield '</h1>\n'
    if (undefined(name='groups_html') if l_0_groups_html is missing else l_0_groups_html):
        pass
        yield escape((undefined(name='groups_html') if l_0_groups_html is missing else l_0_groups_html))
        yield '\n<h2>Newest questions</h2>\n'
    if (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        pass
        template = environment.get_template('faq_list.html', 'faq_index.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    else:
        pass
        yield '<p>There are no questions on this page. <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '">See the first page</a>.</p>\n'
    if (environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev') or environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next')):
        pass
        yield '<nav class="pager" aria-label="Pagination">\n'
        if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev'):
            pass
            yield '<a rel="prev" href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev'), _block_vars=_block_vars))
            yield '">← Newer questions</a>'
        else:
            pass
            yield '<span></span>'
        if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next'):
            pass
            yield '<a rel="next" href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next'), _block_vars=_block_vars))
            yield '">Older questions →</a>'
        yield '</nav>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&5=31&9=33&10=39&11=41&14=43&15=45&17=54&19=56&21=59&22=67'