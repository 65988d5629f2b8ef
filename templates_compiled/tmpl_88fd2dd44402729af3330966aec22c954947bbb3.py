from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'search.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'search.html')
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
    l_0_query = resolve('query')
    l_0_results = resolve('results')
    l_0_urls = resolve('urls')
    l_0_seo = resolve('seo')
    pass
    yield '<h1>'
    if (undefined(name='query') if l_0_query is missing else l_0_query):
        pass
        yield 'Search results for “'
        yield escape((undefined(name='query') if l_0_query is missing else l_0_query))
        yield '”'
    else:
        pass
        yield 'Search the FAQs'
    yield '</h1>\n'
    l_1_search_id = '-results'
    pass
    template = environment.get_template('search_form.html', 'search.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'search_id': l_1_search_id}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_search_id = missing
    if (not (undefined(name='query') if l_0_query is missing else l_0_query)):
        pass
        yield '<p>Type a few words, or a phrase in "quotes", and press Search.</p>\n'
    elif (not environment.getattr((undefined(name='results') if l_0_results is missing else l_0_results), 'total')):
        pass
        yield '<p>No questions match your search. Try fewer or different words, or <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '">browse all FAQs</a>.</p>\n<p>Still looking? <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/ask', q=(undefined(name='query') if l_0_query is missing else l_0_query), _block_vars=_block_vars))
        yield '">Ask us a question</a>.</p>\n'
    else:
        pass
        yield '<p role="status">'
        yield escape(environment.getattr((undefined(name='results') if l_0_results is missing else l_0_results), 'total'))
        yield ' question'
        yield escape(('' if (environment.getattr((undefined(name='results') if l_0_results is missing else l_0_results), 'total') == 1) else 's'))
        yield ' found'
        if (not environment.getattr((undefined(name='results') if l_0_results is missing else l_0_results), 'matched_all')):
            pass
            yield ', matching some of your words'
        yield '.</p>\n<ol class="cards">\n'
        for l_1_hit in environment.getattr((undefined(name='results') if l_0_results is missing else l_0_results), 'hits'):
            _loop_vars = {}
            pass
            yield '<li>\n<h2><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq'), environment.getattr(l_1_hit, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_hit, 'title'))
            yield '</a></h2>\n<p>'
            yield escape(environment.getattr(l_1_hit, 'snippet'))
            yield '</p>\n'
            if environment.getattr(l_1_hit, 'categories'):
                pass
                yield '<ul class="tags">'
                for l_2_slug in environment.getattr(l_1_hit, 'categories'):
                    l_2_categories = resolve('categories')
                    _loop_vars = {}
                    pass
                    if (l_2_slug in (undefined(name='categories') if l_2_categories is missing else l_2_categories)):
                        pass
                        yield '<li><a href="'
                        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'category'), l_2_slug, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                        yield '">'
                        yield escape(environment.getattr(environment.getitem((undefined(name='categories') if l_2_categories is missing else l_2_categories), l_2_slug), 'name'))
                        yield '</a></li>'
                l_2_slug = l_2_categories = missing
                yield '</ul>'
            yield '</li>\n'
        l_1_hit = missing
        yield '</ol>\n'
        if (environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev_link') or environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next_link')):
            pass
            yield '<nav class="pager" aria-label="Pagination">\n'
            if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev_link'):
                pass
                yield '<a href="'
                yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev_link'))
                yield '">← Previous results</a>'
            else:
                pass
                yield '<span></span>'
            if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next_link'):
                pass
                yield '<a href="'
                yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next_link'))
                yield '">More results →</a>'
            yield '</nav>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&3=30&4=41&5=48&7=51&8=54&9=56&11=61&13=69&15=73&16=77&17=79&21=98&23=101&24=109'