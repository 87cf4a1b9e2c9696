"""Calendar arithmetic the rules share."""

from __future__ import annotations

import calendar
import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same date `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the last day of that month if it is shorter (31 Aug + 6 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def birthday(birth_date: datetime.date, age: int) -> datetime.date:
    """The day a person turns `age`; someone born 29 February turns a year older on 1 March."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return datetime.date(birth_date.year + age, 3, 1)


def month_of(day: datetime.date) -> datetime.date:
    """The month a day belongs to, as its first day (how reports group by month)."""
    return day.replace(day=1)


def months_back(today: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the last `count` months up to and including today's, oldest first."""
    if count < 1:
        raise ValueError("count must be at least 1")
    current = month_of(today)
    return [add_months(current, -offset) for offset in range(count - 1, -1, -1)]
