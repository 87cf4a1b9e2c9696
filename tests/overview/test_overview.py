"""The overview page: rows, ready-made and field filters, sorting, the list read in the audit trail."""

from __future__ import annotations

import datetime

from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.dialog.models import ThreadRead
from kvp.followup.models import Meeting
from kvp.overview.audit_types import OVERVIEW
from kvp.overview.models import Alert, Category
from kvp.participants.models import Participant
from kvp.programme.models import STATUS_LABELS
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for
from tests.overview.builders import NOW, TODAY, full_participant, running_case


def _names(world_user: object, query: str = "") -> list[str]:
    response = client_for(world_user).get(reverse("overview") + query)  # type: ignore[arg-type]
    assert response.status_code == 200
    return [row.participant.last_name for row in response.context["rows"]]


def test_it_shows_a_counsellors_own_participants_with_their_columns(world: World) -> None:
    person = full_participant(world.office, world.counsellor, 1, author=world.counsellor)
    factories.participant(world.office, world.colleague, last_name="Other")
    response = client_for(world.counsellor).get(reverse("overview"))
    rows = response.context["rows"]
    assert {r.participant.pk for r in rows} == {world.participant.pk, person.pk}
    row = next(r for r in rows if r.participant.pk == person.pk)
    assert row.status_label == STATUS_LABELS[CaseStatus.ACTIVE]
    assert row.week == (26, 105)  # 2026-06-01 to 2028-05-31, on 2026-11-27
    assert row.open_proposals == 1
    assert row.unread == 1
    assert row.last_contact.date() == (NOW - datetime.timedelta(days=1)).date()
    assert [alert.kind for alert in row.alerts] == ["no_contact"]
    assert [reminder.text for reminder in row.reminders] == ["Ring om praksis"]


def test_it_counts_messages_as_read_once_the_counsellor_opened_the_thread(world: World) -> None:
    person = full_participant(world.office, world.counsellor, 1, author=world.counsellor)
    thread = person.threads.get()
    ThreadRead.objects.create(thread=thread, user=world.counsellor, read_at=NOW)
    response = client_for(world.leader).get(reverse("overview"))
    assert next(r for r in response.context["rows"] if r.participant.pk == person.pk).unread == 0


def test_it_logs_one_list_read_naming_every_row_shown(world: World) -> None:
    person = full_participant(world.office, world.counsellor, 1, author=world.counsellor)
    client_for(world.counsellor).get(reverse("overview"))
    event = AuditEvent.objects.get(object_type=OVERVIEW, action=AuditEvent.Action.LIST)
    assert sorted(event.listed.split()) == sorted([world.participant.pk.hex, person.pk.hex])
    assert event.basis == "assigned"


def test_it_shows_a_leader_the_whole_office_and_filters_by_counsellor(world: World) -> None:
    factories.participant(world.office, world.colleague, last_name="Colleagues")
    factories.participant(world.office, None, last_name="Nobodys")
    factories.participant(world.other_office, world.outsider, last_name="Elsewhere")
    assert sorted(_names(world.leader)) == ["Colleagues", "Hassan", "Nobodys"]
    assert _names(world.leader, f"?veileder={world.colleague.pk}") == ["Colleagues"]
    assert _names(world.leader, "?vis=unassigned") == ["Nobodys"]


def test_it_ignores_a_counsellor_filter_for_a_counsellor(world: World) -> None:
    assert _names(world.counsellor, f"?veileder={world.colleague.pk}") == ["Hassan"]


def test_it_filters_no_contact_in_n_days(world: World) -> None:
    recent = factories.participant(world.office, world.counsellor, last_name="Recent")
    Meeting.objects.create(
        participant=recent, starts_at=NOW - datetime.timedelta(days=13), topic="x", organiser=world.counsellor,
        status=Meeting.Status.HELD,
    )  # fmt: skip
    lapsed = factories.participant(world.office, world.counsellor, last_name="Lapsed")
    Meeting.objects.create(
        participant=lapsed, starts_at=NOW - datetime.timedelta(days=14), topic="x", organiser=world.counsellor,
        status=Meeting.Status.HELD,
    )  # fmt: skip
    assert _names(world.counsellor, "?vis=no_contact") == ["Hassan", "Lapsed"]  # Hassan: never
    assert _names(world.counsellor, "?vis=no_contact&dager=20") == ["Hassan"]
    assert _names(world.counsellor, "?vis=no_contact&dager=13") == ["Hassan", "Lapsed", "Recent"]


def test_it_filters_meeting_today_and_waiting_and_overdue(world: World) -> None:
    busy = full_participant(world.office, world.counsellor, 3, author=world.counsellor)  # proposal due today
    overdue = full_participant(world.office, world.counsellor, 2, author=world.counsellor)  # due 2 days ago
    Meeting.objects.create(
        participant=busy, starts_at=NOW + datetime.timedelta(hours=3), topic="x", organiser=world.counsellor
    )
    assert _names(world.counsellor, "?vis=meeting_today") == [busy.last_name]
    assert _names(world.counsellor, "?vis=waiting") == [overdue.last_name, busy.last_name]
    assert _names(world.counsellor, "?vis=overdue_proposal") == [overdue.last_name]
    assert _names(world.counsellor, "?vis=flagged&vis=reminder_due") == [overdue.last_name, busy.last_name]


def test_it_filters_new_ending_soon_and_phases(world: World) -> None:
    factories.case(world.participant, world.counsellor)  # assessed: a new application
    ending = factories.participant(world.office, world.counsellor, last_name="Ending")
    running_case(ending, world.counsellor, ends_on=TODAY + datetime.timedelta(days=60))
    later = factories.participant(world.office, world.counsellor, last_name="Later")
    running_case(later, world.counsellor, ends_on=TODAY + datetime.timedelta(days=61))
    assert _names(world.counsellor, "?vis=new") == ["Hassan"]
    assert _names(world.counsellor, "?vis=ending_soon") == ["Ending"]
    assert _names(world.counsellor, "?fase=ending") == ["Ending"]
    assert _names(world.counsellor, "?fase=middle&fase=intake") == ["Hassan", "Later"]
    assert _names(world.counsellor, "?status=active&sorter=-end") == ["Later", "Ending"]


def test_it_filters_by_language_interpreter_and_category(world: World) -> None:
    factories.participant(
        world.office, world.counsellor, last_name="Tigrinya", preferred_language="ti", needs_interpreter=True,
        interpreter_language="ti",
    )  # fmt: skip
    Category.objects.create(counsellor=world.counsellor, participant=world.participant, colour="b")
    assert _names(world.counsellor, "?sprak=ti") == ["Tigrinya"]
    assert _names(world.counsellor, "?tolk=ja") == ["Tigrinya"]
    assert _names(world.counsellor, "?tolk=nei") == ["Hassan"]
    assert _names(world.counsellor, "?kategori=b") == ["Hassan"]
    assert _names(world.colleague, "?kategori=b") == []  # categories are each counsellor's own


def test_it_sorts_by_a_column_both_ways(world: World) -> None:
    for name, days in (("Early", 1), ("Late", 9)):
        person = factories.participant(world.office, world.counsellor, last_name=name)
        Meeting.objects.create(
            participant=person, starts_at=NOW + datetime.timedelta(days=days), topic="x", organiser=world.counsellor
        )
    assert _names(world.counsellor, "?sorter=meeting") == ["Early", "Late", "Hassan"]
    assert _names(world.counsellor, "?sorter=-meeting") == ["Hassan", "Late", "Early"]


def test_it_reports_invalid_filters_and_shows_everyone(world: World) -> None:
    response = client_for(world.counsellor).get(reverse("overview") + "?vis=bogus&dager=0")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"vis", "dager"}
    assert [row.participant.pk for row in response.context["rows"]] == [world.participant.pk]


def test_it_keeps_personal_data_out_of_its_links(world: World) -> None:
    Alert.objects.create(participant=world.participant, kind="no_contact", since=TODAY, message="x", evidence="E7")
    response = client_for(world.counsellor).get(reverse("overview") + "?vis=flagged")
    content = response.content.decode()
    participant: Participant = world.participant
    for href in [part.split('"')[0] for part in content.split('href="')[1:]]:
        assert participant.national_id not in href
        assert participant.last_name not in href
