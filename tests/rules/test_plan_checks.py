import dataclasses
import datetime
import re
from decimal import Decimal
from typing import Any

import pytest

from kvp.rules.dates import add_months
from kvp.rules.measures import MeasureType
from kvp.rules.plan_checks import (
    MAPPING_GAP_LABELS,
    ActivityFacts,
    ActivityStatus,
    CheckCode,
    MappingAnswers,
    MappingGap,
    PlanRules,
    PlanWarning,
    Severity,
    check_plan,
    mapping_gaps,
)
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel, NorwegianSkill

d = datetime.date
S = ActivityStatus
M = MeasureType
START = d(2026, 1, 5)  # a Monday
END = d(2027, 1, 3)  # a Sunday; 363 days later, so two middle days: 4 and 5 July...
HALFWAY = d(2026, 7, 6)  # ...and the later one, duration.halfway_date, is the deadline

ALL_B1 = dict.fromkeys(NorwegianSkill, Cefr.B1)
COMPLETE = MappingAnswers(
    has_strengths=True,
    has_what_matters=True,
    work_experience_count=2,
    education_count=1,
    norwegian=ALL_B1,
    digital=DigitalLevel.INDEPENDENT,
    driving_licence_recorded=True,
    accommodations_recorded=True,
    learning_difficulty_recorded=True,
)


def act(
    title: str = "Work practice, Kiwi Grünerløkka",
    measure: MeasureType = M.WORK_PRACTICE,
    status: ActivityStatus = S.PLANNED,
    hours: str = "37.5",
    starts: datetime.date = START,
    ends: datetime.date = END,
    formal: bool = True,
    **more: Any,
) -> ActivityFacts:
    return ActivityFacts(title, measure, status, Decimal(hours), starts, ends, formal, **more)


def check(
    *activities: ActivityFacts,
    mapping: MappingAnswers = COMPLETE,
    start: datetime.date = START,
    end: datetime.date = END,
    today: datetime.date = START,
    agreed: bool = True,
    rules: PlanRules | None = None,
) -> list[PlanWarning]:
    return check_plan(
        activities=activities,
        mapping=mapping,
        period_start=start,
        period_end=end,
        today=today,
        agreed=agreed,
        rules=rules or PlanRules(),
    )


def only(code: CheckCode, warnings: list[PlanWarning]) -> list[PlanWarning]:
    return [warning for warning in warnings if warning.code is code]


def test_a_full_work_directed_qualifying_plan_on_a_complete_mapping_has_no_warnings() -> None:
    assert check(act()) == []


# FULL_TIME (forskrift § 1 tredje ledd) ---------------------------------------------------------------------------


def test_exactly_full_time_is_enough_and_a_tenth_less_is_not() -> None:
    assert only(CheckCode.FULL_TIME, check(act(hours="37.5"))) == []
    [warning] = only(CheckCode.FULL_TIME, check(act(hours="37.4"), start=d(2026, 3, 2), end=d(2026, 3, 15)))
    assert warning.severity is Severity.WARNING
    assert warning.params == {
        "weeks": 2,
        "required": Decimal("37.5"),
        "first_week": datetime.date(2026, 3, 2),
        "hours": Decimal("37.4"),
    }
    assert warning.source == "forskrift § 1 tredje ledd; sotjl. § 30"
    assert warning.activity == ""


def test_every_kind_of_activity_counts_towards_full_time() -> None:
    parts = (
        act("Part-time job", M.PAID_WORK, hours="20.0"),
        act("Physiotherapy", M.HEALTH_ACTIVITY, hours="2.5"),
        act("Training at the gym", M.OWN_ACTIVITY, hours="5"),
        act("Norwegian course", M.NORWEGIAN_COURSE, hours="10"),
    )
    assert only(CheckCode.FULL_TIME, check(*parts)) == []
    assert only(CheckCode.FULL_TIME, check(*parts[1:]))


@pytest.mark.parametrize("status", [S.INTERESTED, S.CANCELLED])
def test_activities_not_in_the_plan_do_not_count(status: ActivityStatus) -> None:
    [warning] = only(CheckCode.FULL_TIME, check(act(hours="30"), act("Course", M.EDUCATION, status, hours="7.5")))
    assert warning.params["hours"] == Decimal("30")


def test_done_and_ongoing_activities_count() -> None:
    activities = (act(hours="30", status=S.IN_PROGRESS), act("Course", M.EDUCATION, S.DONE, hours="7.5"))
    assert only(CheckCode.FULL_TIME, check(*activities)) == []


def test_an_activity_counts_in_every_week_it_touches_even_by_one_day() -> None:
    start, end = d(2026, 3, 2), d(2026, 3, 15)  # two whole weeks
    ends_on_monday = act(starts=start, ends=d(2026, 3, 9))
    assert only(CheckCode.FULL_TIME, check(ends_on_monday, start=start, end=end)) == []
    ends_on_sunday = act(starts=start, ends=d(2026, 3, 8))
    [warning] = only(CheckCode.FULL_TIME, check(ends_on_sunday, start=start, end=end))
    assert warning.params == {
        "weeks": 1,
        "required": Decimal("37.5"),
        "first_week": datetime.date(2026, 3, 9),
        "hours": Decimal("0"),
    }
    starts_on_sunday = act(starts=d(2026, 3, 8), ends=end)
    assert only(CheckCode.FULL_TIME, check(starts_on_sunday, start=start, end=end)) == []


def test_the_first_short_week_is_named_by_its_monday_when_the_period_starts_midweek() -> None:
    [warning] = only(CheckCode.FULL_TIME, check(start=d(2026, 3, 4), end=d(2026, 3, 20), today=d(2026, 3, 4)))
    assert warning.params == {
        "weeks": 3,
        "required": Decimal("37.5"),
        "first_week": datetime.date(2026, 3, 2),
        "hours": Decimal("0"),
    }


def test_past_weeks_are_not_checked_but_the_current_week_is() -> None:
    start, end = d(2026, 3, 2), d(2026, 3, 22)
    second_and_third = act(starts=d(2026, 3, 9), ends=end)
    tuesday_in_second_week = d(2026, 3, 10)
    assert only(CheckCode.FULL_TIME, check(second_and_third, start=start, end=end, today=tuesday_in_second_week)) == []
    first_only = act(starts=start, ends=d(2026, 3, 8))
    [warning] = only(CheckCode.FULL_TIME, check(first_only, start=start, end=end, today=tuesday_in_second_week))
    assert (warning.params["weeks"], warning.params["first_week"]) == (2, datetime.date(2026, 3, 9))


def test_a_period_that_ended_before_this_week_is_not_checked_for_full_time() -> None:
    start, end = d(2026, 3, 2), d(2026, 3, 15)
    assert only(CheckCode.FULL_TIME, check(start=start, end=end, today=d(2026, 3, 16))) == []
    assert only(CheckCode.FULL_TIME, check(start=start, end=end, today=d(2026, 3, 15)))


def test_the_offices_full_time_hours_apply() -> None:
    rules = PlanRules(full_time_hours=Decimal("30"))
    assert only(CheckCode.FULL_TIME, check(act(hours="30.0"), rules=rules)) == []
    [warning] = only(CheckCode.FULL_TIME, check(act(hours="29.9"), rules=rules))
    assert warning.params["required"] == Decimal("30")


# WORK_DIRECTED_BY_HALFWAY (sotjl. § 30; forskrift § 1) -----------------------------------------------------------

COURSE = act("Norwegian course", M.NORWEGIAN_COURSE)


def test_a_work_directed_activity_may_start_on_the_halfway_day_but_not_after() -> None:
    assert only(CheckCode.WORK_DIRECTED_BY_HALFWAY, check(COURSE, act(starts=HALFWAY))) == []
    [warning] = only(CheckCode.WORK_DIRECTED_BY_HALFWAY, check(COURSE, act(starts=HALFWAY + datetime.timedelta(1))))
    assert warning.params == {"halfway": datetime.date(2026, 7, 6)}
    assert warning.source == "sotjl. § 30; forskrift § 1"


def test_a_missing_work_directed_activity_is_a_problem_once_the_halfway_day_has_passed() -> None:
    [warning] = only(CheckCode.WORK_DIRECTED_BY_HALFWAY, check(COURSE, today=HALFWAY))
    assert warning.severity is Severity.WARNING
    [warning] = only(CheckCode.WORK_DIRECTED_BY_HALFWAY, check(COURSE, today=HALFWAY + datetime.timedelta(1)))
    assert warning.severity is Severity.PROBLEM


@pytest.mark.parametrize(
    ("measure", "status", "counts"),
    [
        (M.WORK_PRACTICE, S.PLANNED, True),
        (M.WORK_PRACTICE, S.IN_PROGRESS, True),
        (M.WORK_PRACTICE, S.DONE, True),
        (M.WORK_PRACTICE, S.INTERESTED, False),
        (M.WORK_PRACTICE, S.CANCELLED, False),
        (M.VOCATIONAL_NORWEGIAN, S.PLANNED, True),
        (M.PAID_WORK, S.PLANNED, True),
        (M.NORWEGIAN_COURSE, S.PLANNED, False),
        (M.HEALTH_ACTIVITY, S.PLANNED, False),
    ],
)
def test_which_activities_count_as_work_directed(measure: MeasureType, status: ActivityStatus, counts: bool) -> None:
    warnings = only(CheckCode.WORK_DIRECTED_BY_HALFWAY, check(COURSE, act("Activity", measure, status)))
    assert (warnings == []) is counts


# NO_FORMAL_QUALIFICATION (E3) ------------------------------------------------------------------------------------

SIX_MONTHS = add_months(START, 6)


def test_a_plan_without_qualification_is_flagged_from_the_day_the_months_are_up() -> None:
    no_qualification = act(formal=False)
    before = SIX_MONTHS - datetime.timedelta(1)
    assert only(CheckCode.NO_FORMAL_QUALIFICATION, check(no_qualification, today=before)) == []
    [warning] = only(CheckCode.NO_FORMAL_QUALIFICATION, check(no_qualification, today=SIX_MONTHS))
    assert (warning.severity, warning.params, warning.source) == (Severity.WARNING, {"months": 6}, "E3")


@pytest.mark.parametrize(
    ("status", "flagged"),
    [(S.PLANNED, False), (S.IN_PROGRESS, False), (S.DONE, False), (S.INTERESTED, True), (S.CANCELLED, True)],
)
def test_only_a_qualifying_activity_in_the_plan_counts(status: ActivityStatus, flagged: bool) -> None:
    activities = (act(formal=False), act("Truck licence", M.DRIVING_LICENCE, status, hours="4", formal=True))
    assert bool(only(CheckCode.NO_FORMAL_QUALIFICATION, check(*activities, today=SIX_MONTHS))) is flagged


def test_the_offices_months_apply_and_month_ends_are_kept() -> None:
    rules = PlanRules(months_without_qualification=1)
    start = d(2026, 1, 31)
    no_qualification = act(formal=False, starts=start)
    before, on = d(2026, 2, 27), d(2026, 2, 28)  # 31 January + 1 month is the last day of February
    assert (
        only(CheckCode.NO_FORMAL_QUALIFICATION, check(no_qualification, start=start, today=before, rules=rules)) == []
    )
    [warning] = only(CheckCode.NO_FORMAL_QUALIFICATION, check(no_qualification, start=start, today=on, rules=rules))
    assert warning.params == {"months": 1}


# NORWEGIAN_NEEDED (E14) ------------------------------------------------------------------------------------------


def with_norwegian(**levels: Cefr) -> MappingAnswers:
    return dataclasses.replace(COMPLETE, norwegian={NorwegianSkill(skill): level for skill, level in levels.items()})


def test_an_activity_that_needs_more_norwegian_than_the_lowest_skill_is_flagged() -> None:
    mapping = with_norwegian(listening=Cefr.B2, reading=Cefr.B1, speaking=Cefr.B1, writing=Cefr.A2)
    [warning] = only(CheckCode.NORWEGIAN_NEEDED, check(act(norwegian_needed=Cefr.B1), mapping=mapping))
    assert warning.activity == "Work practice, Kiwi Grünerløkka"
    assert warning.params == {"activity": "Work practice, Kiwi Grünerløkka"}
    assert warning.labels == {"needed": "B1", "level": "A2", "skill": "writing"}
    assert (warning.severity, warning.source) == (Severity.WARNING, "E14")


def test_an_activity_at_the_participants_level_is_not_flagged() -> None:
    assert only(CheckCode.NORWEGIAN_NEEDED, check(act(norwegian_needed=Cefr.B1))) == []


def test_the_first_skill_wins_a_tie_and_below_a1_is_a_label() -> None:
    mapping = with_norwegian(listening=Cefr.B1, reading=Cefr.PRE_A1, speaking=Cefr.B1, writing=Cefr.PRE_A1)
    [warning] = only(CheckCode.NORWEGIAN_NEEDED, check(act(norwegian_needed=Cefr.A1), mapping=mapping))
    assert warning.labels == {"needed": "A1", "level": "below A1", "skill": "reading"}


def test_a_partly_recorded_level_is_used_and_none_recorded_is_left_to_the_mapping_check() -> None:
    partly = with_norwegian(speaking=Cefr.A1)
    [warning] = only(CheckCode.NORWEGIAN_NEEDED, check(act(norwegian_needed=Cefr.A2), mapping=partly))
    assert warning.labels["skill"] == "speaking"
    assert only(CheckCode.NORWEGIAN_NEEDED, check(act(norwegian_needed=Cefr.C1), mapping=with_norwegian())) == []


@pytest.mark.parametrize(
    ("status", "flagged"),
    [(S.INTERESTED, True), (S.PLANNED, True), (S.IN_PROGRESS, True), (S.DONE, False), (S.CANCELLED, False)],
)
def test_only_activities_still_ahead_are_checked_for_norwegian(status: ActivityStatus, flagged: bool) -> None:
    activity = act("Shop assistant", M.WORK_PRACTICE, status, norwegian_needed=Cefr.B2)
    assert bool(only(CheckCode.NORWEGIAN_NEEDED, check(act(), activity))) is flagged


def test_each_activity_that_needs_more_norwegian_gets_its_own_warning() -> None:
    activities = (
        act("Café", norwegian_needed=Cefr.B2),
        act("Warehouse", norwegian_needed=Cefr.A1),
        act("Office", norwegian_needed=Cefr.C1),
    )
    assert [w.activity for w in only(CheckCode.NORWEGIAN_NEEDED, check(*activities))] == ["Café", "Office"]


# DIGITAL_NEEDED (E14) --------------------------------------------------------------------------------------------


def test_an_activity_that_needs_more_digital_skill_than_recorded_is_flagged() -> None:
    mapping = dataclasses.replace(COMPLETE, digital=DigitalLevel.BASIC)
    activity = act("Job search online", M.JOB_SEEKING, digital_needed=DigitalLevel.INDEPENDENT)
    [warning] = only(CheckCode.DIGITAL_NEEDED, check(act(), activity, mapping=mapping))
    assert warning.activity == "Job search online"
    assert warning.labels == {
        "needed": DIGITAL_LABELS[DigitalLevel.INDEPENDENT],
        "level": DIGITAL_LABELS[DigitalLevel.BASIC],
    }
    assert (warning.severity, warning.source) == (Severity.WARNING, "E14")


@pytest.mark.parametrize(
    ("recorded", "status"),
    [
        (DigitalLevel.INDEPENDENT, S.PLANNED),  # exactly the level needed
        (DigitalLevel.ADVANCED, S.PLANNED),
        (None, S.PLANNED),  # not recorded: MAPPING_INCOMPLETE says so
        (DigitalLevel.NONE, S.DONE),
        (DigitalLevel.NONE, S.CANCELLED),
    ],
)
def test_digital_skills_that_fit_or_are_not_recorded_are_not_flagged(
    recorded: DigitalLevel | None, status: ActivityStatus
) -> None:
    mapping = dataclasses.replace(COMPLETE, digital=recorded)
    activity = act("Job search online", M.JOB_SEEKING, status, digital_needed=DigitalLevel.INDEPENDENT)
    assert only(CheckCode.DIGITAL_NEEDED, check(act(), activity, mapping=mapping)) == []


# ALONE_AS_LANGUAGE_PRACTICE (E14) --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("works_alone", "language_practice", "status", "flagged"),
    [
        (True, True, S.PLANNED, True),
        (True, True, S.INTERESTED, True),
        (True, True, S.IN_PROGRESS, True),
        (True, True, S.DONE, False),
        (True, True, S.CANCELLED, False),
        (True, False, S.PLANNED, False),
        (False, True, S.PLANNED, False),
    ],
)
def test_working_alone_does_not_count_as_language_practice(
    works_alone: bool, language_practice: bool, status: ActivityStatus, flagged: bool
) -> None:
    activity = act("Night cleaning", status=status, works_alone=works_alone, language_practice=language_practice)
    warnings = only(CheckCode.ALONE_AS_LANGUAGE_PRACTICE, check(activity))
    assert bool(warnings) is flagged
    if flagged:
        assert (warnings[0].activity, warnings[0].params, warnings[0].source) == (
            "Night cleaning",
            {"activity": "Night cleaning"},
            "E14",
        )


# Mapping gaps and MAPPING_INCOMPLETE (E2, E13, E18) --------------------------------------------------------------


def test_a_complete_mapping_has_no_gaps_and_an_empty_one_lacks_everything_in_order() -> None:
    assert mapping_gaps(COMPLETE) == []
    assert mapping_gaps(MappingAnswers()) == list(MappingGap)
    assert set(MAPPING_GAP_LABELS) == set(MappingGap)


@pytest.mark.parametrize(
    ("change", "gaps"),
    [
        ({"has_strengths": False}, [MappingGap.STRENGTHS]),
        ({"has_what_matters": False}, [MappingGap.WHAT_MATTERS]),
        ({"work_experience_count": 0}, [MappingGap.WORK_EXPERIENCE]),
        ({"work_experience_count": 0, "no_work_experience": True}, []),
        ({"education_count": 0}, [MappingGap.EDUCATION]),
        ({"education_count": 0, "no_education": True}, []),
        ({"norwegian": {}}, [MappingGap.NORWEGIAN]),
        ({"norwegian": dict.fromkeys(list(NorwegianSkill)[:3], Cefr.A2)}, [MappingGap.NORWEGIAN]),
        ({"digital": None}, [MappingGap.DIGITAL]),
        ({"driving_licence_recorded": False}, [MappingGap.DRIVING_LICENCE]),
        ({"accommodations_recorded": False}, [MappingGap.ACCOMMODATIONS]),
        ({"learning_difficulty_recorded": False}, [MappingGap.LEARNING]),
        ({"learning_assessment_needed": True}, [MappingGap.LEARNING]),
        ({"learning_assessment_needed": True, "learning_assessed_how_recorded": True}, []),
        ({"learning_difficulty_recorded": False, "learning_assessed_how_recorded": True}, [MappingGap.LEARNING]),
        ({"has_strengths": False, "digital": None}, [MappingGap.STRENGTHS, MappingGap.DIGITAL]),
    ],
)
def test_each_part_of_the_mapping_is_a_gap_until_recorded(change: dict[str, Any], gaps: list[MappingGap]) -> None:
    assert mapping_gaps(dataclasses.replace(COMPLETE, **change)) == gaps


def test_an_incomplete_mapping_is_flagged_until_the_plan_is_agreed() -> None:
    mapping = dataclasses.replace(COMPLETE, has_what_matters=False, accommodations_recorded=False)
    [warning] = only(CheckCode.MAPPING_INCOMPLETE, check(act(), mapping=mapping, agreed=False))
    assert warning.params == {"count": 2}
    assert warning.items == (MAPPING_GAP_LABELS[MappingGap.WHAT_MATTERS], MAPPING_GAP_LABELS[MappingGap.ACCOMMODATIONS])
    assert (warning.severity, warning.source) == (Severity.WARNING, "E2")
    assert only(CheckCode.MAPPING_INCOMPLETE, check(act(), mapping=mapping, agreed=True)) == []
    assert only(CheckCode.MAPPING_INCOMPLETE, check(act(), agreed=False)) == []


# Parameters and inputs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"full_time_hours": Decimal(0)},
        {"full_time_hours": Decimal("-37.5")},
        {"full_time_hours": Decimal("60.1")},
        {"full_time_hours": Decimal("NaN")},
        {"full_time_hours": Decimal("Infinity")},
        {"months_without_qualification": 0},
        {"months_without_qualification": -6},
        {"proposal_answer_days": 0},
        {"proposal_answer_days": -14},
    ],
)
def test_plan_rules_refuse_nonsense(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="must"):
        PlanRules(**change)


def test_plan_rules_accept_their_edges_and_have_the_documented_defaults() -> None:
    PlanRules(full_time_hours=Decimal(60), months_without_qualification=1, proposal_answer_days=1)
    PlanRules(full_time_hours=Decimal("0.5"))
    assert PlanRules() == PlanRules(Decimal("37.5"), 6, 14)


def test_bad_periods_and_activities_are_refused() -> None:
    with pytest.raises(ValueError, match="period ends before it starts"):
        check(start=END, end=START)
    with pytest.raises(ValueError, match="ends before it starts"):
        act(starts=END, ends=START)
    with pytest.raises(ValueError, match="hours per week"):
        act(hours="-1")


# Every warning can be shown ---------------------------------------------------------------------------------------


def every_warning() -> list[PlanWarning]:
    mapping = dataclasses.replace(
        MappingAnswers(), norwegian={NorwegianSkill.SPEAKING: Cefr.PRE_A1}, digital=DigitalLevel.NONE
    )
    activities = (
        act("Evening course", M.NORWEGIAN_COURSE, hours="6", formal=False, norwegian_needed=Cefr.A1),
        act("Job search online", M.JOB_SEEKING, S.INTERESTED, formal=False, digital_needed=DigitalLevel.BASIC),
        act("Night cleaning", M.WORK_PRACTICE, S.INTERESTED, formal=False, works_alone=True, language_practice=True),
    )
    return check(*activities, mapping=mapping, today=END, agreed=False)


def test_all_checks_fire_in_order() -> None:
    assert [warning.code for warning in every_warning()] == list(CheckCode)


def test_every_warning_cites_its_source_and_can_be_formatted() -> None:
    for warning in every_warning():
        assert warning.source
        assert not set(warning.params) & set(warning.labels)
        values = warning.params | warning.labels
        assert set(re.findall(r"%\((\w+)\)s", warning.message)) == set(values)
        formatted = warning.message % values
        assert "%" not in formatted
        assert all(str(value) in formatted for value in values.values())
