import io
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript

from kvp.dialog.attachments import detect_type
from kvp.dialog.models import Message, Thread
from kvp.dialog.services import message_send, thread_start
from tests.conftest import World
from tests.dialog.builders import counsellors, image, own, pdf, pdf_bytes, stored_files


def send(world: World, attachment: SimpleUploadedFile) -> Thread:
    return thread_start(
        actor=world.participant_user,
        access=own(world),
        subject="Legeerklæring",
        text="Her er erklæringen.",
        language="nb",
        attachment=attachment,
    )


def refused(world: World, attachment: SimpleUploadedFile, media: Path) -> str:
    with pytest.raises(ValidationError) as error:
        send(world, attachment)
    assert not Thread.objects.exists()
    assert not Message.objects.exists()
    assert stored_files(media) == []
    return " ".join(error.value.message_dict["attachment"])


def test_it_stores_a_pdf_under_a_random_name_and_keeps_the_original_name(world: World, media: Path) -> None:
    send(world, pdf("Amina Hassan legeerklæring.pdf"))
    message = Message.objects.get()
    assert (message.attachment_name, message.attachment_type) == ("Amina Hassan legeerklæring.pdf", "application/pdf")
    assert message.attachment_size == message.attachment.size  # the file as rebuilt and stored
    assert message.attachment.name.startswith("dialog/2026/11/")
    assert "Amina" not in message.attachment.name
    assert [path.name for path in stored_files(media)] == [Path(message.attachment.name).name]


@pytest.mark.parametrize(
    ("name", "image_format", "content_type"), [("bilde.png", "PNG", "image/png"), ("foto.JPG", "JPEG", "image/jpeg")]
)
def test_it_accepts_png_and_jpeg_pictures(world: World, name: str, image_format: str, content_type: str) -> None:
    send(world, image(name, image_format))
    assert Message.objects.get().attachment_type == content_type


def test_it_accepts_an_attachment_in_a_reply(world: World) -> None:
    thread = send(world, pdf())
    message_send(
        actor=world.counsellor,
        access=counsellors(world),
        thread=thread,
        text="Takk!",
        language="nb",
        attachment=image("kvittering.png", "PNG"),
    )
    assert Message.objects.exclude(attachment="").count() == 2


def test_it_refuses_a_file_that_is_not_a_pdf_or_picture(world: World, media: Path) -> None:
    script = SimpleUploadedFile("attest.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    assert refused(world, script, media)


def test_it_refuses_a_picture_type_we_do_not_accept(world: World, media: Path) -> None:
    assert refused(world, image("bilde.gif", "GIF"), media)


def test_it_refuses_a_name_that_does_not_match_the_content(world: World, media: Path) -> None:
    assert refused(world, image("bilde.png", "JPEG"), media)
    assert refused(world, pdf("attest.png"), media)


def test_it_refuses_a_file_that_is_too_big(world: World, media: Path, settings: Any) -> None:
    settings.KVP_DIALOG_MAX_ATTACHMENT_BYTES = 1000
    assert refused(world, pdf(size=1001), media)
    send(world, pdf(size=1000))
    assert Message.objects.count() == 1


def test_it_refuses_a_big_file_at_the_default_limit_of_5_mb(world: World, media: Path) -> None:
    assert refused(world, pdf(size=5 * 1024 * 1024 + 1), media)


def test_it_refuses_an_empty_file(world: World, media: Path) -> None:
    assert refused(world, SimpleUploadedFile("tom.pdf", b"", content_type="application/pdf"), media)


def test_it_refuses_a_broken_picture(world: World, media: Path) -> None:
    good = image("bilde.png", "PNG").read()
    assert refused(world, SimpleUploadedFile("bilde.png", good[:40]), media)


def test_it_detects_the_type_from_the_content_and_leaves_the_file_at_its_start() -> None:
    file = io.BytesIO(b"%PDF-1.7 ...")
    assert detect_type(file) == "application/pdf"
    assert file.tell() == 0
    assert detect_type(io.BytesIO(b"<html><script>")) is None


POLYGLOT_HTML = b"<html><body><script>fetch('/api/v1/participants/').then(r => r.text()).then(alert)</script></html>"


@pytest.mark.parametrize(
    "content",
    [
        # The finding: a file that starts as a PDF and carries a web page a browser would run.
        b"%PDF-1.4\n" + POLYGLOT_HTML + b"\n%%EOF\n",
        pdf_bytes() + POLYGLOT_HTML,
        pdf_bytes().replace(b"%PDF-1.3\n", b"%PDF-1.3\n%" + POLYGLOT_HTML + b"\n", 1),
        # Starts like a PDF and parses as nothing.
        b"%PDF-1.7\n" + b"x" * 200,
    ],
    ids=["html-after-header", "html-appended", "html-in-comment", "not-parseable"],
)
def test_it_refuses_a_pdf_that_does_not_parse_or_carries_a_web_page(world: World, media: Path, content: bytes) -> None:
    assert refused(world, SimpleUploadedFile("attest.pdf", content), media)


def test_it_refuses_a_pdf_that_runs_javascript_when_opened(world: World, media: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.add_open_action(JavaScript("app.alert('hei');"))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refused(world, SimpleUploadedFile("attest.pdf", buffer.getvalue()), media)


def test_a_picture_is_stored_re_encoded_without_what_was_appended(world: World) -> None:
    upload = image("bilde.png", "PNG")
    send(world, SimpleUploadedFile("bilde.png", upload.read() + POLYGLOT_HTML))
    stored = Message.objects.get().attachment.read()
    assert stored.startswith(b"\x89PNG")
    assert b"<script" not in stored


def test_a_pdf_is_stored_as_pypdf_wrote_it(world: World) -> None:
    send(world, pdf())
    stored = Message.objects.get().attachment.read()
    assert len(PdfReader(io.BytesIO(stored)).pages) == 1
