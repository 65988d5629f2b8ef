from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'faq_card.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_heading = resolve('heading')
    l_0_urls = resolve('urls')
    l_0_entry = resolve('entry')
    l_0_minutes = resolve('minutes')
    pass
    yield '<li>\n<'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'link'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'faq'), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'slug'))))
    yield '">'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))
    yield '</a></'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '>\n<p>'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'description'))
    yield '</p>\n<p><small><time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'created'), 'isoformat')))
    yield '">'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'created'), 'strftime'), '%B %-d, %Y'))
    yield '</time> · '
    yield escape(context.call((undefined(name='minutes') if l_0_minutes is missing else l_0_minutes), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'reading_minutes')))
    yield ' read</small></p>\n</li>'

blocks = {}
debug_info = '2=16&3=24&4=26'