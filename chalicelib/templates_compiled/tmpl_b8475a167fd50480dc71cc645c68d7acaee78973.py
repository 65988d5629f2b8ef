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
        l_1_heading = resolve('heading')
        l_1_urls = resolve('urls')
        l_1_minutes = resolve('minutes')
        _loop_vars = {}
        pass
        yield '<li>\n<'
        yield escape(t_1((undefined(name='heading') if l_1_heading is missing else l_1_heading), 'h2'))
        yield '><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'faq'), environment.getattr(l_1_entry, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '">'
        yield escape(environment.getattr(l_1_entry, 'title'))
        yield '</a></'
        yield escape(t_1((undefined(name='heading') if l_1_heading is missing else l_1_heading), 'h2'))
        yield '>\n<p>'
        yield escape(environment.getattr(l_1_entry, 'description'))
        yield '</p>\n<p><small><time datetime="'
        yield escape(context.call(environment.getattr(environment.getattr(l_1_entry, 'created'), 'isoformat'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr(l_1_entry, 'created'), 'strftime'), '%B %-d, %Y', _loop_vars=_loop_vars))
        yield '</time> · '
        yield escape(context.call((undefined(name='minutes') if l_1_minutes is missing else l_1_minutes), environment.getattr(l_1_entry, 'reading_minutes'), _loop_vars=_loop_vars))
        yield ' read</small></p>\n</li>\n'
    l_1_entry = l_1_heading = l_1_urls = l_1_minutes = missing
    yield '</ul>'

blocks = {}
debug_info = '2=19&4=26&5=34&6=36'