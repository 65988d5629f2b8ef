"""Readers' forms: "Was this helpful?" on every FAQ page, and "Ask a question".

The vote buttons are part of the FAQ page, the same HTML for every reader,
so its ETag, 304s and CloudFront's copy are untouched.  A vote posts to
``/faq/{slug}/feedback`` and is answered 303 to ``/faq/{slug}/?feedback=
<state>#feedback``: the page with a thank-you (after a "No", the box for
what the reader was looking for) in place of the buttons.  That variant is
rendered for each request and sent ``Cache-Control: private, no-store``
without an ETag, so no shared cache keeps it and the page everyone shares
never shows one reader's thanks.  The question form (``/ask``) is the same:
private, never stored by a cache, each copy with its own token.

Every post passes :mod:`chalicelib.insights`' checks; a refusal is answered
with the form again, the reader's text kept, and one sentence saying why,
under the status that says it too (400, 403, 409, 429 with Retry-After).
"""
from chalice import Response

from .. import insights
from ..forms import form_fields
from ..middleware import client_address
from ..models import is_valid_slug
from ..settings import get_settings
from ..store import get_repository
from ..urls import SiteUrls, mount_path
from . import render

HTML = 'text/html; charset=utf-8'
PRIVATE = 'private, no-store'
FORM_LIMIT = 8 * 1024
THANKS = 'Thank you'
STATES = {
    'yes': 'Glad it helped. Thank you for telling us!',
    'no': 'Thank you for telling us. What were you looking for?',
    'sent': 'Thank you: our editors read every answer, to make the FAQs better.',
    'done': 'Thank you for telling us.',
}
# refusals after which the reader has nothing more to send
_FINAL = ('voted', 'commented', 'no-vote')


def _context(request):
    settings = get_settings()
    return settings, SiteUrls(mount_path(request), settings.site_url)


def _html(body, status=200, retry_after=None):
    headers = {'Content-Type': HTML, 'Cache-Control': PRIVATE}
    if retry_after:
        headers['Retry-After'] = str(retry_after)
    return Response(body=body, status_code=status, headers=headers)


def _see_other(location):
    return Response(body='', status_code=303,
                    headers={'Location': location, 'Cache-Control': PRIVATE})


def _comment_purpose(entry):
    return 'comment:%d' % entry.id


def _comment_box(entry, text='', **feedback):
    return dict(feedback, token=insights.form_token(_comment_purpose(entry)), text=text,
                most=insights.COMMENT_MAX, keep_days=insights.KEEP_DAYS)


def answered_page(request, entry, state):
    """The FAQ page for one reader who just answered (``?feedback=<state>``),
    or None for a state that is not one (the shared page then answers)."""
    if state not in STATES:
        return None
    settings, urls = _context(request)
    feedback = {'heading': THANKS, 'message': STATES[state]}
    if state == 'no':
        feedback = _comment_box(entry, **feedback)
    return _html(render.faq_page(entry, settings, urls, feedback))


def _reader_post(request, settings, action):
    """``(form, result, None)`` once the form passed the checks every reader
    post passes and ``action(form)`` succeeded, else ``(form, None, Refused)``."""
    form = {}
    try:
        form = form_fields(request, FORM_LIMIT)
        insights.check_origin(request.headers, settings.site_url)
        insights.check_honeypot(form)
        return form, action(form), None
    except ValueError as error:                 # a body that is no form
        return form, None, insights.Refused(413 if 'large' in str(error) else 400,
                                            'invalid', str(error))
    except insights.Refused as refused:
        return form, None, refused


def post(request, slug):
    """``POST /faq/{slug}/feedback``: a Yes or No, or the comment after a No."""
    settings, urls = _context(request)
    entry = get_repository().get_by_slug(slug) if is_valid_slug(slug) else None
    if entry is None or not entry.is_published:
        return _html(render.not_found_page(settings, urls), 404)

    def answer(form):
        address = client_address(request)
        if 'helpful' in form:
            if form['helpful'] not in ('yes', 'no'):
                raise insights.Refused(400, 'invalid', 'Answer with Yes or No.')
            insights.vote(address, entry.id, form['helpful'] == 'yes')
            return form['helpful']
        insights.check_token(form.get('token'), _comment_purpose(entry))
        return 'sent' if insights.comment(address, entry.id, form.get('comment')) else 'done'
    form, state, refused = _reader_post(request, settings, answer)
    if refused is None:
        return _see_other(urls.link(urls.faq(entry.slug), feedback=state) + '#feedback')
    feedback = {'heading': THANKS if refused.code in _FINAL else 'Not sent',
                'message': str(refused), 'alert': refused.code not in _FINAL}
    if 'helpful' not in form and refused.code not in _FINAL:
        feedback = _comment_box(entry, str(form.get('comment', ''))[:2000], **feedback)
    return _html(render.faq_page(entry, settings, urls, feedback), refused.status,
                 refused.retry_after)


# -- Ask a question --------------------------------------------------------------

def _ask(request, status=200, form=None, error=None, searched='', from_page='',
         retry_after=None):
    settings, urls = _context(request)
    body = render.ask_page(
        settings, urls, sent=False, form=form or {}, error=error,
        token=insights.form_token('ask'), searched=searched,
        from_page=from_page if is_valid_slug(from_page) else '',
        least=insights.QUESTION_MIN, most=insights.QUESTION_MAX,
        email_most=insights.EMAIL_MAX, keep_days=insights.KEEP_DAYS)
    return _html(body, status, retry_after)


def _searched(value):
    return ' '.join(str(value or '').split())[:insights.MAX_QUERY]


def ask_form(request):
    """``GET /ask``: the form (``?q=`` after a search, ``?faq=`` from a FAQ
    page), or its thanks (``?sent=1``)."""
    params = request.query_params or {}
    if params.get('sent'):
        settings, urls = _context(request)
        return _html(render.ask_page(settings, urls, sent=True))
    return _ask(request, searched=_searched(params.get('q')),
                from_page=str(params.get('faq', '')))


def ask(request):
    """``POST /ask``: a question for the editors' inbox."""
    settings, urls = _context(request)

    def send(form):
        insights.check_token(form.get('token'), 'ask')
        return insights.ask(client_address(request), form.get('question'), form.get('email'),
                            insights.source_of(form.get('searched'), form.get('page')))
    form, _, refused = _reader_post(request, settings, send)
    if refused is None:
        return _see_other(urls.link('/ask', sent=1))
    kept = {'question': str(form.get('question', ''))[:2000],
            'email': str(form.get('email', ''))[:300]}
    return _ask(request, refused.status, kept, str(refused), _searched(form.get('searched')),
                str(form.get('page', '')), refused.retry_after)
