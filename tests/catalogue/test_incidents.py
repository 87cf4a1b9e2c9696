"""Discrimination incidents: recorded and followed up by the participant's counsellor, seen by leaders per
employer, and shown in the catalogue while unresolved (E12)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.catalogue.audit_types import INCIDENT
from kvp.catalogue.incidents import incident_record, incident_update
from kvp.catalogue.models import Incident, Provider
from kvp.catalogue.selectors import providers_with_unresolved_incidents
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.plans.builders import access_for

TODAY = datetime.date(2026, 11, 20)
WHAT = "Vaktleder ba deltakeren ta av hijaben i kassen."


def employer(w: World, name: str = "Kiwi Strømsø") -> Provider:
    return provider(w.office, w.leader, name=name, kind="private", sector="retail", is_employer=True)


def fields(**overrides: Any) -> dict[str, Any]:
    return {"happened_on": datetime.date(2026, 11, 2), "what_happened": WHAT, "consent": "yes"} | overrides


def record(w: World, **overrides: Any) -> Incident:
    return incident_record(
        actor=w.counsellor,
        provider=employer(w),
        fields=fields(**overrides),
        access=access_for(w.counsellor, w.participant),
        today=TODAY,
    )


def test_it_records_an_incident_and_logs_the_write(world: World) -> None:
    incident = record(world)
    assert incident.status == Incident.Status.OPEN
    assert incident.participant == world.participant
    event = AuditEvent.objects.get(object_type=INCIDENT, action=AuditEvent.Action.CREATE)
    assert event.object_id == str(incident.pk)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"what_happened": "   "}, "what_happened"),
        ({"happened_on": TODAY + datetime.timedelta(days=1)}, "happened_on"),
        ({"consent": "maybe"}, "consent"),
        ({"consent": "not_asked", "employer_talk_on": TODAY}, "employer_talk_on"),
        ({"status": "resolved", "resolved_on": TODAY}, "outcome"),
        ({"status": "resolved", "outcome": "Beklaget."}, "resolved_on"),
    ],
)
def test_it_refuses_bad_input_with_a_clear_message_and_stores_nothing(
    world: World, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        record(world, **overrides)
    assert field in raised.value.message_dict
    assert raised.value.message_dict[field][0]
    assert not Incident.objects.exists()
    assert not AuditEvent.objects.filter(object_type=INCIDENT).exists()


def test_a_leader_reads_but_does_not_record(world: World) -> None:
    with pytest.raises(PermissionDenied):
        incident_record(
            actor=world.leader,
            provider=employer(world),
            fields=fields(),
            access=access_for(world.leader, world.participant),
            today=TODAY,
        )
    assert not Incident.objects.exists()


def test_a_counsellor_cannot_record_at_another_offices_employer(world: World) -> None:
    elsewhere = provider(world.other_office, world.administrator, name="Rema Annenby", is_employer=True)
    with pytest.raises(PermissionDenied):
        incident_record(actor=world.counsellor, provider=elsewhere, fields=fields(), today=TODAY)
    assert not Incident.objects.exists()


def test_it_follows_up_and_resolves(world: World) -> None:
    incident = record(world)
    resolved = incident_update(
        actor=world.counsellor,
        incident=incident,
        fields=fields(
            employer_talk_on=datetime.date(2026, 11, 5),
            employer_talk_note="Møte med butikksjef.",
            ombud_advice_on=datetime.date(2026, 11, 3),
            outcome="Butikksjef beklaget; vaktleder har fått opplæring.",
            status="resolved",
            resolved_on=datetime.date(2026, 11, 18),
        ),
        seen_version=1,
        access=access_for(world.counsellor, world.participant),
        today=TODAY,
    )
    assert (resolved.status, resolved.version) == ("resolved", 2)
    assert providers_with_unresolved_incidents() == set()


def test_it_refuses_a_stale_update(world: World) -> None:
    incident = record(world)
    with pytest.raises(ValidationError) as raised:
        incident_update(
            actor=world.counsellor,
            incident=incident,
            fields=fields(outcome="x"),
            seen_version=0,
            access=access_for(world.counsellor, world.participant),
            today=TODAY,
        )
    assert raised.value.code == "stale"
    incident.refresh_from_db()
    assert (incident.outcome, incident.version) == ("", 1)


def test_it_lists_providers_with_unresolved_incidents_in_one_query(world: World) -> None:
    open_incident = record(world)
    other = employer(world, "Rema 1000 Bragernes")
    incident_record(
        actor=world.counsellor,
        provider=other,
        fields=fields(status="resolved", resolved_on=TODAY, outcome="Beklaget."),
        today=TODAY,
    )
    with CaptureQueriesContext(connection) as queries:
        flagged = providers_with_unresolved_incidents()
    assert flagged == {open_incident.provider_id}
    assert len(queries) == 1


def test_the_catalogue_marks_the_employer_for_staff_but_not_for_participants(world: World) -> None:
    incident = record(world)
    placement = offer(incident.provider, world.leader, measure_type="work_practice", title="Arbeidspraksis i butikk")
    flag = b'data-variant="strong" data-color="warning"'  # catalogue/incident_flag.html
    for user, shown in ((world.counsellor, True), (world.leader, True), (world.participant_user, False)):
        detail = client_for(user).get(reverse("offer_detail", args=[placement.pk]))
        listing = client_for(user).get(reverse("catalogue"))
        assert (incident.provider_id in detail.context["flagged"]) is shown
        assert (flag in detail.content) is shown
        assert (flag in listing.content) is shown


def test_the_leader_sees_incidents_per_employer_and_a_read_is_logged(world: World) -> None:
    incident = record(world)
    client = client_for(world.leader)
    listing = client.get(reverse("incident_list"))
    assert [owner for owner, _items in listing.context["groups"]] == [incident.provider]
    assert client.get(reverse("provider_edit", args=[incident.provider_id])).context["incidents"] == [incident]
    client.get(reverse("incident_detail", args=[incident.pk]))
    assert AuditEvent.objects.filter(object_type=INCIDENT, action=AuditEvent.Action.VIEW, actor=world.leader).exists()


def test_the_form_refuses_bad_dates_and_saves_nothing(world: World) -> None:
    place = employer(world)
    response = client_for(world.counsellor).post(
        reverse("incident_create_for", args=[world.participant.pk]),
        {
            "incident-provider": str(place.pk),
            "incident-happened_on": "2099-01-01",
            "incident-what_happened": WHAT,
            "incident-consent": "yes",
            "incident-status": "open",
        },
    )
    assert response.status_code == 400
    assert "happened_on" in response.context["form"].errors
    assert not Incident.objects.exists()
