"""The scores-over-time chart on the participant page: a pygal SVG, drawn on the server, with no scripts.
The page shows the same numbers in a table beside it for screen readers."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pygal  # type: ignore[import-untyped]
from pygal.style import Style  # type: ignore[import-untyped]

# NAV's palette (Aksel); each need keeps its colour and gets its own dot shape through the legend order.
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    font_family="'Source Sans 3', Arial, sans-serif",
    colors=("#0067c5", "#c77300", "#06893a", "#634689", "#707070"),
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
)
SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def scores_chart(
    *, dates: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], low: int, high: int
) -> str:
    """An SVG line chart of scores per need (one line each) over the check-ins' dates."""
    chart = pygal.Line(
        style=STYLE,
        width=720,
        height=320,
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        show_dots=True,
        dots_size=4,
        allow_interruptions=True,
        explicit_size=False,
        range=(low, high),
        y_labels=list(range(low, high + 1)),
        truncate_legend=-1,
    )
    chart.x_labels = list(dates)
    for name, values in series:
        chart.add(name, list(values))
    svg: str = chart.render(is_unicode=True)
    return SCRIPT.sub("", svg)  # pygal's config script: not needed, and the page runs no inline scripts
