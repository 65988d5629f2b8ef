from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/category.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/category.html')
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
    l_0_category = resolve('category')
    pass
    yield escape(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'name'))

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_category = resolve('category')
    l_0_urls = resolve('urls')
    l_0_errors = resolve('errors')
    l_0_csrf = resolve('csrf')
    l_0_form = resolve('form')
    pass
    yield '<h1>Category “'
    yield escape(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'name'))
    yield '”</h1>\n<p>Slug <code>'
    yield escape(environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'slug'))
    yield '</code> · <a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'category'), environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'slug'), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '">View on site</a> · <a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/categories', _block_vars=_block_vars))
    yield '">All categories</a></p>\n'
    if environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'form'):
        pass
        yield '<p class="alert" role="alert">'
        yield escape(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'form'))
        yield '</p>'
    yield '<form method="post" action="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), ('/admin/categories/' + environment.getattr((undefined(name='category') if l_0_category is missing else l_0_category), 'slug')), _block_vars=_block_vars))
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
    yield '<label for="description">Description</label>\n<input type="text" id="description" name="description" value="'
    yield escape(environment.getattr((undefined(name='form') if l_0_form is missing else l_0_form), 'description'))
    yield '" maxlength="1000">\n'
    if environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'description'):
        pass
        yield '<p class="error">'
        yield escape(environment.getattr((undefined(name='errors') if l_0_errors is missing else l_0_errors), 'description'))
        yield '</p>'
    yield '<p><button type="submit" name="action" value="save">Save</button> <button class="danger" type="submit" name="action" value="delete">Delete category</button></p>\n</form>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=28&4=42&5=44&6=50&7=56&8=58&10=60&11=62&13=68&14=70'