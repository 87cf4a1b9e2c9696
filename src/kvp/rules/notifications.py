"""The dialog between participant and counsellor: when to send a notice of a new message, and which
attached files to accept.

A notice says only that there is a new message (personvernforordningen art. 5 (1) (c), data
minimisation); attachments are limited to a few harmless types and a size (art. 32, security of
processing).
"""

from __future__ import annotations

import datetime
import posixpath

from kvp.rules.texts import N_

NOTIFY_WINDOW = datetime.timedelta(minutes=30)
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

# The content types we accept, and the file name endings each may have.
ALLOWED_ATTACHMENTS: dict[str, frozenset[str]] = {
    "application/pdf": frozenset({".pdf"}),
    "image/png": frozenset({".png"}),
    "image/jpeg": frozenset({".jpg", ".jpeg"}),
}


def may_notify(
    last_sent_at: datetime.datetime | None, now: datetime.datetime, window: datetime.timedelta = NOTIFY_WINDOW
) -> bool:
    """At most one notice per thread and recipient within `window` (issue text; E7, E16: close follow-up
    needs replies to be noticed, and a flood of notices is ignored)."""
    return last_sent_at is None or now - last_sent_at >= window


def attachment_problem(name: str, size: int, detected_type: str | None, max_bytes: int) -> str | None:
    """Why an uploaded file is refused, or None: PDF, PNG or JPEG by content, the name's ending agrees
    with the content, and at most `max_bytes` (personvernforordningen art. 32)."""
    if size <= 0:
        return N_("The file is empty.")
    if size > max_bytes:
        return N_("The file is too big. Choose a smaller file.")
    if detected_type is None or detected_type not in ALLOWED_ATTACHMENTS:
        return N_("This type of file cannot be sent. Send a PDF or a picture (PNG or JPEG).")
    extension = posixpath.splitext(name.replace("\\", "/"))[1].lower()
    if extension not in ALLOWED_ATTACHMENTS[detected_type]:
        return N_("The file's name does not match what is in it. Send a PDF or a picture (PNG or JPEG).")
    return None
