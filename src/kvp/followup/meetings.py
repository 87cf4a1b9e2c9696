"""Meetings with the participant after they are booked: edit or move, cancel, record held or did-not-come
(with whether the interpreter was used), the participant's "I cannot come", and the meeting notes drafted
by the counsellor and published to the participant (E16: close follow-up over time).

Staff services take the counsellor's `ParticipantAccess` and call `require_write()`; the participant's own
service takes their self-service access. Every write is audited as a MEETING write.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.versioning import lock_version
from kvp.followup.audit_types import MEETING
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.rules.access import Basis
from kvp.rules.meetings import may_change, may_publish_notes, may_record_outcome, may_say_cannot_come

MAX_NOTE_TEXT = 10_000
MAX_CANNOT_COME_TEXT = 1_000
LANGUAGES = {code for code, _label in LANGUAGE_CHOICES}
# Fields the counsellor edits on a planned meeting (meeting_update).
EDITABLE_FIELDS = (
    "starts_at",
    "duration_minutes",
    "channel",
    "place",
    "topic",
    "interpreter_language",
    "interpreter_form",
    "interpreter_booked",
    "interpreter_booking_reference",
)


def interpreter_errors(
    *, interpreter_language: str, interpreter_form: str, interpreter_booked: bool, interpreter_booking_reference: str
) -> dict[str, str]:
    """What is wrong with a meeting's interpreter details, by field."""
    errors: dict[str, str] = {}
    if not interpreter_language:
        if interpreter_form or interpreter_booked or interpreter_booking_reference.strip():
            errors["interpreter_language"] = _("Choose the interpreter's language, or remove the interpreter details.")
        return errors
    if interpreter_form not in Meeting.InterpreterForm.values:
        errors["interpreter_form"] = _("Choose whether the interpreter takes part in person, by phone or by video.")
    if interpreter_booking_reference.strip() and not interpreter_booked:
        errors["interpreter_booked"] = _("A booking reference is given: tick that the interpreter is booked.")
    return errors


def _meeting_of(
    access: ParticipantAccess, meeting: Meeting, expected_version: int | None, submitted: dict[str, Any] | None = None
) -> Meeting:
    """The meeting, locked and fresh from the database, if it is the participant's; else a refusal. With an
    `expected_version` (an edit by the counsellor) the version is checked and raised."""
    if meeting.participant_id != access.participant.pk:
        raise ValidationError(_("This meeting belongs to someone else."), code="wrong_participant")
    return lock_version(
        Meeting.objects,
        seen_version=expected_version,
        submitted=submitted,
        bump=expected_version is not None,
        pk=meeting.pk,
    )


def _audit(actor: User, access: ParticipantAccess, meeting: Meeting) -> None:
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=MEETING, object_id=str(meeting.pk))


@transaction.atomic
def meeting_update(
    *, actor: User, access: ParticipantAccess, meeting: Meeting, expected_version: int, **fields: Any
) -> Meeting:
    """Edit a planned meeting or move it to a new time. A move clears the participant's "cannot come" (it was
    about the old time) and gets a new reminder."""
    access.require_write()
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    meeting = _meeting_of(access, meeting, expected_version, fields)
    if not may_change(meeting.state):
        raise ValidationError(_("Only a planned meeting can be changed."), code="not_planned")
    values = {name: getattr(meeting, name) for name in EDITABLE_FIELDS} | fields
    if values["interpreter_language"] and not values["interpreter_form"]:
        channel = values["channel"]
        values["interpreter_form"] = channel if channel in Meeting.InterpreterForm.values else "in_person"
    errors = interpreter_errors(
        interpreter_language=values["interpreter_language"],
        interpreter_form=values["interpreter_form"],
        interpreter_booked=values["interpreter_booked"],
        interpreter_booking_reference=values["interpreter_booking_reference"],
    )
    moved = values["starts_at"] != meeting.starts_at
    if moved and values["starts_at"] <= timezone.now():
        errors["starts_at"] = _("Move the meeting to a time that has not passed. Record a held meeting as held.")
    if not 5 <= values["duration_minutes"] <= 480:
        errors["duration_minutes"] = _("A meeting lasts between 5 and 480 minutes.")
    if not str(values["topic"]).strip():
        errors["topic"] = _("Write what the meeting is about.")
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(meeting, name, value.strip() if isinstance(value, str) else value)
    if moved:
        meeting.cannot_come_at = None
    meeting.full_clean()
    meeting.save()
    _audit(actor, access, meeting)
    return meeting


@transaction.atomic
def meeting_cancel(
    *, actor: User, access: ParticipantAccess, meeting: Meeting, expected_version: int, reason: str = ""
) -> Meeting:
    """Cancel a planned meeting; the participant no longer sees it as upcoming and gets no reminder."""
    access.require_write()
    meeting = _meeting_of(access, meeting, expected_version)
    if not may_change(meeting.state):
        raise ValidationError(_("Only a planned meeting can be cancelled."), code="not_planned")
    if len(reason) > 200:
        raise ValidationError({"reason": _("Write the reason in at most 200 characters.")})
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancel_reason = reason.strip()
    meeting.status_changed_at = timezone.now()
    meeting.save()
    _audit(actor, access, meeting)
    return meeting


@transaction.atomic
def meeting_record_outcome(
    *,
    actor: User,
    access: ParticipantAccess,
    meeting: Meeting,
    expected_version: int,
    outcome: str,
    interpreter_used: bool | None = None,
) -> Meeting:
    """Record that a meeting was held or that the participant did not come (a recorded outcome may be
    corrected). With an interpreter booked or planned, a held meeting records whether one was used."""
    access.require_write()
    meeting = _meeting_of(access, meeting, expected_version)
    if outcome not in {Meeting.Status.HELD, Meeting.Status.NO_SHOW}:
        raise ValidationError({"outcome": _("Choose whether the meeting was held or the participant did not come.")})
    if not may_record_outcome(meeting.state, meeting.starts_at, timezone.now()):
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError(_("The meeting is cancelled."), code="cancelled")
        raise ValidationError(_("The meeting has not started yet."), code="not_started")
    if outcome == Meeting.Status.HELD and meeting.interpreter_language and interpreter_used is None:
        raise ValidationError({"interpreter_used": _("Say whether the interpreter was used.")})
    if outcome == Meeting.Status.HELD and not meeting.interpreter_language and interpreter_used:
        raise ValidationError({"interpreter_used": _("No interpreter was planned for this meeting.")})
    if outcome == Meeting.Status.NO_SHOW and MeetingNoteVersion.objects.filter(note__meeting=meeting).exists():
        raise ValidationError(_("Notes from this meeting are published: it was held."), code="notes_published")
    meeting.status = outcome
    meeting.interpreter_used = interpreter_used if meeting.interpreter_language else None
    meeting.status_changed_at = timezone.now()
    meeting.save()
    _audit(actor, access, meeting)
    return meeting


def _notice_language(language: str) -> str:
    """The participant's language if the site speaks it, else the site's."""
    return language if language in dict(settings.LANGUAGES) else str(settings.LANGUAGE_CODE)


@transaction.atomic
def meeting_cannot_come(*, actor: User, access: ParticipantAccess, meeting: Meeting, text: str = "") -> Meeting:
    """The participant says they cannot come: the meeting is marked, and their counsellor gets a message in the
    dialog (with the usual notice). The counsellor then moves or cancels the meeting."""
    from kvp.dialog.services import thread_start  # the dialog app sends and audits the message

    if access.basis is not Basis.SELF or access.participant.user_id != actor.pk:
        raise ValidationError(_("Only the participant can say they cannot come."), code="not_participant")
    meeting = _meeting_of(access, meeting, None)
    if len(text) > MAX_CANNOT_COME_TEXT:
        raise ValidationError({"text": _("Write at most 1000 characters.")})
    if not may_say_cannot_come(meeting.state, meeting.starts_at, timezone.now()):
        raise ValidationError(_("This meeting is no longer planned ahead."), code="not_upcoming")
    if meeting.cannot_come_at is not None:
        raise ValidationError(_("You have already told your counsellor that you cannot come."), code="already_told")
    participant = access.participant
    language = participant.preferred_language if participant.preferred_language in LANGUAGES else "nb"
    with translation.override(_notice_language(participant.preferred_language)):
        when = formats.date_format(timezone.localtime(meeting.starts_at), "SHORT_DATETIME_FORMAT")
        subject = _("I cannot come to the meeting")
        message = _("I cannot come to the meeting %(when)s.") % {"when": when}
    if text.strip():
        message += "\n\n" + text.strip()
    thread_start(actor=actor, access=access, subject=subject, text=message, language=language)
    meeting.cannot_come_at = timezone.now()
    meeting.save(update_fields=["cannot_come_at"])
    _audit(actor, access, meeting)
    return meeting


def _published(note: MeetingNote) -> MeetingNoteVersion | None:
    return note.versions.order_by("-number").first()


@transaction.atomic
def meeting_note_save(
    *,
    actor: User,
    access: ParticipantAccess,
    meeting: Meeting,
    text: str,
    expected_version: int,
    publish: bool = False,
    correction_reason: str = "",
) -> MeetingNote:
    """Save the counsellor's draft of a meeting's notes (the participant does not see it), and with `publish`
    share it with the participant. Published text is never changed: a correction publishes a new version with
    what was corrected, and the earlier versions are kept."""
    access.require_write()
    meeting = _meeting_of(access, meeting, None)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."), code="cancelled")
    _created = MeetingNote.objects.get_or_create(meeting=meeting)[1]  # under the meeting's lock
    note = lock_version(
        MeetingNote.objects, seen_version=expected_version, submitted={"draft_text": text}, meeting=meeting
    )
    text = text.strip()
    errors: dict[str, str] = {}
    if not text:
        errors["text"] = _("Write the notes.")
    elif len(text) > MAX_NOTE_TEXT:
        errors["text"] = _("The notes are too long: at most 10,000 characters.")
    current = _published(note)
    if publish:
        if not may_publish_notes(meeting.state):
            errors.setdefault("text", _("Notes are shared once the meeting is recorded as held."))
        elif current is not None:
            if current.text == text:
                errors.setdefault("text", _("The text is the same as the published one: change it to correct it."))
            if not correction_reason.strip():
                errors["correction_reason"] = _("Say what you corrected: the participant sees it.")
            elif len(correction_reason) > 300:
                errors["correction_reason"] = _("Write at most 300 characters.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    if publish:
        MeetingNoteVersion.objects.create(
            note=note,
            number=current.number + 1 if current else 1,
            text=text,
            correction_reason=correction_reason.strip() if current else "",
            published_at=now,
            published_by=actor,
        )
        note.draft_text = ""
    else:
        note.draft_text = text
    note.draft_saved_at = now
    note.draft_by = actor
    note.save()
    audit_access(
        actor,
        access,
        action=AuditEvent.Action.UPDATE if current or not _created else AuditEvent.Action.CREATE,
        what=MEETING,
        object_id=str(meeting.pk),
    )
    return note
