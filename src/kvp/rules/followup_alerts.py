"""Alerts on a participant's follow-up, refreshed daily and shown in the counsellor's overview
(E7, E16; benefit deductions S4, fvl. § 16).

An alert is a fact about the follow-up, not a judgement of the participant: it says what the data shows
and why it matters. Each alert is an `AlertFact` with an `N_` message, JSON-safe params and its evidence.
Other rule modules (practice flags, motivation check-ins, barriers) produce AlertFacts too, so the stored
alerts hold them all in one form.

Also here: the programme week and phase the overview shows, so the page and the alerts count alike.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from kvp.rules.absence import AbsenceParameters, may_decide_deduction
from kvp.rules.case_status import CaseStatus
from kvp.rules.measures import MeasureType
from kvp.rules.texts import N_

Param = str | int  # stored as JSON


class AlertKind(StrEnum):
    NO_CONTACT = "no_contact"
    END_WITHOUT_TRANSITION = "end_without_transition"
    DEDUCTION_PENDING = "deduction_pending"


AlertItem = str | tuple[str, dict[str, str]]  # a plain title, or an N_ text with its values


@dataclass(frozen=True)
class AlertFact:
    """One alert as a rule finds it. `kind` is a stable code (AlertKind, a practice FlagCode, or another
    source's code); `since` the day the condition began (the stored alert keeps the first one seen);
    to show it: translate `message` and each value of `labels`, then `message % (params | labels)`."""

    kind: str
    since: datetime.date
    message: str
    evidence: str
    params: dict[str, Param] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    items: tuple[AlertItem, ...] = ()  # what the alert is about, e.g. the measures of a practice loop


@dataclass(frozen=True, kw_only=True)
class AlertRules:
    """Thresholds an administrator may change. The defaults are [U] our own.

    - no_contact_days=14: E7, counsellors with time for relational work follow up closely; two weeks
      without a meeting held or a message is a lapse worth seeing.
    - end_warning_days=60: E16, follow-up into work or education must be prepared before the end.
    - start_phase_weeks=12: the first three months are the programme's start phase (mapping, plan).
    """

    no_contact_days: int = 14
    end_warning_days: int = 60
    start_phase_weeks: int = 12

    def __post_init__(self) -> None:
        for name in ("no_contact_days", "end_warning_days", "start_phase_weeks"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1")


DEFAULT_ALERT_RULES = AlertRules()

# Activities that carry a participant on into work or education after the programme (E16).
TRANSITION_TYPES = frozenset(
    {
        MeasureType.WAGE_SUBSIDY,
        MeasureType.PAID_WORK,
        MeasureType.EDUCATION,
        MeasureType.TRADE_CERTIFICATE,
        MeasureType.JOB_COACH,
    }
)
RUNNING = frozenset({CaseStatus.ACTIVE, CaseStatus.EXTENDED})
INTAKE = frozenset({CaseStatus.APPLIED, CaseStatus.ASSESSED, CaseStatus.GRANTED})


# --- contact ---------------------------------------------------------------------------------------


def no_contact(
    *,
    last_contact: datetime.date | None,
    case_opened: datetime.date,
    today: datetime.date,
    rules: AlertRules = DEFAULT_ALERT_RULES,
) -> AlertFact | None:
    """E7: no meeting held and no message exchanged for rules.no_contact_days days or more. Counted from the
    last contact, or from the day the case was opened if there was none in it (earlier cases do not count)."""
    reference = max(last_contact, case_opened) if last_contact is not None else case_opened
    days = (today - reference).days
    if days < rules.no_contact_days:
        return None
    return AlertFact(
        kind=AlertKind.NO_CONTACT,
        since=reference + datetime.timedelta(days=rules.no_contact_days),
        message=N_(
            "No meeting held and no message exchanged for %(days)s days (limit %(limit)s). Close, regular "
            "contact is what makes the programme work: get in touch."
        ),
        evidence="E7",
        params={"days": days, "limit": rules.no_contact_days},
    )


# --- end of the programme ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedActivity:
    """A plan activity that is planned or in progress (not the participant's interest only, not cancelled)."""

    measure_type: MeasureType
    ends_on: datetime.date


def has_transition_plan(activities: Iterable[PlannedActivity], *, programme_end: datetime.date) -> bool:
    """E16: a transition plan is at least one planned or running activity that carries on into work or
    education (wage subsidy, paid work, education, the trade-certificate route, a job coach) and lasts
    beyond the programme's last day. Goals are free text and are not read."""
    return any(a.measure_type in TRANSITION_TYPES and a.ends_on > programme_end for a in activities)


def end_without_transition(
    *,
    programme_end: datetime.date | None,
    activities: Sequence[PlannedActivity],
    today: datetime.date,
    rules: AlertRules = DEFAULT_ALERT_RULES,
) -> AlertFact | None:
    """E16: the programme ends within rules.end_warning_days days (or its end has passed while the case is
    open) and no transition plan reaches past the end."""
    if programme_end is None:
        return None
    days_left = (programme_end - today).days
    if days_left > rules.end_warning_days or has_transition_plan(activities, programme_end=programme_end):
        return None
    return AlertFact(
        kind=AlertKind.END_WITHOUT_TRANSITION,
        since=programme_end - datetime.timedelta(days=rules.end_warning_days),
        message=N_(
            "The programme ends on %(end)s, in %(days)s days, and the plan has no activity that carries on into "
            "work or education after that. Plan the transition together with the participant: a job with wage "
            "subsidy, education, the trade-certificate route or a job coach."
        ),
        evidence="E16",
        params={"end": programme_end.isoformat(), "days": days_left},
    )


# --- benefit deductions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnexcusedAbsence:
    """A registered absence with unexcused weekdays whose deduction is neither reserved nor decided."""

    registered_on: datetime.date
    unexcused_days: int
    answered: bool


def deduction_pending(
    absences: Sequence[UnexcusedAbsence],
    *,
    today: datetime.date,
    parameters: AbsenceParameters | None = None,
) -> AlertFact | None:
    """S4, forvaltningsloven § 16: unexcused absence whose deduction needs its own decision
    is waiting for one. `ready` is 1 once the participant has answered or the time to answer is up
    (absence.may_decide_deduction) for at least one of them. A fixed, predictable benefit matters (E16)."""
    waiting = [a for a in absences if a.unexcused_days > 0]
    if not waiting:
        return None
    parameters = parameters or AbsenceParameters()
    ready = [
        a
        for a in waiting
        if may_decide_deduction(registered_on=a.registered_on, answered=a.answered, today=today, parameters=parameters)
    ]
    return AlertFact(
        kind=AlertKind.DEDUCTION_PENDING,
        since=min(a.registered_on for a in waiting),
        message=N_(
            "A deduction for %(days)s days of unexcused absence needs a decision; %(ready)s of %(count)s "
            "registrations can be decided now (the participant has answered or the time to answer is up)."
        ),
        evidence="E16",
        params={"days": sum(a.unexcused_days for a in waiting), "count": len(waiting), "ready": len(ready)},
    )


# --- programme week and phase --------------------------------------------------------------------


def programme_week(
    *, start: datetime.date | None, end: datetime.date | None, today: datetime.date
) -> tuple[int, int] | None:
    """The duration rule (S1): (week, of weeks) of a programme period: week 1 is its first seven days;
    before the start, week 0; after the end, the last week. None without a period."""
    if start is None or end is None or end < start:
        return None
    total = (end - start).days // 7 + 1
    if today < start:
        return 0, total
    return min((today - start).days // 7 + 1, total), total


class Phase(StrEnum):
    INTAKE = "intake"  # applied, assessed or granted, not yet started
    START = "start"  # the first rules.start_phase_weeks weeks
    MIDDLE = "middle"
    ENDING = "ending"  # the last rules.end_warning_days days (or past the end, still open)
    ENDED = "ended"  # ended or refused


@dataclass(frozen=True)
class PhaseBounds:
    """The dates that separate the phases today, for filtering in the database: a running programme is in
    START if it started after `started_after`, ENDING if it ends on or before `ends_by`, else MIDDLE."""

    started_after: datetime.date
    ends_by: datetime.date


def phase_bounds(*, today: datetime.date, rules: AlertRules = DEFAULT_ALERT_RULES) -> PhaseBounds:
    """E16: the dates that bound the start phase and the ending phase as of `today` (for filtering in SQL)."""
    return PhaseBounds(
        started_after=today - datetime.timedelta(weeks=rules.start_phase_weeks),
        ends_by=today + datetime.timedelta(days=rules.end_warning_days),
    )


def programme_phase(
    *,
    status: CaseStatus,
    start: datetime.date | None,
    end: datetime.date | None,
    today: datetime.date,
    rules: AlertRules = DEFAULT_ALERT_RULES,
) -> Phase:
    """The duration rule (S1); E16: where a case is in the programme (the overview's phase filter): intake, start,
    middle, ending, ended. ENDING wins over START for a short programme; a running case without dates counts
    as MIDDLE."""
    if status in INTAKE:
        return Phase.INTAKE
    if status not in RUNNING:
        return Phase.ENDED
    bounds = phase_bounds(today=today, rules=rules)
    if end is not None and end <= bounds.ends_by:
        return Phase.ENDING
    if start is not None and start > bounds.started_after:
        return Phase.START
    return Phase.MIDDLE


def json_param(value: object) -> Param:
    """A rule's message value as stored JSON: numbers stay numbers, decimals and dates become text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return str(value)  # Decimal, date, text
