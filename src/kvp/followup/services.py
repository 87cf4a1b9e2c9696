from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.followup.audit_types import MEETING, NOTE
from kvp.followup.meetings import interpreter_errors
from kvp.followup.models import CaseNote, Meeting
from kvp.participants.access import ParticipantAccess, audit_access

OLDEST_MEETING = datetime.timedelta(days=366)


@transaction.atomic
def meeting_create(
    *,
    actor: User,
    access: ParticipantAccess,
    starts_at: datetime.datetime,
    topic: str,
    channel: str = Meeting.Channel.IN_PERSON,
    duration_minutes: int = 45,
    place: str = "",
    interpreter_language: str = "",
    interpreter_form: str = "",
    interpreter_booked: bool = False,
    interpreter_booking_reference: str = "",
) -> Meeting:
    """Plan a meeting, or record one already held (a past time is recorded as held)."""
    access.require_write()
    now = timezone.now()
    if starts_at < now - OLDEST_MEETING:
        raise ValidationError({"starts_at": _("A meeting more than a year ago cannot be registered here.")})
    if not 5 <= duration_minutes <= 480:
        raise ValidationError({"duration_minutes": _("A meeting lasts between 5 and 480 minutes.")})
    if interpreter_language and not interpreter_form:
        interpreter_form = channel if channel in Meeting.InterpreterForm.values else Meeting.InterpreterForm.IN_PERSON
    interpreter_problems = interpreter_errors(
        interpreter_language=interpreter_language,
        interpreter_form=interpreter_form,
        interpreter_booked=interpreter_booked,
        interpreter_booking_reference=interpreter_booking_reference,
    )
    if interpreter_problems:
        raise ValidationError(interpreter_problems)
    meeting = Meeting(
        participant=access.participant,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        channel=channel,
        place=place,
        interpreter_language=interpreter_language,
        interpreter_form=interpreter_form,
        interpreter_booked=interpreter_booked,
        interpreter_booking_reference=interpreter_booking_reference.strip(),
        topic=topic,
        status=Meeting.Status.HELD if starts_at < now else Meeting.Status.PLANNED,
        organiser=actor,
    )
    meeting.full_clean()
    meeting.save()
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=MEETING, object_id=str(meeting.pk))
    return meeting


@transaction.atomic
def note_create(*, actor: User, access: ParticipantAccess, title: str, text: str) -> CaseNote:
    access.require_write()
    if not text.strip():
        raise ValidationError({"text": _("The note is empty.")})
    note = CaseNote(participant=access.participant, author=actor, title=title.strip(), text=text.strip())
    note.full_clean()
    note.save()
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=NOTE, object_id=str(note.pk))
    return note
