from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/edit.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    l_0_field_error = missing
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/edit.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    def macro(l_1_name):
        t_1 = []
        l_1_errors = resolve('errors')
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        pass
        if context.call(environment.getattr((undefined(name='errors') if l_1_errors is missing else l_1_errors), 'get'), l_1_name):
            pass
            t_1.extend((
                '<p class="error" id="',
                escape(l_1_name),
                '-error">',
                escape(environment.getitem((undefined(name='errors') if l_1_errors is missing else l_1_errors), l_1_name)),
                '</p>',
            ))
        return concat(t_1)
    context.exported_vars.add('field_error')
    context.vars['field_error'] = l_0_field_error = Macro(environment, macro, 'field_error', ('name',), False, False, False, context.eval_ctx.autoescape)
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
    yield escape((environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title') if (undefined(name='entry') if l_0_entry is missing else l_0_entry) else 'New FAQ'))

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_entry = resolve('entry')
    l_0_done = resolve('done')
    l_0_errors = resolve('errors')
    l_0_urls = resolve('urls')
    l_0_csrf = resolve('csrf')
    l_0_form = resolve('form')
    l_0_field_error = resolve('field_error')
    l_0_suggested_slug = resolve('suggested_slug')
    l_0_categories = resolve('categories')
    l_0_conflict = resolve('conflict')
    l_0_preview = resolve('preview')
    l_0_actions = resolve('actions')
    try:
        t_2 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<h1>'
    yield escape(('Edit FAQ' if (undefined(name='entry') if l_0_entry is missing else l_0_entry) else 'New FAQ'))
    yield '</h1>\n'
    if (undefined(name='done') if l_0_done is missing else l_0_done):
        pass
        yield '<p class="notice" role="status">'
        yield escape(context.call(environment.getattr({'created': 'Created.', 'saved': 'Saved.', 'publish': 'Published.', 'unpublish': 'Unpublished: it is a draft now.', 'delete': 'Moved to the trash.', 'restore': 'Restored from the trash.', 'revision-restored': 'Revision restored.', 'conflict': 'Someone else changed this FAQ first: nothing was changed. Check it and try again.'}, 'get'), (undefined(name='done') if l_0_done is missing else l_0_done), 'Done.', _block_vars=_block_vars))
        yield '</p>'
    if context.call(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'get'), 'form', _block_vars=_block_vars):
        pass
        yield '<p class="alert" role="alert">'
        yield escape(environment.getitem((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'form'))
        yield '</p>'
    elif (undefined(name='errors') if l_0_errors is missing else l_0_errors):
        pass
        yield '<p class="alert" role="alert">Nothing was saved: please correct the fields marked below.</p>'
    if (undefined(name='entry') if l_0_entry is missing else l_0_entry):
        pass
        yield '<p>Status: <span class="status">'
        yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'status'))
        yield '</span> · version '
        yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'version'))
        yield ' · <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d/revisions' % environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'id')), _block_vars=_block_vars))
        yield '">Revision history</a>'
        if (environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'status') == 'publish'):
            pass
            yield ' · <a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq'), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'slug'), _block_vars=_block_vars), _block_vars=_block_vars))
            yield '">View on site</a>'
        yield '</p>\n'
    if ((not (undefined(name='entry') if l_0_entry is missing else l_0_entry)) or (environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'status') != 'trash')):
        pass
        yield '<form method="post" action="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), (('/admin/faqs/%d' % environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'id')) if (undefined(name='entry') if l_0_entry is missing else l_0_entry) else '/admin/faqs/new'), _block_vars=_block_vars))
        yield '">\n<input type="hidden" name="csrf" value="'
        yield escape((undefined(name='csrf') if l_0_csrf is missing else l_0_csrf))
        yield '">\n'
        if (undefined(name='entry') if l_0_entry is missing else l_0_entry):
            pass
            yield '<input type="hidden" name="version" value="'
            yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'version'))
            yield '">'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'body', _block_vars=_block_vars))
        yield '\n<label for="title">Title</label>\n<input type="text" id="title" name="title" value="'
        yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'title'))
        yield '" required maxlength="300"'
        if context.call(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'get'), 'title', _block_vars=_block_vars):
            pass
            yield ' aria-invalid="true" aria-describedby="title-error"'
        yield '>\n'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'title', _block_vars=_block_vars))
        yield '\n<label for="slug">Slug</label>\n<input type="text" id="slug" name="slug" value="'
        yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'slug'))
        yield '" maxlength="200" pattern="(?:[a-z0-9]|[^\\x00-\\x7F])+(?:-(?:[a-z0-9]|[^\\x00-\\x7F])+)*" placeholder="'
        yield escape(t_2((undefined(name='suggested_slug') if l_0_suggested_slug is missing else l_0_suggested_slug), 'made from the title when left empty'))
        yield '"'
        if context.call(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'get'), 'slug', _block_vars=_block_vars):
            pass
            yield ' aria-invalid="true" aria-describedby="slug-error"'
        yield '>\n<p class="hint">Lowercase letters, digits and single hyphens (letters of other scripts too). Leave empty to make one from the title'
        if (undefined(name='suggested_slug') if l_0_suggested_slug is missing else l_0_suggested_slug):
            pass
            yield ': <code>'
            yield escape((undefined(name='suggested_slug') if l_0_suggested_slug is missing else l_0_suggested_slug))
            yield '</code>'
        yield '.'
        if (undefined(name='entry') if l_0_entry is missing else l_0_entry):
            pass
            yield ' Changing it keeps the old address working with a redirect.'
        yield '</p>\n'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'slug', _block_vars=_block_vars))
        yield '\n<label for="description">Meta description</label>\n<input type="text" id="description" name="description" value="'
        yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'description'))
        yield '" maxlength="320"'
        if context.call(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'get'), 'description', _block_vars=_block_vars):
            pass
            yield ' aria-invalid="true" aria-describedby="description-error"'
        yield '>\n<p class="hint">Shown by search engines. Leave empty to use the start of the answer.</p>\n'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'description', _block_vars=_block_vars))
        yield '\n<label for="categories">Categories</label>\n<input type="text" id="categories" name="categories" value="'
        yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'categories'))
        yield '"'
        if context.call(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'get'), 'categories', _block_vars=_block_vars):
            pass
            yield ' aria-invalid="true" aria-describedby="categories-error"'
        yield '>\n<p class="hint">Category slugs separated by spaces'
        if (undefined(name='categories') if l_0_categories is missing else l_0_categories):
            pass
            yield ': '
            l_1_loop = missing
            for l_1_c, l_1_loop in LoopContext((undefined(name='categories') if l_0_categories is missing else l_0_categories), undefined):
                _loop_vars = {}
                pass
                yield '<code>'
                yield escape(environment.getattr(l_1_c, 'slug'))
                yield '</code> ('
                yield escape(environment.getattr(l_1_c, 'name'))
                yield ')'
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield ', '
            l_1_loop = l_1_c = missing
        yield '.</p>\n'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'categories', _block_vars=_block_vars))
        yield '\n'
        if (not (undefined(name='entry') if l_0_entry is missing else l_0_entry)):
            pass
            yield '<label for="status">Status</label>\n<select id="status" name="status"><option value="draft"'
            if (environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'status') != 'publish'):
                pass
                yield ' selected'
            yield '>Draft</option><option value="publish"'
            if (environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'status') == 'publish'):
                pass
                yield ' selected'
            yield '>Published</option></select>\n'
        else:
            pass
            yield '<input type="hidden" name="status" value="'
            yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'status'))
            yield '">'
        yield '<label for="content">Answer</label>\n<textarea id="content" name="content" required'
        if context.call(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'get'), 'content', _block_vars=_block_vars):
            pass
            yield ' aria-invalid="true" aria-describedby="content-error"'
        yield '>'
        yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'content'))
        yield '</textarea>\n'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'content', _block_vars=_block_vars))
        yield '\n<label for="content_format">Written as</label>\n<select id="content_format" name="content_format"><option value="html"'
        if (environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'content_format') != 'markdown'):
            pass
            yield ' selected'
        yield '>HTML</option><option value="markdown"'
        if (environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'content_format') == 'markdown'):
            pass
            yield ' selected'
        yield '>Markdown</option></select>\n'
        yield escape(context.call((undefined(name='field_error') if l_0_field_error is missing else l_0_field_error), 'content_format', _block_vars=_block_vars))
        yield '\n<p><button type="submit" name="action" value="save">Save</button> <button class="secondary" type="submit" name="action" value="preview">Preview</button></p>\n</form>\n'
    if (undefined(name='conflict') if l_0_conflict is missing else l_0_conflict):
        pass
        yield '<section class="preview" aria-labelledby="theirs"><h2 id="theirs">The version saved by someone else (version '
        yield escape(environment.getattr((undefined(name='conflict') if l_0_conflict is missing else l_0_conflict), 'version'))
        yield ')</h2>\n<h3>'
        yield escape(environment.getattr((undefined(name='conflict') if l_0_conflict is missing else l_0_conflict), 'title'))
        yield '</h3>'
        yield escape(t_3(environment.getattr((undefined(name='conflict') if l_0_conflict is missing else l_0_conflict), 'content')))
        yield '</section>\n'
    if (undefined(name='preview') if l_0_preview is missing else l_0_preview):
        pass
        yield '<section class="preview" aria-labelledby="preview-heading"><h2 id="preview-heading">Preview</h2>\n<h3>'
        yield escape(environment.getattr((undefined(name='preview') if l_0_preview is missing else l_0_preview), 'title'))
        yield '</h3>'
        yield escape(t_3(environment.getattr((undefined(name='preview') if l_0_preview is missing else l_0_preview), 'content')))
        yield '</section>\n'
    if (undefined(name='entry') if l_0_entry is missing else l_0_entry):
        pass
        yield '<h2>Publishing</h2>\n'
        l_0_actions = environment.getitem({'publish': [('unpublish', 'Unpublish', 'secondary'), ('delete', 'Move to trash', 'danger')], 'draft': [('publish', 'Publish', ''), ('delete', 'Move to trash', 'danger')], 'trash': [('restore', 'Restore from trash', ''), ('purge', 'Delete for good', 'danger')]}, environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'status'))
        _block_vars['actions'] = l_0_actions
        for (l_1_name, l_1_label, l_1_style) in (undefined(name='actions') if l_0_actions is missing else l_0_actions):
            _loop_vars = {}
            pass
            yield '<form class="inline" method="post" action="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/faqs/%d/%s' % (environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'id'), l_1_name)), _loop_vars=_loop_vars))
            yield '"><input type="hidden" name="csrf" value="'
            yield escape((undefined(name='csrf') if l_0_csrf is missing else l_0_csrf))
            yield '"><input type="hidden" name="version" value="'
            yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'version'))
            yield '"><button class="'
            yield escape(l_1_style)
            yield '" type="submit">'
            yield escape(l_1_label)
            yield '</button></form>\n'
        l_1_name = l_1_label = l_1_style = missing

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=13&3=16&2=36&4=47&5=80&6=82&7=87&8=95&9=98&11=110&12=113&13=115&14=117&15=122&17=124&18=130&20=132&21=140&22=150&24=152&26=158&28=160&29=166&30=183&31=185&33=188&34=199&36=202&37=208&39=210&40=218&44=220&45=223&46=225&48=229&50=232&52=236&54=239&55=241&56=245'