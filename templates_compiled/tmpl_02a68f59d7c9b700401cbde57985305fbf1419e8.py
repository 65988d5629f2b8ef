from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'error.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'error.html')
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
    l_0_heading = resolve('heading')
    l_0_message = resolve('message')
    l_0_urls = resolve('urls')
    pass
    yield '<h1>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</h1>\n<p>'
    yield escape((undefined(name='message') if l_0_message is missing else l_0_message))
    yield '</p>\n<p><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/', _block_vars=_block_vars))
    yield '">Go to the home page</a>.</p>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&3=29&4=31&5=33'