"""Reminding the participant of a meeting the day before (E16), in their language, by e-mail.

Like the dialog's notices, the reminder holds no personal data: no name, no topic, no place, only that there
is a meeting with NAV, its date and time, and a link to log in and see more. It goes through the notices
module (kvp.notices), so a participant with several meetings in the window gets one message.

The wording is in the gettext catalogues. The participant gets it in their preferred language once a
qualified translator has reviewed that translation; until then (and for a language without one) in bokmål.

`send_meeting_reminders(now)` is idempotent: a meeting is reminded at most once for each time it is planned
at (a meeting moved to a new time is reminded of the new time). The daily job calls it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kvp.common.i18n import reviewed_language
from kvp.followup.models import Meeting
from kvp.notices.channels import Channel, Notice
from kvp.notices.services import notices_send
from kvp.parameters.selectors import read_once, rules_everywhere, rules_for
from kvp.rules.meetings import reminder_due

SUBJECT = gettext_noop("Reminder: you have a meeting with NAV")
# The date is written as 03.12.2026 and the time as 10:00 in every language.
BODY = gettext_noop(
    "You have a meeting with NAV on %(date)s at %(time)s.\nLog in to see more about the meeting:\n%(link)s"
)


def participant_address(meeting: Meeting) -> str:
    """The participant's e-mail: their login's, else the one on their record."""
    participant = meeting.participant
    if participant.user is not None and participant.user.email:
        return str(participant.user.email)
    return str(participant.email)


def reminder_notice(meeting: Meeting, address: str) -> Notice:
    """The reminder in the participant's preferred language if its translation is reviewed, else in bokmål."""
    participant = meeting.participant
    language = reviewed_language(participant.preferred_language, [SUBJECT, BODY])
    local = timezone.localtime(meeting.starts_at)
    link = str(settings.KVP_SITE_URL).rstrip("/") + reverse("my_meeting", args=[meeting.pk])
    with translation.override(language):
        subject = _(SUBJECT)
        body = _(BODY) % {"date": f"{local:%d.%m.%Y}", "time": f"{local:%H:%M}", "link": link}
    return Notice(
        recipient=f"participant:{participant.pk}",
        about=f"meeting:{meeting.pk}",
        address=address,
        language=language,
        subject=subject,
        body=body,
    )


@read_once()
def send_meeting_reminders(now: datetime.datetime, *, channel: Channel | None = None) -> int:
    """Remind participants of their planned meetings starting within the configured hours; returns how many
    reminders were sent. Running it again sends nothing new. A participant without an e-mail address gets none."""
    today = timezone.localdate(now)
    # Read the meetings within the longest notice any office gives; each participant's office's rules decide.
    longest = max(rules.meetings.reminder_hours_before for rules in rules_everywhere(on=today))
    candidates = (
        Meeting.objects.filter(
            status=Meeting.Status.PLANNED,
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(hours=longest),
        )
        .select_related("participant__user")
        .order_by("starts_at")
    )
    reminders = []
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
        if claimed:
            reminders.append(reminder_notice(meeting, address))
    return notices_send(reminders, channel=channel)
