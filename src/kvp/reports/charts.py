"""Server-side SVG charts (pygal) for the reports; each page shows the same numbers in a table."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pygal  # type: ignore[import-untyped]
from pygal.style import Style  # type: ignore[import-untyped]

# NAV's palette (Aksel): blue, orange, green, purple, red, grey; the last is for reference lines.
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    font_family="'Source Sans 3', Arial, sans-serif",
    colors=("#0067c5", "#c77300", "#06893a", "#634689", "#c30000", "#005b82", "#262626"),
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    title_font_size=16,
)

SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def line_chart(
    *, title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
    reference: tuple[str, float] | None = None,
) -> str:  # fmt: skip
    """An SVG line chart (no scripts) with one line per series and an optional dashed reference line."""
    chart = pygal.Line(
        style=STYLE, width=800, height=360, js=[], disable_xml_declaration=True, legend_at_bottom=True,
        show_dots=True, allow_interruptions=True, include_x_axis=True, explicit_size=False,
    )  # fmt: skip
    chart.title = title
    chart.x_labels = list(labels)
    for name, values in series:
        chart.add(name, list(values))
    if reference is not None:
        name, value = reference
        chart.add(name, [value] * len(labels), stroke_style={"dasharray": "6, 4", "width": 2}, show_dots=False)
    svg: str = chart.render(is_unicode=True)
    # pygal adds a configuration script for its optional JavaScript; the page uses none, so drop it.
    return SCRIPT.sub("", svg)
