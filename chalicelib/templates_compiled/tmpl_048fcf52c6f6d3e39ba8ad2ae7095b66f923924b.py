from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/login.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('admin/base.html', 'admin/login.html')
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
    yield 'Log in'

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_error = resolve('error')
    l_0_urls = resolve('urls')
    l_0_next = resolve('next')
    l_0_login_token = resolve('login_token')
    l_0_username = resolve('username')
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    pass
    yield '<h1>Log in</h1>\n'
    if (undefined(name='error') if l_0_error is missing else l_0_error):
        pass
        yield '<p class="alert" role="alert">'
        yield escape((undefined(name='error') if l_0_error is missing else l_0_error))
        yield '</p>'
    yield '<form method="post" action="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/login', _block_vars=_block_vars))
    yield '">\n<input type="hidden" name="next" value="'
    yield escape((undefined(name='next') if l_0_next is missing else l_0_next))
    yield '">\n<input type="hidden" name="csrf" value="'
    yield escape((undefined(name='login_token') if l_0_login_token is missing else l_0_login_token))
    yield '">\n<label for="username">User name</label>\n<input type="text" id="username" name="username" value="'
    yield escape(t_1((undefined(name='username') if l_0_username is missing else l_0_username), ''))
    yield '" autocomplete="username" required maxlength="64">\n<label for="password">Password</label>\n<input type="password" id="password" name="password" autocomplete="current-password" required>\n<p><button type="submit">Log in</button></p>\n</form>\n'

blocks = {'title': block_title, 'main': block_main}
debug_info = '1=12&2=17&3=27&5=47&6=53&7=55&8=57&10=59'