"""The states of a case (sak) and the transitions allowed between them.

Lifecycle per sosialtjenesteloven chapter 4 (§ 29 and the duration rule, S1) and forskrift om
kvalifiseringsprogram: an application is assessed (arbeidsevnevurdering, NAV-loven § 14 a), decided by
a reasoned vedtak (granted or refused), becomes active when the programme starts, may be extended
(beyond two years only for "særlige grunner", S1, S14), and ends with a reason (KOSTRA status codes, S18).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from enum import StrEnum


class CaseStatus(StrEnum):
    APPLIED = "applied"
    ASSESSED = "assessed"
    GRANTED = "granted"
    REFUSED = "refused"
    ACTIVE = "active"
    EXTENDED = "extended"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a case ended. KOSTRA codes 3, 4, 5 and 7 are split into the outcomes reports need."""

    COMPLETED_WORK = "completed_work"  # full-time work
    COMPLETED_WORK_PART_TIME = "completed_work_part_time"
    COMPLETED_WAGE_SUBSIDY = "completed_wage_subsidy"
    COMPLETED_EDUCATION = "completed_education"
    COMPLETED_OTHER = "completed_other"
    OTHER_BENEFIT = "other_benefit"
    SOCIAL_ASSISTANCE = "social_assistance"
    NON_ATTENDANCE = "non_attendance"
    MOVED = "moved"
    MOVED_WITHIN_OSLO = "moved_within_oslo"  # to another of Oslo's districts, each its own NAV office
    CONDITIONS_NO_LONGER_MET = "conditions_no_longer_met"
    WITHDRAWN = "withdrawn"
    DIED = "died"


ALLOWED_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.APPLIED: frozenset({CaseStatus.ASSESSED, CaseStatus.ENDED}),
    CaseStatus.ASSESSED: frozenset({CaseStatus.GRANTED, CaseStatus.REFUSED, CaseStatus.ENDED}),
    CaseStatus.GRANTED: frozenset({CaseStatus.ACTIVE, CaseStatus.ENDED}),
    CaseStatus.REFUSED: frozenset(),
    CaseStatus.ACTIVE: frozenset({CaseStatus.EXTENDED, CaseStatus.ENDED}),
    CaseStatus.EXTENDED: frozenset({CaseStatus.ENDED}),
    CaseStatus.ENDED: frozenset(),
}

# KOSTRA status codes for the yearly return (S18) by end reason: 3 completed or ended by agreement,
# 4 permanently interrupted because of non-attendance, 5 interrupted by a move to another municipality,
# 6 (Oslo only) moved to another district. A programme stopped because the conditions are no longer met is
# ended, not interrupted: 3 unless it ends during an interruption (7). A death fits none of the codes, so it
# has none here: the return asks for the status to be recorded by hand. kostra_status adds 1, 2 and 7.
KOSTRA_END_CODE: dict[EndReason, int] = {
    EndReason.COMPLETED_WORK: 3,
    EndReason.COMPLETED_WORK_PART_TIME: 3,
    EndReason.COMPLETED_WAGE_SUBSIDY: 3,
    EndReason.COMPLETED_EDUCATION: 3,
    EndReason.COMPLETED_OTHER: 3,
    EndReason.OTHER_BENEFIT: 3,
    EndReason.SOCIAL_ASSISTANCE: 3,
    EndReason.CONDITIONS_NO_LONGER_MET: 3,
    EndReason.NON_ATTENDANCE: 4,
    EndReason.MOVED: 5,
    EndReason.MOVED_WITHIN_OSLO: 6,
    EndReason.WITHDRAWN: 3,
}
# A move or a death says more than "ended during an interruption".
NOT_ENDED_AFTER_INTERRUPTION = frozenset({EndReason.MOVED, EndReason.MOVED_WITHIN_OSLO, EndReason.DIED})

# Ending a running programme against the participant's will is a stop (stans): an appealable decision
# (grounds and warning duty [U]), which needs a second approver.
STOP_REASONS = frozenset({EndReason.NON_ATTENDANCE, EndReason.CONDITIONS_NO_LONGER_MET})

# Before the programme starts, the only ways out are withdrawal, moving or death.
END_REASONS_BEFORE_START = frozenset(
    {EndReason.WITHDRAWN, EndReason.MOVED, EndReason.MOVED_WITHIN_OSLO, EndReason.DIED}
)
OPEN_STATUSES = frozenset(
    {CaseStatus.APPLIED, CaseStatus.ASSESSED, CaseStatus.GRANTED, CaseStatus.ACTIVE, CaseStatus.EXTENDED}
)


class TransitionProblem(StrEnum):
    NOT_ALLOWED = "not_allowed"
    END_REASON_MISSING = "end_reason_missing"
    END_REASON_NOT_ALLOWED = "end_reason_not_allowed"
    END_REASON_UNEXPECTED = "end_reason_unexpected"


def transition_problem(
    *, current: CaseStatus, target: CaseStatus, end_reason: EndReason | None
) -> TransitionProblem | None:
    """None if the case may move from `current` to `target` with that end reason."""
    if target not in ALLOWED_TRANSITIONS[current]:
        return TransitionProblem.NOT_ALLOWED
    if target is not CaseStatus.ENDED:
        return TransitionProblem.END_REASON_UNEXPECTED if end_reason is not None else None
    if end_reason is None:
        return TransitionProblem.END_REASON_MISSING
    started = current in {CaseStatus.ACTIVE, CaseStatus.EXTENDED}
    if not started and end_reason not in END_REASONS_BEFORE_START:
        return TransitionProblem.END_REASON_NOT_ALLOWED
    return None


KOSTRA_IN_PROGRAMME = 1
KOSTRA_ON_LEAVE = 2
KOSTRA_ENDED_AFTER_INTERRUPTION = 7
Period = tuple[datetime.date, datetime.date | None]  # an open period has no end yet


def ran_in_year(*, year: int, starts_on: datetime.date | None, ended_on: datetime.date | None) -> bool:
    """Whether the programme ran some day of `year`: the KOSTRA return covers every such programme (S18)."""
    return starts_on is not None and starts_on.year <= year and (ended_on is None or ended_on.year >= year)


def kostra_status(
    *,
    year: int,
    ended_on: datetime.date | None,
    end_reason: EndReason | None,
    interruptions: Sequence[Period] = (),
    leaves: Sequence[Period] = (),
) -> int | None:
    """The status code on 31 December of `year` of a programme that ran that year (S18): 1 in the programme,
    2 on leave or in an agreed interruption, 7 ended during an interruption, else the end's code; None when
    no code fits the facts (a death), so a person must choose it."""
    new_years_eve = datetime.date(year, 12, 31)

    def within(day: datetime.date, periods: Sequence[Period]) -> bool:
        return any(start <= day and (end is None or day <= end) for start, end in periods)

    if ended_on is None or ended_on > new_years_eve:
        away = within(new_years_eve, interruptions) or within(new_years_eve, leaves)
        return KOSTRA_ON_LEAVE if away else KOSTRA_IN_PROGRAMME
    if end_reason is None:
        raise ValueError("an ended case has an end reason")
    if within(ended_on, interruptions) and end_reason not in NOT_ENDED_AFTER_INTERRUPTION:
        return KOSTRA_ENDED_AFTER_INTERRUPTION
    return KOSTRA_END_CODE.get(end_reason)
