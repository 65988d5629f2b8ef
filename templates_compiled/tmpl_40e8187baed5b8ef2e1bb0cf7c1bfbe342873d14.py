from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'faq_groups.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_groups = resolve('groups')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<section aria-labelledby="by-category">\n<h2 id="by-category">By category</h2>\n'
    for l_1_group in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        l_1_urls = resolve('urls')
        _loop_vars = {}
        pass
        yield '<h3>'
        if environment.getattr(l_1_group, 'slug'):
            pass
            yield '<a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'category'), environment.getattr(l_1_group, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_group, 'name'))
            yield '</a>'
        else:
            pass
            yield 'Other questions'
        yield ' <small>('
        yield escape(environment.getattr(l_1_group, 'count'))
        yield ')</small></h3>\n<ul>\n'
        for (l_2_slug, l_2_title) in environment.getattr(l_1_group, 'top'):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'faq'), l_2_slug, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(l_2_title)
            yield '</a></li>\n'
        l_2_slug = l_2_title = missing
        if (environment.getattr(l_1_group, 'slug') and (environment.getattr(l_1_group, 'count') > t_1(environment.getattr(l_1_group, 'top')))):
            pass
            yield '<li><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'category'), environment.getattr(l_1_group, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">All '
            yield escape(environment.getattr(l_1_group, 'count'))
            yield ' questions about '
            yield escape(environment.getattr(l_1_group, 'name'))
            yield '</a></li>'
        yield '</ul>\n'
    l_1_group = l_1_urls = missing
    yield '</section>'

blocks = {}
debug_info = '3=19&4=24&6=37&8=46'