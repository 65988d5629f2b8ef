from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/broken_links.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/broken_links.html')
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
    yield 'Broken links'

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_report = resolve('report')
    pass
    yield '<h1>Broken links</h1>\n'
    if (undefined(name='report') if l_0_report is missing else l_0_report):
        pass
        yield '<table>\n<thead><tr><th>In FAQ</th><th>Link</th><th>Problem</th></tr></thead>\n<tbody>\n'
        for l_1_r in (undefined(name='report') if l_0_report is missing else l_0_report):
            l_1_urls = resolve('urls')
            _loop_vars = {}
            pass
            yield '<tr><td><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'link'), ('/admin/faqs/%d' % environment.getattr(l_1_r, 'entry_id')), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_r, 'entry_title'))
            yield '</a> <span class="status">'
            yield escape(environment.getattr(l_1_r, 'entry_status'))
            yield '</span></td><td><code>'
            yield escape(environment.getattr(l_1_r, 'link'))
            yield '</code></td>\n<td>'
            yield escape(environment.getitem({'missing': 'No FAQ has this address.', 'draft': 'The FAQ is not published.', 'redirects': ('Old address; it redirects to /faq/%s/.' % environment.getattr(l_1_r, 'current_slug')), 'external-image': 'An image served by another site: it breaks when that site removes it.'}, environment.getattr(l_1_r, 'problem')))
            yield '</td></tr>\n'
        l_1_r = l_1_urls = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>No broken links. Every link to a FAQ leads to a published page, and every image is on this site.</p>'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=27&5=37&9=40&10=53'