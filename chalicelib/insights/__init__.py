"""Learning from readers: "Was this helpful?", the search log, readers'
questions, and the Insights screen built from them.

* :mod:`.searches`: every search the site answers, counted per day and
  normalised query, with results or without, batched per instance (on
  every search's path, so small and loaded with the site);
* :mod:`.abuse`: the rules every reader form passes (origin, honeypot, fill
  time) and the keyed hash addresses are counted under, never stored;
* :mod:`.readers`: votes, comments and questions, their limits and how
  long they are kept;
* :mod:`.report`, :mod:`.chart`, :mod:`.export`: the Insights screen's
  figures, its SVG chart and CSV tables, for editors.

The site, the WordPress API and the admin use this package through its
front door (``chalicelib.insights``); it keeps its records through the
store's (:mod:`chalicelib.store`, ``readers`` and ``searchlog``).  Names
from the modules readers' forms and editors use load on first use, so that
a cold start that serves pages imports only :mod:`.searches`.
"""
from ..lazy import names_on_first_use
from .searches import (MAX_QUERY, flush as flush_searches, forget as forget_searches,  # noqa: F401
                       log_search, normalise)

ON_FIRST_USE = {
    'abuse': ('HONEYPOT', 'MIN_FILL_SECONDS', 'Refused', 'check_honeypot', 'check_origin',
              'check_token', 'form_token', 'forget_secrets'),
    'readers': ('COMMENT_MAX', 'EMAIL_MAX', 'KEEP_DAYS', 'QUESTION_MAX', 'QUESTION_MIN',
                'ask', 'comment', 'source_of', 'vote'),
    'report': ('DEFAULT_MIN_VOTES', 'DEFAULT_RANGE', 'MIN_VOTES', 'RANGES', 'close_question',
               'helpfulness', 'inbox', 'keep_comment', 'open_question', 'open_questions',
               'search_figures'),
    'chart': ('searches_svg',),
    'export': ('TABLES', 'table'),
}
__getattr__, _LATER = names_on_first_use(__name__, ON_FIRST_USE, globals())
__all__ = _LATER + ['MAX_QUERY', 'flush_searches', 'forget_searches', 'log_search', 'normalise']
