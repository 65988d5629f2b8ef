from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'home.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'home.html')
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
    l_0_site = resolve('site')
    l_0_latest = resolve('latest')
    l_0_urls = resolve('urls')
    pass
    yield '<h1>'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield '</h1>\n<p class="lede">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_tagline'))
    yield '</p>\n'
    l_1_search_id = '-home'
    pass
    template = environment.get_template('search_form.html', 'home.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'search_id': l_1_search_id}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_search_id = missing
    yield '<section aria-labelledby="latest">\n<h2 id="latest">Latest questions</h2>\n'
    if (undefined(name='latest') if l_0_latest is missing else l_0_latest):
        pass
        l_1_entries = (undefined(name='latest') if l_0_latest is missing else l_0_latest)
        l_1_heading = 'h3'
        pass
        template = environment.get_template('faq_list.html', 'home.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'entries': l_1_entries, 'heading': l_1_heading}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_entries = l_1_heading = missing
        yield '<p><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '">All FAQs</a></p>\n'
    else:
        pass
        yield '<p>No questions have been published yet.</p>\n'
    yield '</section>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&3=29&4=31&5=35&8=43&9=48&10=56'