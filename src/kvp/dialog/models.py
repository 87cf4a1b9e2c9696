"""Messages between a participant and their counsellor: threads, about the programme or one plan
activity, with who the thread waits for and what each reader has seen."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.common.versioning import VersionedModel
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.plans.models import Activity


class Thread(VersionedModel):
    class Waiting(models.TextChoices):
        COUNSELLOR = "counsellor", _("Waiting for the counsellor")
        PARTICIPANT = "participant", _("Waiting for the participant")
        NOBODY = "nobody", _("No reply needed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="threads")
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="threads",
    )
    subject = models.CharField(_("subject"), max_length=200)
    # The subject is free text too: kept as written, with the language it was written in.
    language = models.CharField(_("written in"), max_length=3, choices=LANGUAGE_CHOICES)
    waiting_for = models.CharField(_("waiting for"), max_length=16, choices=Waiting.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_message_at = models.DateTimeField(default=timezone.now)
    # The version is raised by every message: closing a thread is refused if a message came after the page
    # was opened, and the conflict says whom the thread now waits for.
    conflict_fields = ("waiting_for",)

    class Meta:
        ordering = ["-last_message_at"]
        indexes = [
            # The participant's threads, newest first.
            models.Index(fields=["participant", "-last_message_at"]),
            # The counsellor's worklist: their participants' threads waiting for them, oldest first.
            models.Index(fields=["waiting_for", "participant", "last_message_at"]),
        ]

    def __str__(self) -> str:
        return self.subject


def attachment_path(instance: Message, filename: str) -> str:
    """A random name under dialog/<year>/<month>/: the original name (which may say who it is about)
    stays in the database only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return timezone.now().strftime(f"dialog/%Y/%m/{uuid.uuid4().hex}.{extension}")


class Message(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    thread = models.ForeignKey(Thread, on_delete=models.PROTECT, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Stored exactly as written, never translated or corrected, with the language it was written in.
    text = models.TextField(_("message"))
    language = models.CharField(_("written in"), max_length=3, choices=LANGUAGE_CHOICES)
    sent_at = models.DateTimeField(default=timezone.now, editable=False)
    attachment = models.FileField(_("attachment"), upload_to=attachment_path, max_length=200, blank=True)
    attachment_name = models.CharField(_("file name"), max_length=200, blank=True)
    attachment_type = models.CharField(max_length=64, blank=True)
    attachment_size = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at"]
        indexes = [models.Index(fields=["thread", "sent_at"])]

    def __str__(self) -> str:
        return self.text[:60]


class ThreadRead(models.Model):
    """When a user last opened a thread: later messages by others are unread for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="one_read_marker_per_user")]

    def __str__(self) -> str:
        return f"{self.thread_id} {self.user_id}"
