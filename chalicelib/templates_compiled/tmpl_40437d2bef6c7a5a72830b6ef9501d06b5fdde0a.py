from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/dashboard.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/dashboard.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'FAQs'

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_done = resolve('done')
    l_0_statuses = resolve('statuses')
    l_0_urls = resolve('urls')
    l_0_status = resolve('status')
    l_0_query = resolve('query')
    l_0_entries = resolve('entries')
    pass
    yield '<h1>FAQs</h1>\n'
    if (undefined(name='done') if l_0_done is missing else l_0_done):
        pass
        yield '<p class="notice" role="status">Done: '
        yield escape((undefined(name='done') if l_0_done is missing else l_0_done))
        yield '.</p>'
    yield '<nav class="filters" aria-label="Status">\n'
    for l_1_s in (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses):
        _loop_vars = {}
        pass
        yield '<a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin', status=l_1_s, q=(undefined(name='query') if l_0_query is missing else l_0_query), _loop_vars=_loop_vars))
        yield '"'
        if (l_1_s == (undefined(name='status') if l_0_status is missing else l_0_status)):
            pass
            yield ' aria-current="page"'
        yield '>'
        yield escape(environment.getitem({'all': 'All', 'publish': 'Published', 'draft': 'Drafts', 'trash': 'Trash'}, l_1_s))
        yield '</a>'
    l_1_s = missing
    yield '</nav>\n<form method="get" action="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin', _block_vars=_block_vars))
    yield '" role="search">\n<input type="hidden" name="status" value="'
    yield escape((undefined(name='status') if l_0_status is missing else l_0_status))
    yield '">\n<label for="q">Search titles</label>\n<input type="search" id="q" name="q" value="'
    yield escape((undefined(name='query') if l_0_query is missing else l_0_query))
    yield '" maxlength="200">\n<button type="submit">Search</button>\n</form>\n<p><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/faqs/new', _block_vars=_block_vars))
    yield '">New FAQ</a></p>\n'
    if (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        pass
        yield '<table>\n<thead><tr><th>Title</th><th>Status</th><th>Modified</th><th>Version</th></tr></thead>\n<tbody>\n'
        for l_1_e in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
            _loop_vars = {}
            pass
            yield '<tr><td><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d' % environment.getattr(l_1_e, 'id')), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_e, 'title'))
            yield '</a><br><span class="hint">/faq/'
            yield escape(environment.getattr(l_1_e, 'slug'))
            yield '/</span></td>\n<td><span class="status">'
            yield escape(environment.getattr(l_1_e, 'status'))
            yield '</span></td><td>'
            yield escape(context.call(environment.getattr(environment.getattr(l_1_e, 'modified'), 'strftime'), '%Y-%m-%d %H:%M', _loop_vars=_loop_vars))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_e, 'version'))
            yield '</td></tr>\n'
        l_1_e = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>No FAQs here'
        if (undefined(name='query') if l_0_query is missing else l_0_query):
            pass
            yield ' match “'
            yield escape((undefined(name='query') if l_0_query is missing else l_0_query))
            yield '”'
        yield '.</p>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=27&5=42&7=48&9=62&10=64&12=66&15=68&16=70&20=73&21=77&22=83&27=94'