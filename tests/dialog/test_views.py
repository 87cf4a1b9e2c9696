from pathlib import Path
from typing import Any

from django.urls import reverse

from kvp.dialog.models import Message, Thread, ThreadRead
from kvp.dialog.services import thread_start
from kvp.participants.access import get_participant_for_user
from tests import factories
from tests.conftest import World, client_for
from tests.dialog.builders import activity_for, counsellors, image, own, pdf, stored_files


def counsellor_thread(world: World, **fields: Any) -> Thread:
    values: dict[str, Any] = {"subject": "Møte", "text": "Passer tirsdag?", "language": "nb"}
    return thread_start(actor=world.counsellor, access=counsellors(world), **(values | fields))


def participant_thread(world: World) -> Thread:
    return thread_start(
        actor=world.participant_user, access=own(world), subject="Spørsmål", text="Når får jeg penger?", language="nb"
    )


# The participant's own pages


def test_it_lets_the_participant_start_a_thread_from_their_phone(world: World) -> None:
    client = client_for(world.participant_user)
    page = client.get(reverse("my_dialog"))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(
        reverse("my_thread_start"), {"subject": "Sykdom", "text": "Waan jirranahay maanta.", "language": "so"}
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("my_thread", args=[thread.pk])
    assert (thread.waiting_for, thread.created_by) == ("counsellor", world.participant_user)
    message = thread.messages.get()
    assert (message.text, message.language) == ("Waan jirranahay maanta.", "so")


def test_it_offers_the_participants_own_language_first(world: World) -> None:
    content = client_for(world.participant_user).get(reverse("my_dialog")).content.decode()
    assert '<option value="so" selected>' in content


def test_it_refuses_an_empty_message_from_the_participant_and_saves_nothing(world: World) -> None:
    response = client_for(world.participant_user).post(
        reverse("my_thread_start"), {"subject": "Sykdom", "text": "   ", "language": "so"}
    )
    assert response.status_code == 400
    assert 'id="id_text-error"' in response.content.decode()
    assert not Thread.objects.exists()


def test_it_shows_the_participant_a_thread_and_marks_it_read(world: World) -> None:
    thread = counsellor_thread(world)
    client = client_for(world.participant_user)
    assert 'data-color="info">1 ' in client.get(reverse("my_dialog")).content.decode()
    page = client.get(reverse("my_thread", args=[thread.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Passer tirsdag?" in content
    assert 'lang="nb" dir="auto"' in content
    assert ThreadRead.objects.filter(thread=thread, user=world.participant_user).exists()
    assert 'data-color="info">1 ' not in client.get(reverse("my_dialog")).content.decode()


def test_it_lets_the_participant_reply(world: World) -> None:
    thread = counsellor_thread(world)
    response = client_for(world.participant_user).post(
        reverse("my_reply", args=[thread.pk]), {"text": "Ja, det passer.", "language": "nb"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#siste")
    thread.refresh_from_db()
    assert thread.waiting_for == "counsellor"
    assert thread.messages.count() == 2


def test_it_refuses_an_empty_reply_and_saves_nothing(world: World) -> None:
    thread = counsellor_thread(world)
    response = client_for(world.participant_user).post(
        reverse("my_reply", args=[thread.pk]), {"text": "", "language": "nb"}
    )
    assert response.status_code == 400
    assert thread.messages.count() == 1


def test_it_hides_another_participants_thread_from_the_participant(world: World) -> None:
    other = factories.participant(world.office, world.counsellor)
    thread = thread_start(
        actor=world.counsellor,
        access=get_participant_for_user(world.counsellor, other.pk, for_write=True),
        subject="Annen",
        text="Hei",
        language="nb",
    )
    client = client_for(world.participant_user)
    assert client.get(reverse("my_thread", args=[thread.pk])).status_code == 404
    assert client.post(reverse("my_reply", args=[thread.pk]), {"text": "x", "language": "nb"}).status_code == 404
    assert thread.messages.count() == 1


def test_it_refuses_a_bad_attachment_with_a_clear_error_and_saves_nothing(world: World, media: Path) -> None:
    response = client_for(world.participant_user).post(
        reverse("my_thread_start"),
        {"subject": "Bilde", "text": "Se vedlegg", "language": "nb", "attachment": image("bilde.png", "JPEG")},
    )
    assert response.status_code == 400
    assert 'id="id_attachment-error"' in response.content.decode()
    assert not Thread.objects.exists()
    assert stored_files(media) == []


def test_it_lets_the_participant_download_an_attachment_from_the_counsellor(world: World) -> None:
    thread = counsellor_thread(world, attachment=pdf("timeplan.pdf"))
    message = thread.messages.get()
    response = client_for(world.participant_user).get(reverse("my_attachment", args=[message.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="timeplan.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]


# Staff pages


def test_it_shows_the_counsellor_the_participants_threads(world: World) -> None:
    participant_thread(world)
    response = client_for(world.counsellor).get(reverse("dialog_list", args=[world.participant.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Spørsmål" in content
    assert reverse("dialog_thread_start", args=[world.participant.pk]) in content


def test_it_preselects_an_activity_for_a_new_thread(world: World) -> None:
    activity = activity_for(world)
    url = reverse("dialog_list", args=[world.participant.pk])
    content = client_for(world.counsellor).get(f"{url}?aktivitet={activity.pk}").content.decode()
    assert f'<option value="{activity.pk}" selected>' in content
    # Nonsense or someone else's id preselects nothing.
    assert client_for(world.counsellor).get(f"{url}?aktivitet=nonsense").status_code == 200


def test_it_starts_a_thread_about_an_activity(world: World) -> None:
    activity = activity_for(world)
    response = client_for(world.counsellor).post(
        reverse("dialog_thread_start", args=[world.participant.pk]),
        {"subject": "Praksis", "activity": activity.pk, "text": "Hvordan går det i barnehagen?", "language": "nb"},
    )
    thread = Thread.objects.get()
    assert response["Location"] == reverse("dialog_thread", args=[thread.pk])
    assert (thread.activity, thread.waiting_for) == (activity, "participant")


def test_it_refuses_an_empty_message_from_the_counsellor_and_saves_nothing(world: World) -> None:
    response = client_for(world.counsellor).post(
        reverse("dialog_thread_start", args=[world.participant.pk]), {"subject": "Møte", "text": "", "language": "nb"}
    )
    assert response.status_code == 400
    assert 'id="id_text-error"' in response.content.decode()
    assert not Thread.objects.exists()


def test_it_lets_the_counsellor_reply_and_close(world: World) -> None:
    thread = participant_thread(world)
    client = client_for(world.counsellor)
    page = client.get(reverse("dialog_thread", args=[thread.pk])).content.decode()
    assert "Når får jeg penger?" in page
    assert reverse("dialog_close", args=[thread.pk]) in page
    response = client.post(reverse("dialog_reply", args=[thread.pk]), {"text": "Den 20. hver måned.", "language": "nb"})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.waiting_for == "participant"
    response = client.post(reverse("dialog_close", args=[thread.pk]), {"version": thread.version})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.waiting_for == "nobody"


def test_it_refuses_to_close_with_an_old_version(world: World) -> None:
    thread = participant_thread(world)
    client_for(world.counsellor).post(reverse("dialog_close", args=[thread.pk]), {"version": thread.version - 1})
    thread.refresh_from_db()
    assert thread.waiting_for == "counsellor"


def test_it_refuses_an_empty_reply_from_the_counsellor(world: World) -> None:
    thread = participant_thread(world)
    response = client_for(world.counsellor).post(
        reverse("dialog_reply", args=[thread.pk]), {"text": "", "language": "nb"}
    )
    assert response.status_code == 400
    assert Message.objects.count() == 1


def test_it_shows_the_leader_the_thread_without_a_reply_form(world: World) -> None:
    thread = participant_thread(world)
    response = client_for(world.leader).get(reverse("dialog_thread", args=[thread.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Når får jeg penger?" in content
    assert reverse("dialog_reply", args=[thread.pk]) not in content


def test_it_downloads_an_attachment_never_inline(world: World) -> None:
    thread = participant_thread(world)
    client_for(world.participant_user).post(
        reverse("my_reply", args=[thread.pk]),
        {"text": "Vedlegg", "language": "nb", "attachment": pdf("legeerklæring.pdf")},
    )
    message = Message.objects.exclude(attachment="").get()
    response = client_for(world.counsellor).get(reverse("dialog_attachment", args=[message.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_it_answers_404_for_a_message_without_an_attachment(world: World) -> None:
    message = participant_thread(world).messages.get()
    assert client_for(world.counsellor).get(reverse("dialog_attachment", args=[message.pk])).status_code == 404
