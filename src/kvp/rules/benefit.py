"""Kvalifiseringsstønad for a period, line by line (sosialtjenesteloven §§ 35 and 38; S2, S3, S7).

The benefit is paid for each weekday (five days a week). For each day:
- the yearly rate is factor × G on that day (2 G until 30 June 2024, 2.041 G from 1 July 2024; S7),
  and 2/3 of it before the 25th birthday (S2) unless the decision gives the full rate;
- the daily rate is the yearly rate / `days_per_year` (260 by default, as NAV's ungdomsprogramytelse:
  **[U]** for KVP), rounded half up to whole øre. This is the only rounding: everything else is
  whole øre times whole days, so a period split in two gives the same total;
- the child supplement is the day's rate per child under the age limit (barnetillegg, S4/S8/S9);
- benefits the law names (§ 38: dagpenger, sykepenger, foreldrepenger) and work income or
  apprentice pay reduce the day's amount krone for krone (S3, S11), never below zero; the
  benefits the law excludes (bostøtte, barnetrygd, Lånekassen, …) are listed but do not reduce;
- an interruption (avbrudd) or absence without benefit gives nothing (S3, S1);
- a day of unexcused absence withholds the day's rate (the deduction, see absence.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import groupby

from kvp.rules.dates import birthday

DAY = datetime.timedelta(days=1)


class UnknownRateDateError(ValueError):
    """No rate is known for the date: an administrator must add the dated row first."""

    def __init__(self, series: str, day: datetime.date) -> None:
        super().__init__(f"no {series} known for {day.isoformat()}")
        self.series = series
        self.day = day


@dataclass(frozen=True)
class Dated:
    """A value valid from a date until the next row of the same series."""

    valid_from: datetime.date
    value: Decimal


@dataclass(frozen=True)
class RateTable:
    """The dated rates, as administrators keep them (seeded from S7, S8, S10)."""

    base_amounts: Sequence[Dated]  # grunnbeløpet (G) in kroner, adjusted each 1 May (S10)
    factors: Sequence[Dated]  # yearly rate as a multiple of G (S7)
    child_supplements: Sequence[Dated]  # kroner per child per weekday (S9, dates [U] for KVP)

    def on(self, series: str, day: datetime.date) -> Decimal:
        rows: Sequence[Dated] = getattr(self, series)
        current = [row for row in rows if row.valid_from <= day]
        if not current:
            raise UnknownRateDateError(series, day)
        return max(current, key=lambda row: row.valid_from).value


@dataclass(frozen=True)
class BenefitParameters:
    """Open assumptions [U], with their documented defaults; offices may configure them."""

    days_per_year: int = 260  # [U] yearly rate / 260 = daily rate (as NAV's ungdomsprogramytelse)
    under_25_fraction: Decimal = Decimal(2) / Decimal(3)  # S2, S7: 2/3 of the full rate before age 25
    full_rate_age: int = 25  # S2: the full rate from the 25th birthday [U: from the day itself]
    child_age_limit: int = 18  # [U] supplement until the child turns 18
    # [U] before this date no supplement for a child with income above 1 G (S8: dropped "since 2024")
    child_income_test_until: datetime.date = datetime.date(2024, 1, 1)
    # [U] whether a day of unexcused absence also withholds the child supplement (S3: "correspondingly")
    deduction_includes_child_supplement: bool = False


class IncomeKind(StrEnum):
    DAGPENGER = "dagpenger"
    SYKEPENGER = "sykepenger"
    FORELDREPENGER = "foreldrepenger"
    WORK_INCOME = "work_income"
    APPRENTICE_PAY = "apprentice_pay"
    BOSTOTTE = "bostotte"
    BARNEBIDRAG = "barnebidrag"
    BARNETRYGD = "barnetrygd"
    KONTANTSTOTTE = "kontantstotte"
    ENGANGSSTONAD = "engangsstonad"
    TILLEGGSSTONADER = "tilleggsstonader"
    LANEKASSEN = "lanekassen"


# § 38 (exhaustive list per the directorate, 12.7.2018, S11) plus work income and apprentice pay (S3).
REDUCING = frozenset(
    {
        IncomeKind.DAGPENGER,
        IncomeKind.SYKEPENGER,
        IncomeKind.FORELDREPENGER,
        IncomeKind.WORK_INCOME,
        IncomeKind.APPRENTICE_PAY,
    }
)


@dataclass(frozen=True)
class Child:
    birth_date: datetime.date
    income_above_base_amount: bool = False  # above 1 G: no supplement before the 2024 change (S8)


@dataclass(frozen=True)
class OtherIncome:
    """Another income or benefit on weekdays from `start` to `end`, as an amount per weekday in øre."""

    kind: IncomeKind
    start: datetime.date
    end: datetime.date
    per_weekday_ore: int


@dataclass(frozen=True)
class Span:
    """Inclusive dates, e.g. an interruption or a day of unexcused absence."""

    start: datetime.date
    end: datetime.date

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Person:
    birth_date: datetime.date
    children: tuple[Child, ...] = ()
    full_rate_under_25: bool = False  # [U] e.g. own home with real housing costs (S14, Bergen)


class DayKind(StrEnum):
    PAID = "paid"
    INTERRUPTION = "interruption"
    DEDUCTION = "deduction"


@dataclass(frozen=True)
class DayRates:
    """Everything that decides one weekday's amount; days with equal rates make one line."""

    kind: DayKind
    base_amount: Decimal
    factor: Decimal
    full_rate: bool
    daily_rate_ore: int
    children: int
    child_supplement_ore: int  # per child
    reductions_ore: tuple[tuple[IncomeKind, int], ...]

    @property
    def gross_ore(self) -> int:
        if self.kind is DayKind.INTERRUPTION:
            return 0
        return self.daily_rate_ore + self.children * self.child_supplement_ore

    def amount_ore(self, parameters: BenefitParameters) -> int:
        gross = self.gross_ore
        if self.kind is DayKind.DEDUCTION:
            withheld = gross if parameters.deduction_includes_child_supplement else self.daily_rate_ore
            gross -= withheld
        return max(0, gross - sum(amount for _kind, amount in self.reductions_ore))


@dataclass(frozen=True)
class Line:
    """A stretch of weekdays with the same rates: what a participant sees on their statement."""

    start: datetime.date
    end: datetime.date
    weekdays: int
    rates: DayRates
    amount_ore: int

    @property
    def reduction_ore(self) -> int:
        return self.weekdays * sum(amount for _kind, amount in self.rates.reductions_ore)


@dataclass(frozen=True)
class Statement:
    start: datetime.date
    end: datetime.date
    lines: tuple[Line, ...]
    not_reducing: tuple[IncomeKind, ...] = field(default=())

    @property
    def total_ore(self) -> int:
        return sum(line.amount_ore for line in self.lines)


def yearly_rate(*, rates: RateTable, day: datetime.date, full_rate: bool, parameters: BenefitParameters) -> Decimal:
    """Factor × G on the day, times 2/3 before the full-rate age (S2, S7), in kroner, unrounded."""
    amount = rates.on("factors", day) * rates.on("base_amounts", day)
    return amount if full_rate else amount * parameters.under_25_fraction


def daily_rate_ore(yearly_kroner: Decimal, parameters: BenefitParameters) -> int:
    """The one rounding: yearly rate / days per year, half up to whole øre."""
    return int((yearly_kroner * 100 / parameters.days_per_year).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def benefit_statement(
    *,
    person: Person,
    start: datetime.date,
    end: datetime.date,
    rates: RateTable,
    parameters: BenefitParameters | None = None,
    interruptions: Iterable[Span] = (),
    deductions: Iterable[Span] = (),
    other_income: Iterable[OtherIncome] = (),
) -> Statement:
    """The benefit for the weekdays from `start` to `end` (inclusive), one line per change of rates."""
    if end < start:
        raise ValueError("the period ends before it starts")
    parameters = parameters or BenefitParameters()
    interruptions, deductions, other_income = tuple(interruptions), tuple(deductions), tuple(other_income)
    days = [
        (day, _day_rates(day, person, rates, parameters, interruptions, deductions, other_income))
        for day in weekdays(start, end)
    ]
    lines = []
    for day_rates, group in groupby(days, key=lambda item: item[1]):
        dates = [day for day, _rates in group]
        lines.append(
            Line(
                start=dates[0],
                end=dates[-1],
                weekdays=len(dates),
                rates=day_rates,
                amount_ore=len(dates) * day_rates.amount_ore(parameters),
            )
        )
    not_reducing = tuple(sorted({income.kind for income in other_income if income.kind not in REDUCING}))
    return Statement(start=start, end=end, lines=tuple(lines), not_reducing=not_reducing)


def weekdays(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    day = start
    while day <= end:
        if day.weekday() < 5:
            yield day
        day += DAY


def _day_rates(
    day: datetime.date,
    person: Person,
    rates: RateTable,
    parameters: BenefitParameters,
    interruptions: tuple[Span, ...],
    deductions: tuple[Span, ...],
    other_income: tuple[OtherIncome, ...],
) -> DayRates:
    full_rate = person.full_rate_under_25 or day >= birthday(person.birth_date, parameters.full_rate_age)
    kind = DayKind.PAID
    if any(day in span for span in interruptions):
        kind = DayKind.INTERRUPTION
    elif any(day in span for span in deductions):
        kind = DayKind.DEDUCTION
    reductions: dict[IncomeKind, int] = {}
    for income in other_income:
        if income.kind in REDUCING and income.start <= day <= income.end and kind is not DayKind.INTERRUPTION:
            reductions[income.kind] = reductions.get(income.kind, 0) + income.per_weekday_ore
    children = sum(1 for child in person.children if _supplement_for(child, day, parameters))
    return DayRates(
        kind=kind,
        base_amount=rates.on("base_amounts", day),
        factor=rates.on("factors", day),
        full_rate=full_rate,
        daily_rate_ore=daily_rate_ore(
            yearly_rate(rates=rates, day=day, full_rate=full_rate, parameters=parameters), parameters
        ),
        children=children,
        child_supplement_ore=int(rates.on("child_supplements", day) * 100) if children else 0,
        reductions_ore=tuple(sorted(reductions.items())),
    )


def _supplement_for(child: Child, day: datetime.date, parameters: BenefitParameters) -> bool:
    if not child.birth_date <= day < birthday(child.birth_date, parameters.child_age_limit):
        return False
    return not (child.income_above_base_amount and day < parameters.child_income_test_until)
