"""Absence (fravær): valid or unexcused, and the deduction that follows (S3, S4).

Illness keeps the benefit when documented by a self-declaration (egenmelding, forskrift § 6 for the
participant, § 10 for a child's illness, S15) or a doctor's note (S3). Leave keeps it when granted.
Undocumented or unpermitted absence reduces the benefit correspondingly (S3, S4): here, one day's
rate per weekday of unexcused absence (the formula is [U]; see benefit.BenefitParameters).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from kvp.rules.benefit import Span, weekdays


class AbsenceKind(StrEnum):
    OWN_ILLNESS = "own_illness"
    CHILD_ILLNESS = "child_illness"
    LEAVE = "leave"
    OTHER = "other"


class Documentation(StrEnum):
    NONE = "none"
    SELF_DECLARATION = "self_declaration"
    DOCTORS_NOTE = "doctors_note"
    LEAVE_GRANTED = "leave_granted"


class Verdict(StrEnum):
    VALID = "valid"
    UNEXCUSED = "unexcused"


class AbsenceReason(StrEnum):
    DOCUMENTED_ILLNESS = "documented_illness"
    SELF_DECLARATION_TOO_LONG = "self_declaration_too_long"
    NOT_DOCUMENTED = "not_documented"
    LEAVE_GRANTED = "leave_granted"
    LEAVE_NOT_GRANTED = "leave_not_granted"
    NOT_PERMITTED = "not_permitted"


@dataclass(frozen=True)
class AbsenceParameters:
    """[U] limits for self-declarations: the forskrift's day limits were not available (forskrift §§ 6, 10; S15)."""

    self_declaration_days: int = 3  # weekdays one self-declaration covers, own illness
    child_self_declaration_days: int = 3  # weekdays one self-declaration covers, a child's illness
    response_days: int = 7  # days the participant has to answer before a deduction can be decided (fvl. § 16)


@dataclass(frozen=True)
class Absence:
    start: datetime.date
    end: datetime.date
    kind: AbsenceKind
    documentation: Documentation = Documentation.NONE


@dataclass(frozen=True)
class Assessment:
    absence: Absence
    verdict: Verdict
    reason: AbsenceReason
    unexcused_days: tuple[datetime.date, ...]


def assess_absence(absence: Absence, parameters: AbsenceParameters | None = None) -> Assessment:
    """Whether an absence keeps the benefit, and which weekdays (if any) are unexcused."""
    if absence.end < absence.start:
        raise ValueError("the absence ends before it starts")
    parameters = parameters or AbsenceParameters()
    days = tuple(weekdays(absence.start, absence.end))
    if absence.kind in {AbsenceKind.OWN_ILLNESS, AbsenceKind.CHILD_ILLNESS}:
        return _illness(absence, days, parameters)
    if absence.kind is AbsenceKind.LEAVE and absence.documentation is Documentation.LEAVE_GRANTED:
        return Assessment(absence, Verdict.VALID, AbsenceReason.LEAVE_GRANTED, ())
    reason = AbsenceReason.LEAVE_NOT_GRANTED if absence.kind is AbsenceKind.LEAVE else AbsenceReason.NOT_PERMITTED
    return Assessment(absence, Verdict.UNEXCUSED, reason, days)


def _illness(absence: Absence, days: tuple[datetime.date, ...], parameters: AbsenceParameters) -> Assessment:
    if absence.documentation is Documentation.DOCTORS_NOTE:
        return Assessment(absence, Verdict.VALID, AbsenceReason.DOCUMENTED_ILLNESS, ())
    if absence.documentation is not Documentation.SELF_DECLARATION:
        return Assessment(absence, Verdict.UNEXCUSED, AbsenceReason.NOT_DOCUMENTED, days)
    limit = (
        parameters.self_declaration_days
        if absence.kind is AbsenceKind.OWN_ILLNESS
        else parameters.child_self_declaration_days
    )
    if len(days) <= limit:
        return Assessment(absence, Verdict.VALID, AbsenceReason.DOCUMENTED_ILLNESS, ())
    return Assessment(absence, Verdict.UNEXCUSED, AbsenceReason.SELF_DECLARATION_TOO_LONG, days[limit:])


def deduction_days(assessments: list[Assessment]) -> tuple[Span, ...]:
    """The unexcused weekdays, as spans for benefit.benefit_statement(deductions=...)."""
    days = sorted({day for assessment in assessments for day in assessment.unexcused_days})
    return tuple(Span(day, day) for day in days)


def may_decide_deduction(
    *, registered_on: datetime.date, answered: bool, today: datetime.date, parameters: AbsenceParameters
) -> bool:
    """Advance notice (forvaltningsloven § 16): the participant sees the registration and may answer; a
    deduction that needs its own decision is decided after the answer or when the time to answer is up."""
    return answered or today >= registered_on + datetime.timedelta(days=parameters.response_days)


def deduction_needs_decision(*, reserved_in_decision: bool) -> bool:
    """A deduction executes the original decision only if it reserved it; otherwise it is a new,
    appealable individual decision (enkeltvedtak) (S4; forvaltningsloven § 2)."""
    return not reserved_in_decision
