import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from kvp.audit.models import AppendOnlyError, AuditEvent
from kvp.common import formatting
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb


def test_it_records_a_counsellors_read_and_shows_it_to_the_participant(world: World) -> None:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))

    event = AuditEvent.objects.get(actor=world.counsellor)
    assert (event.participant, event.action, event.basis, event.actor_roles) == (
        world.participant, "view", "assigned", "counsellor",
    )  # fmt: skip

    own = client_for(world.participant_user)
    start_page = own.get(reverse("my_page")).content.decode()
    assert "Kari Nordmann" in start_page
    log_page = own.get(reverse("my_access_log")).content.decode()
    assert "Kari Nordmann" in log_page
    assert "NAV Testby" in log_page


def test_it_does_not_list_the_participants_own_reads_in_innsyn(world: World) -> None:
    own = client_for(world.participant_user)
    own.get(reverse("my_page"))
    content = own.get(reverse("my_access_log")).content.decode()
    assert AuditEvent.objects.filter(actor=world.participant_user).count() == 2
    assert "Amina Hassan" not in content.split("<main", 1)[1]


def test_it_logs_one_event_per_list_shown_naming_everyone_in_it(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, first_name="Olena")
    client_for(world.counsellor).get(reverse("participant_list"))
    event = AuditEvent.objects.get(actor=world.counsellor, action="list")
    assert event.participant is None
    assert sorted(event.listed.split()) == sorted([world.participant.pk.hex, other.pk.hex])
    assert (event.actor_office, event.basis) == (world.office, "assigned")
    assert list(AuditEvent.objects.about(other.pk)) == [event]


def test_a_list_event_is_append_only_too(world: World) -> None:
    client_for(world.counsellor).get(reverse("participant_list"))
    event = AuditEvent.objects.get(action="list")
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET listed = ''")
    assert AuditEvent.objects.get(action="list").listed == world.participant.pk.hex


def test_an_event_names_a_participant_or_is_a_list_naming_some(world: World) -> None:
    client_for(world.counsellor).get(reverse("participant_list"))
    event = AuditEvent.objects.get(action="list")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(actor=world.counsellor, action="view", object_type="participant", basis="assigned")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(
            actor=world.counsellor, action="list", object_type="participant_list", basis="assigned", listed=""
        )
    assert list(AuditEvent.objects.all()) == [event]


LISTED = "Listed in %(count)s overview by %(name)s (%(office)s) on %(day)s"


def test_it_sums_up_list_views_per_staff_member_and_day_in_innsyn(world: World) -> None:
    for _view in range(3):
        client_for(world.counsellor).get(reverse("participant_list"))
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))

    content = client_for(world.participant_user).get(reverse("my_access_log")).content.decode()
    today = timezone.localdate()
    with translation.override("nb"):
        line = translation.ngettext(LISTED, LISTED.replace("overview", "overviews"), 3)
    assert line != LISTED.replace("overview", "overviews"), "not translated to bokmål"
    day = formatting.day(today)
    assert line % {"count": 3, "name": "Kari Nordmann", "office": "NAV Testby", "day": day} in content
    assert content.count("Kari Nordmann") == 2  # the summed-up lists and the one opening of the record


def test_it_refuses_to_change_or_delete_an_event(world: World) -> None:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    event = AuditEvent.objects.get()
    event.reason = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


@pytest.mark.parametrize("statement", ["UPDATE audit_auditevent SET reason = 'x'", "DELETE FROM audit_auditevent"])
def test_it_refuses_changes_in_the_database_itself(world: World, statement: str) -> None:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.get().reason == ""


COLUMNS = "actor_id, actor_roles, actor_office_name, participant_id, action, object_type, object_id, basis, at"
REWRITE = f"INTO audit_auditevent (id, reason, {COLUMNS}) SELECT id, 'rewritten', {COLUMNS} FROM audit_auditevent"  # noqa: S608
UPSERT = (
    "INSERT INTO audit_auditevent SELECT * FROM audit_auditevent WHERE true ON CONFLICT (id) DO UPDATE SET reason = 'x'"
)
REPLACING = {
    "sqlite": [f"INSERT OR REPLACE {REWRITE}", f"REPLACE {REWRITE}", UPSERT],
    "postgresql": ["TRUNCATE audit_auditevent", "TRUNCATE audit_auditevent CASCADE", UPSERT],
}


@pytest.mark.parametrize("attempt", range(3))
def test_it_refuses_to_replace_or_truncate_events(world: World, attempt: int) -> None:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    statement = REPLACING[connection.vendor][attempt]
    if connection.vendor == "postgresql":  # check the new row's foreign keys now, or TRUNCATE refuses for that
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert list(AuditEvent.objects.values_list("reason", flat=True)) == [""]


def test_it_lets_the_leader_search_the_offices_trail_by_national_id(world: World) -> None:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    other = factories.participant(world.office, world.counsellor, first_name="Olena", last_name="Kovalenko")
    client_for(world.counsellor).get(reverse("participant_detail", args=[other.pk]))

    response = client_for(world.leader).post(reverse("audit_search"), {"national_id": world.participant.national_id})
    content = response.content.decode()
    assert "Amina Hassan" in content
    assert "Kovalenko" not in content
    # The leader's search is itself a read of the participant's data, and is logged.
    assert AuditEvent.objects.filter(actor=world.leader, object_type="audit_trail").count() == 1


def test_it_keeps_other_offices_out_of_the_leaders_search(world: World) -> None:
    elsewhere = factories.participant(world.other_office, world.outsider, first_name="Tomasz", last_name="Nowak")
    client_for(world.outsider).get(reverse("participant_detail", args=[elsewhere.pk]))
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    content = client_for(world.leader).post(reverse("audit_search"), {"national_id": ""}).content.decode()
    assert "Amina Hassan" in content
    assert "Nowak" not in content


def test_it_refuses_a_reversed_date_range(world: World) -> None:
    response = client_for(world.leader).post(
        reverse("audit_search"), {"date_from": "2026-11-20", "date_to": "2026-11-01"}
    )
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(actor=world.leader).exists()


def test_it_keeps_national_ids_out_of_urls(world: World) -> None:
    """Searches are posted; every link on the pages carries opaque ids only."""
    for url in [reverse("participant_list"), reverse("participant_detail", args=[world.participant.pk])]:
        content = client_for(world.counsellor).get(url).content.decode()
        hrefs = [part.split('"', 1)[0] for part in content.split('href="')[1:]]
        assert all(world.participant.national_id not in href for href in hrefs)


def test_it_filters_the_trail_by_a_staff_members_nav_ident(world: World) -> None:
    client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    client_for(world.leader).get(reverse("participant_detail", args=[world.participant.pk]))
    content = client_for(world.leader).post(reverse("audit_search"), {"actor": "KARI_NORDMANN"}).content.decode()
    assert "Kari Nordmann (kari_nordmann)" in content
    assert "Lise Leder (lise_leder)" not in content


def test_it_explains_an_unknown_nav_ident(world: World) -> None:
    response = client_for(world.leader).post(reverse("audit_search"), {"actor": "per_berg"})  # another office
    assert nb("No staff member at your office has this NAV ident.") in response.content.decode()
    assert not AuditEvent.objects.filter(actor=world.leader).exists()


def test_the_leaders_search_for_a_participant_finds_the_lists_that_showed_them(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, first_name="Olena", last_name="Kovalenko")
    client_for(world.counsellor).get(reverse("participant_list"))
    response = client_for(world.leader).post(reverse("audit_search"), {"national_id": other.national_id})
    events = response.context["events"]
    assert [(event.action, event.listed_count) for event in events] == [("list", 2)]
    assert nb("Shown in a list") in response.content.decode()
    content = client_for(world.leader).post(reverse("audit_search"), {"action": "list"}).content.decode()
    assert "Kari Nordmann (kari_nordmann)" in content  # the office's lists, without a name filter too


def test_the_leaders_search_leaves_out_other_offices_lists_and_shielded_persons(world: World) -> None:
    shielded = factories.participant(world.office, world.counsellor, first_name="Sara", shielded=True)
    world.counsellor.may_view_shielded = True
    world.counsellor.save()
    client_for(world.counsellor).get(reverse("participant_list"))
    factories.participant(world.other_office, world.outsider, first_name="Tomasz")
    client_for(world.outsider).get(reverse("participant_list"))

    found = client_for(world.leader).post(reverse("audit_search"), {"action": "list"}).context["events"]
    assert [event.actor for event in found] == [world.counsellor]
    by_number = client_for(world.leader).post(reverse("audit_search"), {"national_id": shielded.national_id})
    assert list(by_number.context["events"]) == []
