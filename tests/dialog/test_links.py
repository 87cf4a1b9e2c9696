"""The pieces other pages include: the panel on My page, the link on the participant page, the worklist."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from kvp.accounts.models import User
from kvp.dialog.selectors import threads_waiting_for_counsellor, unread_count_for_viewer
from kvp.dialog.services import thread_start
from tests.conftest import World
from tests.dialog.builders import counsellors, own


def rendered(template: str, user: User, **context: object) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(template, context, request=request)


def test_it_shows_the_participant_how_many_messages_are_new(world: World) -> None:
    assert 'data-color="info"' not in rendered("dialog/_my_page_panel.html", world.participant_user)
    thread_start(actor=world.counsellor, access=counsellors(world), subject="Møte", text="Tirsdag?", language="nb")
    panel = rendered("dialog/_my_page_panel.html", world.participant_user)
    assert reverse("my_dialog") in panel
    assert 'data-color="info">1 ' in panel


def test_it_shows_staff_the_messages_they_have_not_read(world: World) -> None:
    thread_start(actor=world.participant_user, access=own(world), subject="Hei", text="Et spørsmål", language="nb")
    link = rendered("dialog/_participant_link.html", world.counsellor, participant=world.participant)
    assert reverse("dialog_list", args=[world.participant.pk]) in link
    assert 'data-color="info">1 ' in link
    assert unread_count_for_viewer(world.participant, world.participant_user) == 0


def test_it_lists_the_waiting_threads_for_the_worklist(world: World) -> None:
    thread = thread_start(
        actor=world.participant_user, access=own(world), subject="Spørsmål om penger", text="Når?", language="nb"
    )
    waiting = threads_waiting_for_counsellor(world.counsellor)
    page = rendered("dialog/_worklist.html", world.counsellor, waiting_threads=waiting)
    assert reverse("dialog_thread", args=[thread.pk]) in page
    assert "Spørsmål om penger" in page
