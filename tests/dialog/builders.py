"""Small builders for the dialog tests."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from kvp.participants.access import ParticipantAccess, get_participant_for_user
from kvp.plans.models import Activity, Plan
from tests import factories
from tests.conftest import World


def own(world: World) -> ParticipantAccess:
    """What the participant's own pages get."""
    return get_participant_for_user(world.participant_user, world.participant.pk, self_service=True)


def counsellors(world: World) -> ParticipantAccess:
    return get_participant_for_user(world.counsellor, world.participant.pk, for_write=True)


def activity_for(world: World, title: str = "Praksis i barnehage") -> Activity:
    case = factories.case(world.participant, world.counsellor)
    plan = Plan.objects.create(case=case, participant=world.participant)
    return Activity.objects.create(
        plan=plan,
        measure_type="work_practice",
        title=title,
        hours_per_week=20,
        starts_on=datetime.date(2026, 12, 1),
        ends_on=datetime.date(2027, 2, 28),
        origin="counsellor",
    )


def pdf_bytes() -> bytes:
    """A real one-page PDF."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf(name: str = "legeerklaering.pdf", size: int = 0) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes().ljust(size, b" "), content_type="application/pdf")


def image(name: str, image_format: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []
