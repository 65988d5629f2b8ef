from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'admin/base.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_urls = resolve('urls')
    l_0_site = resolve('site')
    l_0_user = resolve('user')
    l_0_csrf = resolve('csrf')
    pass
    yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="icon" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/favicon.ico'))
    yield '" type="image/svg+xml">\n<meta name="robots" content="noindex, nofollow">\n<title>'
    yield from context.blocks['title'][0](context)
    yield ' – '
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield ' admin</title>\n<style>\n*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430}\na{color:#0b5cad}header{background:#1d2430;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}\nheader a{color:#fff}header form{margin-left:auto}main{max-width:60rem;margin:0 auto;padding:1rem}\n.skip{position:absolute;left:-999px}.skip:focus{left:0;background:#fff;color:#000;padding:.5rem}\ntable{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #dde2e8;vertical-align:top}\nlabel{display:block;font-weight:600;margin-top:1rem}input[type=text],input[type=password],input[type=search],textarea,select{width:100%;padding:.45rem;border:1px solid #8a94a3;border-radius:.3rem;font:inherit}\ntextarea{min-height:18rem;font-family:ui-monospace,monospace;font-size:.9rem}\nbutton{padding:.45rem .9rem;border:0;border-radius:.3rem;background:#0b5cad;color:#fff;font:inherit;cursor:pointer;margin:.25rem .25rem .25rem 0}\nbutton.secondary{background:#5a6472}button.danger{background:#b3261e}\n.error{color:#b3261e;font-weight:600}.notice{background:#e8f3e8;border-left:4px solid #2e7d32;padding:.5rem 1rem}\n.alert{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem 1rem}.hint{color:#5a6472;font-size:.9rem}\n.status{font-size:.8rem;padding:.1rem .4rem;border-radius:.2rem;background:#eef}.inline{display:inline}\n.preview{border:2px dashed #8a94a3;padding:1rem;margin-top:1.5rem}nav.filters a{margin-right:.8rem}\n</style>\n</head>\n<body>\n<a class="skip" href="#main">Skip to content</a>\n<header>\n<strong>'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield ' admin</strong>\n'
    if (undefined(name='user') if l_0_user is missing else l_0_user):
        pass
        yield '<nav aria-label="Admin"><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin'))
        yield '">FAQs</a> <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/faqs/new'))
        yield '">New FAQ</a> <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/categories'))
        yield '">Categories</a> <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/reports/broken-links'))
        yield '">Broken links</a> <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/audit'))
        yield '">Audit log</a> <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/'))
        yield '">View site</a></nav>\n<form method="post" action="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/admin/logout'))
        yield '"><input type="hidden" name="csrf" value="'
        yield escape((undefined(name='csrf') if l_0_csrf is missing else l_0_csrf))
        yield '"><span>'
        yield escape((undefined(name='user') if l_0_user is missing else l_0_user))
        yield '</span> <button class="secondary" type="submit">Log out</button></form>\n'
    yield '</header>\n<main id="main">\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n</body>\n</html>'

def block_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'Admin'

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'title': block_title, 'main': block_main}
debug_info = '6=16&8=18&28=22&29=24&30=27&31=39&35=46&8=49&35=59'