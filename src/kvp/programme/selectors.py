from __future__ import annotations

from kvp.programme.models import Rate
from kvp.rules.benefit import Dated, RateTable


def rate_table() -> RateTable:
    """The administrators' dated rates, as the benefit rules read them."""
    series: dict[str, list[Dated]] = {choice: [] for choice in Rate.Series.values}
    for rate in Rate.objects.order_by("valid_from"):
        series[rate.series].append(Dated(rate.valid_from, rate.value))
    return RateTable(**{name: tuple(rows) for name, rows in series.items()})
