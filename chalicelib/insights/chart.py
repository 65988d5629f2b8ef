"""Searches per day as a stacked bar chart: SVG drawn on the server, no script.

Each day is a bar, searches with results below, without above, each bar
carrying a ``<title>`` (a tooltip, and what a screen reader reads).  The
page shows the same figures as a table beside it, so nothing is only in
the picture.
"""
from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 12, 46
FOUND, MISSED = '#0b5cad', '#d9822b'


def _ceiling(value):
    """A round number at or above ``value`` for the top of the axis."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def searches_svg(daily, chart_id='searches-chart'):
    """The chart of ``[{'day', 'found', 'missed'}]``, oldest first."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _ceiling(max([d['found'] + d['missed'] for d in daily] + [1]))
    slot = plot_w / max(len(daily), 1)
    bar = max(slot * 0.7, 1)
    parts = [
        '<svg id="%s" class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" '
        'aria-labelledby="%s-title %s-desc" xmlns="http://www.w3.org/2000/svg">'
        % (chart_id, WIDTH, HEIGHT, WIDTH, HEIGHT, chart_id, chart_id),
        '<title id="%s-title">Searches per day</title>' % chart_id,
        '<desc id="%s-desc">%d searches from %s to %s: %d with results, %d without.</desc>' % (
            chart_id, sum(d['found'] + d['missed'] for d in daily),
            escape(daily[0]['day']) if daily else '', escape(daily[-1]['day']) if daily else '',
            sum(d['found'] for d in daily), sum(d['missed'] for d in daily))]
    for value in (0, top // 2, top) if top > 1 else (0, top):
        y = TOP + plot_h - plot_h * value / top
        parts.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#dde2e8"/>'
                     '<text x="%d" y="%.1f" font-size="11" text-anchor="end" fill="#5a6472">'
                     '%d</text>' % (LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, value))
    label_every = max(1, len(daily) // 6)
    for n, day in enumerate(daily):
        x = LEFT + n * slot + (slot - bar) / 2
        found_h = plot_h * day['found'] / top
        missed_h = plot_h * day['missed'] / top
        base = TOP + plot_h
        parts.append('<g><title>%s: %d with results, %d without</title>'
                     '<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>'
                     '<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/></g>' % (
                         escape(day['day']), day['found'], day['missed'],
                         x, base - found_h, bar, found_h, FOUND,
                         x, base - found_h - missed_h, bar, missed_h, MISSED))
        if n % label_every == 0 or n == len(daily) - 1:
            parts.append('<text x="%.1f" y="%d" font-size="11" text-anchor="middle" '
                         'fill="#5a6472">%s</text>' % (x + bar / 2, base + 16,
                                                        escape(day['day'][5:])))
    legend_y = HEIGHT - 10
    parts.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                 '<text x="%d" y="%d" font-size="12">with results</text>'
                 '<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                 '<text x="%d" y="%d" font-size="12">without results</text>' % (
                     LEFT, legend_y - 10, FOUND, LEFT + 18, legend_y,
                     LEFT + 130, legend_y - 10, MISSED, LEFT + 148, legend_y))
    parts.append('</svg>')
    return Markup(''.join(parts))
