from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'search_form.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_urls = resolve('urls')
    l_0_search_id = resolve('search_id')
    l_0_query = resolve('query')
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    pass
    yield '<form class="search" role="search" method="get" action="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/'))
    yield '">\n<label class="visually-hidden" for="s'
    yield escape(t_1((undefined(name='search_id') if l_0_search_id is missing else l_0_search_id), ''))
    yield '">Search the FAQs</label>\n<input id="s'
    yield escape(t_1((undefined(name='search_id') if l_0_search_id is missing else l_0_search_id), ''))
    yield '" type="search" name="s" value="'
    yield escape(t_1((undefined(name='query') if l_0_query is missing else l_0_query), ''))
    yield '" placeholder="Search the FAQs" maxlength="200">\n<button type="submit">Search</button>\n</form>'

blocks = {}
debug_info = '1=21&2=23&3=25'