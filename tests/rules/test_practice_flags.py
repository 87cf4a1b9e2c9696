import datetime
import re
from decimal import Decimal
from typing import Any

import pytest

from kvp.rules.measures import MeasureType
from kvp.rules.practice_flags import (
    MONTH_DAYS,
    Episode,
    Flag,
    FlagCode,
    FlagRules,
    Outcome,
    practice_flags,
)

d = datetime.date
M = MeasureType
O = Outcome  # noqa: E741 - short alias in the tests
TODAY = d(2026, 6, 1)
DAY = datetime.timedelta(days=1)


def ep(
    title: str,
    starts: datetime.date,
    ends: datetime.date | None,
    measure: MeasureType = M.WORK_PRACTICE,
    outcome: Outcome = O.ENDED_WITHOUT_HIRE,
    qualified: bool = False,
    contact: bool = True,
) -> Episode:
    return Episode(measure, title, starts, ends, outcome, qualified, contact)


def practice(title: str, month: int, outcome: Outcome = O.ENDED_WITHOUT_HIRE, **more: Any) -> Episode:
    """A three-week work practice starting on the first of `month` in 2025."""
    starts = d(2025, month, 1)
    ends = None if outcome is O.ONGOING else starts + datetime.timedelta(days=20)
    return ep(title, starts, ends, M.WORK_PRACTICE, outcome, **more)


def course(title: str, starts: datetime.date, days: int | None, **more: Any) -> Episode:
    """A course lasting `days` days counting both ends (None: ongoing without an end date)."""
    ends = None if days is None else starts + datetime.timedelta(days=days - 1)
    more.setdefault("measure", M.LABOUR_MARKET_COURSE)
    more.setdefault("outcome", O.ONGOING if days is None else O.ENDED_WITHOUT_HIRE)
    return ep(title, starts, ends, **more)


def only(code: FlagCode, flags: list[Flag]) -> list[Flag]:
    return [flag for flag in flags if flag.code is code]


def flags(*episodes: Episode, today: datetime.date = TODAY, rules: FlagRules | None = None) -> list[Flag]:
    return practice_flags(episodes, today=today, rules=rules or FlagRules())


def test_no_history_no_flags() -> None:
    assert flags() == []


# PRACTICE_LOOP (E4) --------------------------------------------------------------------------------------------------


def test_one_practice_without_hire_is_not_a_loop_but_two_are() -> None:
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("Kiwi", 1))) == []
    [flag] = only(FlagCode.PRACTICE_LOOP, flags(practice("Hagesenter", 3), practice("Kiwi", 1)))
    assert flag.params == {"count": 2}
    assert flag.episodes == ("Kiwi", "Hagesenter")  # oldest first, by start date
    assert flag.evidence == "E4"
    assert "trade certificate" in flag.message
    assert "wage subsidy" in flag.message


@pytest.mark.parametrize("breaker", [O.HIRED, O.QUALIFIED])
def test_a_hire_or_a_qualification_after_the_practices_breaks_the_run(breaker: Outcome) -> None:
    latest = practice("Third", 5, breaker, qualified=breaker is O.QUALIFIED)
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), practice("Second", 3), latest)) == []
    middle = practice("Second", 3, breaker, qualified=breaker is O.QUALIFIED)
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), middle, practice("Third", 5))) == []


def test_a_hire_before_the_run_does_not_break_it() -> None:
    history = (practice("Hired once", 1, O.HIRED), practice("Second", 3), practice("Third", 5))
    [flag] = only(FlagCode.PRACTICE_LOOP, flags(*history))
    assert flag.episodes == ("Second", "Third")


def test_a_qualification_gained_in_another_measure_breaks_the_run() -> None:
    truck = course("Truck licence", d(2025, 4, 1), 10, outcome=O.QUALIFIED, qualified=True)
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), practice("Second", 3), truck)) == []
    after = (practice("Third", 6), practice("Fourth", 8))
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), practice("Second", 3), truck, after[0])) == []
    [flag] = only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), practice("Second", 3), truck, *after))
    assert flag.episodes == ("Third", "Fourth")


def test_a_practice_that_gave_a_qualification_without_a_job_breaks_the_run() -> None:
    qualified = practice("Second", 3, qualified=True)
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), qualified)) == []


def test_courses_and_cancelled_or_ongoing_practices_neither_count_nor_break_the_run() -> None:
    history = (
        practice("First", 1),
        course("Norwegian", d(2025, 2, 1), 20, measure=M.NORWEGIAN_COURSE),
        practice("Cancelled", 3, O.CANCELLED),
        practice("Second", 4),
        practice("Now", 6, O.ONGOING),
    )
    [flag] = only(FlagCode.PRACTICE_LOOP, flags(*history))
    assert flag.episodes == ("First", "Second")


def test_a_cancelled_practice_does_not_count_towards_a_loop() -> None:
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), practice("Cancelled", 3, O.CANCELLED))) == []


def test_wage_subsidies_that_ended_without_hire_are_not_work_practice() -> None:
    subsidy = ep("Subsidy", d(2025, 3, 1), d(2025, 5, 1), M.WAGE_SUBSIDY)
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), subsidy)) == []


def test_practices_starting_after_today_are_left_out() -> None:
    future = ep("Planned", TODAY + DAY, TODAY + 20 * DAY)
    assert only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), future)) == []


def test_the_loop_length_can_be_changed() -> None:
    rules = FlagRules(loop_practices=3)
    two = (practice("First", 1), practice("Second", 3))
    assert only(FlagCode.PRACTICE_LOOP, flags(*two, rules=rules)) == []
    [flag] = only(FlagCode.PRACTICE_LOOP, flags(*two, practice("Third", 5), rules=rules))
    assert flag.params == {"count": 3}


# LOCK_IN (E9) --------------------------------------------------------------------------------------------------------

START = d(2025, 1, 1)


def test_time_in_courses_without_a_qualification_is_flagged_past_the_limit() -> None:
    assert Decimal("273.9375") == 9 * MONTH_DAYS  # the default limit in days
    assert only(FlagCode.LOCK_IN, flags(course("AMO", START, 273))) == []
    [flag] = only(FlagCode.LOCK_IN, flags(course("AMO", START, 274)))
    assert flag.params == {"months": Decimal("9.0"), "limit": 9}
    assert flag.episodes == ("AMO",)
    assert flag.evidence == "E9"


def test_the_months_are_shown_to_one_decimal() -> None:
    [flag] = only(FlagCode.LOCK_IN, flags(course("AMO", START, 300)))
    assert flag.params["months"] == Decimal("9.9")  # 300 / 30.4375 = 9.856


def test_courses_add_up_and_parallel_days_count_once() -> None:
    first = course("Norwegian", START, 200, measure=M.NORWEGIAN_COURSE)
    parallel = course("Digital", START + 100 * DAY, 100, measure=M.DIGITAL_SKILLS)  # inside the first
    assert only(FlagCode.LOCK_IN, flags(first, parallel)) == []
    after = course("Mastery", START + 200 * DAY, 74, measure=M.MASTERY_COURSE)  # days 201-274
    [flag] = only(FlagCode.LOCK_IN, flags(first, parallel, after))
    assert flag.episodes == ("Norwegian", "Digital", "Mastery")
    assert flag.params["months"] == Decimal("9.0")


def test_a_course_that_gave_a_qualification_does_not_count() -> None:
    qualified = course("Norwegian with test", START, 400, measure=M.NORWEGIAN_COURSE, qualified=True)
    assert only(FlagCode.LOCK_IN, flags(qualified)) == []


@pytest.mark.parametrize("measure", [M.WORK_PRACTICE, M.VOCATIONAL_NORWEGIAN, M.EDUCATION, M.JOB_SEEKING])
def test_only_courses_count(measure: MeasureType) -> None:
    assert only(FlagCode.LOCK_IN, flags(course("Long", START, 400, measure=measure))) == []


def test_an_ongoing_course_counts_up_to_today() -> None:
    today = START + 272 * DAY  # the 273rd day
    assert only(FlagCode.LOCK_IN, flags(course("AMO", START, None), today=today)) == []
    assert only(FlagCode.LOCK_IN, flags(course("AMO", START, None), today=today + DAY))
    planned_long = course("AMO", START, 500, outcome=O.ONGOING)
    assert only(FlagCode.LOCK_IN, flags(planned_long, today=today)) == []
    assert only(FlagCode.LOCK_IN, flags(planned_long, today=today + DAY))


def test_cancelled_and_future_courses_do_not_count() -> None:
    cancelled = course("Cancelled", START, 400, outcome=O.CANCELLED)
    assert only(FlagCode.LOCK_IN, flags(cancelled)) == []
    future = course("Next year", TODAY + DAY, 400, outcome=O.ONGOING)
    assert only(FlagCode.LOCK_IN, flags(future)) == []


def test_the_lock_in_limit_can_be_changed() -> None:
    rules = FlagRules(course_months_without_qualification=1)  # 30.4375 days
    assert only(FlagCode.LOCK_IN, flags(course("AMO", START, 30), rules=rules)) == []
    assert only(FlagCode.LOCK_IN, flags(course("AMO", START, 31), rules=rules))


# NO_WORK_CONTACT (E11) -----------------------------------------------------------------------------------------------


def test_a_course_longer_than_the_limit_without_work_contact_is_flagged() -> None:
    assert only(FlagCode.NO_WORK_CONTACT, flags(course("AMO", START, 112, contact=False))) == []  # 16 weeks
    [flag] = only(FlagCode.NO_WORK_CONTACT, flags(course("AMO", START, 113, contact=False)))
    assert flag.params == {"weeks": 16, "count": 1}
    assert flag.episodes == ("AMO",)
    assert flag.evidence == "E11"


def test_work_contact_clears_it() -> None:
    assert only(FlagCode.NO_WORK_CONTACT, flags(course("AMO", START, 200, contact=True))) == []


def test_a_running_course_counts_by_its_planned_length_or_its_length_so_far() -> None:
    planned = course("Planned long", START, 113, outcome=O.ONGOING, contact=False)
    assert only(FlagCode.NO_WORK_CONTACT, flags(planned, today=START + 10 * DAY))
    open_ended = course("Open", START, None, contact=False)
    assert only(FlagCode.NO_WORK_CONTACT, flags(open_ended, today=START + 111 * DAY)) == []
    assert only(FlagCode.NO_WORK_CONTACT, flags(open_ended, today=START + 112 * DAY))


def test_every_long_course_without_contact_is_named() -> None:
    history = (
        course("Norwegian", START, 200, measure=M.NORWEGIAN_COURSE, contact=False, qualified=True),
        course("Short", START, 50, contact=False),
        course("Mastery", d(2025, 9, 1), 120, measure=M.MASTERY_COURSE, contact=False),
        course("With visits", d(2025, 9, 1), 120, contact=True),
        course("Vocational", START, 300, measure=M.VOCATIONAL_NORWEGIAN, contact=False),
    )
    [flag] = only(FlagCode.NO_WORK_CONTACT, flags(*history))
    assert flag.episodes == ("Norwegian", "Mastery")
    assert flag.params["count"] == 2


def test_the_long_course_limit_can_be_changed() -> None:
    rules = FlagRules(long_course_weeks=4)
    assert only(FlagCode.NO_WORK_CONTACT, flags(course("AMO", START, 28, contact=False), rules=rules)) == []
    assert only(FlagCode.NO_WORK_CONTACT, flags(course("AMO", START, 29, contact=False), rules=rules))


def test_an_ended_course_without_an_end_date_counts_only_its_start_day() -> None:
    unknown = ep("AMO, end not recorded", START, None, M.LABOUR_MARKET_COURSE, contact=False)
    assert flags(unknown, today=START + 400 * DAY) == []
    assert unknown.days_until(START + 400 * DAY) == (START, START)


def test_an_ended_practice_without_an_end_date_still_counts_towards_a_loop() -> None:
    unknown = ep("Second, end not recorded", d(2025, 3, 1), None)
    [flag] = only(FlagCode.PRACTICE_LOOP, flags(practice("First", 1), unknown))
    assert flag.episodes == ("First", "Second, end not recorded")


# Validation ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"loop_practices": 1},
        {"loop_practices": True},
        {"course_months_without_qualification": 0},
        {"long_course_weeks": 0},
        {"long_course_weeks": 16.0},
    ],
)
def test_invalid_rules_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="at least"):
        FlagRules(**changes)


def test_invalid_episodes_are_refused() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        ep("Backwards", d(2025, 2, 1), d(2025, 1, 31))
    with pytest.raises(ValueError, match="no formal qualification"):
        ep("Qualified?", d(2025, 2, 1), d(2025, 3, 1), outcome=O.QUALIFIED, qualified=False)
    ep("Cancelled before it started", d(2025, 2, 1), None, outcome=O.CANCELLED)


# Every flag can be shown ---------------------------------------------------------------------------------------------


def every_flag() -> list[Flag]:
    return flags(
        practice("First", 1),
        practice("Second", 3),
        course("AMO", d(2025, 6, 1), 300, contact=False),
    )


def test_all_flags_fire_in_order() -> None:
    assert [flag.code for flag in every_flag()] == list(FlagCode)


def test_the_same_history_in_any_order_gives_the_same_flags() -> None:
    history = [practice("First", 1), practice("Second", 3), course("AMO", d(2025, 6, 1), 300, contact=False)]
    assert flags(*history) == flags(*reversed(history))


def test_every_flag_cites_its_evidence_and_can_be_formatted() -> None:
    for flag in every_flag():
        assert re.fullmatch(r"E\d+", flag.evidence)
        assert flag.episodes
        assert not set(flag.params) & set(flag.labels)
        values = flag.params | flag.labels
        assert set(re.findall(r"%\((\w+)\)s", flag.message)) == set(values)
        formatted = flag.message % values
        assert "%" not in formatted
        assert all(str(value) in formatted for value in values.values())
