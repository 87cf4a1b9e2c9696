import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp.rules.dates import add_months, add_years
from kvp.rules.duration import (
    DurationRules,
    ExtensionProblem,
    Interruption,
    PeriodProblem,
    Regime,
    StartProblem,
    check_extension,
    check_period,
    check_prolongation,
    check_start,
    days_in_programme,
    halfway_date,
    latest_end,
    merge_interruptions,
    period_last_day,
    regime_for,
    start_deadline,
)

d = datetime.date
C = Regime.CURRENT
L = Regime.LEGACY
P = PeriodProblem
E = ExtensionProblem
START = d(2026, 1, 5)
REASON = "Fagbrev within reach; apprenticeship ends in March"


@pytest.mark.parametrize(
    ("decision_date", "regime"),
    [(d(2018, 12, 31), L), (d(2019, 1, 1), C), (d(2012, 5, 1), L), (d(2026, 1, 5), C)],
)
def test_it_picks_the_regime_from_the_decision_date(decision_date: datetime.date, regime: Regime) -> None:
    assert regime_for(decision_date=decision_date) is regime


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (d(2026, 1, 5), 2, d(2028, 1, 5)),
        (d(2024, 2, 29), 1, d(2025, 2, 28)),
        (d(2024, 2, 29), 4, d(2028, 2, 29)),
        (d(2025, 2, 28), 3, d(2028, 2, 28)),
    ],
)
def test_it_adds_years_mapping_the_leap_day_to_28_february(
    day: datetime.date, years: int, expected: datetime.date
) -> None:
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (d(2026, 1, 5), 6, d(2026, 7, 5)),
        (d(2026, 8, 31), 6, d(2027, 2, 28)),
        (d(2027, 8, 31), 6, d(2028, 2, 29)),
        (d(2026, 11, 15), 6, d(2027, 5, 15)),
        (d(2026, 12, 31), 6, d(2027, 6, 30)),
        (d(2026, 3, 31), 0, d(2026, 3, 31)),
    ],
)
def test_it_adds_months_clamping_to_the_month_end(day: datetime.date, months: int, expected: datetime.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "regime", "problems"),
    [
        (START, d(2028, 1, 4), C, []),  # exactly 2 years, end inclusive
        (START, d(2028, 1, 5), C, [P.TOO_LONG]),  # one day too long
        (START, START, C, []),
        (START, d(2026, 1, 4), C, [P.END_BEFORE_START]),
        (d(2024, 2, 29), d(2026, 2, 28), C, []),  # leap-day start ends on 28 February
        (d(2024, 2, 29), d(2026, 3, 1), C, [P.TOO_LONG]),
        (d(2026, 3, 1), d(2028, 2, 29), C, []),  # ends on a leap day
        (d(2026, 3, 1), d(2028, 3, 1), C, [P.TOO_LONG]),
        (d(2018, 3, 1), d(2019, 2, 28), L, []),  # legacy: 1 year
        (d(2018, 3, 1), d(2019, 3, 1), L, [P.TOO_LONG]),
        (d(2018, 3, 1), d(2020, 2, 29), L, [P.TOO_LONG]),
    ],
)
def test_it_checks_the_ordinary_period(
    start: datetime.date, end: datetime.date, regime: Regime, problems: list[PeriodProblem]
) -> None:
    assert check_period(start=start, end=end, regime=regime) == problems


def test_it_takes_the_lengths_as_parameters() -> None:
    rules = DurationRules(current_ordinary_years=3)
    assert check_period(start=START, end=d(2029, 1, 4), regime=C, rules=rules) == []
    with pytest.raises(ValueError, match="lengths"):
        DurationRules(current_ordinary_years=0)


@pytest.mark.parametrize(
    ("start", "current_end", "new_end", "reason", "regime", "problems"),
    [
        (START, d(2028, 1, 4), d(2029, 1, 4), REASON, C, []),  # the full extra year
        (START, d(2028, 1, 4), d(2028, 7, 31), REASON, C, []),
        (START, d(2028, 1, 4), d(2029, 1, 4), None, C, [E.NO_SPECIAL_REASON]),
        (START, d(2028, 1, 4), d(2029, 1, 4), "   ", C, [E.NO_SPECIAL_REASON]),
        (START, d(2028, 1, 4), d(2028, 1, 4), REASON, C, [E.NOT_LATER]),
        (START, d(2028, 1, 4), d(2027, 6, 30), REASON, C, [E.NOT_LATER]),
        (START, d(2028, 1, 4), d(2029, 1, 5), REASON, C, [E.BEYOND_MAXIMUM, E.EXTENSION_TOO_LONG]),  # past 3 years
        (START, d(2028, 1, 4), d(2030, 1, 4), None, C, [E.NO_SPECIAL_REASON, E.BEYOND_MAXIMUM, E.EXTENSION_TOO_LONG]),
        (d(2018, 3, 1), d(2019, 2, 28), d(2020, 2, 29), REASON, L, []),  # legacy maximum 2 years
        (d(2018, 3, 1), d(2019, 2, 28), d(2020, 3, 1), REASON, L, [E.BEYOND_MAXIMUM, E.EXTENSION_TOO_LONG]),
    ],
)
def test_it_checks_an_extension(
    start: datetime.date,
    current_end: datetime.date,
    new_end: datetime.date,
    reason: str | None,
    regime: Regime,
    problems: list[ExtensionProblem],
) -> None:
    found = check_extension(start=start, current_end=current_end, new_end=new_end, special_reason=reason, regime=regime)
    assert found == problems


@pytest.mark.parametrize(
    ("current_end", "new_end", "reason", "problems"),
    [
        (d(2027, 1, 4), d(2028, 1, 4), None, []),  # one year to two: no special reason (S1, S14)
        (d(2027, 1, 4), d(2028, 1, 4), "", []),
        (d(2027, 1, 4), d(2028, 1, 5), None, [E.NO_SPECIAL_REASON]),  # the first day beyond two years
        (d(2027, 1, 4), d(2028, 1, 5), REASON, []),
        (d(2028, 1, 4), d(2029, 1, 4), REASON, []),
        (d(2028, 1, 4), d(2029, 1, 5), REASON, [E.BEYOND_MAXIMUM, E.EXTENSION_TOO_LONG]),
        (d(2027, 1, 4), d(2027, 1, 4), None, [E.NOT_LATER]),
    ],
)
def test_only_a_prolongation_beyond_two_years_needs_a_special_reason(
    current_end: datetime.date, new_end: datetime.date, reason: str | None, problems: list[ExtensionProblem]
) -> None:
    found = check_prolongation(start=START, current_end=current_end, new_end=new_end, special_reason=reason, regime=C)
    assert found == problems


def test_interruptions_move_the_two_year_boundary_only_when_they_do_not_count() -> None:
    ten_days = [(d(2026, 3, 1), d(2026, 3, 10))]
    moved = d(2028, 1, 14)
    assert check_prolongation(start=START, current_end=d(2027, 1, 4), new_end=moved, special_reason=None,
                              regime=C, interruptions=ten_days) == []  # fmt: skip
    counted = DurationRules(interruptions_extend_programme=False)
    assert check_prolongation(start=START, current_end=d(2027, 1, 4), new_end=moved, special_reason=None,
                              regime=C, interruptions=ten_days, rules=counted) == [E.NO_SPECIAL_REASON]  # fmt: skip


def test_it_lets_interruptions_move_the_extension_limit() -> None:
    interruptions = [(d(2026, 3, 1), d(2026, 3, 10))]
    found = check_extension(
        start=START,
        current_end=d(2028, 1, 14),
        new_end=d(2029, 1, 14),
        special_reason=REASON,
        regime=C,
        interruptions=interruptions,
    )
    assert found == []


@pytest.mark.parametrize(
    ("interruptions", "extended", "expected"),
    [
        ([], False, d(2028, 1, 4)),
        ([], True, d(2029, 1, 4)),
        ([(d(2026, 3, 1), d(2026, 3, 10))], False, d(2028, 1, 14)),  # 10 days
        ([(d(2026, 3, 1), d(2026, 3, 10))], True, d(2029, 1, 14)),
        ([(d(2026, 3, 1), d(2026, 3, 10)), (d(2026, 3, 5), d(2026, 3, 20))], False, d(2028, 1, 24)),  # merged: 20
        ([(d(2026, 3, 1), d(2026, 3, 10)), (d(2026, 3, 1), d(2026, 3, 10))], False, d(2028, 1, 14)),  # duplicate
        ([(d(2025, 12, 1), d(2026, 1, 9))], False, d(2028, 1, 9)),  # clipped to the start: 5 days count
        ([(d(2029, 1, 1), d(2029, 12, 31))], False, d(2028, 1, 4)),  # after the end: no effect
        ([(d(2028, 1, 1), d(2028, 1, 10))], False, d(2028, 1, 14)),  # runs across the ordinary end
        ([(d(2028, 1, 1), d(2028, 1, 4)), (d(2028, 1, 6), d(2028, 1, 7))], False, d(2028, 1, 10)),  # reached later
    ],
)
def test_it_moves_the_latest_end_by_interruption_days(
    interruptions: list[Interruption], extended: bool, expected: datetime.date
) -> None:
    assert latest_end(start=START, regime=C, interruptions=interruptions, extended=extended) == expected


def test_it_can_count_interruptions_as_programme_time() -> None:
    rules = DurationRules(interruptions_extend_programme=False)
    interruptions = [(d(2026, 3, 1), d(2026, 3, 10))]
    assert latest_end(start=START, regime=C, interruptions=interruptions, rules=rules) == d(2028, 1, 4)
    assert check_period(start=START, end=d(2028, 1, 14), regime=C, interruptions=interruptions) == []
    problems = check_period(start=START, end=d(2028, 1, 14), regime=C, interruptions=interruptions, rules=rules)
    assert problems == [P.TOO_LONG]


@pytest.mark.parametrize(
    ("interruptions", "merged"),
    [
        ([], []),
        ([(d(2026, 3, 5), d(2026, 3, 20)), (d(2026, 3, 1), d(2026, 3, 10))], [(d(2026, 3, 1), d(2026, 3, 20))]),
        ([(d(2026, 3, 1), d(2026, 3, 10)), (d(2026, 3, 11), d(2026, 3, 12))], [(d(2026, 3, 1), d(2026, 3, 12))]),
        (
            [(d(2026, 3, 1), d(2026, 3, 10)), (d(2026, 3, 12), d(2026, 3, 12))],
            [(d(2026, 3, 1), d(2026, 3, 10)), (d(2026, 3, 12), d(2026, 3, 12))],
        ),
        ([(d(2025, 1, 1), d(2026, 2, 1))], [(START, d(2026, 2, 1))]),
        ([(d(2026, 6, 1), d(2027, 1, 1))], [(d(2026, 6, 1), d(2026, 6, 30))]),
        ([(d(2025, 1, 1), d(2025, 2, 1)), (d(2026, 7, 1), d(2026, 8, 1))], []),
    ],
)
def test_it_clips_and_merges_interruptions(interruptions: list[Interruption], merged: list[Interruption]) -> None:
    assert merge_interruptions(interruptions, start=START, until=d(2026, 6, 30)) == merged


def test_it_refuses_an_interruption_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        merge_interruptions([(d(2026, 3, 10), d(2026, 3, 1))], start=START, until=d(2026, 6, 30))


@pytest.mark.parametrize(
    ("until", "interruptions", "days"),
    [
        (START, [], 1),
        (d(2026, 1, 4), [], 0),
        (d(2026, 1, 14), [], 10),
        (d(2026, 1, 14), [(d(2026, 1, 10), d(2026, 1, 20))], 5),
        (d(2026, 1, 14), [(d(2025, 1, 1), d(2027, 1, 1))], 0),
    ],
)
def test_it_counts_days_in_the_programme(until: datetime.date, interruptions: list[Interruption], days: int) -> None:
    assert days_in_programme(start=START, until=until, interruptions=interruptions) == days


@pytest.mark.parametrize(
    ("start", "end", "halfway"),
    [
        (d(2026, 1, 1), d(2026, 1, 4), d(2026, 1, 3)),  # 4 days: the later of the two middle days
        (d(2026, 1, 1), d(2026, 1, 5), d(2026, 1, 3)),  # 5 days: the middle day
        (d(2026, 1, 1), d(2026, 1, 1), d(2026, 1, 1)),
        (d(2026, 1, 1), d(2026, 1, 2), d(2026, 1, 2)),
        (START, d(2028, 1, 4), d(2027, 1, 5)),  # 730 days
    ],
)
def test_it_finds_the_halfway_date(start: datetime.date, end: datetime.date, halfway: datetime.date) -> None:
    assert halfway_date(start=start, end=end) == halfway


def test_it_refuses_a_halfway_date_for_an_empty_period() -> None:
    with pytest.raises(ValueError, match="before start"):
        halfway_date(start=START, end=d(2026, 1, 4))


@pytest.mark.parametrize(
    ("application_date", "start", "problems"),
    [
        (START, START, []),
        (START, d(2026, 7, 5), []),  # the deadline itself
        (START, d(2026, 7, 6), [StartProblem.START_TOO_LATE]),
        (START, d(2026, 1, 4), [StartProblem.START_BEFORE_APPLICATION]),
        (d(2026, 8, 31), d(2027, 2, 28), []),
        (d(2026, 8, 31), d(2027, 3, 1), [StartProblem.START_TOO_LATE]),
    ],
)
def test_it_checks_the_start_date(
    application_date: datetime.date, start: datetime.date, problems: list[StartProblem]
) -> None:
    assert check_start(application_date=application_date, start=start) == problems


def test_it_takes_the_start_deadline_months_as_a_parameter() -> None:
    assert start_deadline(application_date=START) == d(2026, 7, 5)
    assert start_deadline(application_date=START, rules=DurationRules(start_deadline_months=12)) == d(2027, 1, 5)


dates = st.dates(min_value=d(2019, 1, 1), max_value=d(2030, 12, 31))
interruption_lists = st.lists(
    st.tuples(dates, st.integers(min_value=0, max_value=400)).map(
        lambda pair: (pair[0], pair[0] + datetime.timedelta(days=pair[1]))
    ),
    max_size=5,
)


@given(start=dates, until=dates, interruptions=interruption_lists)
def test_it_never_counts_more_days_than_the_calendar_or_fewer_than_zero(
    start: datetime.date, until: datetime.date, interruptions: list[Interruption]
) -> None:
    days = days_in_programme(start=start, until=until, interruptions=interruptions)
    assert 0 <= days <= max(0, (until - start).days + 1)


@given(start=dates, interruptions=interruption_lists, extra=interruption_lists, extended=st.booleans())
def test_it_never_moves_the_latest_end_earlier_for_an_added_interruption(
    start: datetime.date, interruptions: list[Interruption], extra: list[Interruption], extended: bool
) -> None:
    before = latest_end(start=start, regime=C, interruptions=interruptions, extended=extended)
    after = latest_end(start=start, regime=C, interruptions=interruptions + extra, extended=extended)
    assert after >= before


@given(start=dates, interruptions=interruption_lists, extended=st.booleans())
def test_it_keeps_the_programme_days_of_an_uninterrupted_programme(
    start: datetime.date, interruptions: list[Interruption], extended: bool
) -> None:
    plain = latest_end(start=start, regime=C, extended=extended)
    moved = latest_end(start=start, regime=C, interruptions=interruptions, extended=extended)
    assert days_in_programme(start=start, until=moved, interruptions=interruptions) == days_in_programme(
        start=start, until=plain
    )
    assert not any(first <= moved <= last for first, last in interruptions)  # never ends inside a break


@given(start=dates, regime=st.sampled_from(list(Regime)))
def test_it_accepts_the_latest_allowed_end_and_refuses_the_day_after(start: datetime.date, regime: Regime) -> None:
    end = latest_end(start=start, regime=regime)
    assert check_period(start=start, end=end, regime=regime) == []
    assert check_period(start=start, end=end + datetime.timedelta(days=1), regime=regime) == [P.TOO_LONG]


@given(start=dates, regime=st.sampled_from(list(Regime)))
def test_it_accepts_the_full_extension_with_a_reason(start: datetime.date, regime: Regime) -> None:
    ordinary = latest_end(start=start, regime=regime)
    maximum = latest_end(start=start, regime=regime, extended=True)
    ok = check_extension(start=start, current_end=ordinary, new_end=maximum, special_reason=REASON, regime=regime)
    assert ok == []
    too_far = maximum + datetime.timedelta(days=1)
    problems = check_extension(start=start, current_end=ordinary, new_end=too_far, special_reason=REASON, regime=regime)
    assert E.BEYOND_MAXIMUM in problems


@given(start=dates, end=dates)
def test_it_puts_the_halfway_date_inside_the_period(start: datetime.date, end: datetime.date) -> None:
    if end < start:
        return
    halfway = halfway_date(start=start, end=end)
    assert start <= halfway <= end
    assert (halfway - start).days >= (end - halfway).days  # never before the true middle


@given(start=st.dates(min_value=d(2000, 1, 1), max_value=d(2040, 12, 31)), years=st.integers(min_value=1, max_value=5))
def test_it_makes_consecutive_periods_meet(start: datetime.date, years: int) -> None:
    # A period of n years followed by one of m years ends where one period of n + m years ends.
    first_end = period_last_day(start, years)
    if start.month == 2 and start.day == 29:
        return  # the leap-day start is the one documented exception (it keeps 28 February as its last day)
    assert period_last_day(first_end + datetime.timedelta(days=1), 1) == period_last_day(start, years + 1)
