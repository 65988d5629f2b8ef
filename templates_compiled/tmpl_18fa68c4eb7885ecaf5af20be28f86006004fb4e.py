from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'not_found.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'not_found.html')
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
    l_0_message = resolve('message')
    l_0_urls = resolve('urls')
    pass
    yield '<h1>Page not found</h1>\n<p>'
    yield escape(((undefined(name='message') if l_0_message is missing else l_0_message) or 'We couldn’t find that page. It may have moved, or the address may be mistyped.'))
    yield '</p>\n<p>Try searching the FAQs, or <a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/', _block_vars=_block_vars))
    yield '">go to the home page</a>.</p>\n'
    l_1_search_id = '-404'
    pass
    template = environment.get_template('search_form.html', 'not_found.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'search_id': l_1_search_id}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_search_id = missing

blocks = {'main': block_main}
debug_info = '1=12&2=17&4=28&5=30&6=34'