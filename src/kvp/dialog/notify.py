"""The notice that someone has a new message. It holds no personal data: no name, no text, only that there is
a message and a link to log in and read it. It is sent through the notices module (kvp.notices)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kvp.accounts.models import User
from kvp.common.i18n import reviewed_language
from kvp.dialog.models import Thread
from kvp.notices.channels import Notice

SUBJECT = gettext_noop("You have a new message in KVP")
BODY = gettext_noop("You have a new message in KVP. Log in to read it:")


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
    return str(settings.KVP_SITE_URL).rstrip("/") + reverse(name, args=[thread.pk])


def notice_language(recipient: User, thread: Thread) -> str:
    """The participant's preferred language when the notice has a reviewed translation in it, else the site's."""
    if thread.participant.user_id == recipient.pk:
        return reviewed_language(thread.participant.preferred_language, [SUBJECT, BODY])
    return str(settings.LANGUAGE_CODE)


def new_message_notice(recipient: User, thread: Thread) -> Notice:
    language = notice_language(recipient, thread)
    with translation.override(language):
        subject = _(SUBJECT)
        body = _(BODY) + "\n" + thread_link(recipient, thread)
    return Notice(
        recipient=f"user:{recipient.pk}",
        about=f"thread:{thread.pk}",
        address=recipient_address(recipient, thread),
        language=language,
        subject=subject,
        body=body,
    )
