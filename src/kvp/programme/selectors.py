from __future__ import annotations

import datetime

from django.db.models import Max

from kvp.programme.models import Decision, Payment, Rate
from kvp.rules.benefit import Dated, RateTable


def rate_table() -> RateTable:
    """The administrators' dated rates, as the benefit rules read them."""
    series: dict[str, list[Dated]] = {choice: [] for choice in Rate.Series.values}
    for rate in Rate.objects.order_by("valid_from"):
        series[rate.series].append(Dated(rate.valid_from, rate.value))
    return RateTable(**{name: tuple(rows) for name, rows in series.items()})


def settled_until(office_id: int | None) -> datetime.date | None:
    """The last day an approved payment or a sent decision letter rests on, at the office (None: at any office).
    A new rule parameter value may only take effect after it (kvp.parameters.services)."""
    payments = Payment.objects.all()
    decisions = Decision.objects.filter(status=Decision.Status.APPROVED)
    if office_id is not None:
        payments = payments.filter(case__participant__office_id=office_id)
        decisions = decisions.filter(case__participant__office_id=office_id)
    days = [
        payments.aggregate(last=Max("period_end"))["last"],
        decisions.aggregate(last=Max("decided_on"))["last"],
    ]
    return max((day for day in days if day is not None), default=None)
