"""No existence oracle: registering a number held where the counsellor may not look gives one answer, whoever
holds it, and becomes a transfer request the holding office's leader decides."""

from __future__ import annotations

import re

from django.urls import reverse

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.participants.models import Participant, TransferRequest
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb

HELD_ELSEWHERE = (
    "This person cannot be registered here. Your request has been sent to the office responsible, "
    "which will contact you."
)


def register(user: User, national_id: str) -> tuple[int, str]:
    data = {"national_id": national_id, "first_name": "Hamid", "last_name": "Rahimi", "preferred_language": "prs"}
    response = client_for(user).post(reverse("participant_create"), data)
    main = response.content.decode().split("<main", 1)[-1]
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def register_by_api(user: User, national_id: str, **more: object) -> tuple[int, object]:
    data = {"national_id": national_id, "first_name": "Hamid", "last_name": "Rahimi", "preferred_language": "prs"}
    data |= more
    response = client_for(user).post(reverse("api_participants"), data, content_type="application/json")
    return response.status_code, response.json()


def test_a_number_held_by_another_office_and_a_shielded_number_give_the_same_answer(world: World) -> None:
    elsewhere = world.participant  # followed up at the counsellor's office, so elsewhere for the outsider
    # The same form, for the same outsider: a number at another office, a shielded person at their own office.
    shielded_here = factories.participant(world.other_office, None, shielded=True)
    other_status, other_page = register(world.outsider, elsewhere.national_id)
    shielded_status, shielded_page = register(world.outsider, shielded_here.national_id)

    assert other_status == shielded_status == 200
    assert nb(HELD_ELSEWHERE) in other_page
    assert other_page.replace(elsewhere.national_id, "") == shielded_page.replace(shielded_here.national_id, "")
    assert nb("A participant with this national identity number is already registered.") not in other_page
    assert "NAV Testby" not in other_page
    assert Participant.objects.count() == 2
    assert TransferRequest.objects.filter(requested_by=world.outsider).count() == 2


def test_the_api_gives_the_same_answer(world: World) -> None:
    shielded_here = factories.participant(world.other_office, None, shielded=True)
    assert register_by_api(world.outsider, world.participant.national_id) == (
        register_by_api(world.outsider, shielded_here.national_id)
    )
    status, body = register_by_api(world.outsider, world.participant.national_id)
    assert status == 400
    assert body == {"national_id": [nb(HELD_ELSEWHERE)]}


def test_the_attempt_is_audited_and_routed_to_the_office_that_follows_the_participant_up(world: World) -> None:
    register(world.outsider, world.participant.national_id)
    register(world.outsider, world.participant.national_id)  # a second attempt adds no second request

    transfer = TransferRequest.objects.get()
    assert (transfer.participant, transfer.requested_by, transfer.from_office, transfer.to_office) == (
        world.participant, world.outsider, world.other_office, world.office
    )  # fmt: skip
    attempts = AuditEvent.objects.filter(
        actor=world.outsider, participant=world.participant, object_type="transfer_request"
    )
    assert attempts.count() == 2


def test_a_visible_duplicate_is_still_named(world: World) -> None:
    status, page = register(world.counsellor, world.participant.national_id)
    assert status == 200
    assert nb("A participant with this national identity number is already registered.") in page
    assert not TransferRequest.objects.exists()


def test_the_leader_sees_the_request_and_accepts_it(world: World) -> None:
    register(world.outsider, world.participant.national_id)
    transfer = TransferRequest.objects.get()

    page = client_for(world.leader).get(reverse("transfer_requests")).content.decode()
    assert "Amina Hassan" in page
    assert "Per Berg" in page
    assert AuditEvent.objects.about(world.participant.pk).filter(actor=world.leader, action="list").exists()

    response = client_for(world.leader).post(
        reverse("transfer_request_decide", args=[transfer.pk]), {"decision": "accept"}
    )
    assert response.status_code == 302
    world.participant.refresh_from_db()
    assert (world.participant.office, world.participant.counsellor) == (world.other_office, world.outsider)
    transfer.refresh_from_db()
    assert (transfer.status, transfer.decided_by) == ("accepted", world.leader)
    assert AuditEvent.objects.filter(actor=world.leader, action="update", object_type="transfer_request").count() == 1
    # Decided once: a second answer changes nothing.
    client_for(world.leader).post(reverse("transfer_request_decide", args=[transfer.pk]), {"decision": "decline"})
    transfer.refresh_from_db()
    assert transfer.status == "accepted"


def test_the_leader_declines_and_the_participant_stays(world: World) -> None:
    register(world.outsider, world.participant.national_id)
    transfer = TransferRequest.objects.get()
    client_for(world.leader).post(reverse("transfer_request_decide", args=[transfer.pk]), {"decision": "decline"})
    world.participant.refresh_from_db()
    assert world.participant.office == world.office
    assert TransferRequest.objects.get().status == "declined"


def test_a_shielded_persons_request_is_hidden_from_a_leader_without_the_grant(world: World) -> None:
    shielded = factories.participant(world.office, world.counsellor, shielded=True)
    register(world.outsider, shielded.national_id)
    transfer = TransferRequest.objects.get()
    assert "Amina Hassan" not in client_for(world.leader).get(reverse("transfer_requests")).content.decode()
    response = client_for(world.leader).post(
        reverse("transfer_request_decide", args=[transfer.pk]), {"decision": "accept"}
    )
    assert response.status_code == 404
    assert TransferRequest.objects.get().status == "pending"
