from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'faq_list.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_entries = resolve('entries')
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    pass
    yield '<ul class="cards">\n'
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        l_1_card = resolve('card')
        l_1_heading = resolve('heading')
        _loop_vars = {}
        pass
        yield escape(context.call((undefined(name='card') if l_1_card is missing else l_1_card), l_1_entry, t_1((undefined(name='heading') if l_1_heading is missing else l_1_heading), 'h2'), _loop_vars=_loop_vars))
        yield '\n'
    l_1_entry = l_1_card = l_1_heading = missing
    yield '</ul>'

blocks = {}
debug_info = '2=19&3=24'