"""Who may read a participant's data: need-to-know access (tjenstlig behov).

Grounds: personvernforordningen art. 5 (data minimisation) and art. 32, forvaltningsloven § 13
(duty of confidentiality), and NAV's rule that staff open only the cases they work on. Shielded
persons (strengt fortrolig adresse, skjermede ansatte) are visible only with an explicit grant.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Basis(StrEnum):
    """Why access was given; stored in the audit trail with each read."""

    SELF = "self"
    ASSIGNED = "assigned"
    LEADER = "leader"
    REASON = "reason"
    SEARCH = "search"  # found by national identity number; only the name is shown
    REGISTERED = "registered"  # registered a person passed to a colleague to follow up


class Refusal(StrEnum):
    HIDDEN = "hidden"  # answer as if the person did not exist (404)
    FORBIDDEN = "forbidden"  # the role may never see case content (403)
    NEEDS_REASON = "needs_reason"  # a colleague must record why before opening


@dataclass(frozen=True)
class Viewer:
    user_id: int
    office_id: int | None
    is_counsellor: bool
    is_leader: bool
    is_administrator: bool
    may_view_shielded: bool
    participant_id: str | None = None


@dataclass(frozen=True)
class Subject:
    participant_id: str
    office_id: int
    counsellor_id: int | None
    shielded: bool


def read_access(*, viewer: Viewer, subject: Subject, has_recorded_reason: bool) -> Basis | Refusal:
    """The basis on which `viewer` may read `subject`'s data, or why not."""
    if viewer.participant_id is not None:
        return Basis.SELF if viewer.participant_id == subject.participant_id else Refusal.HIDDEN
    if not (viewer.is_counsellor or viewer.is_leader):
        return Refusal.FORBIDDEN if viewer.is_administrator else Refusal.HIDDEN
    if viewer.office_id != subject.office_id:
        return Refusal.HIDDEN
    if subject.shielded and not viewer.may_view_shielded:
        return Refusal.HIDDEN
    if viewer.is_counsellor and subject.counsellor_id == viewer.user_id:
        return Basis.ASSIGNED
    if viewer.is_leader:
        return Basis.LEADER
    return Basis.REASON if has_recorded_reason else Refusal.NEEDS_REASON


def may_write(basis: Basis) -> bool:
    """Counsellors write to cases they follow or opened with a reason; leaders and participants
    read here and act through their own pages (the participant's own input comes in the plan)."""
    return basis in {Basis.ASSIGNED, Basis.REASON}
