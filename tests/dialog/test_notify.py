from typing import Any

from django.core import mail

from kvp.accounts.models import User
from kvp.dialog.models import Thread
from kvp.dialog.notify import new_message_notice
from kvp.dialog.services import thread_start
from kvp.notices.channels import EmailChannel
from tests import factories
from tests.conftest import World
from tests.dialog.builders import counsellors, own
from tests.i18n import nb

SECRET_TEXT = "Jeg har vondt i ryggen og kan ikke jobbe"


def a_thread(world: World) -> Thread:
    return thread_start(
        actor=world.participant_user, access=own(world), subject="Helse", text=SECRET_TEXT, language="nb"
    )


def notify(recipient: User, thread: Thread) -> None:
    EmailChannel().send(new_message_notice(recipient, thread))


def personal_data(world: World) -> list[str]:
    person = world.participant
    return [person.first_name, person.last_name, person.national_id, "Helse", SECRET_TEXT, world.counsellor.last_name]


def test_it_emails_the_participant_a_notice_without_personal_data(world: World) -> None:
    world.participant.email = "amina@example.org"
    world.participant.save()
    thread = a_thread(world)
    notify(world.participant_user, thread)
    (sent,) = mail.outbox
    assert sent.to == ["amina@example.org"]
    whole = sent.subject + sent.body
    for data in personal_data(world):
        assert data not in whole
    assert f"/meg/dialog/{thread.pk}/" in sent.body


def test_it_prefers_the_email_of_the_login(world: World) -> None:
    world.participant.email = "record@example.org"
    world.participant.save()
    world.participant_user.email = "login@example.org"
    world.participant_user.save()
    notify(world.participant_user, a_thread(world))
    assert mail.outbox[0].to == ["login@example.org"]


def test_it_emails_the_counsellor_a_link_to_the_staff_page(world: World) -> None:
    world.counsellor.email = "kari@nav.example"
    world.counsellor.save()
    thread = a_thread(world)
    notify(world.counsellor, thread)
    (sent,) = mail.outbox
    assert sent.to == ["kari@nav.example"]
    assert f"/dialog/{thread.pk}/" in sent.body
    assert "/meg/" not in sent.body
    for data in personal_data(world):
        assert data not in sent.subject + sent.body


def test_it_sends_nothing_to_someone_without_an_address(world: World) -> None:
    notify(world.participant_user, a_thread(world))
    assert mail.outbox == []


def test_it_sends_the_mail_after_the_message_is_saved(
    world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.KVP_NOTICE_CHANNEL = "kvp.notices.channels.EmailChannel"
    world.participant.email = "amina@example.org"
    world.participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        thread_start(actor=world.counsellor, access=counsellors(world), subject="Møte", text="Tirsdag?", language="nb")
    assert [sent.to for sent in mail.outbox] == [["amina@example.org"]]


def test_it_writes_the_notice_in_the_participants_language_when_it_has_a_reviewed_translation(world: World) -> None:
    english = factories.participant(world.office, world.counsellor, with_login=True, preferred_language="en")
    english.email = "sam@example.org"
    english.save()
    thread = Thread.objects.create(
        participant=english, subject="s", language="en", waiting_for="participant", created_by=world.counsellor
    )
    notify(english.user, thread)  # type: ignore[arg-type]
    assert mail.outbox[0].subject == "You have a new message in KVP"


def test_it_writes_the_notice_in_bokmal_when_the_participants_language_has_no_reviewed_translation(
    world: World,
) -> None:
    somali = factories.participant(world.office, world.counsellor, with_login=True, preferred_language="so")
    thread = Thread.objects.create(
        participant=somali, subject="s", language="so", waiting_for="participant", created_by=world.counsellor
    )
    notice = new_message_notice(somali.user, thread)  # type: ignore[arg-type]
    assert (notice.language, notice.subject) == ("nb", nb("You have a new message in KVP"))


class BrokenChannel:
    def send(self, notice: object) -> None:
        raise ConnectionRefusedError("smtp.example: amina@example.org refused")


def test_it_keeps_the_message_and_logs_no_address_when_the_notice_fails(
    world: World, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        thread = thread_start(
            actor=world.counsellor,
            access=counsellors(world),
            subject="Møte",
            text="Tirsdag?",
            language="nb",
            channel=BrokenChannel(),
        )
    assert thread.messages.count() == 1
    assert "ConnectionRefusedError" in caplog.text
    assert "amina@example.org" not in caplog.text
