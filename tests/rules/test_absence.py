import datetime

import pytest

from kvp.rules.absence import (
    Absence,
    AbsenceKind,
    AbsenceParameters,
    AbsenceReason,
    Documentation,
    Verdict,
    assess_absence,
    deduction_days,
    deduction_needs_decision,
    may_decide_deduction,
)
from kvp.rules.benefit import Span

D = datetime.date
K, Doc = AbsenceKind, Documentation


@pytest.mark.parametrize(
    ("absence", "verdict", "reason", "unexcused"),
    [
        (Absence(D(2025, 6, 2), D(2025, 6, 13), K.OWN_ILLNESS, Doc.DOCTORS_NOTE), Verdict.VALID,
         AbsenceReason.DOCUMENTED_ILLNESS, 0),
        (Absence(D(2025, 6, 2), D(2025, 6, 4), K.OWN_ILLNESS, Doc.SELF_DECLARATION), Verdict.VALID,
         AbsenceReason.DOCUMENTED_ILLNESS, 0),
        (Absence(D(2025, 6, 2), D(2025, 6, 6), K.OWN_ILLNESS, Doc.SELF_DECLARATION), Verdict.UNEXCUSED,
         AbsenceReason.SELF_DECLARATION_TOO_LONG, 2),
        (Absence(D(2025, 6, 2), D(2025, 6, 3), K.CHILD_ILLNESS, Doc.SELF_DECLARATION), Verdict.VALID,
         AbsenceReason.DOCUMENTED_ILLNESS, 0),
        (Absence(D(2025, 6, 2), D(2025, 6, 3), K.OWN_ILLNESS, Doc.NONE), Verdict.UNEXCUSED,
         AbsenceReason.NOT_DOCUMENTED, 2),
        (Absence(D(2025, 6, 2), D(2025, 6, 20), K.LEAVE, Doc.LEAVE_GRANTED), Verdict.VALID,
         AbsenceReason.LEAVE_GRANTED, 0),
        (Absence(D(2025, 6, 2), D(2025, 6, 2), K.LEAVE, Doc.NONE), Verdict.UNEXCUSED,
         AbsenceReason.LEAVE_NOT_GRANTED, 1),
        (Absence(D(2025, 6, 6), D(2025, 6, 9), K.OTHER, Doc.NONE), Verdict.UNEXCUSED,
         AbsenceReason.NOT_PERMITTED, 2),  # Friday and Monday: the weekend is not counted
    ],
)  # fmt: skip
def test_it_tells_valid_from_unexcused_absence(
    absence: Absence, verdict: Verdict, reason: AbsenceReason, unexcused: int
) -> None:
    assessment = assess_absence(absence)
    assert (assessment.verdict, assessment.reason, len(assessment.unexcused_days)) == (verdict, reason, unexcused)


def test_it_uses_the_offices_self_declaration_limit() -> None:
    absence = Absence(D(2025, 6, 2), D(2025, 6, 6), K.OWN_ILLNESS, Doc.SELF_DECLARATION)
    assert assess_absence(absence, AbsenceParameters(self_declaration_days=5)).verdict is Verdict.VALID


def test_it_gives_one_deduction_day_per_unexcused_weekday_once() -> None:
    overlapping = [
        assess_absence(Absence(D(2025, 6, 2), D(2025, 6, 3), K.OTHER)),
        assess_absence(Absence(D(2025, 6, 3), D(2025, 6, 4), K.OTHER)),
    ]
    assert deduction_days(overlapping) == (
        Span(D(2025, 6, 2), D(2025, 6, 2)),
        Span(D(2025, 6, 3), D(2025, 6, 3)),
        Span(D(2025, 6, 4), D(2025, 6, 4)),
    )


@pytest.mark.parametrize(("reserved", "needs_decision"), [(True, False), (False, True)])
def test_it_needs_a_new_appealable_decision_unless_the_decision_reserved_the_deduction(
    reserved: bool, needs_decision: bool
) -> None:
    assert deduction_needs_decision(reserved_in_decision=reserved) is needs_decision


def test_it_refuses_an_absence_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends before"):
        assess_absence(Absence(D(2025, 6, 3), D(2025, 6, 2), K.OTHER))


@pytest.mark.parametrize(
    ("answered", "today", "may"),
    [(False, D(2025, 6, 8), False), (False, D(2025, 6, 9), True), (True, D(2025, 6, 3), True)],
)
def test_it_lets_the_participant_answer_before_a_deduction_is_decided(answered: bool, today: D, may: bool) -> None:
    assert may_decide_deduction(
        registered_on=D(2025, 6, 2), answered=answered, today=today, parameters=AbsenceParameters()
    ) is may  # fmt: skip
