import datetime

import pytest
import time_machine
from django.urls import reverse

from kvp.followup.models import CaseNote, Meeting
from tests.conftest import World, client_for


@pytest.fixture(autouse=True)
def _now() -> object:
    with time_machine.travel(datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_it_plans_a_meeting_with_an_interpreter(world: World) -> None:
    url = reverse("meeting_create", args=[world.participant.pk])
    data = {
        "starts_at": "2026-12-03T10:00",
        "duration_minutes": 60,
        "channel": "in_person",
        "topic": "Kartlegging",
        "interpreter_language": "so",
    }
    assert client_for(world.counsellor).post(url, data).status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.interpreter_language, meeting.organiser) == ("planned", "so", world.counsellor)


def test_it_records_a_past_meeting_as_held(world: World) -> None:
    url = reverse("meeting_create", args=[world.participant.pk])
    data = {"starts_at": "2026-11-20T10:00", "duration_minutes": 30, "channel": "phone", "topic": "Oppfølging"}
    client_for(world.counsellor).post(url, data)
    assert Meeting.objects.get().status == "held"


def test_it_refuses_a_meeting_without_a_time_and_saves_nothing(world: World) -> None:
    url = reverse("meeting_create", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, {"starts_at": "", "channel": "phone", "topic": "x"})
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_it_saves_a_note_and_shows_it_on_the_participant_page(world: World) -> None:
    client = client_for(world.counsellor)
    url = reverse("note_create", args=[world.participant.pk])
    client.post(url, {"title": "Mål", "text": "Amina ønsker å bli helsefagarbeider."})
    assert CaseNote.objects.get().author == world.counsellor
    page = client.get(reverse("participant_detail", args=[world.participant.pk])).content.decode()
    assert "Amina ønsker å bli helsefagarbeider." in page


def test_it_does_not_show_case_notes_on_the_participants_own_page(world: World) -> None:
    CaseNote.objects.create(participant=world.participant, author=world.counsellor, title="Intern", text="Intern")
    content = client_for(world.participant_user).get(reverse("my_page")).content.decode()
    assert "Intern" not in content
