from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from kvp.accounts.models import User
from kvp.followup.models import Meeting
from kvp.participants.access import participants_visible_in_lists
from kvp.participants.models import Participant
from kvp.programme.models import STATUS_LABELS, Case


def participant_overview(*, user: User, counsellor_id: int | None = None) -> QuerySet[Participant]:
    """Rows for the participant list, with the latest case status and next meeting in one query."""
    latest_case = Case.objects.filter(participant=OuterRef("pk")).order_by("-applied_on", "-created_at")
    next_meeting = Meeting.objects.filter(
        participant=OuterRef("pk"), status=Meeting.Status.PLANNED, starts_at__gte=timezone.now()
    ).order_by("starts_at")
    participants = participants_visible_in_lists(user)
    if counsellor_id is not None:
        participants = participants.filter(counsellor_id=counsellor_id)
    return participants.annotate(
        case_status=Subquery(latest_case.values("status")[:1]),
        next_meeting_at=Subquery(next_meeting.values("starts_at")[:1]),
    )


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the participant list."""

    participant: Participant
    case_status_label: str
    next_meeting_at: datetime.datetime | None


def participant_rows(*, participants: list[Participant]) -> list[ParticipantRow]:
    """Rows for a page of `participant_overview`."""
    found: list[Any] = participants  # annotated by participant_overview
    return [
        ParticipantRow(
            participant=participant,
            case_status_label=str(STATUS_LABELS.get(participant.case_status, "")),
            next_meeting_at=participant.next_meeting_at,
        )
        for participant in found
    ]
