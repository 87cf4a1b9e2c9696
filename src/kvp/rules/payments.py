"""Payment periods and overpayment offset (S3, S21: paid in arrears; each municipality decides
when and how, S3/S21; an overpayment may be offset in later payments, S3)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from itertools import pairwise

from kvp.rules.benefit import Span
from kvp.rules.dates import add_months


class Schedule(StrEnum):
    MONTHLY = "monthly"
    BIWEEKLY = "biweekly"  # every 14 days from the office's anchor date


def payment_periods(
    *, schedule: Schedule, start: datetime.date, end: datetime.date, anchor: datetime.date
) -> list[Span]:
    """The payment periods covering `start`..`end`, clipped to it. Monthly periods are calendar months;
    biweekly periods run 14 days at a time from `anchor` (the office's first period start)."""
    if end < start:
        raise ValueError("the period ends before it starts")
    if schedule is Schedule.MONTHLY:
        first = start.replace(day=1)
        boundaries = [first]
        while boundaries[-1] <= end:
            boundaries.append(add_months(first, len(boundaries)))
    else:
        fortnight = datetime.timedelta(days=14)
        first = anchor + fortnight * ((start - anchor).days // 14)
        boundaries = [first]
        while boundaries[-1] <= end:
            boundaries.append(boundaries[-1] + fortnight)
    spans = []
    for period_start, next_start in pairwise(boundaries):
        clipped = Span(max(period_start, start), min(next_start - datetime.timedelta(days=1), end))
        if clipped.start <= clipped.end:
            spans.append(clipped)
    return spans


@dataclass(frozen=True)
class PaymentParameters:
    """[U] the share of a payment an earlier overpayment may take (S3 allows offsetting, not how much)."""

    max_offset_share: Decimal = Decimal("0.5")

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.max_offset_share <= Decimal(1):
            raise ValueError("the share must be between 0 and 1")


@dataclass(frozen=True)
class Offset:
    paid_ore: int
    offset_ore: int
    remaining_overpayment_ore: int


def offset_overpayment(*, due_ore: int, overpaid_ore: int, max_share: Decimal = Decimal("0.5")) -> Offset:
    """Take an earlier overpayment from a payment, at most `max_share` of it ([U]: the share is not in
    the sources; the default leaves the participant at least half, the office may configure it)."""
    if due_ore < 0 or overpaid_ore < 0 or not Decimal(0) <= max_share <= Decimal(1):
        raise ValueError("amounts must not be negative and the share must be between 0 and 1")
    limit = int((Decimal(due_ore) * max_share).to_integral_value(rounding=ROUND_DOWN))
    offset = min(limit, overpaid_ore)
    return Offset(paid_ore=due_ore - offset, offset_ore=offset, remaining_overpayment_ore=overpaid_ore - offset)
