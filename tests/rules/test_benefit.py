"""Kvalifiseringsstønad (sotjl. §§ 35, 38; S2, S3, S7), table-driven, with property tests."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvp.rules.absence import Absence, AbsenceKind, Documentation, assess_absence, deduction_days
from kvp.rules.benefit import (
    BenefitParameters,
    Child,
    DayKind,
    IncomeKind,
    OtherIncome,
    Person,
    Span,
    Statement,
    UnknownRateDateError,
    WorkIncomeMethod,
    benefit_statement,
    exceeds_work_limit,
    yearly_rate,
)
from kvp.rules.rate_history import KNOWN_RATES

D = datetime.date
ADULT = Person(birth_date=D(1980, 6, 1))


JUNE_2025 = (D(2025, 6, 1), D(2025, 6, 30))


def statement(person: Person = ADULT, start: D = JUNE_2025[0], end: D = JUNE_2025[1], **kwargs: Any) -> Statement:
    return benefit_statement(person=person, start=start, end=end, rates=KNOWN_RATES, **kwargs)


@pytest.mark.parametrize(
    ("day", "full_rate", "published"),
    [
        (D(2024, 7, 1), True, 253141),  # NAV-published (S7)
        (D(2024, 7, 1), False, 168761),
        (D(2025, 5, 1), True, 265657),
        (D(2025, 5, 1), False, 177104),
        (D(2023, 5, 1), True, 237240),
        (D(2024, 6, 30), True, 248056),  # 2 G until 30 June 2024
    ],
)
def test_it_matches_the_published_yearly_rates(day: D, full_rate: bool, published: int) -> None:
    rate = yearly_rate(rates=KNOWN_RATES, day=day, full_rate=full_rate, parameters=BenefitParameters())
    assert round(rate) == published


def test_it_pays_each_weekday_at_the_daily_rate() -> None:
    result = statement()  # June 2025: 21 weekdays
    assert [(line.weekdays, line.rates.daily_rate_ore) for line in result.lines] == [(21, 102176)]
    assert result.total_ore == 21 * 102176


def test_it_splits_a_period_spanning_1_may_and_1_july_2024() -> None:
    result = statement(start=D(2024, 4, 22), end=D(2024, 7, 5))
    assert [(line.start, line.end, line.rates.daily_rate_ore) for line in result.lines] == [
        (D(2024, 4, 22), D(2024, 4, 30), 91246),  # 2 × 118,620 / 260
        (D(2024, 5, 1), D(2024, 6, 28), 95406),  # 2 × 124,028 / 260
        (D(2024, 7, 1), D(2024, 7, 5), 97362),  # 2.041 × 124,028 / 260
    ]


def test_it_switches_to_the_full_rate_on_the_25th_birthday() -> None:
    turning_25 = Person(birth_date=D(2000, 3, 12))  # 12 March 2025 is a Wednesday
    result = statement(turning_25, start=D(2025, 3, 1), end=D(2025, 3, 31))
    assert [(line.start, line.rates.full_rate, line.rates.daily_rate_ore) for line in result.lines] == [
        (D(2025, 3, 3), False, 64908),  # 2.041 × 124,028 × 2/3 / 260
        (D(2025, 3, 12), True, 97362),  # 2.041 × 124,028 / 260
    ]


def test_it_gives_the_full_rate_under_25_when_the_decision_says_so() -> None:
    young = Person(birth_date=D(2003, 1, 1), full_rate_under_25=True)
    assert statement(young).lines[0].rates.full_rate


def test_it_adds_a_child_born_mid_period() -> None:
    parent = Person(birth_date=D(1985, 1, 1), children=(Child(D(2015, 1, 1)), Child(D(2025, 3, 12))))
    result = statement(parent, start=D(2025, 3, 1), end=D(2025, 3, 31))
    assert [(line.start, line.rates.children, line.rates.child_supplement_ore) for line in result.lines] == [
        (D(2025, 3, 3), 1, 3700),
        (D(2025, 3, 12), 2, 3700),
    ]


def test_it_changes_the_child_supplement_on_1_january() -> None:
    parent = Person(birth_date=D(1985, 1, 1), children=(Child(D(2015, 1, 1)),))
    result = statement(parent, start=D(2024, 12, 30), end=D(2025, 1, 3))
    assert [line.rates.child_supplement_ore for line in result.lines] == [3600, 3700]


def test_it_stops_the_supplement_for_a_child_with_income_above_1_g_only_before_2024() -> None:
    parent = Person(birth_date=D(1985, 1, 1), children=(Child(D(2008, 1, 1), income_above_base_amount=True),))
    result = statement(parent, start=D(2023, 12, 27), end=D(2024, 1, 3))
    assert [(line.start, line.rates.children) for line in result.lines] == [(D(2023, 12, 27), 0), (D(2024, 1, 1), 1)]


def test_it_stops_the_supplement_when_the_child_turns_18() -> None:
    parent = Person(birth_date=D(1985, 1, 1), children=(Child(D(2007, 6, 18)),))
    result = statement(parent)
    assert [(line.start, line.rates.children) for line in result.lines] == [(D(2025, 6, 2), 1), (D(2025, 6, 18), 0)]


@pytest.mark.parametrize("kind", [IncomeKind.SYKEPENGER, IncomeKind.DAGPENGER, IncomeKind.FORELDREPENGER,
                                  IncomeKind.WORK_INCOME, IncomeKind.APPRENTICE_PAY])  # fmt: skip
def test_it_reduces_krone_for_krone_for_the_benefits_the_law_names(kind: IncomeKind) -> None:
    income = OtherIncome(kind, D(2025, 6, 2), D(2025, 6, 6), per_weekday_ore=50000)
    result = statement(other_income=[income])
    assert result.total_ore == statement().total_ore - 5 * 50000
    assert result.lines[0].reduction_ore == 5 * 50000


@pytest.mark.parametrize("kind", [IncomeKind.BOSTOTTE, IncomeKind.BARNETRYGD, IncomeKind.LANEKASSEN,
                                  IncomeKind.BARNEBIDRAG, IncomeKind.KONTANTSTOTTE, IncomeKind.TILLEGGSSTONADER,
                                  IncomeKind.ENGANGSSTONAD])  # fmt: skip
def test_it_does_not_reduce_for_the_benefits_the_law_excludes(kind: IncomeKind) -> None:
    income = OtherIncome(kind, D(2025, 6, 2), D(2025, 6, 6), per_weekday_ore=50000)
    result = statement(other_income=[income])
    assert result.total_ore == statement().total_ore
    assert result.not_reducing == (kind,)


def test_it_never_reduces_below_zero() -> None:
    income = OtherIncome(IncomeKind.SYKEPENGER, D(2025, 6, 1), D(2025, 6, 30), per_weekday_ore=10_000_000)
    assert statement(other_income=[income]).total_ore == 0


def test_it_pays_nothing_during_an_interruption() -> None:
    result = statement(interruptions=[Span(D(2025, 6, 9), D(2025, 6, 13))])
    assert result.total_ore == statement().total_ore - 5 * 102176
    assert [line.amount_ore for line in result.lines if line.rates.kind == "interruption"] == [0]


def test_it_withholds_the_daily_rate_for_unexcused_absence_but_keeps_the_child_supplement() -> None:
    parent = Person(birth_date=D(1985, 1, 1), children=(Child(D(2015, 1, 1)),))
    result = statement(parent, deductions=[Span(D(2025, 6, 10), D(2025, 6, 10))])
    assert result.total_ore == statement(parent).total_ore - 102176
    strict = BenefitParameters(deduction_includes_child_supplement=True)
    stricter = statement(parent, deductions=[Span(D(2025, 6, 10), D(2025, 6, 10))], parameters=strict)
    assert stricter.total_ore == statement(parent).total_ore - 102176 - 3700


def test_it_refuses_a_date_without_a_known_rate() -> None:
    with pytest.raises(UnknownRateDateError) as caught:
        statement(start=D(2018, 12, 1), end=D(2018, 12, 31))
    assert caught.value.series == "base_amounts"


def test_it_refuses_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends before"):
        statement(start=D(2025, 6, 30), end=D(2025, 6, 1))


days = st.dates(min_value=D(2019, 5, 1), max_value=D(2027, 4, 30))
people = st.builds(
    Person,
    birth_date=st.dates(min_value=D(1960, 1, 1), max_value=D(2007, 1, 1)),
    children=st.lists(st.builds(Child, birth_date=st.dates(min_value=D(2008, 1, 1), max_value=D(2027, 1, 1))),
                      max_size=3).map(tuple),
)  # fmt: skip
incomes = st.lists(
    st.builds(OtherIncome, kind=st.sampled_from(IncomeKind), start=days, end=days,
              per_weekday_ore=st.integers(min_value=0, max_value=300_000)),
    max_size=3,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(person=people, start=days, length=st.integers(0, 120), cut=st.integers(0, 120), income=incomes)
def test_it_never_changes_the_total_when_a_period_is_split(
    person: Person, start: D, length: int, cut: int, income: list[OtherIncome]
) -> None:
    end = start + datetime.timedelta(days=length)
    middle = start + datetime.timedelta(days=min(cut, length))
    whole = statement(person, start, end, other_income=income).total_ore
    first = statement(person, start, middle, other_income=income).total_ore
    rest = (
        statement(person, middle + datetime.timedelta(days=1), end, other_income=income).total_ore
        if middle < end
        else 0
    )
    assert whole == first + rest


@settings(max_examples=60, deadline=None)
@given(person=people, start=days, length=st.integers(0, 90), income=incomes)
def test_it_is_never_negative(person: Person, start: D, length: int, income: list[OtherIncome]) -> None:
    result = statement(person, start, start + datetime.timedelta(days=length), other_income=income)
    assert all(line.amount_ore >= 0 for line in result.lines)


absences = st.builds(
    Absence,
    start=st.dates(min_value=D(2025, 6, 1), max_value=D(2025, 6, 30)),
    end=st.dates(min_value=D(2025, 6, 1), max_value=D(2025, 6, 30)),
    kind=st.sampled_from(AbsenceKind),
    documentation=st.sampled_from(Documentation),
).filter(lambda absence: absence.start <= absence.end)


@settings(max_examples=60, deadline=None)
@given(recorded=st.lists(absences, max_size=4), extra=absences)
def test_it_never_lowers_the_benefit_for_valid_absence(recorded: list[Absence], extra: Absence) -> None:
    def total(items: list[Absence]) -> int:
        return statement(deductions=deduction_days([assess_absence(item) for item in items])).total_ore

    valid = Absence(extra.start, extra.end, AbsenceKind.OWN_ILLNESS, Documentation.DOCTORS_NOTE)
    assert total([*recorded, valid]) == total(recorded)


# --- work income and apprentice pay: not § 38, NAV's guidance (S3, S4) ---------------------------------------

PARENT = Person(birth_date=D(1980, 6, 1), children=(Child(D(2015, 1, 1)),))
WEEK = (D(2025, 6, 2), D(2025, 6, 6))  # five weekdays; 2.041 G = 265,656.56 kr / 260 = 1,021.76 kr a day; 37 kr a child
HOURS = WorkIncomeMethod.HOURS_WORKED


def work(hours: str | None, per_weekday_ore: int = 40000, kind: IncomeKind = IncomeKind.WORK_INCOME) -> OtherIncome:
    return OtherIncome(kind, *WEEK, per_weekday_ore=per_weekday_ore, hours_per_week=Decimal(hours) if hours else None)


@pytest.mark.parametrize(
    ("parameters", "income", "per_day"),
    [
        (BenefitParameters(), work("18.75"), 102176 + 3700 - 40000),  # krone for krone (the default)
        (BenefitParameters(work_income_method=HOURS), work("18.75"), 105876 - 52938),  # half of rate + supplement
        (BenefitParameters(work_income_method=HOURS, work_income_reduces_child_supplement=False), work("18.75"),
         105876 - 51088),  # half of the daily rate only
        (BenefitParameters(work_income_method=HOURS), work("7.5", kind=IncomeKind.APPRENTICE_PAY), 105876 - 21175),
        (BenefitParameters(work_income_method=HOURS), work(None), 105876 - 40000),  # hours unknown: the amount
        (BenefitParameters(work_income_method=HOURS), work("50"), 0),  # more than full time takes it all
        (BenefitParameters(work_income_reduces_child_supplement=False), work(None, 200000), 3700),  # keeps 37 kr
    ],
)  # fmt: skip
def test_work_income_reduces_by_the_method_in_force(
    parameters: BenefitParameters, income: OtherIncome, per_day: int
) -> None:
    result = statement(PARENT, *WEEK, parameters=parameters, other_income=[income])
    assert result.total_ore == 5 * per_day


@pytest.mark.parametrize("method", list(WorkIncomeMethod))
def test_the_benefits_section_38_names_reduce_krone_for_krone_whatever_the_work_method(
    method: WorkIncomeMethod,
) -> None:
    sickness = OtherIncome(IncomeKind.SYKEPENGER, *WEEK, per_weekday_ore=40000, hours_per_week=Decimal("18.75"))
    result = statement(PARENT, *WEEK, parameters=BenefitParameters(work_income_method=method), other_income=[sickness])
    assert result.total_ore == 5 * (105876 - 40000)


@pytest.mark.parametrize(("hours", "share", "above"), [("18.75", "0.5", False), ("18.8", "0.5", True),
                                                        ("30", "0.8", False), ("30.1", "0.8", True)])  # fmt: skip
def test_paid_work_beyond_half_a_full_time_week_exceeds_the_work_limit(hours: str, share: str, above: bool) -> None:
    assert exceeds_work_limit(Decimal(hours), BenefitParameters(work_limit_share=Decimal(share))) is above


def test_the_work_limit_is_a_share() -> None:
    with pytest.raises(ValueError, match="share"):
        BenefitParameters(work_limit_share=Decimal("1.5"))


# --- the age limit and the 29 February birthday ---------------------------------------------------------------


def test_nothing_is_paid_from_the_67th_birthday_unless_the_dated_limit_says_otherwise() -> None:
    turning_67 = Person(birth_date=D(1958, 6, 18))
    result = statement(turning_67)
    assert [(line.start, line.rates.kind) for line in result.lines] == [
        (D(2025, 6, 2), DayKind.PAID), (D(2025, 6, 18), DayKind.AGE_LIMIT),
    ]  # fmt: skip
    assert result.total_ore == 12 * 102176  # 2-17 June: 12 weekdays
    assert statement(turning_67, parameters=BenefitParameters(age_limit=68)).total_ore == statement().total_ore


def test_someone_born_on_29_february_turns_67_and_25_on_1_march_in_a_common_year() -> None:
    leap_67 = Person(birth_date=D(1960, 2, 29))
    result = statement(leap_67, start=D(2027, 2, 26), end=D(2027, 3, 1))
    assert [(line.start, line.rates.kind) for line in result.lines] == [
        (D(2027, 2, 26), DayKind.PAID), (D(2027, 3, 1), DayKind.AGE_LIMIT),
    ]  # fmt: skip
    assert BenefitParameters().last_paid_day(leap_67.birth_date) == D(2027, 2, 28)
    leap_25 = Person(birth_date=D(2000, 2, 29))
    lines = statement(leap_25, start=D(2025, 2, 28), end=D(2025, 3, 3)).lines
    assert [(line.start, line.rates.full_rate) for line in lines] == [(D(2025, 2, 28), False), (D(2025, 3, 3), True)]


def test_the_age_limit_is_above_the_full_rate_age() -> None:
    with pytest.raises(ValueError, match="age limit"):
        BenefitParameters(age_limit=25)
