import datetime

import pytest
from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.participants.models import Participant
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import nb


def post_new(world: World, **overrides: str) -> tuple[int, str]:
    data = {
        "national_id": factories.synthetic_id(datetime.date(1979, 8, 2)),
        "first_name": "Hamid",
        "last_name": "Rahimi",
        "preferred_language": "prs",
    } | overrides
    response = client_for(world.counsellor).post(reverse("participant_create"), data)
    return response.status_code, response.content.decode()


def test_it_registers_a_participant_assigned_to_the_counsellor(world: World) -> None:
    status, _ = post_new(world)
    assert status == 302
    created = Participant.objects.get(first_name="Hamid")
    assert created.counsellor == world.counsellor
    assert created.office == world.office
    assert AuditEvent.objects.filter(participant=created, action="create", actor=world.counsellor).count() == 1


@pytest.mark.parametrize(
    ("national_id", "message"),
    [
        ("12345", "A national identity number has exactly 11 digits."),
        ("1508869508x", "A national identity number has digits only."),
        ("15108695077", "This is not a valid national identity number: the check digits do not match."),
    ],
)
def test_it_explains_an_invalid_national_id_and_saves_nothing(world: World, national_id: str, message: str) -> None:
    before = Participant.objects.count()
    status, content = post_new(world, national_id=national_id)
    assert status == 200
    assert nb(message) in content
    assert Participant.objects.count() == before


def test_it_refuses_a_duplicate_participant(world: World) -> None:
    before = Participant.objects.count()
    status, content = post_new(world, national_id=world.participant.national_id)
    assert status == 200
    assert nb("A participant with this national identity number is already registered.") in content
    assert Participant.objects.count() == before


def test_it_needs_the_interpreter_language_when_an_interpreter_is_needed(world: World) -> None:
    status, content = post_new(world, needs_interpreter="on", preferred_language="nb")  # no interpreter for bokmål
    assert status == 200
    assert nb("Choose the language the interpreter should speak.") in content
    assert not Participant.objects.filter(first_name="Hamid").exists()


def test_it_shows_errors_in_english_when_the_user_chose_english(world: World) -> None:
    client = client_for(world.counsellor)
    client.post(reverse("set_language"), {"language": "en"})
    response = client.post(reverse("participant_create"), {"national_id": "12345", "first_name": "A", "last_name": "B"})
    assert "A national identity number has exactly 11 digits." in response.content.decode()


def test_it_keeps_country_of_birth_out_of_the_participant_page(world: World) -> None:
    world.participant.country_of_birth = "SO"
    world.participant.save()
    content = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk])).content
    assert b"Somalia" not in content
