from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/audit.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/audit.html')
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
    l_0_month = resolve('month')
    pass
    yield 'Audit log '
    yield escape((undefined(name='month') if l_0_month is missing else l_0_month))

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_month = resolve('month')
    l_0_page_size = resolve('page_size')
    l_0_error = resolve('error')
    l_0_urls = resolve('urls')
    l_0_month_links = resolve('month_links')
    l_0_records = resolve('records')
    l_0_after = resolve('after')
    try:
        t_1 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    yield '<h1>Audit log: '
    yield escape((undefined(name='month') if l_0_month is missing else l_0_month))
    yield '</h1>\n<p>Who changed what, newest first, '
    yield escape((undefined(name='page_size') if l_0_page_size is missing else l_0_page_size))
    yield ' to a page.</p>\n'
    if (undefined(name='error') if l_0_error is missing else l_0_error):
        pass
        yield '<p class="alert" role="alert">'
        yield escape((undefined(name='error') if l_0_error is missing else l_0_error))
        yield '</p>'
    yield '<form method="get" action="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/audit', _block_vars=_block_vars))
    yield '">\n<label for="month">Month</label>\n<input type="text" inputmode="numeric" id="month" name="month" value="'
    yield escape((undefined(name='month') if l_0_month is missing else l_0_month))
    yield '" pattern="[0-9]{4}-(0[1-9]|1[0-2])" maxlength="7" placeholder="YYYY-MM">\n<button type="submit">Show</button>\n</form>\n<nav class="filters" aria-label="Months">'
    if (undefined(name='month_links') if l_0_month_links is missing else l_0_month_links):
        pass
        yield '<a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/audit', month=environment.getitem((undefined(name='month_links') if l_0_month_links is missing else l_0_month_links), 0), _block_vars=_block_vars))
        yield '">← '
        yield escape(environment.getitem((undefined(name='month_links') if l_0_month_links is missing else l_0_month_links), 0))
        yield '</a> <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/audit', month=environment.getitem((undefined(name='month_links') if l_0_month_links is missing else l_0_month_links), 1), _block_vars=_block_vars))
        yield '">'
        yield escape(environment.getitem((undefined(name='month_links') if l_0_month_links is missing else l_0_month_links), 1))
        yield ' →</a>'
    yield '</nav>\n'
    if (undefined(name='records') if l_0_records is missing else l_0_records):
        pass
        yield '<table>\n<thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>FAQ</th><th>Version</th></tr></thead>\n<tbody>\n'
        for l_1_r in (undefined(name='records') if l_0_records is missing else l_0_records):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(t_1(context.eval_ctx, t_1(context.eval_ctx, environment.getattr(l_1_r, 'at'), 'T', ' '), 'Z', ''))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_r, 'actor'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_r, 'action'))
            yield '</td>\n<td><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d' % environment.getattr(l_1_r, 'entry_id')), _loop_vars=_loop_vars))
            yield '">#'
            yield escape(environment.getattr(l_1_r, 'entry_id'))
            yield '</a> <span class="hint">/faq/'
            yield escape(environment.getattr(l_1_r, 'detail'))
            yield '/</span></td><td>'
            yield escape(environment.getattr(l_1_r, 'version'))
            yield '</td></tr>\n'
        l_1_r = missing
        yield '</tbody>\n</table>\n'
        if (undefined(name='after') if l_0_after is missing else l_0_after):
            pass
            yield '<p><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/audit', month=(undefined(name='month') if l_0_month is missing else l_0_month), before=(undefined(name='after') if l_0_after is missing else l_0_after), _block_vars=_block_vars))
            yield '" rel="next">Older changes in '
            yield escape((undefined(name='month') if l_0_month is missing else l_0_month))
            yield '</a></p>'
    elif (not (undefined(name='error') if l_0_error is missing else l_0_error)):
        pass
        yield '<p>No changes recorded in '
        yield escape((undefined(name='month') if l_0_month is missing else l_0_month))
        yield '.</p>'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=29&4=51&5=53&6=55&7=61&9=63&12=65&13=77&17=80&18=90&22=100&23=107'