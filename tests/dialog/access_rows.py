"""Access-matrix rows for the dialog views and endpoints (see tests/test_access_matrix.py).

Staff pages refuse participants (403: they have their own pages under meg/), and the participant's own
pages refuse staff (403). A colleague without a recorded reason is sent to the reason form, another
office gets 404, the leader reads but does not write, the administrator sees no case content.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from kvp.dialog.models import Message, Thread
from kvp.dialog.services import thread_start
from kvp.participants.access import get_participant_for_user
from tests.access import LOGIN, REASON, WRITE, Endpoint, on_participant, plain, roles
from tests.conftest import World
from tests.dialog.builders import pdf

STAFF_READ = roles(403, 200, REASON, 404, 200, 403, LOGIN)
OWN_READ = roles(200, 403, 403, 403, 403, 403, LOGIN)
OWN_WRITE = roles(302, 403, 403, 403, 403, 403, LOGIN)


def nothing(w: World) -> None:
    return None


def a_thread(w: World) -> Thread:
    """A thread the counsellor started; it waits for the participant."""
    access = get_participant_for_user(w.counsellor, w.participant.pk, for_write=True)
    return thread_start(actor=w.counsellor, access=access, subject="Møte", text="Passer tirsdag?", language="nb")


def a_message_with_attachment(w: World) -> Message:
    if not settings.MEDIA_ROOT:
        pytest.skip("MEDIA_ROOT is not set: uploaded files would land in the working directory")
    access = get_participant_for_user(w.counsellor, w.participant.pk, for_write=True)
    attachment = pdf("timeplan.pdf")
    thread = thread_start(
        actor=w.counsellor, access=access, subject="Timeplan", text="Se vedlegg", language="nb", attachment=attachment
    )
    return thread.messages.get()


def on_thread(name: str) -> Any:
    return lambda w, c: reverse(name, args=[c.pk])


def message(w: World, c: Any) -> dict[str, Any]:
    return {"text": "Hei! Det passer fint.", "language": "nb"}


def new_thread(w: World, c: Any) -> dict[str, Any]:
    return {"subject": "Spørsmål", "text": "Hei! Jeg har et spørsmål.", "language": "nb"}


def dialog_endpoints() -> list[Endpoint]:
    return [
        Endpoint("dialog_list", "get", on_participant("dialog_list"), STAFF_READ, setup=nothing),
        Endpoint(
            "dialog_thread_start",
            "post",
            on_participant("dialog_thread_start"),
            WRITE,
            data=new_thread,
            setup=nothing,
        ),
        Endpoint("dialog_thread", "get", on_thread("dialog_thread"), STAFF_READ, setup=a_thread),
        Endpoint("dialog_reply", "post", on_thread("dialog_reply"), WRITE, data=message, setup=a_thread),
        Endpoint(
            "dialog_close",
            "post",
            on_thread("dialog_close"),
            WRITE,
            data=lambda w, c: {"version": c.version},
            setup=a_thread,
        ),
        Endpoint(
            "dialog_attachment", "get", on_thread("dialog_attachment"), STAFF_READ, setup=a_message_with_attachment
        ),
        Endpoint("my_dialog", "get", plain("my_dialog"), OWN_READ, setup=nothing),
        Endpoint("my_thread_start", "post", plain("my_thread_start"), OWN_WRITE, data=new_thread, setup=nothing),
        Endpoint("my_thread", "get", on_thread("my_thread"), OWN_READ, setup=a_thread),
        Endpoint("my_reply", "post", on_thread("my_reply"), OWN_WRITE, data=message, setup=a_thread),
        Endpoint("my_attachment", "get", on_thread("my_attachment"), OWN_READ, setup=a_message_with_attachment),
    ]
