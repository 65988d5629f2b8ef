from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/revisions.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/revisions.html')
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
    l_0_entry = resolve('entry')
    pass
    yield 'Revisions of '
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_entry = resolve('entry')
    l_0_urls = resolve('urls')
    l_0_revisions = resolve('revisions')
    l_0_shown = resolve('shown')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>Revisions of “'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))
    yield '”</h1>\n<p><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d' % environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'id')), _block_vars=_block_vars))
    yield '">Back to the FAQ</a> · current version '
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'version'))
    yield '</p>\n'
    if (undefined(name='revisions') if l_0_revisions is missing else l_0_revisions):
        pass
        yield '<table>\n<thead><tr><th>Version</th><th>Title</th><th>Replaced</th><th>By</th><th></th></tr></thead>\n<tbody>\n'
        for l_1_r in (undefined(name='revisions') if l_0_revisions is missing else l_0_revisions):
            l_1_csrf = resolve('csrf')
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(environment.getattr(l_1_r, 'entry'), 'version'))
            yield '</td><td><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d/revisions' % environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'id')), show=environment.getattr(environment.getattr(l_1_r, 'entry'), 'version'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_1_r, 'entry'), 'title'))
            yield '</a></td><td>'
            yield escape(environment.getattr(l_1_r, 'saved'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_r, 'actor'))
            yield '</td>\n<td>'
            if (environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'status') != 'trash'):
                pass
                yield '<form method="post" action="'
                yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d/revisions/%d/restore' % (environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'id'), environment.getattr(environment.getattr(l_1_r, 'entry'), 'version'))), _loop_vars=_loop_vars))
                yield '"><input type="hidden" name="csrf" value="'
                yield escape((undefined(name='csrf') if l_1_csrf is missing else l_1_csrf))
                yield '"><input type="hidden" name="version" value="'
                yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'version'))
                yield '"><button type="submit">Restore</button></form>'
            yield '</td></tr>\n'
        l_1_r = l_1_csrf = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>No earlier versions yet.</p>\n'
    if (undefined(name='shown') if l_0_shown is missing else l_0_shown):
        pass
        yield '<section class="preview" aria-labelledby="shown"><h2 id="shown">Version '
        yield escape(environment.getattr(environment.getattr((undefined(name='shown') if l_0_shown is missing else l_0_shown), 'entry'), 'version'))
        yield '</h2><h3>'
        yield escape(environment.getattr(environment.getattr((undefined(name='shown') if l_0_shown is missing else l_0_shown), 'entry'), 'title'))
        yield '</h3>'
        yield escape(t_1(environment.getattr(environment.getattr((undefined(name='shown') if l_0_shown is missing else l_0_shown), 'entry'), 'content')))
        yield '</section>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=29&4=48&5=50&6=54&10=57&11=62&12=72&19=87&20=90'