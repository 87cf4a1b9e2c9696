"""The follow-up alert rules at their threshold edges (E7, E16; S4)."""

from __future__ import annotations

import datetime

import pytest

from kvp.rules.absence import AbsenceParameters
from kvp.rules.case_status import CaseStatus
from kvp.rules.followup_alerts import (
    AlertKind,
    AlertRules,
    Phase,
    PlannedActivity,
    UnexcusedAbsence,
    deduction_pending,
    end_without_transition,
    has_transition_plan,
    no_contact,
    programme_phase,
    programme_week,
)
from kvp.rules.measures import MeasureType

TODAY = datetime.date(2026, 3, 2)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(("days_ago", "alert"), [(0, False), (13, False), (14, True), (40, True)])
def test_it_alerts_from_the_fourteenth_day_without_contact(days_ago: int, alert: bool) -> None:
    found = no_contact(last_contact=TODAY - days_ago * DAY, case_opened=TODAY - 400 * DAY, today=TODAY)
    assert (found is not None) is alert
    if found is not None:
        assert found.kind == AlertKind.NO_CONTACT
        assert found.params == {"days": days_ago, "limit": 14}
        assert found.since == TODAY - days_ago * DAY + 14 * DAY
        assert found.evidence == "E7"


def test_it_counts_from_the_case_opening_when_there_was_no_contact_in_it() -> None:
    assert no_contact(last_contact=None, case_opened=TODAY - 13 * DAY, today=TODAY) is None
    assert no_contact(last_contact=TODAY - 100 * DAY, case_opened=TODAY - 13 * DAY, today=TODAY) is None
    assert no_contact(last_contact=None, case_opened=TODAY - 14 * DAY, today=TODAY) is not None


def test_it_uses_the_configured_number_of_days() -> None:
    rules = AlertRules(no_contact_days=7)
    assert no_contact(last_contact=TODAY - 6 * DAY, case_opened=TODAY - 99 * DAY, today=TODAY, rules=rules) is None
    assert no_contact(last_contact=TODAY - 7 * DAY, case_opened=TODAY - 99 * DAY, today=TODAY, rules=rules)


@pytest.mark.parametrize(("days_left", "alert"), [(61, False), (60, True), (0, True), (-3, True)])
def test_it_alerts_sixty_days_before_the_end_without_a_transition_plan(days_left: int, alert: bool) -> None:
    end = TODAY + days_left * DAY
    found = end_without_transition(programme_end=end, activities=[], today=TODAY)
    assert (found is not None) is alert
    if found is not None:
        assert found.params == {"end": end.isoformat(), "days": days_left}
        assert found.since == end - 60 * DAY
        assert found.evidence == "E16"


def test_it_accepts_a_transition_activity_only_past_the_end() -> None:
    end = TODAY + 30 * DAY
    on_the_end = [PlannedActivity(MeasureType.WAGE_SUBSIDY, end)]
    past_the_end = [PlannedActivity(MeasureType.WAGE_SUBSIDY, end + DAY)]
    practice = [PlannedActivity(MeasureType.WORK_PRACTICE, end + 90 * DAY)]
    assert end_without_transition(programme_end=end, activities=on_the_end, today=TODAY) is not None
    assert end_without_transition(programme_end=end, activities=practice, today=TODAY) is not None
    assert end_without_transition(programme_end=end, activities=past_the_end, today=TODAY) is None


@pytest.mark.parametrize(
    "kind",
    [MeasureType.WAGE_SUBSIDY, MeasureType.PAID_WORK, MeasureType.EDUCATION, MeasureType.TRADE_CERTIFICATE,
     MeasureType.JOB_COACH],
)  # fmt: skip
def test_it_counts_work_and_education_as_transition(kind: MeasureType) -> None:
    assert has_transition_plan([PlannedActivity(kind, TODAY + DAY)], programme_end=TODAY)


def test_it_has_no_end_alert_without_an_end_date() -> None:
    assert end_without_transition(programme_end=None, activities=[], today=TODAY) is None


def test_it_uses_the_configured_end_warning() -> None:
    rules = AlertRules(end_warning_days=30)
    assert end_without_transition(programme_end=TODAY + 31 * DAY, activities=[], today=TODAY, rules=rules) is None
    assert end_without_transition(programme_end=TODAY + 30 * DAY, activities=[], today=TODAY, rules=rules)


def test_it_has_no_deduction_alert_without_unexcused_days() -> None:
    assert deduction_pending([], today=TODAY) is None
    assert deduction_pending([UnexcusedAbsence(TODAY, 0, False)], today=TODAY) is None


@pytest.mark.parametrize(("registered_days_ago", "ready"), [(6, 0), (7, 1)])
def test_it_says_when_a_deduction_can_be_decided(registered_days_ago: int, ready: int) -> None:
    absence = UnexcusedAbsence(TODAY - registered_days_ago * DAY, 2, answered=False)
    found = deduction_pending([absence], today=TODAY, parameters=AbsenceParameters(response_days=7))
    assert found is not None
    assert found.params == {"days": 2, "count": 1, "ready": ready}
    assert found.since == absence.registered_on


def test_it_counts_an_answered_registration_as_ready() -> None:
    found = deduction_pending(
        [UnexcusedAbsence(TODAY, 1, answered=True), UnexcusedAbsence(TODAY - 2 * DAY, 3, answered=False)], today=TODAY
    )
    assert found is not None
    assert found.params == {"days": 4, "count": 2, "ready": 1}
    assert found.since == TODAY - 2 * DAY


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 1, 4), (0, 105)),
        (datetime.date(2026, 1, 5), (1, 105)),
        (datetime.date(2026, 1, 11), (1, 105)),
        (datetime.date(2026, 1, 12), (2, 105)),
        (datetime.date(2030, 1, 1), (105, 105)),
    ],
)
def test_it_counts_programme_weeks(today: datetime.date, expected: tuple[int, int]) -> None:
    assert programme_week(start=datetime.date(2026, 1, 5), end=datetime.date(2028, 1, 4), today=today) == expected


def test_it_has_no_week_without_a_period() -> None:
    assert programme_week(start=None, end=TODAY, today=TODAY) is None


@pytest.mark.parametrize(
    ("status", "start_days_ago", "end_in_days", "phase"),
    [
        (CaseStatus.APPLIED, None, None, Phase.INTAKE),
        (CaseStatus.GRANTED, None, None, Phase.INTAKE),
        (CaseStatus.ACTIVE, 83, 400, Phase.START),
        (CaseStatus.ACTIVE, 84, 400, Phase.MIDDLE),
        (CaseStatus.ACTIVE, 300, 61, Phase.MIDDLE),
        (CaseStatus.EXTENDED, 300, 60, Phase.ENDING),
        (CaseStatus.ACTIVE, 10, 30, Phase.ENDING),
        (CaseStatus.ENDED, 300, -5, Phase.ENDED),
        (CaseStatus.REFUSED, None, None, Phase.ENDED),
    ],
)
def test_it_places_a_case_in_its_phase(
    status: CaseStatus, start_days_ago: int | None, end_in_days: int | None, phase: Phase
) -> None:
    start = TODAY - start_days_ago * DAY if start_days_ago is not None else None
    end = TODAY + end_in_days * DAY if end_in_days is not None else None
    assert programme_phase(status=status, start=start, end=end, today=TODAY) is phase


@pytest.mark.parametrize("field", ["no_contact_days", "end_warning_days", "start_phase_weeks"])
def test_it_refuses_thresholds_below_one(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        AlertRules(**{field: 0})
