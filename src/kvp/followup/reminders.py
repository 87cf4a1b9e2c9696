"""Reminding the participant of a meeting the day before (E16), in their language, by e-mail.

Like the dialog's notices (kvp.dialog.notify), the reminder holds no personal data: no name, no topic, no
place, only that there is a meeting with NAV, its time, and a link to log in and see more. The notifier is
chosen by the setting KVP_REMINDER_NOTIFIER (default: e-mail); tests use `MemoryReminderNotifier`.

`send_meeting_reminders(now)` is idempotent: a meeting is reminded at most once for each time it is planned
at (a meeting moved to a new time is reminded of the new time). The daily job calls it.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from kvp.followup.models import Meeting
from kvp.followup.reminder_texts import reminder_text
from kvp.parameters.selectors import read_once, rules_everywhere, rules_for
from kvp.rules.meetings import reminder_due

logger = logging.getLogger(__name__)
DEFAULT_REMINDER_NOTIFIER = "kvp.followup.reminders.EmailReminderNotifier"


@dataclass(frozen=True)
class Reminder:
    """One reminder as it is sent: the address, the language used, and the text (no personal data)."""

    meeting_id: str
    address: str
    language: str
    subject: str
    body: str


class ReminderNotifier(Protocol):
    def remind(self, reminder: Reminder) -> None: ...


class EmailReminderNotifier:
    def remind(self, reminder: Reminder) -> None:
        send_mail(reminder.subject, reminder.body, None, [reminder.address])


class MemoryReminderNotifier:
    """Test double: remembers the reminders it would have sent."""

    def __init__(self) -> None:
        self.sent: list[Reminder] = []

    def remind(self, reminder: Reminder) -> None:
        self.sent.append(reminder)


def get_reminder_notifier() -> ReminderNotifier:
    notifier_class = import_string(str(getattr(settings, "KVP_REMINDER_NOTIFIER", DEFAULT_REMINDER_NOTIFIER)))
    notifier: ReminderNotifier = notifier_class()
    return notifier


def participant_address(meeting: Meeting) -> str:
    """The participant's e-mail: their login's, else the one on their record."""
    participant = meeting.participant
    if participant.user is not None and participant.user.email:
        return str(participant.user.email)
    return str(participant.email)


def build_reminder(meeting: Meeting, address: str) -> Reminder:
    """The reminder in the participant's preferred language (bokmål if we have no wording in it)."""
    language, text = reminder_text(meeting.participant.preferred_language)
    local = timezone.localtime(meeting.starts_at)
    site = str(getattr(settings, "KVP_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
    link = site + reverse("my_meeting", args=[meeting.pk])
    body = text.body.format(date=f"{local:%d.%m.%Y}", time=f"{local:%H:%M}", link=link)
    return Reminder(meeting_id=str(meeting.pk), address=address, language=language, subject=text.subject, body=body)


@read_once()
def send_meeting_reminders(now: datetime.datetime, *, notifier: ReminderNotifier | None = None) -> int:
    """Remind participants of their planned meetings starting within the configured hours; returns how many
    reminders were sent. Running it again sends nothing new. A participant without an e-mail address gets none."""
    today = timezone.localdate(now)
    # Read the meetings within the longest notice any office gives; each participant's office's rules decide.
    longest = max(rules.meetings.reminder_hours_before for rules in rules_everywhere(on=today))
    chosen = notifier if notifier is not None else get_reminder_notifier()
    candidates = (
        Meeting.objects.filter(
            status=Meeting.Status.PLANNED,
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(hours=longest),
        )
        .select_related("participant__user")
        .order_by("starts_at")
    )
    sent = 0
    for meeting in candidates:
        rules = rules_for(meeting.participant.office_id, on=today).meetings
        if not reminder_due(
            state=meeting.state, starts_at=meeting.starts_at, reminded_for=meeting.reminded_for, now=now, rules=rules
        ):
            continue
        address = participant_address(meeting)
        if not address:
            continue
        with transaction.atomic():
            # Claim the reminder first: of two runs at once only one sends, and a failed send is not retried
            # (at most one reminder per planned time).
            claimed = (
                Meeting.objects.filter(pk=meeting.pk, status=Meeting.Status.PLANNED, starts_at=meeting.starts_at)
                .exclude(reminded_for=meeting.starts_at)
                .update(reminded_for=meeting.starts_at)
            )
        if not claimed:
            continue
        try:
            chosen.remind(build_reminder(meeting, address))
        except Exception as error:
            # The log names only the meeting and the kind of error: an SMTP error's text may hold the address.
            logger.error("Reminder of meeting %s failed: %s", meeting.pk, type(error).__name__)
            continue
        sent += 1
    return sent
