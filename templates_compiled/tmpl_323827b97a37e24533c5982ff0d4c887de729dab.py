from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'category.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'category.html')
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
    l_0_category = resolve('category')
    l_0_page = resolve('page')
    pass
    yield '<nav class="crumbs" aria-label="Breadcrumb">\n<ol>\n<li><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/', _block_vars=_block_vars))
    yield '">Home</a></li>\n<li><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '">FAQs</a></li>\n<li aria-current="page">'
    yield escape(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'name'))
    yield '</li>\n</ol>\n</nav>\n<h1>'
    yield escape(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'name'))
    if ((undefined(name='page') if l_0_page is missing else l_0_page) > 1):
        pass
        yield ' <small>(page '
        yield escape((undefined(name='page') if l_0_page is missing else l_0_page))
        yield ')</small>'
    yield '</h1>\n'
    if environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'description'):
        pass
        yield '<p class="lede">'
        yield escape(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'description'))
        yield '</p>'
    template = environment.get_template('faq_list.html', 'category.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('pager.html', 'category.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'main': block_main}
debug_info = '1=12&2=17&5=29&6=31&7=33&10=35&11=42&12=47&13=53'