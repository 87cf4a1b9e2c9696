"""Access-matrix rows for meetings (see tests/test_access_matrix.py).

Staff pages refuse participants (403: they have their own under meg/), and the participant's own pages refuse
staff (403). A colleague without a recorded reason is sent to the reason form, another office gets 404, the
leader reads but does not write, the administrator sees no case content.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from kvp.followup.models import Meeting
from kvp.followup.services import meeting_create
from kvp.participants.access import get_participant_for_user
from tests.access import LOGIN, REASON, WRITE, Endpoint, on_participant, roles
from tests.conftest import World

STAFF_READ = roles(403, 200, REASON, 404, 200, 403, LOGIN)
STAFF_EDIT_PAGE = roles(403, 200, REASON, 404, 403, 403, LOGIN)
OWN_READ = roles(200, 403, 403, 403, 403, 403, LOGIN)
OWN_WRITE = roles(302, 403, 403, 403, 403, 403, LOGIN)


def _meeting(w: World, starts_at: datetime.datetime) -> Meeting:
    access = get_participant_for_user(w.counsellor, w.participant.pk, for_write=True)
    return meeting_create(
        actor=w.counsellor,
        access=access,
        starts_at=starts_at,
        topic="Oppfølging",
        interpreter_language="so",
        interpreter_form="phone",
        interpreter_booked=True,
    )


def a_planned_meeting(w: World) -> Meeting:
    return _meeting(w, timezone.now() + datetime.timedelta(days=2))


def a_held_meeting(w: World) -> Meeting:
    return _meeting(w, timezone.now() - datetime.timedelta(hours=2))


def nothing(w: World) -> None:
    return None


def on_meeting(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def new_meeting(w: World, c: Any) -> dict[str, Any]:
    return {"starts_at": "2026-12-03T10:00", "duration_minutes": 45, "channel": "in_person", "topic": "Plan"}


def moved(w: World, c: Meeting) -> dict[str, Any]:
    later = timezone.localtime(c.starts_at) + datetime.timedelta(days=1)
    return {
        "starts_at": f"{later:%Y-%m-%dT%H:%M}",
        "duration_minutes": 45,
        "channel": "phone",
        "topic": "Oppfølging",
        "interpreter_language": "so",
        "interpreter_form": "phone",
        "interpreter_booked": "on",
        "version": c.version,
    }


def meeting_endpoints() -> list[Endpoint]:
    return [
        Endpoint("meeting_create", "post", on_participant("meeting_create"), WRITE, data=new_meeting, setup=nothing),
        Endpoint("meeting_detail", "get", on_meeting("meeting_detail"), STAFF_READ, setup=a_planned_meeting),
        Endpoint("meeting_edit", "get", on_meeting("meeting_edit"), STAFF_EDIT_PAGE, setup=a_planned_meeting),
        Endpoint("meeting_edit", "post", on_meeting("meeting_edit"), WRITE, data=moved, setup=a_planned_meeting),
        Endpoint(
            "meeting_cancel",
            "post",
            on_meeting("meeting_cancel"),
            WRITE,
            data=lambda w, c: {"reason": "", "version": c.version},
            setup=a_planned_meeting,
        ),
        Endpoint(
            "meeting_outcome",
            "post",
            on_meeting("meeting_outcome"),
            WRITE,
            data=lambda w, c: {"outcome": "held", "interpreter_used": "yes", "version": c.version},
            setup=a_held_meeting,
        ),
        Endpoint("meeting_note", "get", on_meeting("meeting_note"), STAFF_EDIT_PAGE, setup=a_held_meeting),
        Endpoint(
            "meeting_note",
            "post",
            on_meeting("meeting_note"),
            WRITE,
            data=lambda w, c: {"text": "Vi avtalte praksis.", "version": 1, "publish": "1"},
            setup=a_held_meeting,
        ),
        Endpoint("my_meeting", "get", on_meeting("my_meeting"), OWN_READ, setup=a_planned_meeting),
        Endpoint(
            "my_meeting_cannot_come",
            "post",
            on_meeting("my_meeting_cannot_come"),
            OWN_WRITE,
            data=lambda w, c: {"text": "Jeg er syk."},
            setup=a_planned_meeting,
        ),
    ]
