"""Telling someone they have a new message. The notice holds no personal data: no name, no text,
only that there is a message and a link to log in and read it."""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.dialog.models import Thread

DEFAULT_NOTIFIER = "kvp.dialog.notify.EmailNotifier"


class Notifier(Protocol):
    def notify(self, recipient: User, thread: Thread) -> None: ...


def recipient_address(recipient: User, thread: Thread) -> str:
    """The recipient's e-mail: their login's, or for the participant the one on their record."""
    if recipient.email:
        return recipient.email
    if thread.participant.user_id == recipient.pk:
        return thread.participant.email
    return ""


def thread_link(recipient: User, thread: Thread) -> str:
    """Where the recipient reads the thread (the address holds only an opaque id)."""
    name = "my_thread" if thread.participant.user_id == recipient.pk else "dialog_thread"
    site = str(getattr(settings, "KVP_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
    return site + reverse(name, args=[thread.pk])


def notice_language(recipient: User, thread: Thread) -> str:
    """The participant's preferred language when the site speaks it, else the site's language."""
    if thread.participant.user_id == recipient.pk:
        preferred = thread.participant.preferred_language
        if preferred in dict(settings.LANGUAGES):
            return preferred
    return str(settings.LANGUAGE_CODE)


class EmailNotifier:
    def notify(self, recipient: User, thread: Thread) -> None:
        address = recipient_address(recipient, thread)
        if not address:
            return
        with translation.override(notice_language(recipient, thread)):
            subject = _("You have a new message in KVP")
            body = _("You have a new message in KVP. Log in to read it:") + "\n" + thread_link(recipient, thread)
        send_mail(subject, body, None, [address])


class MemoryNotifier:
    """Test double: remembers whom it would have told about which thread."""

    def __init__(self) -> None:
        self.calls: list[tuple[User, Thread]] = []

    def notify(self, recipient: User, thread: Thread) -> None:
        self.calls.append((recipient, thread))


def get_notifier() -> Notifier:
    notifier_class = import_string(str(getattr(settings, "KVP_NOTIFIER", DEFAULT_NOTIFIER)))
    notifier: Notifier = notifier_class()
    return notifier
