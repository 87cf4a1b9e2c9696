"""What an uploaded file really is, read from its content (never from its name or the browser's word), and the
file rebuilt from what was parsed: a PDF must parse as one and is written out again by pypdf, a picture is
decoded and encoded again by Pillow, so only what the parser understood is kept (no leading junk, no
appended HTML, no metadata such as a photo's position)."""

from __future__ import annotations

import io
import re
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject

from kvp.rules.notifications import MAX_ATTACHMENT_BYTES, attachment_problem

IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
# Markup a browser would run if it ever took the file for a web page (a PDF/HTML polyglot).
MARKUP = re.compile(rb"<\s*(?:html|script|body|iframe|svg|object|embed)\b", re.IGNORECASE)
# Document-level entries that run code or carry other files when the PDF is opened.
ACTIVE_PDF_ENTRIES = ("/OpenAction", "/AA")
ACTIVE_PDF_NAMES = ("/JavaScript", "/EmbeddedFiles")


DAMAGED = gettext_noop("The file is damaged or is not what its name says. Send a PDF or a picture (PNG or JPEG).")


class NotAsClaimed(ValueError):
    """The content does not parse as the type its first bytes claim, or carries active content."""


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


def rebuilt_pdf(content: bytes) -> bytes:
    """The PDF written out again by pypdf; NotAsClaimed if it does not parse, has no page, or would run code."""
    if MARKUP.search(content):
        raise NotAsClaimed("markup in a PDF")
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        pages = len(reader.pages)
        active = _runs_code(reader)
        output = io.BytesIO()
        if pages and not active:
            PdfWriter(clone_from=reader).write(output)
    except (PyPdfError, KeyError, TypeError, AttributeError, ValueError, OSError, RecursionError) as error:
        raise NotAsClaimed("not a PDF") from error
    if not pages or active:
        raise NotAsClaimed("no pages" if not pages else "active content")
    return output.getvalue()


def _runs_code(reader: PdfReader) -> bool:
    """Whether the document runs something or carries files when opened (or has no readable catalogue)."""
    catalog = reader.trailer["/Root"].get_object()
    if not isinstance(catalog, DictionaryObject):
        return True
    names = catalog.get("/Names")
    names = names.get_object() if names is not None else DictionaryObject()
    if not isinstance(names, DictionaryObject):
        return True
    return any(key in catalog for key in ACTIVE_PDF_ENTRIES) or any(key in names for key in ACTIVE_PDF_NAMES)


def rebuilt_image(content: bytes, image_format: str) -> bytes:
    """The picture decoded and encoded again in its own format, turned upright, without its metadata."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise NotAsClaimed("not a picture") from error
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    output = io.BytesIO()
    upright.save(output, format=image_format)
    return output.getvalue()


def rebuilt(content: bytes, content_type: str) -> bytes:
    if content_type == "application/pdf":
        return rebuilt_pdf(content)
    return rebuilt_image(content, {value: key for key, value in IMAGE_TYPES.items()}[content_type])


def check_attachment(upload: UploadedFile) -> tuple[str, ContentFile[bytes]]:
    """The content type of an acceptable upload and the file rebuilt from its parsed content; a ValidationError
    on `attachment` otherwise."""
    size = upload.size or 0
    detected = detect_type(upload) if 0 < size <= max_attachment_bytes() else None
    problem = attachment_problem(upload.name or "", size, detected, max_attachment_bytes())
    if problem is None and detected is not None:
        try:
            content = rebuilt(upload.read(), detected)
        except NotAsClaimed:
            problem = DAMAGED
        else:
            return detected, ContentFile(content, name=upload.name or "file")
    message = _(problem or "This type of file cannot be sent. Send a PDF or a picture (PNG or JPEG).")
    raise ValidationError({"attachment": ValidationError(message, code="attachment")})
