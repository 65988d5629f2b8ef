"""Insights for editors (``/admin/insights``) and the same figures as JSON
(``/admin/api/insights/...``, in ``admin/openapi.json``).

What readers searched for and did not find, which answers they found
unhelpful and why, and the questions they sent (the inbox).  The figures
are :mod:`chalicelib.insights`' (its :mod:`~chalicelib.insights.report`
says what each range reads); here they are shown, exported as CSV and
acted on: "Write an FAQ for this" and "Turn into FAQ" open the new-draft
editor with the title filled in (a question leaves the inbox, e-mail
address and all, when that draft is saved), "Dismiss" closes a question,
"Keep" keeps a comment beyond its 90 days.
"""
from chalice import Response

from .. import insights
from .api import BadRequest, api_errors, json_response
from .html import page, redirect


def _choice(params, name, choices, default, strict):
    """A whole number from ``choices``; a wrong one is a 400 for the API
    (``strict``) and the default for a screen."""
    raw = params.get(name)
    if raw is None:
        return default
    if raw.isascii() and raw.isdigit() and int(raw) in choices:
        return int(raw)
    if strict:
        raise BadRequest('%s must be one of %s.' % (name, ', '.join(map(str, choices))))
    return default


def _range(params, strict=False):
    return _choice(params, 'days', insights.RANGES, insights.DEFAULT_RANGE, strict)


def _min_votes(params, strict=False):
    return _choice(params, 'min_votes', insights.MIN_VOTES, insights.DEFAULT_MIN_VOTES, strict)


# -- screens ----------------------------------------------------------------------------

def screen(request):
    """``GET /admin/insights``: searches, helpfulness and the inbox's count."""
    params = request.query_params or {}
    days, min_votes = _range(params), _min_votes(params)
    searches = insights.search_figures(days)
    return page(request, 'insights.html', days=days, min_votes=min_votes,
                ranges=insights.RANGES, vote_minimums=insights.MIN_VOTES,
                searches=searches, chart=insights.searches_svg(searches['daily']),
                helpfulness=insights.helpfulness(days, min_votes),
                open_questions=insights.open_questions(), tables=insights.TABLES,
                done=params.get('done'))


def inbox(request):
    """``GET /admin/insights/questions``: readers' open questions."""
    params = request.query_params or {}
    return page(request, 'questions.html', inbox=insights.inbox(),
                keep_days=insights.KEEP_DAYS, done=params.get('done'))


def dismiss(request, question_id):
    if not insights.close_question(question_id):
        return page(request, 'message.html', 404, heading='Not found',
                    message='There is no such open question: it may have been dismissed '
                            'or turned into a FAQ already.')
    return redirect(request, '/admin/insights/questions', done='dismissed')


def keep(request, comment_id):
    if not insights.keep_comment(comment_id):
        return page(request, 'message.html', 404, heading='Not found',
                    message='There is no such comment: it may have expired.')
    params = request.query_params or {}
    return redirect(request, '/admin/insights', days=_range(params),
                    min_votes=_min_votes(params), done='kept')


def export(request, table):
    """``GET /admin/insights/export/{table}``: one table of the screen as CSV."""
    if table not in insights.TABLES:
        return page(request, 'message.html', 404, heading='Not found',
                    message='There is no such table to export.')
    params = request.query_params or {}
    name, text = insights.table(table, _range(params), _min_votes(params))
    return Response(body=text, status_code=200, headers={
        'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store',
        'Content-Disposition': 'attachment; filename="%s"' % name})


# -- the JSON API ---------------------------------------------------------------------

@api_errors
def api_searches(request):
    return json_response(insights.search_figures(_range(request.query_params or {}, True)))


@api_errors
def api_helpfulness(request):
    params = request.query_params or {}
    return json_response(insights.helpfulness(_range(params, True), _min_votes(params, True)))


@api_errors
def api_questions(request):
    return json_response(insights.inbox())


def _done_or_missing(done, what):
    if not done:
        raise BadRequest('There is no such %s.' % what, 404, 'not_found')
    return Response(body='', status_code=204, headers={'Cache-Control': 'no-store'})


@api_errors
def api_dismiss(request, question_id):
    return _done_or_missing(insights.close_question(question_id), 'open question')


@api_errors
def api_keep(request, comment_id):
    return _done_or_missing(insights.keep_comment(comment_id), 'comment')
