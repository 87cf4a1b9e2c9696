"""Small builders for the meeting tests."""

from __future__ import annotations

import datetime
from typing import Any

from kvp.followup.models import Meeting
from kvp.followup.services import meeting_create
from kvp.participants.access import ParticipantAccess, get_participant_for_user
from tests.conftest import World

NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
TOMORROW = NOW + datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def counsellors(world: World) -> ParticipantAccess:
    return get_participant_for_user(world.counsellor, world.participant.pk, for_write=True)


def own(world: World) -> ParticipantAccess:
    return get_participant_for_user(world.participant_user, world.participant.pk, self_service=True)


def leaders(world: World) -> ParticipantAccess:
    return get_participant_for_user(world.leader, world.participant.pk)


def planned(world: World, starts_at: datetime.datetime = TOMORROW, **fields: Any) -> Meeting:
    """A meeting the counsellor booked: tomorrow, in person, with a Somali interpreter by phone, booked."""
    values: dict[str, Any] = {
        "topic": "Oppfølging",
        "place": "Møterom 2",
        "interpreter_language": "so",
        "interpreter_form": "phone",
        "interpreter_booked": True,
        "interpreter_booking_reference": "TOLK-4411",
    } | fields
    return meeting_create(actor=world.counsellor, access=counsellors(world), starts_at=starts_at, **values)


def held(world: World, **fields: Any) -> Meeting:
    """A meeting an hour ago, recorded as held (a past time is recorded as held)."""
    return planned(world, NOW - HOUR, **fields)
