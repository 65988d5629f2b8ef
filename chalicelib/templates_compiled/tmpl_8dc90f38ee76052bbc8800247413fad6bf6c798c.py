from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/categories.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/categories.html')
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
    yield 'Categories'

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_done = resolve('done')
    l_0_categories = resolve('categories')
    l_0_errors = resolve('errors')
    l_0_urls = resolve('urls')
    l_0_csrf = resolve('csrf')
    l_0_form = resolve('form')
    pass
    yield '<h1>Categories</h1>\n'
    if (undefined(name='done') if l_0_done is missing else l_0_done):
        pass
        yield '<p class="notice" role="status">Done: '
        yield escape((undefined(name='done') if l_0_done is missing else l_0_done))
        yield '.</p>'
    if (undefined(name='categories') if l_0_categories is missing else l_0_categories):
        pass
        yield '<table>\n<thead><tr><th>Name</th><th>Slug</th><th>Description</th></tr></thead>\n<tbody>\n'
        for l_1_c in (undefined(name='categories') if l_0_categories is missing else l_0_categories):
            _loop_vars = {}
            pass
            yield '<tr><td><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/categories/' + environment.getattr(l_1_c, 'slug')), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_c, 'name'))
            yield '</a></td><td>'
            yield escape(environment.getattr(l_1_c, 'slug'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_c, 'description'))
            yield '</td></tr>\n'
        l_1_c = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>No categories yet.</p>'
    yield '<h2>New category</h2>\n'
    if (undefined(name='errors') if l_0_errors is missing else l_0_errors):
        pass
        yield '<p class="alert" role="alert">Nothing was saved: please correct the fields marked below.</p>'
    yield '<form method="post" action="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/categories', _block_vars=_block_vars))
    yield '">\n<input type="hidden" name="csrf" value="'
    yield escape((undefined(name='csrf') if l_0_csrf is missing else l_0_csrf))
    yield '">\n<label for="name">Name</label>\n<input type="text" id="name" name="name" value="'
    yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'name'))
    yield '" required maxlength="200">\n'
    if environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'name'):
        pass
        yield '<p class="error">'
        yield escape(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'name'))
        yield '</p>'
    yield '<label for="slug">Slug</label>\n<input type="text" id="slug" name="slug" value="'
    yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'slug'))
    yield '" maxlength="200" placeholder="made from the name when left empty">\n'
    if environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'slug'):
        pass
        yield '<p class="error">'
        yield escape(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'slug'))
        yield '</p>'
    yield '<label for="description">Description</label>\n<input type="text" id="description" name="description" value="'
    yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'description'))
    yield '" maxlength="1000">\n'
    if environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'description'):
        pass
        yield '<p class="error">'
        yield escape(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'description'))
        yield '</p>'
    yield '<p><button type="submit">Create category</button></p>\n</form>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=27&5=42&6=47&10=50&16=68&17=72&18=74&20=76&21=78&23=84&24=86&26=92&27=94'