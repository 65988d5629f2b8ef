"""The Insights tables as CSV, for a spreadsheet.

Queries and comments are readers' text: a cell that a spreadsheet would
read as a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return
first) gets a leading apostrophe, as OWASP advises against CSV injection.
"""
import csv
import io

from . import report

TABLES = {
    'daily-searches': ('searches per day', ('day', 'with results', 'without results')),
    'top-searches': ('top searches', ('query', 'searches', 'with results', 'without results')),
    'no-results': ('top searches without results', ('query', 'without results',
                                                   'with results')),
    'helpfulness': ('FAQs by helpfulness', ('faq id', 'title', 'yes', 'no', 'helpful %',
                                            'recent comments')),
}


def _rows(name, days, min_votes, now):
    if name == 'helpfulness':
        data = report.helpfulness(days, min_votes, now)
        return [(i['id'], i['title'], i['yes'], i['no'], i['helpful_percent'],
                 ' | '.join(c['text'] for c in i['comments'])) for i in data['items']]
    data = report.search_figures(days, now)
    if name == 'daily-searches':
        return [(d['day'], d['found'], d['missed']) for d in data['daily']]
    if name == 'top-searches':
        return [(t['query'], t['searches'], t['found'], t['missed']) for t in data['top']]
    return [(t['query'], t['missed'], t['found']) for t in data['no_results']]


def _cell(value):
    text = str(value)
    return "'" + text if text[:1] in ('=', '+', '-', '@', '\t', '\r') else text


def table(name, days, min_votes=report.DEFAULT_MIN_VOTES, now=None):
    """``(file name, CSV text)`` of one table; KeyError for an unknown name."""
    _, header = TABLES[name]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\r\n')
    writer.writerow(header)
    for row in _rows(name, days, min_votes, now):
        writer.writerow([_cell(v) for v in row])
    return 'insights-%s-%dd.csv' % (name, days), out.getvalue()
