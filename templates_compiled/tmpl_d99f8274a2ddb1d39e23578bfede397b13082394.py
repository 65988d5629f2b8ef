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
    template = environment.get_template('pager.html', 'faq_index.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'main': block_main}
debug_info = '1=12&2=17&5=30&9=32&10=38&11=40&14=42&15=44&17=53&19=55'