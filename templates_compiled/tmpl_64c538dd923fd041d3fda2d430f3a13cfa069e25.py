from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'faq.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'faq.html')
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
    l_0_categories = resolve('categories')
    l_0_entry = resolve('entry')
    l_0_seo = resolve('seo')
    l_0_minutes = resolve('minutes')
    l_0_body = resolve('body')
    l_0_related = resolve('related')
    pass
    yield '<nav class="crumbs" aria-label="Breadcrumb">\n<ol>\n<li><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/', _block_vars=_block_vars))
    yield '">Home</a></li>\n<li><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '">FAQs</a></li>\n'
    if (undefined(name='categories') if l_0_categories is missing else l_0_categories):
        pass
        yield '<li><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'category'), environment.getattr(environment.getitem((undefined(name='categories') if l_0_categories is missing else l_0_categories), 0), 'slug'), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '">'
        yield escape(environment.getattr(environment.getitem((undefined(name='categories') if l_0_categories is missing else l_0_categories), 0), 'name'))
        yield '</a></li>\n'
    yield '<li aria-current="page">'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))
    yield '</li>\n</ol>\n</nav>\n<article>\n<h1>'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))
    yield '</h1>\n<p class="meta">Published <time datetime="'
    yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'article_published_time'))
    yield '">'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'created'), 'strftime'), '%B %-d, %Y', _block_vars=_block_vars))
    yield '</time>\n'
    if (context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'modified'), 'date'), _block_vars=_block_vars) != context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'created'), 'date'), _block_vars=_block_vars)):
        pass
        yield ' · Updated <time datetime="'
        yield escape(environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'article_modified_time'))
        yield '">'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'modified'), 'strftime'), '%B %-d, %Y', _block_vars=_block_vars))
        yield '</time>'
    yield ' · <span>Est. reading time: '
    yield escape(context.call((undefined(name='minutes') if l_0_minutes is missing else l_0_minutes), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'reading_minutes'), _block_vars=_block_vars))
    yield '</span></p>\n<div class="answer">\n'
    yield escape((undefined(name='body') if l_0_body is missing else l_0_body))
    yield '\n</div>\n'
    if (undefined(name='categories') if l_0_categories is missing else l_0_categories):
        pass
        yield '<h2 class="visually-hidden">Categories</h2>\n<ul class="tags">'
        for l_1_c in (undefined(name='categories') if l_0_categories is missing else l_0_categories):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'category'), environment.getattr(l_1_c, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_c, 'name'))
            yield '</a></li>'
        l_1_c = missing
        yield '</ul>\n'
    yield '</article>\n'
    if (undefined(name='related') if l_0_related is missing else l_0_related):
        pass
        yield '<aside class="related" aria-labelledby="related-heading">\n<h2 id="related-heading">Related questions</h2>\n<ul>\n'
        for l_1_r in (undefined(name='related') if l_0_related is missing else l_0_related):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq'), environment.getattr(l_1_r, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</a></li>\n'
        l_1_r = missing
        yield '</ul>\n</aside>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&5=33&6=35&7=37&9=45&13=47&14=49&15=53&16=61&18=63&20=65&22=68&25=79&29=82'