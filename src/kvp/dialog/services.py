"""Writing in the dialog: the participant themself and the counsellor following the case write;
leaders read. Every write is in the audit trail; the other party gets a notice (at most one per
half hour, however many threads). Each user may send only so many messages, threads and files in a window."""

from __future__ import annotations

import datetime
import posixpath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.ratelimit import rate_limit_check
from kvp.common.versioning import lock_version
from kvp.dialog.attachments import check_attachment
from kvp.dialog.audit_types import DIALOG
from kvp.dialog.models import Message, Thread, ThreadRead
from kvp.dialog.notify import new_message_notice
from kvp.notices.channels import Channel
from kvp.notices.services import notice_claim, notices_send
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.plans.models import Activity
from kvp.rules.access import Basis

MAX_TEXT = 5000
NOTICE_ABOUT = "dialog"
LANGUAGES = {code for code, _label in LANGUAGE_CHOICES}


def _is_the_participant(actor: User, access: ParticipantAccess) -> bool:
    return access.basis is Basis.SELF and access.participant.user_id == actor.pk


def _require_dialog_write(actor: User, access: ParticipantAccess) -> None:
    """The participant writes in their own dialog; of the staff, only who may write to the case."""
    if not _is_the_participant(actor, access):
        access.require_write()


def _input_errors(
    text: str, language: str, attachment: UploadedFile | None
) -> tuple[dict[str, str], str, File[bytes] | None]:
    """What is wrong with a message, by field, and the attachment's content type and rebuilt file when it is
    acceptable."""
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = _("Write a message.")
    elif len(text) > MAX_TEXT:
        errors["text"] = _("The message is too long. Split it in two.")
    if language not in LANGUAGES:
        errors["language"] = _("Choose the language you wrote in.")
    content_type, rebuilt = "", None
    if attachment is not None:
        try:
            content_type, rebuilt = check_attachment(attachment)
        except ValidationError as error:
            errors["attachment"] = " ".join(error.message_dict["attachment"])
    return errors, content_type, rebuilt


def _check_rate(actor: User, attachment: UploadedFile | None) -> None:
    sent = Message.objects.filter(author=actor)
    rate_limit_check("message", sent, "sent_at")
    if attachment is not None:
        rate_limit_check("upload", sent.exclude(attachment=""), "sent_at")


def _add_message(
    *,
    actor: User,
    thread: Thread,
    text: str,
    language: str,
    attachment: File[bytes] | None,
    content_type: str,
    now: datetime.datetime,
) -> Message:
    message = Message(thread=thread, author=actor, text=text, language=language, sent_at=now)
    if attachment is not None:
        message.attachment_type = content_type
        message.attachment_name = posixpath.basename((attachment.name or "").replace("\\", "/"))[-200:]
        message.attachment_size = attachment.size
    message.full_clean(exclude=["attachment"])
    if attachment is not None:
        # Stored under a random name (see attachment_path); the original name stays in the database.
        message.attachment.save(attachment.name or "file", attachment, save=False)
    message.save()
    return message


def _recipient(actor: User, thread: Thread) -> User | None:
    """The other party: the assigned counsellor for the participant's messages, else the participant
    (if they log in)."""
    participant = thread.participant
    if participant.user_id is not None and participant.user_id == actor.pk:
        return participant.counsellor
    return participant.user


def _notify_other_party(actor: User, thread: Thread, channel: Channel | None, now: datetime.datetime) -> None:
    recipient = _recipient(actor, thread)
    if recipient is None or recipient.pk == actor.pk:
        return
    # One notice per recipient and window, whichever thread the message is in: a participant opening 180
    # threads must not send their counsellor 180 e-mails.
    if not notice_claim(about=NOTICE_ABOUT, recipient=recipient, now=now):
        return
    notice = new_message_notice(recipient, thread)
    # After the commit, so nobody is told of a message that was rolled back. A failing mail server does not
    # undo the message: notices_send logs the failure.
    transaction.on_commit(lambda: notices_send([notice], channel=channel))


def _mark_read(user: User, thread: Thread, now: datetime.datetime) -> None:
    ThreadRead.objects.update_or_create(thread=thread, user=user, defaults={"read_at": now})


@transaction.atomic
def thread_start(
    *,
    actor: User,
    access: ParticipantAccess,
    subject: str,
    text: str,
    language: str,
    activity: Activity | None = None,
    attachment: UploadedFile | None = None,
    channel: Channel | None = None,
) -> Thread:
    """A new thread with its first message, about the programme or one of the participant's activities."""
    _require_dialog_write(actor, access)
    by_participant = _is_the_participant(actor, access)
    errors: dict[str, str] = {}
    if not subject.strip():
        errors["subject"] = _("Write what the message is about.")
    if activity is not None and activity.plan.participant_id != access.participant.pk:
        errors["activity"] = _("Choose one of the participant's own activities.")
    message_errors, content_type, rebuilt = _input_errors(text, language, attachment)
    errors |= message_errors
    if errors:
        raise ValidationError(errors)
    rate_limit_check("thread", Thread.objects.filter(created_by=actor), "created_at")
    _check_rate(actor, attachment)
    now = timezone.now()
    thread = Thread(
        participant=access.participant,
        activity=activity,
        subject=subject,
        language=language,
        waiting_for=Thread.Waiting.COUNSELLOR if by_participant else Thread.Waiting.PARTICIPANT,
        created_by=actor,
        created_at=now,
        last_message_at=now,
    )
    thread.full_clean()
    thread.save()
    message = _add_message(
        actor=actor,
        thread=thread,
        text=text,
        language=language,
        attachment=rebuilt,
        content_type=content_type,
        now=now,
    )
    _mark_read(actor, thread, now)
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=DIALOG, object_id=str(message.pk))
    _notify_other_party(actor, thread, channel, now)
    return thread


@transaction.atomic
def message_send(
    *,
    actor: User,
    access: ParticipantAccess,
    thread: Thread,
    text: str,
    language: str,
    attachment: UploadedFile | None = None,
    channel: Channel | None = None,
) -> Message:
    """A reply in a thread. It now waits for the other party."""
    _require_dialog_write(actor, access)
    if thread.participant_id != access.participant.pk:
        raise ValidationError(_("This conversation belongs to someone else."), code="wrong_participant")
    errors, content_type, rebuilt = _input_errors(text, language, attachment)
    if errors:
        raise ValidationError(errors)
    _check_rate(actor, attachment)
    # Locks the thread: two replies at once get one notice and consecutive versions.
    thread = lock_version(Thread.objects.select_related("participant"), seen_version=None, pk=thread.pk)
    now = timezone.now()
    message = _add_message(
        actor=actor,
        thread=thread,
        text=text,
        language=language,
        attachment=rebuilt,
        content_type=content_type,
        now=now,
    )
    by_participant = _is_the_participant(actor, access)
    thread.waiting_for = Thread.Waiting.COUNSELLOR if by_participant else Thread.Waiting.PARTICIPANT
    thread.last_message_at = now
    thread.save(update_fields=["waiting_for", "last_message_at"])
    _mark_read(actor, thread, now)
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=DIALOG, object_id=str(message.pk))
    _notify_other_party(actor, thread, channel, now)
    return message


def thread_mark_read(user: User, thread: Thread) -> None:
    """Everything in the thread so far is read by `user` (the caller has checked they may read it)."""
    _mark_read(user, thread, timezone.now())


@transaction.atomic
def thread_close(*, actor: User, access: ParticipantAccess, thread: Thread, version: int | None = None) -> Thread:
    """The counsellor marks that no reply is needed. Refused if a message came after `version` was read."""
    access.require_write()
    if thread.participant_id != access.participant.pk:
        raise ValidationError(_("This conversation belongs to someone else."), code="wrong_participant")
    # Closing raises no version: a message coming in is what makes an open page stale.
    thread = lock_version(Thread.objects, seen_version=version, bump=False, pk=thread.pk)
    if thread.waiting_for == Thread.Waiting.NOBODY:
        raise ValidationError(_("The conversation is already marked as needing no reply."), code="closed")
    thread.waiting_for = Thread.Waiting.NOBODY
    thread.save(update_fields=["waiting_for"])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=DIALOG, object_id=str(thread.pk))
    return thread
