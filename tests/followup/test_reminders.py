import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from kvp.common.i18n import is_reviewed
from kvp.followup.models import Meeting
from kvp.followup.reminders import BODY, SUBJECT, send_meeting_reminders
from kvp.notices.channels import EmailChannel, MemoryChannel
from tests import factories
from tests.conftest import World
from tests.followup.meeting_builders import HOUR, NOW, TOMORROW, counsellors, planned
from tests.i18n import nb

REVIEWED = ("nb", "nn", "en")
DRAFTS = ("so", "ar", "ti", "uk", "pl", "prs")  # not yet reviewed by a qualified translator


@pytest.fixture(autouse=True)
def _now() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def channel() -> MemoryChannel:
    return MemoryChannel()


@pytest.fixture
def reachable(world: World) -> World:
    world.participant.email = "amina@example.org"
    world.participant.save()
    return world


def test_it_reminds_the_participant_the_day_before_in_their_language(reachable: World, channel: MemoryChannel) -> None:
    reachable.participant.preferred_language = "nn"
    reachable.participant.save()
    meeting = planned(reachable, TOMORROW - HOUR)  # 09:00 Oslo time tomorrow
    assert send_meeting_reminders(NOW, channel=channel) == 1
    (reminder,) = channel.sent
    assert (reminder.address, reminder.language, reminder.about) == ("amina@example.org", "nn", f"meeting:{meeting.pk}")
    assert reminder.subject == "Påminning: du har eit møte med NAV"
    assert "28.11.2026" in reminder.body
    assert "09:00" in reminder.body
    assert f"/meg/moter/{meeting.pk}/" in reminder.body


def test_a_draft_translation_is_never_sent_the_participant_gets_bokmal(
    reachable: World, channel: MemoryChannel
) -> None:
    assert reachable.participant.preferred_language == "so"
    planned(reachable, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, channel=channel) == 1
    (reminder,) = channel.sent
    assert (reminder.language, reminder.subject) == ("nb", nb(SUBJECT))
    assert reminder.body.startswith("Du har et møte med NAV 28.11.2026 klokka 09:00.")


def test_it_sends_at_most_one_reminder_per_meeting(reachable: World, channel: MemoryChannel) -> None:
    planned(reachable, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, channel=channel) == 1
    assert send_meeting_reminders(NOW, channel=channel) == 0
    with time_machine.travel(NOW + 12 * HOUR, tick=False):
        assert send_meeting_reminders(NOW + 12 * HOUR, channel=channel) == 0
    assert len(channel.sent) == 1


def test_a_moved_meeting_is_reminded_of_its_new_time(reachable: World, channel: MemoryChannel) -> None:
    from kvp.followup.meetings import meeting_update

    meeting = planned(reachable, TOMORROW - HOUR)
    send_meeting_reminders(NOW, channel=channel)
    meeting_update(actor=reachable.counsellor, access=counsellors(reachable), meeting=meeting, expected_version=1,
                   starts_at=TOMORROW - 2 * HOUR)  # fmt: skip
    assert send_meeting_reminders(NOW, channel=channel) == 1
    assert "08:00" in channel.sent[-1].body


def test_it_waits_until_the_window_opens(reachable: World, channel: MemoryChannel) -> None:
    planned(reachable, NOW + 25 * HOUR)
    assert send_meeting_reminders(NOW, channel=channel) == 0
    assert send_meeting_reminders(NOW + HOUR, channel=channel) == 1


def test_the_window_is_configurable(reachable: World, channel: MemoryChannel) -> None:
    planned(reachable, NOW + 47 * HOUR)
    assert send_meeting_reminders(NOW, channel=channel) == 0
    factories.parameter_value("meetings.reminder_hours_before", "48", reachable.leader)
    assert send_meeting_reminders(NOW, channel=channel) == 1


def test_it_does_not_remind_of_cancelled_held_or_past_meetings(reachable: World, channel: MemoryChannel) -> None:
    cancelled = planned(reachable, TOMORROW - HOUR)
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    planned(reachable, NOW - HOUR)  # recorded as held
    assert send_meeting_reminders(NOW, channel=channel) == 0


def test_a_participant_without_an_address_gets_no_reminder(world: World, channel: MemoryChannel) -> None:
    planned(world, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, channel=channel) == 0
    world.participant_user.email = "login@example.org"
    world.participant_user.save()
    assert send_meeting_reminders(NOW, channel=channel) == 1
    assert channel.sent[0].address == "login@example.org"


def test_a_language_without_wording_gets_bokmal(world: World, channel: MemoryChannel) -> None:
    person = factories.participant(world.office, world.counsellor, preferred_language="ta", email="t@example.org")
    access = counsellors(world).__class__(participant=person, basis=counsellors(world).basis, reason="")
    from kvp.followup.services import meeting_create

    meeting_create(actor=world.counsellor, access=access, starts_at=TOMORROW - HOUR, topic="x")
    send_meeting_reminders(NOW, channel=channel)
    assert (channel.sent[0].language, channel.sent[0].subject) == ("nb", nb(SUBJECT))


@pytest.mark.parametrize("language", REVIEWED)
def test_every_reviewed_language_has_the_wording_with_its_placeholders(language: str) -> None:
    assert is_reviewed(language, SUBJECT)
    assert is_reviewed(language, BODY)
    with translation.override(language):
        body = translation.gettext(BODY) % {"date": "03.12.2026", "time": "10:00", "link": "https://kvp/meg/"}
        assert translation.gettext(SUBJECT).strip()
    assert all(value in body for value in ("03.12.2026", "10:00", "https://kvp/meg/"))


@pytest.mark.parametrize("language", DRAFTS)
def test_the_drafts_are_not_reviewed(language: str) -> None:
    assert not is_reviewed(language, SUBJECT)
    assert not is_reviewed(language, BODY)


def test_the_email_holds_no_personal_data(reachable: World) -> None:
    meeting = planned(reachable, TOMORROW - HOUR, topic="Helse og rygg", place="Legekontoret i Drammen")
    assert send_meeting_reminders(NOW, channel=EmailChannel()) == 1
    (sent,) = mail.outbox
    assert sent.to == ["amina@example.org"]
    whole = sent.subject + sent.body
    person = reachable.participant
    for data in (person.first_name, person.last_name, person.national_id, meeting.topic, meeting.place, "TOLK-4411"):
        assert data not in whole


class BrokenChannel:
    def send(self, notice: object) -> None:
        raise ConnectionRefusedError("smtp.example: amina@example.org refused")


def test_a_failed_send_is_logged_without_the_address_and_not_retried(reachable: World, caplog: Any) -> None:
    planned(reachable, TOMORROW - HOUR)
    assert send_meeting_reminders(NOW, channel=BrokenChannel()) == 0
    assert "ConnectionRefusedError" in caplog.text
    assert "amina@example.org" not in caplog.text
    assert send_meeting_reminders(NOW, channel=MemoryChannel()) == 0


def test_it_counts_only_meetings_it_reminded(reachable: World, channel: MemoryChannel) -> None:
    for hours in (2, 5, 23):
        planned(reachable, NOW + datetime.timedelta(hours=hours))
    assert send_meeting_reminders(NOW, channel=channel) == 3
    (digest,) = channel.sent
    assert all(time in digest.body for time in ("12:00", "15:00", "09:00"))
