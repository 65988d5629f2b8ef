from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_site = resolve('site')
    l_0_urls = resolve('urls')
    l_0_seo = resolve('seo')
    pass
    yield '<!doctype html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'language'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="icon" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/favicon.ico'))
    yield '" type="image/svg+xml">\n'
    template = environment.get_template('seo_head.html', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev'):
        pass
        yield '<link rel="prev" href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'prev')))
        yield '">'
    if environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next'):
        pass
        yield '<link rel="next" href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), environment.getattr((undefined(name='seo') if l_0_seo is missing else l_0_seo), 'next')))
        yield '">'
    yield '<link rel="alternate" type="application/rss+xml" title="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield ' FAQs" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), '/feed.xml'))
    yield '">\n<link rel="https://api.w.org/" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'absolute'), '/wp-json/'))
    yield '">\n<style>\n:root{--ink:#1d2430;--muted:#5a6472;--line:#dde2e8;--accent:#0b5cad;--bg:#fff;--soft:#f4f6f9}\n*{box-sizing:border-box}\nbody{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}\na{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}\n.skip{position:absolute;left:-999px;top:0;background:var(--ink);color:#fff;padding:.5rem 1rem}.skip:focus{left:0}\n.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}\nheader.site{border-bottom:1px solid var(--line);padding:.75rem 0}\nheader.site .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}\n.brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--ink)}\nheader nav a{margin-right:1rem}\nform.search{display:flex;gap:.4rem;margin:0}\nform.search input{flex:1;min-width:0;padding:.45rem .6rem;border:1px solid #8a94a3;border-radius:.3rem;font:inherit}\nform.search button{padding:.45rem .9rem;border:0;border-radius:.3rem;background:var(--accent);color:#fff;font:inherit;cursor:pointer}\nmain{padding:1.5rem 0 2.5rem}\nh1{font-size:1.9rem;line-height:1.25;margin:.5rem 0 1rem}\n.crumbs ol{list-style:none;padding:0;margin:0;font-size:.9rem;color:var(--muted)}\n.crumbs li{display:inline}.crumbs li+li:before{content:"›";padding:0 .4rem}\n.meta{color:var(--muted);font-size:.92rem;margin:0 0 1.5rem}\n.answer img{max-width:100%;height:auto}\n.cards{list-style:none;padding:0;margin:0}\n.cards li{border-bottom:1px solid var(--line);padding:1rem 0}\n.cards h2,.cards h3{font-size:1.2rem;margin:0 0 .25rem}\n.cards p{margin:.25rem 0;color:var(--muted)}\n.pager{display:flex;justify-content:space-between;margin-top:1.5rem}\n.tags{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.4rem}.tags a{display:inline-block;padding:.1rem .6rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none;font-size:.9rem}\naside.related{border-top:1px solid var(--line);margin-top:2rem}mark{background:#fff2a8;color:inherit}\n.cards .tags li{border:0;padding:0}\n.lede{font-size:1.15rem;color:var(--muted)}\nfooter.site{border-top:1px solid var(--line);padding:1rem 0;color:var(--muted);font-size:.9rem}\n.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\nsection.feedback{border-top:1px solid var(--line);margin-top:2rem}section.feedback button,form.reader button{padding:.45rem 1.1rem;border:1px solid var(--accent);border-radius:.3rem;background:#fff;color:var(--accent);font:inherit;cursor:pointer;margin-right:.4rem}\nsection.feedback textarea,form.reader textarea,form.reader input{display:block;width:100%;padding:.45rem .6rem;border:1px solid #8a94a3;border-radius:.3rem;font:inherit;margin:.3rem 0}\nform.reader label,section.feedback label{display:block;font-weight:600;margin-top:1rem}.hint{color:var(--muted);font-size:.9rem;font-weight:400}\n.alert{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem 1rem}.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}\n</style>\n</head>\n<body>\n<a class="skip" href="#content">Skip to content</a>\n<header class="site">\n<div class="wrap">\n<a class="brand" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), '/'))
    yield '">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield '</a>\n<nav aria-label="Main"><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq_index'))))
    yield '">FAQs</a></nav>\n'
    template = environment.get_template('search_form.html', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</div>\n</header>\n<main id="content" class="wrap">\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n<footer class="site"><div class="wrap">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_name'))
    yield ' — '
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'site_tagline'))
    yield '</div></footer>\n</body>\n</html>'

def block_main(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'main': block_main}
debug_info = '2=15&6=17&7=19&8=25&9=30&10=36&11=40&53=42&54=46&55=48&59=55&61=57&59=62'