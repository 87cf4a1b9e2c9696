import datetime
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.dialog.models import Message, Thread
from kvp.dialog.selectors import (
    threads_for_participant,
    threads_waiting_for_counsellor,
    unread_count_for_participant_user,
)
from kvp.dialog.services import message_send, thread_close, thread_mark_read, thread_start
from kvp.notices.channels import MemoryChannel
from kvp.notices.models import NoticeSent
from kvp.participants.access import get_participant_for_user
from tests import factories
from tests.conftest import World
from tests.dialog.builders import activity_for, counsellors, own
from tests.dialog.conftest import NOW

OnCommit = Callable[..., Any]


def told(channel: MemoryChannel) -> list[tuple[str, str]]:
    """Whom the channel told about what, as the notices name them."""
    return [(notice.recipient, notice.about) for notice in channel.sent]


def notice_to(user: User, thread: Thread) -> tuple[str, str]:
    return (f"user:{user.pk}", f"thread:{thread.pk}")


def start_by_participant(world: World, notifier: MemoryChannel | None = None, **fields: Any) -> Thread:
    values: dict[str, Any] = {"subject": "Barnehage", "text": "Jeg kan ikke komme mandag.", "language": "so"}
    return thread_start(actor=world.participant_user, access=own(world), channel=notifier, **(values | fields))


def start_by_counsellor(world: World, notifier: MemoryChannel | None = None) -> Thread:
    return thread_start(
        actor=world.counsellor,
        access=counsellors(world),
        subject="Møte neste uke",
        text="Passer tirsdag kl. 10?",
        language="nb",
        channel=notifier,
    )


def test_it_waits_for_the_counsellor_when_the_participant_writes(world: World) -> None:
    thread = start_by_participant(world)
    assert thread.waiting_for == Thread.Waiting.COUNSELLOR
    message = Message.objects.get()
    assert (message.author, message.language, message.text) == (
        world.participant_user,
        "so",
        "Jeg kan ikke komme mandag.",
    )


def test_it_keeps_the_text_exactly_as_written(world: World) -> None:
    text = "  Salaan,\n\nwaan buka  ahay.  \n"
    start_by_participant(world, text=text, subject="  Caafimaad ")
    assert Message.objects.get().text == text
    assert Thread.objects.get().subject == "  Caafimaad "


def test_it_waits_for_whoever_did_not_write_last(world: World) -> None:
    thread = start_by_counsellor(world)
    assert thread.waiting_for == Thread.Waiting.PARTICIPANT
    message_send(actor=world.participant_user, access=own(world), thread=thread, text="Ja, det passer.", language="nb")
    thread.refresh_from_db()
    assert (thread.waiting_for, thread.version) == (Thread.Waiting.COUNSELLOR, 2)
    message_send(actor=world.counsellor, access=counsellors(world), thread=thread, text="Fint!", language="nb")
    thread.refresh_from_db()
    assert thread.waiting_for == Thread.Waiting.PARTICIPANT


def test_it_refuses_an_empty_message_and_creates_nothing(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        start_by_participant(world, text="   \n ")
    assert "text" in refused.value.message_dict
    assert not Thread.objects.exists()
    assert not Message.objects.exists()


def test_it_refuses_an_unknown_language(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        start_by_participant(world, language="xx")
    assert "language" in refused.value.message_dict
    assert not Thread.objects.exists()


def test_it_lets_the_leader_read_but_not_write(world: World) -> None:
    thread = start_by_participant(world)
    leader = get_participant_for_user(world.leader, world.participant.pk)
    with pytest.raises(ValidationError) as refused:
        message_send(actor=world.leader, access=leader, thread=thread, text="Hei", language="nb")
    assert refused.value.code == "read_only"
    assert Message.objects.count() == 1


def test_it_refuses_a_participant_writing_in_someone_elses_thread(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, with_login=True)
    other_access = get_participant_for_user(other.user, other.pk, self_service=True)  # type: ignore[arg-type]
    thread = start_by_participant(world)
    with pytest.raises(ValidationError):
        message_send(actor=other.user, access=other_access, thread=thread, text="Hei", language="nb")  # type: ignore[arg-type]


def test_it_ties_a_thread_to_one_of_the_participants_activities(world: World) -> None:
    activity = activity_for(world)
    thread = start_by_participant(world, activity=activity)
    assert thread.activity == activity
    assert list(activity.threads.all()) == [thread]


def test_it_refuses_an_activity_of_another_participant(world: World) -> None:
    activity = activity_for(world)
    other = factories.participant(world.office, world.counsellor)
    access = get_participant_for_user(world.counsellor, other.pk, for_write=True)
    with pytest.raises(ValidationError) as refused:
        thread_start(actor=world.counsellor, access=access, subject="x", text="y", language="nb", activity=activity)
    assert "activity" in refused.value.message_dict
    assert not Thread.objects.exists()


def test_it_records_every_message_in_the_audit_trail(world: World) -> None:
    thread = start_by_counsellor(world)
    message_send(actor=world.participant_user, access=own(world), thread=thread, text="Ok", language="nb")
    events = AuditEvent.objects.filter(action="create", object_type="dialog").order_by("at", "pk")
    assert [event.actor for event in events] == [world.counsellor, world.participant_user]
    assert {event.object_id for event in events} == {str(message.pk) for message in Message.objects.all()}


def test_it_closes_a_thread_that_needs_no_reply(world: World) -> None:
    thread = start_by_participant(world)
    thread_close(actor=world.counsellor, access=counsellors(world), thread=thread, version=thread.version)
    thread.refresh_from_db()
    assert thread.waiting_for == Thread.Waiting.NOBODY
    assert AuditEvent.objects.filter(action="update", object_type="dialog", object_id=str(thread.pk)).exists()


def test_it_refuses_to_close_when_a_message_came_since_the_page_was_opened(world: World) -> None:
    thread = start_by_participant(world)
    seen = thread.version
    message_send(actor=world.participant_user, access=own(world), thread=thread, text="En ting til", language="nb")
    with pytest.raises(ValidationError) as refused:
        thread_close(actor=world.counsellor, access=counsellors(world), thread=thread, version=seen)
    assert refused.value.code == "stale"
    thread.refresh_from_db()
    assert thread.waiting_for == Thread.Waiting.COUNSELLOR


def test_it_lets_only_the_counsellor_close(world: World) -> None:
    thread = start_by_participant(world)
    with pytest.raises(ValidationError):
        thread_close(actor=world.participant_user, access=own(world), thread=thread)
    thread.refresh_from_db()
    assert thread.waiting_for == Thread.Waiting.COUNSELLOR


def test_it_reopens_a_closed_thread_when_the_participant_writes(world: World) -> None:
    thread = start_by_participant(world)
    thread_close(actor=world.counsellor, access=counsellors(world), thread=thread)
    message_send(actor=world.participant_user, access=own(world), thread=thread, text="Ett spørsmål til", language="nb")
    thread.refresh_from_db()
    assert thread.waiting_for == Thread.Waiting.COUNSELLOR


def test_it_counts_unread_messages_per_reader(world: World) -> None:
    thread = start_by_counsellor(world)
    with time_machine.travel(NOW + datetime.timedelta(minutes=5), tick=False):
        message_send(
            actor=world.counsellor, access=counsellors(world), thread=thread, text="Og én ting til", language="nb"
        )
    participant_user = world.participant_user
    assert threads_for_participant(world.participant, participant_user).get().unread == 2
    assert unread_count_for_participant_user(participant_user) == 2
    # The writer has read their own messages.
    assert threads_for_participant(world.participant, world.counsellor).get().unread == 0

    with time_machine.travel(NOW + datetime.timedelta(minutes=10), tick=False):
        thread_mark_read(participant_user, thread)
    assert unread_count_for_participant_user(participant_user) == 0
    with time_machine.travel(NOW + datetime.timedelta(minutes=20), tick=False):
        message_send(actor=world.counsellor, access=counsellors(world), thread=thread, text="Hei igjen", language="nb")
    assert unread_count_for_participant_user(participant_user) == 1
    assert unread_count_for_participant_user(world.counsellor) == 0


def test_it_counts_unread_across_threads_and_separately_for_each_staff_member(world: World) -> None:
    start_by_participant(world)
    start_by_participant(world, subject="Noe annet")
    unread = {thread.subject: thread.unread for thread in threads_for_participant(world.participant, world.counsellor)}
    assert unread == {"Barnehage": 1, "Noe annet": 1}
    assert {thread.unread for thread in threads_for_participant(world.participant, world.leader)} == {1}
    assert unread_count_for_participant_user(world.participant_user) == 0


def test_it_lists_threads_waiting_for_the_counsellor_oldest_first(world: World) -> None:
    with time_machine.travel(NOW - datetime.timedelta(days=2), tick=False):
        oldest = start_by_participant(world, subject="Først")
    newest = start_by_participant(world, subject="Sist")
    start_by_counsellor(world)  # waits for the participant
    others = factories.participant(world.office, world.colleague, with_login=True)
    thread_start(
        actor=others.user,  # type: ignore[arg-type]
        access=get_participant_for_user(others.user, others.pk, self_service=True),  # type: ignore[arg-type]
        subject="Til en annen veileder",
        text="Hei",
        language="nb",
    )
    assert list(threads_waiting_for_counsellor(world.counsellor)) == [oldest, newest]
    assert [thread.subject for thread in threads_waiting_for_counsellor(world.colleague)] == ["Til en annen veileder"]


def test_it_leaves_shielded_participants_out_of_the_worklist_without_a_grant(world: World) -> None:
    shielded = factories.participant(world.office, world.counsellor, with_login=True, shielded=True)
    thread = Thread.objects.create(
        participant=shielded, subject="s", language="nb", waiting_for="counsellor", created_by=world.counsellor
    )
    assert thread not in threads_waiting_for_counsellor(world.counsellor)


def test_it_notifies_the_other_party_at_most_once_per_half_hour(
    world: World, notifier: MemoryChannel, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        thread = start_by_counsellor(world, notifier)
    for minutes in (10, 29):
        with (
            time_machine.travel(NOW + datetime.timedelta(minutes=minutes), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            message_send(
                actor=world.counsellor,
                access=counsellors(world),
                thread=thread,
                text="…",
                language="nb",
                channel=notifier,
            )
    assert told(notifier) == [notice_to(world.participant_user, thread)]

    with (
        time_machine.travel(NOW + datetime.timedelta(minutes=30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message_send(
            actor=world.counsellor, access=counsellors(world), thread=thread, text="…", language="nb", channel=notifier
        )
    assert told(notifier) == [notice_to(world.participant_user, thread)] * 2
    assert NoticeSent.objects.filter(recipient=world.participant_user).count() == 2


def test_it_throttles_each_recipient_on_its_own(
    world: World, notifier: MemoryChannel, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        thread = start_by_counsellor(world, notifier)
        message_send(
            actor=world.participant_user, access=own(world), thread=thread, text="Ja", language="nb", channel=notifier
        )
        message_send(
            actor=world.participant_user,
            access=own(world),
            thread=thread,
            text="Takk",
            language="nb",
            channel=notifier,
        )
    assert told(notifier) == [notice_to(world.participant_user, thread), notice_to(world.counsellor, thread)]


def test_new_threads_tell_the_recipient_once_per_window_not_once_per_thread(
    world: World, notifier: MemoryChannel, django_capture_on_commit_callbacks: OnCommit
) -> None:
    """The finding: a participant opened 182 threads and the counsellor got 182 e-mails."""
    with django_capture_on_commit_callbacks(execute=True):
        first = start_by_participant(world, notifier)
        for number in range(10):
            start_by_participant(world, notifier, subject=f"Noe annet {number}")
    assert told(notifier) == [notice_to(world.counsellor, first)]


def test_it_notifies_nobody_when_the_participant_has_no_login(
    world: World, notifier: MemoryChannel, django_capture_on_commit_callbacks: OnCommit
) -> None:
    offline = factories.participant(world.office, world.counsellor)
    access = get_participant_for_user(world.counsellor, offline.pk, for_write=True)
    with django_capture_on_commit_callbacks(execute=True):
        thread = thread_start(
            actor=world.counsellor, access=access, subject="Brev", text="Se brevet", language="nb", channel=notifier
        )
    assert thread.waiting_for == Thread.Waiting.PARTICIPANT
    assert told(notifier) == []
    assert not NoticeSent.objects.exists()


def test_it_notifies_nobody_when_nothing_is_saved(
    world: World, notifier: MemoryChannel, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        start_by_participant(world, notifier, text="")
    assert told(notifier) == []
