"""Reminders, categories, saved filters and bulk reassignment from the overview."""

from __future__ import annotations

import datetime

from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.overview.audit_types import REMINDER
from kvp.overview.models import Category, Reminder, SavedFilter
from kvp.participants.audit_types import COUNSELLOR
from kvp.participants.models import Participant
from tests import factories
from tests.conftest import World, client_for
from tests.overview.builders import TODAY


def test_it_adds_a_reminder_and_logs_the_write(world: World) -> None:
    url = reverse("reminder_create", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, {"text": "Ring arbeidsgiver", "due": "2026-12-01"})
    assert response.status_code == 302
    reminder = Reminder.objects.get()
    assert (reminder.text, reminder.due, reminder.created_by) == (
        "Ring arbeidsgiver",
        datetime.date(2026, 12, 1),
        world.counsellor,
    )
    assert AuditEvent.objects.filter(object_type=REMINDER, action=AuditEvent.Action.CREATE).count() == 1


def test_it_refuses_a_long_or_past_reminder_and_changes_nothing(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("reminder_create", args=[world.participant.pk])
    client.post(url, {"text": "x" * 201, "due": "2026-12-01"})
    client.post(url, {"text": "Gammel", "due": "2026-01-01"})
    client.post(url, {"text": "", "due": "2026-12-01"})
    assert not Reminder.objects.exists()


def test_it_marks_a_reminder_done_and_deletes_one(world: World) -> None:
    done = Reminder.objects.create(participant=world.participant, text="A", due=TODAY, created_by=world.counsellor)
    gone = Reminder.objects.create(participant=world.participant, text="B", due=TODAY, created_by=world.counsellor)
    client = client_for(world.counsellor)
    client.post(reverse("reminder_done", args=[world.participant.pk, done.pk]))
    client.post(reverse("reminder_delete", args=[world.participant.pk, gone.pk]))
    done.refresh_from_db()
    assert done.done_at is not None
    assert done.done_by == world.counsellor
    assert not Reminder.objects.filter(pk=gone.pk).exists()


def test_it_refuses_a_reminder_of_another_participant(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, last_name="Other")
    reminder = Reminder.objects.create(participant=other, text="A", due=TODAY, created_by=world.counsellor)
    client_for(world.counsellor).post(reverse("reminder_done", args=[world.participant.pk, reminder.pk]))
    reminder.refresh_from_db()
    assert reminder.done_at is None


def test_it_shows_reminders_to_the_leader_on_the_participant_page(world: World) -> None:
    Reminder.objects.create(participant=world.participant, text="Husk tolk", due=TODAY, created_by=world.counsellor)
    response = client_for(world.leader).get(reverse("participant_detail", args=[world.participant.pk]))
    assert "Husk tolk" in response.content.decode()


def test_it_sets_and_clears_the_counsellors_own_category(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("category_set", args=[world.participant.pk])
    client.post(url, {"colour": "c"})
    assert Category.objects.get().colour == "c"
    client.post(url, {"colour": "z"})
    assert Category.objects.get().colour == "c"
    client.post(url, {"colour": ""})
    assert not Category.objects.exists()


def test_it_saves_only_filter_codes(world: World) -> None:
    client = client_for(world.counsellor)
    query = f"vis=no_contact&dager=21&fnr={world.participant.national_id}&navn=Amina"
    response = client.post(reverse("overview_filter_save"), {"name": "Ikke sett", "query": query})
    saved = SavedFilter.objects.get()
    assert saved.query == "vis=no_contact&dager=21"
    assert response["Location"].endswith("?vis=no_contact&dager=21")
    client.post(reverse("overview_filter_save"), {"name": "Ikke sett", "query": "vis=flagged"})
    assert list(SavedFilter.objects.values_list("query", flat=True)) == ["vis=flagged"]


def test_it_refuses_to_save_no_filter(world: World) -> None:
    client_for(world.counsellor).post(reverse("overview_filter_save"), {"name": "Tomt", "query": "side=2"})
    assert not SavedFilter.objects.exists()


def test_it_deletes_only_ones_own_saved_filter(world: World) -> None:
    saved = SavedFilter.objects.create(user=world.counsellor, name="Mine", query="vis=flagged")
    assert client_for(world.colleague).post(reverse("overview_filter_delete", args=[saved.pk])).status_code == 404
    assert client_for(world.counsellor).post(reverse("overview_filter_delete", args=[saved.pk])).status_code == 302
    assert not SavedFilter.objects.exists()


def test_it_lets_a_leader_reassign_many_participants(world: World) -> None:
    second = factories.participant(world.office, None, last_name="Second")
    response = client_for(world.leader).post(
        reverse("overview_reassign"),
        {
            "deltaker": [str(world.participant.pk), str(second.pk)],
            "counsellor": world.colleague.pk,
            "tilbake": "vis=unassigned",
        },
    )
    assert response["Location"] == reverse("overview") + "?vis=unassigned"
    assert set(Participant.objects.values_list("counsellor", flat=True)) == {world.colleague.pk}
    assert AuditEvent.objects.filter(object_type=COUNSELLOR, action=AuditEvent.Action.UPDATE).count() == 2


def test_it_reassigns_nobody_when_one_is_not_at_the_office(world: World) -> None:
    elsewhere = factories.participant(world.other_office, world.outsider, last_name="Elsewhere")
    client_for(world.leader).post(
        reverse("overview_reassign"),
        {"deltaker": [str(world.participant.pk), str(elsewhere.pk)], "counsellor": world.colleague.pk},
    )
    world.participant.refresh_from_db()
    elsewhere.refresh_from_db()
    assert world.participant.counsellor == world.counsellor
    assert elsewhere.counsellor == world.outsider


def test_it_refuses_a_counsellor_from_another_office(world: World) -> None:
    client_for(world.leader).post(
        reverse("overview_reassign"), {"deltaker": [str(world.participant.pk)], "counsellor": world.outsider.pk}
    )
    world.participant.refresh_from_db()
    assert world.participant.counsellor == world.counsellor
