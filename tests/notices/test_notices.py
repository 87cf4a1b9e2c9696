"""The notices module: the channel from the settings, throttling per subject and recipient, one message per
recipient, and failures logged by reference only."""

import datetime
from typing import Any

from django.core import mail
from django.utils import translation

from kvp.notices.channels import EmailChannel, MemoryChannel, Notice, get_channel
from kvp.notices.models import NoticeSent
from kvp.notices.services import notice_claim, notices_send
from tests.conftest import World
from tests.i18n import nb

NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


def a_notice(about: str = "meeting:1", *, recipient: str = "participant:a", address: str = "a@example.org") -> Notice:
    return Notice(
        recipient=recipient, about=about, address=address, language="nb", subject=f"Om {about}", body=f"Tekst {about}"
    )


def test_it_reads_the_channel_from_the_settings(settings: Any) -> None:
    assert isinstance(get_channel(), EmailChannel)
    settings.KVP_NOTICE_CHANNEL = "kvp.notices.channels.MemoryChannel"
    assert isinstance(get_channel(), MemoryChannel)


def test_it_emails_a_single_notice_as_it_is_and_nothing_without_an_address() -> None:
    assert notices_send([a_notice(), a_notice(recipient="participant:b", address="")], channel=EmailChannel()) == 2
    (sent,) = mail.outbox
    assert (sent.to, sent.subject, sent.body) == (["a@example.org"], "Om meeting:1", "Tekst meeting:1")


def test_it_folds_several_notices_for_one_recipient_into_one_message() -> None:
    channel = MemoryChannel()
    notices = [a_notice("meeting:1"), a_notice("meeting:2", recipient="participant:b"), a_notice("meeting:3")]
    assert notices_send(notices, channel=channel) == 3
    digest, single = channel.sent
    assert (digest.recipient, digest.about, single.about) == ("participant:a", "meeting:1,meeting:3", "meeting:2")
    with translation.override("nb"):
        assert digest.subject == nb("You have %(count)s new notices from KVP") % {"count": 2}
    assert (
        digest.body.index("Tekst meeting:1") < digest.body.index("Om meeting:3") < digest.body.index("Tekst meeting:3")
    )


def test_it_writes_the_digest_subject_in_the_notices_language_when_reviewed_else_in_bokmal() -> None:
    channel = MemoryChannel()
    english = [Notice("user:1", f"thread:{n}", "a@example.org", "en", "s", "b") for n in (1, 2)]
    somali = [Notice("user:2", f"thread:{n}", "b@example.org", "so", "s", "b") for n in (1, 2)]
    notices_send([*english, *somali], channel=channel)
    assert [message.subject for message in channel.sent] == [
        "You have 2 new notices from KVP",
        nb("You have %(count)s new notices from KVP") % {"count": 2},
    ]


class BrokenChannel:
    def send(self, notice: Notice) -> None:
        if notice.recipient == "participant:a":
            raise ConnectionRefusedError("smtp.example: a@example.org refused")


def test_a_failed_message_is_logged_by_reference_and_the_others_still_go(caplog: Any) -> None:
    notices = [a_notice("meeting:1"), a_notice("meeting:2", recipient="participant:b", address="b@example.org")]
    assert notices_send(notices, channel=BrokenChannel()) == 1
    assert "meeting:1" in caplog.text
    assert "participant:a" in caplog.text
    assert "ConnectionRefusedError" in caplog.text
    assert "a@example.org" not in caplog.text


def test_it_throttles_per_subject_and_recipient(world: World) -> None:
    told = world.participant_user
    assert notice_claim(about="thread:1", recipient=told, now=NOW)
    assert not notice_claim(about="thread:1", recipient=told, now=NOW + 29 * MINUTE)
    assert notice_claim(about="thread:2", recipient=told, now=NOW + 29 * MINUTE)
    assert notice_claim(about="thread:1", recipient=world.counsellor, now=NOW + 29 * MINUTE)
    assert notice_claim(about="thread:1", recipient=told, now=NOW + 30 * MINUTE)
    assert NoticeSent.objects.filter(about="thread:1", recipient=told).count() == 2
