"""Outside a transaction, a request's read events are written together when it ends, in one INSERT; a page
whose read events cannot be written is not sent. (These tests commit, like a server does.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kvp.audit.models import AuditEvent
from tests import factories
from tests.conftest import World, client_for, empty_audit_trail

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_trail_afterwards() -> Iterator[None]:
    yield
    empty_audit_trail()


def test_a_list_writes_its_read_events_in_one_insert(world: World) -> None:
    factories.participant(world.office, world.counsellor, first_name="Olena")
    factories.participant(world.office, world.counsellor, first_name="Yonas")
    with CaptureQueriesContext(connection) as queries:
        response = client_for(world.counsellor).get(reverse("participant_list"))
    assert response.status_code == 200
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "audit_auditevent"')]
    assert len(inserts) == 1
    assert len(AuditEvent.objects.get(actor=world.counsellor, action="list").listed.split()) == 3


def test_a_page_whose_read_events_cannot_be_written_is_not_sent(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("database is locked")

    with monkeypatch.context() as patched:
        patched.setattr(type(AuditEvent.objects), "bulk_create", locked)
        response = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert world.participant.last_name not in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_a_write_and_its_event_are_committed_together(world: World) -> None:
    response = client_for(world.counsellor).post(
        reverse("note_create", args=[world.participant.pk]), {"title": "Samtale", "text": "Snakket om mål."}
    )
    assert response.status_code == 302
    note = world.participant.notes.get()
    assert AuditEvent.objects.filter(action="create", object_type="note", object_id=str(note.pk)).count() == 1
