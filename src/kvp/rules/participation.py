"""A participation in an offer moves applied → waiting list → participating → ended or completed; any
open step may be cancelled or refused. What is closed stays closed. Endings and refusals carry a reason,
so refusals can be counted by the rule that caused them (E6)."""

from __future__ import annotations

from enum import StrEnum

from kvp.rules.texts import N_


class ParticipationStatus(StrEnum):
    APPLIED = "applied"
    WAITING_LIST = "waiting_list"
    PARTICIPATING = "participating"
    ENDED = "ended"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUSED = "refused"


S = ParticipationStatus
NEXT: dict[ParticipationStatus, frozenset[ParticipationStatus]] = {
    S.APPLIED: frozenset({S.WAITING_LIST, S.PARTICIPATING, S.CANCELLED, S.REFUSED}),
    S.WAITING_LIST: frozenset({S.PARTICIPATING, S.CANCELLED, S.REFUSED}),
    S.PARTICIPATING: frozenset({S.ENDED, S.COMPLETED, S.CANCELLED}),
}
NEEDS_REASON = frozenset({S.ENDED, S.CANCELLED, S.REFUSED})


def transition_problem(current: ParticipationStatus, target: ParticipationStatus, *, reason: str) -> str | None:
    """None if the step is allowed, else why not (an N_ text)."""
    if target not in NEXT.get(current, frozenset()):
        return N_("A participation cannot go from “%(current)s” to “%(target)s”.")
    if target in NEEDS_REASON and not reason:
        return N_("Choose the reason: it is counted in the reports, and refusals show which rules block people.")
    return None
