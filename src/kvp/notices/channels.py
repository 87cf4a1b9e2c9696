"""How a notice reaches its recipient. E-mail today; `MemoryChannel` is the test double. The channel is chosen
by the setting KVP_NOTICE_CHANNEL.

A notice holds no personal data: no name, no message text, no meeting topic or place; only that there is
something new, when (for a meeting), and a link to log in and see it (personvernforordningen art. 5 (1) (c)).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Notice:
    """One notice as it is sent. `recipient` and `about` are opaque references ("user:12", "thread:<uuid>"),
    safe to log; `address` is empty when the recipient has none, and then nothing is sent."""

    recipient: str
    about: str
    address: str
    language: str
    subject: str
    body: str


class Channel(Protocol):
    def send(self, notice: Notice) -> None: ...


class EmailChannel:
    def send(self, notice: Notice) -> None:
        if notice.address:
            send_mail(notice.subject, notice.body, None, [notice.address])


class MemoryChannel:
    """Test double: remembers the notices it would have sent."""

    def __init__(self) -> None:
        self.sent: list[Notice] = []

    def send(self, notice: Notice) -> None:
        self.sent.append(notice)


def get_channel() -> Channel:
    channel_class = import_string(str(settings.KVP_NOTICE_CHANNEL))
    channel: Channel = channel_class()
    return channel
