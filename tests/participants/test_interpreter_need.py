"""The interpreter: prefilled from the participant's language, and the need shown wherever staff meet or write to
the participant (the case page, the meeting forms, the message pages)."""

from __future__ import annotations

from django.urls import reverse

from kvp.participants.forms import ParticipantEditForm
from kvp.participants.models import Participant
from tests.conftest import World, client_for

NEED = "Trenger tolk: Somali"


def needing_an_interpreter(world: World) -> Participant:
    Participant.objects.filter(pk=world.participant.pk).update(needs_interpreter=True, interpreter_language="so")
    return Participant.objects.get(pk=world.participant.pk)


def test_the_case_page_shows_the_need_and_the_meeting_form_has_the_interpreter_chosen(world: World) -> None:
    needing_an_interpreter(world)
    page = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    content = page.content.decode()
    assert NEED in content
    assert '<option value="so" selected>' in content


def test_without_a_need_nothing_is_shown_and_no_interpreter_is_chosen(world: World) -> None:
    content = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk])).content
    assert NEED not in content.decode()
    assert '<option value="" selected>' in content.decode()


def test_the_message_pages_show_the_need(world: World) -> None:
    needing_an_interpreter(world)
    client = client_for(world.counsellor)
    assert NEED in client.get(reverse("dialog_list", args=[world.participant.pk])).content.decode()


def test_the_interpreter_language_starts_as_the_participants_own() -> None:
    form = ParticipantEditForm(initial={"preferred_language": "ti", "interpreter_language": ""})
    assert form.initial["interpreter_language"] == "ti"
    norwegian = ParticipantEditForm(initial={"preferred_language": "nn", "interpreter_language": ""})
    assert norwegian.initial["interpreter_language"] == ""


def test_ticking_the_need_without_a_language_takes_the_participants_own() -> None:
    data = {"first_name": "A", "last_name": "B", "preferred_language": "ar", "needs_interpreter": "on", "version": 1}
    form = ParticipantEditForm(data=data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["interpreter_language"] == "ar"
    form = ParticipantEditForm(data=data | {"preferred_language": "nb"})
    assert not form.is_valid()
    assert "interpreter_language" in form.errors
