"""What an uploaded file really is, read from its content (never from its name or the browser's word)."""

from __future__ import annotations

from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from kvp.rules.notifications import MAX_ATTACHMENT_BYTES, attachment_problem

IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


def max_attachment_bytes() -> int:
    return int(getattr(settings, "KVP_DIALOG_MAX_ATTACHMENT_BYTES", MAX_ATTACHMENT_BYTES))


def detect_type(file: IO[bytes]) -> str | None:
    """'application/pdf', 'image/png', 'image/jpeg' or None, from the bytes. Leaves the file at its start."""
    try:
        file.seek(0)
        if file.read(5) == b"%PDF-":
            return "application/pdf"
        file.seek(0)
        try:
            with Image.open(file) as image:
                image_format = image.format
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            return None
        return IMAGE_TYPES.get(image_format or "")
    finally:
        file.seek(0)


def check_attachment(upload: UploadedFile) -> str:
    """The content type of an acceptable upload; a ValidationError on `attachment` otherwise."""
    size = upload.size or 0
    detected = detect_type(upload) if 0 < size <= max_attachment_bytes() else None
    problem = attachment_problem(upload.name or "", size, detected, max_attachment_bytes())
    if problem is not None or detected is None:
        message = _(problem or "This type of file cannot be sent. Send a PDF or a picture (PNG or JPEG).")
        raise ValidationError({"attachment": ValidationError(message, code="attachment")})
    return detected
