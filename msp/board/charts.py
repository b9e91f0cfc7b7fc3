"""Server-drawn, accessible bar charts.

Each chart is an inline SVG with ``role="img"``, named by the heading above it
and described by a ``<desc>`` that lists every figure, with the same figures
in a table beside it. Bars are drawn from the protected figures only: a hidden
figure (``[c]``) is a gap with its label, never a bar of its true length. A
second set of bars is hatched and outlined, and named in a key, so nothing
depends on colour. Colours and text size come from classes in
``msp/assets/app.scss`` (the CSP forbids style attributes); sizes are SVG
attributes. The chart has no ``viewBox``: it is as wide as its column and its
text stays the same size whatever the width.
"""

import textwrap
from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from msp.board.disclosure import Cell
from msp.board.report import Figure, Series

LINE = 22  # height of one line of label text
BAR = 22  # height of one bar
BAR_GAP = 6  # between bars of one category
CATEGORY_GAP = 14  # between categories
LEGEND = 34  # height of the key, when there is more than one series
LONGEST_BAR = 75  # percentage of the width: the rest leaves room for the figure
WRAP_AT = 40  # characters per line of a category label


def _describe(figure: Figure) -> str:
    parts = []
    for i, category in enumerate(figure.categories):
        values = "; ".join(
            f"{s.name} {s.cells[i].shown}" if len(figure.series) > 1 else s.cells[i].shown
            for s in figure.series
        )
        parts.append(f"{category}: {values}")
    hidden = ""
    if any(c.suppressed for s in figure.series for c in s.cells):
        hidden = " [c] means the figure is hidden to protect people's privacy."
    names = " and ".join(s.name.lower() for s in figure.series)
    return f"Bar chart of {names}. {'. '.join(parts)}.{hidden}"


def _bar(
    chart_id: str, series: Sequence[Series], series_index: int, cell: Cell, y: int, largest: int
) -> SafeString:
    rounded = cell.rounded
    text_y = y + BAR - 6
    if rounded is None or rounded == 0:
        # A hidden figure is a labelled gap; zero has no bar either. With no
        # bar to show its pattern, the label names its series.
        css = "msp-chart__value msp-chart__value--hidden" if rounded is None else "msp-chart__value"
        label = cell.shown
        if len(series) > 1:
            label = f"{series[series_index].name}: {label}"
        return format_html('<text class="{}" x="0" y="{}">{}</text>', css, text_y, label)
    width = round(LONGEST_BAR * rounded / largest, 2)
    if series_index == 0:
        bar = format_html(
            '<rect class="msp-chart__bar" x="0" y="{}" width="{}%" height="{}"></rect>',
            y,
            width,
            BAR,
        )
    else:
        bar = format_html(
            '<rect class="msp-chart__hatched-bar" x="1" y="{}" width="{}%" '
            'height="{}" fill="url(#{}-hatch)"></rect>',
            y + 1,
            width,
            BAR - 2,
            chart_id,
        )
    text = format_html(
        '<text class="msp-chart__value" x="{}%" dx="6" y="{}">{}</text>', width, text_y, cell.shown
    )
    return bar + text


def _legend(chart_id: str, series: Sequence[Series]) -> tuple[list[SafeString], int]:
    if len(series) < 2:
        return [], 0
    parts = []
    x = 0
    for i, s in enumerate(series):
        if i == 0:
            swatch = format_html(
                '<rect class="msp-chart__bar" x="{}" y="4" width="20" height="20"></rect>', x
            )
        else:
            swatch = format_html(
                '<rect class="msp-chart__hatched-bar" x="{}" y="5" width="18" '
                'height="18" fill="url(#{}-hatch)"></rect>',
                x + 1,
                chart_id,
            )
        parts.append(swatch)
        parts.append(
            format_html('<text class="msp-chart__label" x="{}" y="20">{}</text>', x + 28, s.name)
        )
        x += 28 + 9 * len(s.name) + 24
    return parts, LEGEND


def bar_chart(figure: Figure) -> SafeString:
    """The figure's chart as inline SVG, or an empty string if it has none."""
    if not figure.has_chart:
        return mark_safe("")
    chart_id = f"chart-{figure.key}"
    largest = max(
        (c.rounded or 0 for s in figure.series for c in s.cells),
        default=0,
    )
    largest = max(largest, 1)
    body, y = _legend(chart_id, figure.series)
    for i, category in enumerate(figure.categories):
        for line in textwrap.wrap(category, WRAP_AT) or [""]:
            y += LINE
            body.append(
                format_html('<text class="msp-chart__label" x="0" y="{}">{}</text>', y - 5, line)
            )
        y += 4
        for si, s in enumerate(figure.series):
            body.append(_bar(chart_id, figure.series, si, s.cells[i], y, largest))
            y += BAR + BAR_GAP
        y += CATEGORY_GAP - BAR_GAP
    defs = ""
    if len(figure.series) > 1:
        defs = format_html(
            '<defs><pattern id="{}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)">'
            '<line class="msp-chart__hatch" x1="0" y1="0" x2="0" y2="8" stroke-width="4"></line>'
            "</pattern></defs>",
            chart_id,
        )
    # Named by the figure's heading (the page puts it just above, with the
    # figure's key as its id); the description lists every figure. An SVG
    # <title> is not used: it would read as a second page title to simple tools.
    head = format_html(
        '<svg class="msp-chart" id="{}" role="img" aria-labelledby="{}" aria-describedby="{}-desc" '
        'width="100%" height="{}" xmlns="http://www.w3.org/2000/svg">'
        '<desc id="{}-desc">{}</desc>',
        chart_id,
        figure.key,
        chart_id,
        y,
        chart_id,
        _describe(figure),
    )
    return mark_safe(head + defs + "".join(body) + "</svg>")  # noqa: S308 - parts escaped above
