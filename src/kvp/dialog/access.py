"""Loading a thread or an attachment for a user: through the participant's access (checked, a read logged).
Staff use the staff pages; on their own pages (`own`) a participant reaches only their own threads."""

from __future__ import annotations

import uuid

from kvp.accounts.models import User
from kvp.dialog.audit_types import DIALOG
from kvp.dialog.models import Message, Thread
from kvp.participants.access import ParticipantAccess, get_participant_object_for_user


def get_thread_for_user(
    user: User, thread_id: uuid.UUID, *, for_write: bool = False, own: bool = False
) -> tuple[Thread, ParticipantAccess]:
    thread, access = get_participant_object_for_user(
        user,
        Thread.objects.select_related("activity"),
        thread_id,
        what=DIALOG,
        for_write=for_write,
        own=own,
    )
    thread.participant = access.participant
    return thread, access


def get_attachment_for_user(user: User, message_id: uuid.UUID, *, own: bool = False) -> Message:
    """The message whose attachment is downloaded; the download is logged as a read of the dialog."""
    message, _access = get_participant_object_for_user(
        user,
        Message.objects.select_related("thread"),
        message_id,
        what=DIALOG,
        participant_field="thread__participant",
        own=own,
    )
    return message
