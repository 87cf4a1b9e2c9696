"""Access-matrix rows for the follow-up overview (see tests/test_access_matrix.py).

The overview is for case staff: a counsellor sees their own participants (so colleagues and outsiders get
their own, empty, page), a leader the office. Reminders and categories are writes on a participant: the
counsellor writes, a colleague needs a reason, the leader reads only. Saved filters are each user's own.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from kvp.overview.models import Reminder, SavedFilter
from tests.access import LOGIN, WRITE, Endpoint, on_participant, plain, roles
from tests.conftest import World

STAFF_PAGE = roles(403, 200, 200, 200, 200, 403, LOGIN)
STAFF_POST = roles(403, 302, 302, 302, 302, 403, LOGIN)
LEADER_POST = roles(403, 403, 403, 403, 302, 403, LOGIN)
OWN_FILTER = roles(403, 302, 404, 404, 404, 403, LOGIN)


def a_reminder(w: World) -> Reminder:
    return Reminder.objects.create(
        participant=w.participant, text="Ring om praksis", due=datetime.date(2099, 1, 1), created_by=w.counsellor
    )


def a_saved_filter(w: World) -> SavedFilter:
    return SavedFilter.objects.create(user=w.counsellor, name="Ikke sett", query="vis=no_contact")


def on_reminder(name: str) -> Any:
    return lambda w, c: reverse(name, args=[w.participant.pk, c.pk])


def overview_endpoints() -> list[Endpoint]:
    return [
        Endpoint("overview", "get", plain("overview"), STAFF_PAGE),
        Endpoint(
            "overview_filter_save",
            "post",
            plain("overview_filter_save"),
            STAFF_POST,
            data=lambda w, c: {"name": "Mine nye", "query": "vis=new"},
        ),
        Endpoint(
            "overview_filter_delete",
            "post",
            lambda w, c: reverse("overview_filter_delete", args=[c.pk]),
            OWN_FILTER,
            setup=a_saved_filter,
        ),
        Endpoint(
            "overview_reassign",
            "post",
            plain("overview_reassign"),
            LEADER_POST,
            data=lambda w, c: {"deltaker": [str(w.participant.pk)], "counsellor": w.colleague.pk},
        ),
        Endpoint(
            "reminder_create",
            "post",
            on_participant("reminder_create"),
            WRITE,
            data=lambda w, c: {"text": "Ring om praksis", "due": "2099-01-01"},
        ),
        Endpoint("reminder_done", "post", on_reminder("reminder_done"), WRITE, setup=a_reminder),
        Endpoint("reminder_delete", "post", on_reminder("reminder_delete"), WRITE, setup=a_reminder),
        Endpoint("category_set", "post", on_participant("category_set"), WRITE, data=lambda w, c: {"colour": "a"}),
    ]
