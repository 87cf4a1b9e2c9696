from django.urls import reverse
from django.utils.html import escape
from django.utils.text import capfirst

from kvp.audit.models import AuditEvent
from tests.conftest import World, client_for
from tests.i18n import CONFLICT, nb


def form_data(world: World, **overrides: object) -> dict[str, object]:
    person = world.participant
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "preferred_language": "so",
        "phone": "412 34 567",
        "version": person.version,
    } | overrides


def test_it_saves_changed_details_and_logs_the_change(world: World) -> None:
    url = reverse("participant_edit", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, form_data(world))
    assert response.status_code == 302
    world.participant.refresh_from_db()
    assert world.participant.phone == "412 34 567"
    assert world.participant.version == 2
    assert AuditEvent.objects.filter(participant=world.participant, action="update").count() == 1


def test_it_refuses_to_overwrite_a_newer_version(world: World) -> None:
    url = reverse("participant_edit", args=[world.participant.pk])
    stale = form_data(world, phone="400 00 000")
    client_for(world.counsellor).post(url, form_data(world))
    response = client_for(world.counsellor).post(url, stale)
    assert response.status_code == 200
    content = response.content.decode()
    changed = f"{capfirst(nb('mobile phone'))}: 412 34 567"
    assert escape(nb(CONFLICT) % {"changes": changed}) in content
    assert 'value="400 00 000"' in content  # the user's input is kept, to decide on
    assert 'name="version" value="2"' in content  # saving again overwrites knowingly
    world.participant.refresh_from_db()
    assert world.participant.phone == "412 34 567"


def test_it_refuses_an_invalid_postal_code(world: World) -> None:
    url = reverse("participant_edit", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, form_data(world, postal_code="30A"))
    assert response.status_code == 200
    assert nb("A Norwegian postal code has four digits.") in response.content.decode()
    world.participant.refresh_from_db()
    assert world.participant.version == 1


def test_it_lets_the_leader_reassign_within_the_office(world: World) -> None:
    url = reverse("participant_reassign", args=[world.participant.pk])
    client_for(world.leader).post(url, {"counsellor": world.colleague.pk})
    world.participant.refresh_from_db()
    assert world.participant.counsellor == world.colleague


def test_it_refuses_a_counsellor_from_another_office(world: World) -> None:
    url = reverse("participant_reassign", args=[world.participant.pk])
    client_for(world.leader).post(url, {"counsellor": world.outsider.pk})
    world.participant.refresh_from_db()
    assert world.participant.counsellor == world.counsellor
