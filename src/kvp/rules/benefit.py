"""Kvalifiseringsstønad for a period, line by line (sosialtjenesteloven §§ 35 and 38; S2, S3, S7).

The benefit is paid for each weekday (five days a week). For each day:
- the yearly rate is factor × G on that day (2 G until 30 June 2024, 2.041 G from 1 July 2024; S7),
  and 2/3 of it before the 25th birthday (S2) unless the decision gives the full rate;
- the daily rate is the yearly rate / `days_per_year` (260 by default, as NAV's ungdomsprogramytelse:
  **[U]** for KVP), rounded half up to whole øre. This is the only rounding: everything else is
  whole øre times whole days, so a period split in two gives the same total;
- the child supplement is the day's rate per child under the age limit (barnetillegg, S4/S8/S9);
- the benefits § 38 names (dagpenger, sykepenger, foreldrepenger; an exhaustive list, S11) reduce the
  day's amount krone for krone, never below zero; the benefits the law excludes (bostøtte, barnetrygd,
  Lånekassen, …) are listed but do not reduce;
- work income and apprentice pay are not in § 38: they reduce the benefit by NAV's guidance (S3), by the
  method `work_income_method` names — krone for krone, or in proportion to the hours worked against a
  full-time week (the older guidance, S4) — and, by `work_income_reduces_child_supplement`, from the child
  supplement too or only from the daily rate. Which method applies today is [U];
- an interruption (avbrudd) or absence without benefit gives nothing (S3, S1), and nothing is paid from
  the 67th birthday (`age_limit`, [U]: the end of working age in § 29, S2; the programme lasts only while
  § 29 is met, S1). Someone born 29 February turns a year older on 1 March in a common year (dates.birthday);
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


class WorkIncomeMethod(StrEnum):
    """How work income and apprentice pay reduce the benefit (not § 38; S3, S4, [U])."""

    KRONE_FOR_KRONE = "krone_for_krone"  # the day's income off the day's benefit
    HOURS_WORKED = "hours_worked"  # the day's benefit × hours worked a week / full-time hours a week (S4)


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
    # [U] no benefit from this birthday on: the programme is for people of working age (sotjl. § 29, "yrkesaktiv
    # alder", 18-67, S2), and since 2019 it lasts only while § 29's conditions are met (S1); turning 67 ends them
    age_limit: int = 67
    # [U] S3 says work income reduces the benefit, not how; S4 (older) says by the hours worked. The default
    # keeps the method used so far, so that no earlier period changes; an office's change is a dated value.
    work_income_method: WorkIncomeMethod = WorkIncomeMethod.KRONE_FOR_KRONE
    # [U] S4: the reduction for work "also touches" the child supplement; False: it takes only the daily rate
    work_income_reduces_child_supplement: bool = True
    # S4 (older): paid work up to this share of a full-time week may be combined with the programme
    work_limit_share: Decimal = Decimal("0.5")

    def __post_init__(self) -> None:
        if not Decimal(0) < self.work_limit_share <= Decimal(1):
            raise ValueError("the work limit must be a share above 0 and at most 1")
        if not 0 < self.full_rate_age < self.age_limit:
            raise ValueError("the age limit must be above the full-rate age")

    def last_paid_day(self, birth_date: datetime.date) -> datetime.date:
        """The day before the birthday `age_limit`: the last day a programme and its benefit can run."""
        return birthday(birth_date, self.age_limit) - DAY


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


# § 38, krone for krone (an exhaustive list per the directorate, 12.7.2018, S11).
LAW_REDUCING = frozenset({IncomeKind.DAGPENGER, IncomeKind.SYKEPENGER, IncomeKind.FORELDREPENGER})
# Not in § 38: they reduce by NAV's guidance, by BenefitParameters.work_income_method (S3, S4).
WORK_KINDS = frozenset({IncomeKind.WORK_INCOME, IncomeKind.APPRENTICE_PAY})
REDUCING = LAW_REDUCING | WORK_KINDS
FULL_TIME_HOURS = Decimal("37.5")  # forskrift § 1 third paragraph (S5); the plan rules' parameter by default


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
    hours_per_week: Decimal | None = None  # paid work: the hours worked a week (the hours method, S4)


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
    AGE_LIMIT = "age_limit"  # on or after the birthday BenefitParameters.age_limit: nothing is paid


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
        if self.kind in {DayKind.INTERRUPTION, DayKind.AGE_LIMIT}:
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
    full_time_hours: Decimal = FULL_TIME_HOURS,
) -> Statement:
    """The benefit for the weekdays from `start` to `end` (inclusive), one line per change of rates.
    `full_time_hours` is the full-time week the hours method measures hours worked against."""
    if end < start:
        raise ValueError("the period ends before it starts")
    parameters = parameters or BenefitParameters()
    interruptions, deductions, other_income = tuple(interruptions), tuple(deductions), tuple(other_income)
    incomes = _Incomes(other_income, parameters, full_time_hours)
    days = [
        (day, _day_rates(day, person, rates, parameters, interruptions, deductions, incomes))
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


@dataclass(frozen=True)
class _Incomes:
    items: tuple[OtherIncome, ...]
    parameters: BenefitParameters
    full_time_hours: Decimal

    def reductions(self, day: datetime.date, *, daily_rate_ore: int, supplements_ore: int) -> dict[IncomeKind, int]:
        """What each reducing kind takes from the day: § 38 benefits their amount, work by the method."""
        found: dict[IncomeKind, int] = {}
        for income in self.items:
            if income.kind in REDUCING and income.start <= day <= income.end:
                found[income.kind] = found.get(income.kind, 0) + self._taken(income, daily_rate_ore, supplements_ore)
        return found

    def _taken(self, income: OtherIncome, daily_rate_ore: int, supplements_ore: int) -> int:
        if income.kind in LAW_REDUCING:
            return income.per_weekday_ore
        reducible = daily_rate_ore + (supplements_ore if self.parameters.work_income_reduces_child_supplement else 0)
        method = self.parameters.work_income_method
        if method is WorkIncomeMethod.HOURS_WORKED and income.hours_per_week is not None:
            share = min(Decimal(1), income.hours_per_week / self.full_time_hours)
            return int((reducible * share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        # Krone for krone; also under the hours method when the hours are not known (the amount is all there is).
        return min(income.per_weekday_ore, reducible)


def work_share(hours_per_week: Decimal, full_time_hours: Decimal = FULL_TIME_HOURS) -> Decimal:
    """Paid work as a share of a full-time programme week (S4, forskrift § 1 third paragraph)."""
    return hours_per_week / full_time_hours


def exceeds_work_limit(
    hours_per_week: Decimal, parameters: BenefitParameters, full_time_hours: Decimal = FULL_TIME_HOURS
) -> bool:
    """More paid work than may be combined with the programme (S4: up to 50 %, `work_limit_share`)."""
    return work_share(hours_per_week, full_time_hours) > parameters.work_limit_share


def _day_rates(
    day: datetime.date,
    person: Person,
    rates: RateTable,
    parameters: BenefitParameters,
    interruptions: tuple[Span, ...],
    deductions: tuple[Span, ...],
    incomes: _Incomes,
) -> DayRates:
    full_rate = person.full_rate_under_25 or day >= birthday(person.birth_date, parameters.full_rate_age)
    kind = DayKind.PAID
    if day >= birthday(person.birth_date, parameters.age_limit):
        kind = DayKind.AGE_LIMIT
    elif any(day in span for span in interruptions):
        kind = DayKind.INTERRUPTION
    elif any(day in span for span in deductions):
        kind = DayKind.DEDUCTION
    base_amount = rates.on("base_amounts", day)
    children = sum(1 for child in person.children if _supplement_for(child, day, parameters))
    daily = daily_rate_ore(yearly_rate(rates=rates, day=day, full_rate=full_rate, parameters=parameters), parameters)
    supplement = int(rates.on("child_supplements", day) * 100) if children else 0
    reductions = (
        {}
        if kind in {DayKind.INTERRUPTION, DayKind.AGE_LIMIT}
        else incomes.reductions(day, daily_rate_ore=daily, supplements_ore=children * supplement)
    )
    return DayRates(
        kind=kind,
        base_amount=base_amount,
        factor=rates.on("factors", day),
        full_rate=full_rate,
        daily_rate_ore=daily,
        children=children,
        child_supplement_ore=supplement,
        reductions_ore=tuple(sorted(reductions.items())),
    )


def _supplement_for(child: Child, day: datetime.date, parameters: BenefitParameters) -> bool:
    if not child.birth_date <= day < birthday(child.birth_date, parameters.child_age_limit):
        return False
    return not (child.income_above_base_amount and day < parameters.child_income_test_until)
