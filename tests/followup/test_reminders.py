import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core import mail

from kvp.followup.models import Meeting
from kvp.followup.reminder_texts import FALLBACK, REMINDER_TEXTS, reminder_text
from kvp.followup.reminders import (
    EmailReminderNotifier,
    MemoryReminderNotifier,
    get_reminder_notifier,
    send_meeting_reminders,
)
from tests import factories
from tests.conftest import World
from tests.followup.meeting_builders import HOUR, NOW, TOMORROW, counsellors, planned

LANGUAGES = {"nb", "nn", "en", "so", "ar", "ti", "uk", "pl", "prs"}


@pytest.fixture(autouse=True)
def _now() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def notifier() -> MemoryReminderNotifier:
    return MemoryReminderNotifier()


@pytest.fixture
def reachable(world: World) -> World:
    world.participant.email = "amina@example.org"
    world.participant.save()
    return world


def test_it_reminds_the_participant_the_day_before_in_their_language(
    reachable: World, notifier: MemoryReminderNotifier
) -> None:
    meeting = planned(reachable, TOMORROW - HOUR)  # 09:00 Oslo time tomorrow
    assert send_meeting_reminders(NOW, notifier=notifier) == 1
    (reminder,) = notifier.sent
    assert (reminder.address, reminder.language, reminder.meeting_id) == ("amina@example.org", "so", str(meeting.pk))
    assert reminder.subject == REMINDER_TEXTS["so"].subject
    assert "28.11.2026" in reminder.body
    assert "09:00" in reminder.body
    assert f"/meg/moter/{meeting.pk}/" in reminder.body


def test_it_sends_at_most_one_reminder_per_meeting(reachable: World, notifier: MemoryReminderNotifier) -> None:
    planned(reachable, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, notifier=notifier) == 1
    assert send_meeting_reminders(NOW, notifier=notifier) == 0
    with time_machine.travel(NOW + 12 * HOUR, tick=False):
        assert send_meeting_reminders(NOW + 12 * HOUR, notifier=notifier) == 0
    assert len(notifier.sent) == 1


def test_a_moved_meeting_is_reminded_of_its_new_time(reachable: World, notifier: MemoryReminderNotifier) -> None:
    from kvp.followup.meetings import meeting_update

    meeting = planned(reachable, TOMORROW - HOUR)
    send_meeting_reminders(NOW, notifier=notifier)
    meeting_update(actor=reachable.counsellor, access=counsellors(reachable), meeting=meeting, expected_version=1,
                   starts_at=TOMORROW - 2 * HOUR)  # fmt: skip
    assert send_meeting_reminders(NOW, notifier=notifier) == 1
    assert "08:00" in notifier.sent[-1].body


def test_it_waits_until_the_window_opens(reachable: World, notifier: MemoryReminderNotifier) -> None:
    planned(reachable, NOW + 25 * HOUR)
    assert send_meeting_reminders(NOW, notifier=notifier) == 0
    assert send_meeting_reminders(NOW + HOUR, notifier=notifier) == 1


def test_the_window_is_configurable(reachable: World, notifier: MemoryReminderNotifier) -> None:
    planned(reachable, NOW + 47 * HOUR)
    assert send_meeting_reminders(NOW, notifier=notifier) == 0
    factories.parameter_value("meetings.reminder_hours_before", "48", reachable.leader)
    assert send_meeting_reminders(NOW, notifier=notifier) == 1


def test_it_does_not_remind_of_cancelled_held_or_past_meetings(
    reachable: World, notifier: MemoryReminderNotifier
) -> None:
    cancelled = planned(reachable, TOMORROW - HOUR)
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    planned(reachable, NOW - HOUR)  # recorded as held
    assert send_meeting_reminders(NOW, notifier=notifier) == 0


def test_a_participant_without_an_address_gets_no_reminder(world: World, notifier: MemoryReminderNotifier) -> None:
    planned(world, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, notifier=notifier) == 0
    world.participant_user.email = "login@example.org"
    world.participant_user.save()
    assert send_meeting_reminders(NOW, notifier=notifier) == 1
    assert notifier.sent[0].address == "login@example.org"


def test_a_language_without_wording_gets_bokmal(world: World, notifier: MemoryReminderNotifier) -> None:
    person = factories.participant(world.office, world.counsellor, preferred_language="ta", email="t@example.org")
    access = counsellors(world).__class__(participant=person, basis=counsellors(world).basis, reason="")
    from kvp.followup.services import meeting_create

    meeting_create(actor=world.counsellor, access=access, starts_at=TOMORROW - HOUR, topic="x")
    send_meeting_reminders(NOW, notifier=notifier)
    assert (notifier.sent[0].language, notifier.sent[0].subject) == ("nb", REMINDER_TEXTS["nb"].subject)


def test_every_language_has_wording_with_its_placeholders_and_the_drafts_are_marked_for_review() -> None:
    assert set(REMINDER_TEXTS) == LANGUAGES
    for language, text in REMINDER_TEXTS.items():
        assert text.subject.strip()
        for placeholder in ("{date}", "{time}", "{link}"):
            assert text.body.count(placeholder) == 1, (language, placeholder)
        assert text.reviewed is (language in {"nb", "nn", "en"}), language
    assert reminder_text("xx") == (FALLBACK, REMINDER_TEXTS["nb"])


def test_the_email_holds_no_personal_data(reachable: World) -> None:
    meeting = planned(reachable, TOMORROW - HOUR, topic="Helse og rygg", place="Legekontoret i Drammen")
    assert send_meeting_reminders(NOW, notifier=EmailReminderNotifier()) == 1
    (sent,) = mail.outbox
    assert sent.to == ["amina@example.org"]
    whole = sent.subject + sent.body
    person = reachable.participant
    for data in (person.first_name, person.last_name, person.national_id, meeting.topic, meeting.place, "TOLK-4411"):
        assert data not in whole


class BrokenNotifier:
    def remind(self, reminder: object) -> None:
        raise ConnectionRefusedError("smtp.example: amina@example.org refused")


def test_a_failed_send_is_logged_without_the_address_and_not_retried(reachable: World, caplog: Any) -> None:
    planned(reachable, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, notifier=BrokenNotifier()) == 0
    assert "ConnectionRefusedError" in caplog.text
    assert "amina@example.org" not in caplog.text
    assert send_meeting_reminders(NOW, notifier=MemoryReminderNotifier()) == 0


def test_it_reads_the_notifier_from_the_settings(settings: Any) -> None:
    assert isinstance(get_reminder_notifier(), EmailReminderNotifier)
    settings.KVP_REMINDER_NOTIFIER = "kvp.followup.reminders.MemoryReminderNotifier"
    assert isinstance(get_reminder_notifier(), MemoryReminderNotifier)


def test_it_counts_only_meetings_it_reminded(reachable: World, notifier: MemoryReminderNotifier) -> None:
    for hours in (2, 5, 23):
        planned(reachable, NOW + datetime.timedelta(hours=hours))
    assert send_meeting_reminders(NOW, notifier=notifier) == 3
