"""Casework deadlines: the appeal deadline and the interim notice (fvl. §§ 11 a, 29; S13)."""

from __future__ import annotations

import datetime
from functools import cache

import holidays

from kvp.rules.dates import add_months

APPEAL_PERIOD = datetime.timedelta(weeks=3)  # forvaltningsloven § 29: three weeks from receipt (S13)
INTERIM_NOTICE_MONTHS = 1  # forvaltningsloven § 11 a: notice if no decision within one month (S13)


@cache
def _public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NO", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def appeal_deadline(received: datetime.date) -> datetime.date:
    """The last day to appeal a decision received on `received`. A deadline that ends on a Saturday,
    Sunday or public holiday moves to the next working day (forvaltningsloven § 30 with domstolloven
    § 149 second ledd)."""
    return next_working_day(received + APPEAL_PERIOD)


def interim_notice_due(application_received: datetime.date) -> datetime.date:
    """The date by which a decision or a written interim notice is due (forvaltningsloven § 11 a)."""
    return add_months(application_received, INTERIM_NOTICE_MONTHS)


def needs_interim_notice(
    *, application_received: datetime.date, today: datetime.date, decided: bool, notice_sent: bool
) -> bool:
    return not decided and not notice_sent and today >= interim_notice_due(application_received)
