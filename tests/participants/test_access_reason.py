from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.participants.models import AccessReason
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb


def test_it_lets_a_colleague_open_a_participant_after_recording_a_reason(world: World) -> None:
    client = client_for(world.colleague)
    detail = reverse("participant_detail", args=[world.participant.pk])
    first = client.get(detail)
    assert first.status_code == 302
    assert not AuditEvent.objects.filter(actor=world.colleague).exists()  # nothing was read yet

    reason_url = first["Location"]
    answer = client.post(reason_url, {"reason": "Kari is ill; I hold today's meeting"})
    assert answer.status_code == 302
    assert answer["Location"] == detail

    assert client.get(detail).status_code == 200
    event = AuditEvent.objects.get(actor=world.colleague, action="view")
    assert event.reason == "Kari is ill; I hold today's meeting"
    assert event.basis == "reason"


def test_it_refuses_a_too_short_reason_and_records_nothing(world: World) -> None:
    url = reverse("access_reason", args=[world.participant.pk])
    response = client_for(world.colleague).post(url, {"reason": "fordi"})
    assert response.status_code == 200
    assert nb("Write a reason of at least 10 characters, e.g. 'Covering for the counsellor today'.") in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert not AccessReason.objects.exists()


def test_it_hides_a_shielded_participant_from_staff_without_a_grant(world: World) -> None:
    shielded = factories.participant(world.office, world.counsellor, shielded=True)
    url = reverse("participant_detail", args=[shielded.pk])
    assert client_for(world.leader).get(url).status_code == 404
    assert client_for(world.colleague).get(reverse("access_reason", args=[shielded.pk])).status_code == 404
    world.leader.may_view_shielded = True
    world.leader.save()
    assert client_for(world.leader).get(url).status_code == 200


def test_it_leaves_shielded_participants_out_of_lists_without_a_grant(world: World) -> None:
    shielded = factories.participant(world.office, world.counsellor, shielded=True, first_name="Skjermet")
    content = client_for(world.leader).get(reverse("participant_list")).content.decode()
    assert "Skjermet" not in content
    assert not AuditEvent.objects.filter(participant=shielded).exists()
