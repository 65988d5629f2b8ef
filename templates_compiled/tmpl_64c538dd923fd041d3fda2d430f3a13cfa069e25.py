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
    l_0_feedback = resolve('feedback')
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
    yield '<section class="feedback" id="feedback" aria-labelledby="feedback-heading">\n'
    if (not (undefined(name='feedback') if l_0_feedback is missing else l_0_feedback)):
        pass
        yield '<h2 id="feedback-heading">Was this helpful?</h2>\n<form method="post" action="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/faq/%s/feedback' % environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'slug')), _block_vars=_block_vars))
        yield '">\n<div class="hp"><label for="leave-empty">Leave this field empty</label><input type="text" id="leave-empty" name="leave_empty" value="" tabindex="-1" autocomplete="off"></div>\n<button type="submit" name="helpful" value="yes">Yes</button>\n<button type="submit" name="helpful" value="no">No</button>\n</form>\n'
    else:
        pass
        template = environment.get_template('readers/feedback.html', 'faq.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '<p>Did not find your answer? <a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/ask', faq=environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'slug'), _block_vars=_block_vars))
    yield '">Ask us a question</a>.</p>\n</section>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&5=34&6=36&7=38&9=46&13=48&14=50&15=54&16=62&18=64&20=66&22=69&25=80&29=83&39=94&41=97&47=101&49=108'