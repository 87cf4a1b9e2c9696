"""Meetings as the participant page and the participant's own page show them, ready to render."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q

from kvp.followup.models import Meeting
from kvp.participants.models import Participant
from kvp.rules.meetings import MeetingState, may_change

SHOWN = 10


@dataclass(frozen=True)
class MeetingRow:
    """A meeting with the state of its notes, and what the viewer may do with it."""

    meeting: Meeting
    last_published: datetime.datetime | None
    note_versions: int
    note_draft: bool
    can_change: bool
    can_write_notes: bool


@dataclass(frozen=True)
class MeetingsPanel:
    upcoming: list[MeetingRow]
    earlier: list[MeetingRow]


def meetings_for_staff(*, participant: Participant, can_write: bool, now: datetime.datetime) -> MeetingsPanel:
    """Planned meetings (soonest first) and the latest earlier ones, for a page that has checked access to
    `participant`; `can_write` is the viewer's write access to the participant."""
    meetings = participant.meetings.annotate(
        last_published=Max("note__versions__published_at"),
        note_versions=Count("note__versions", distinct=True),
        note_draft=Count("note", filter=~Q(note__draft_text="")),
    )
    planned = Q(status=Meeting.Status.PLANNED, starts_at__gte=now)

    def row(meeting: Any) -> MeetingRow:  # annotated above
        return MeetingRow(
            meeting=meeting,
            last_published=meeting.last_published,
            note_versions=meeting.note_versions,
            note_draft=bool(meeting.note_draft),
            can_change=can_write and may_change(meeting.state),
            can_write_notes=can_write and meeting.state is not MeetingState.CANCELLED,
        )

    return MeetingsPanel(
        upcoming=[row(meeting) for meeting in meetings.filter(planned).order_by("starts_at")],
        earlier=[row(meeting) for meeting in meetings.exclude(planned).order_by("-starts_at")[:SHOWN]],
    )


@dataclass(frozen=True)
class PublishedNote:
    meeting: Meeting
    published_at: datetime.datetime


@dataclass(frozen=True)
class OwnMeetings:
    upcoming: list[Meeting]
    notes: list[PublishedNote]


def meetings_for_participant(*, participant: Participant, now: datetime.datetime) -> OwnMeetings:
    """The participant's own view: upcoming meetings and the latest notes published to them."""
    published = (
        participant.meetings.annotate(last_published=Max("note__versions__published_at"))
        .filter(last_published__isnull=False)
        .order_by("-last_published")[:5]
    )
    return OwnMeetings(
        upcoming=list(
            participant.meetings.filter(status=Meeting.Status.PLANNED, starts_at__gte=now).order_by("starts_at")[:SHOWN]
        ),
        notes=[PublishedNote(meeting, meeting.last_published) for meeting in published],
    )
