from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.common.versioning import VersionedModel
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.rules.meetings import MeetingState


class Meeting(VersionedModel):
    class Channel(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIDEO = "video", _("Video")
        PHONE = "phone", _("Phone")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("Participant did not come")
        CANCELLED = "cancelled", _("Cancelled")

    class InterpreterForm(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone")
        VIDEO = "video", _("Video")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=45)
    channel = models.CharField(_("form"), max_length=16, choices=Channel.choices, default=Channel.IN_PERSON)
    place = models.CharField(_("place"), max_length=200, blank=True)
    interpreter_language = models.CharField(_("interpreter"), max_length=3, choices=LANGUAGE_CHOICES, blank=True)
    interpreter_form = models.CharField(
        _("interpreter takes part"), max_length=16, choices=InterpreterForm.choices, blank=True
    )
    interpreter_booked = models.BooleanField(_("interpreter booked"), default=False)
    interpreter_booking_reference = models.CharField(_("booking reference"), max_length=100, blank=True)
    interpreter_used = models.BooleanField(_("interpreter used"), null=True, blank=True)  # recorded when held
    topic = models.CharField(_("topic"), max_length=200)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    organiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    cancel_reason = models.CharField(_("why cancelled"), max_length=200, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # The participant said they cannot come (to the time then planned); a move to a new time clears it.
    cannot_come_at = models.DateTimeField(null=True, blank=True)
    # The meeting time the participant was last reminded of: at most one reminder per planned time.
    reminded_for = models.DateTimeField(null=True, blank=True)
    conflict_fields = ("status", "starts_at", "place")  # what a cancel or an outcome was decided on

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["participant", "starts_at"])]

    def __str__(self) -> str:
        return self.topic

    @property
    def state(self) -> MeetingState:
        return MeetingState(self.status)


class MeetingNote(VersionedModel):
    """Notes from a meeting: the counsellor's draft (never shown to the participant) and the versions published
    to the participant. A published version is never changed: a correction publishes a new version."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="note")
    draft_text = models.TextField(_("draft"), blank=True)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    draft_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return f"note {self.pk}"


class MeetingNoteVersion(models.Model):
    """One published text of a meeting's notes, as the participant was shown it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    note = models.ForeignKey(MeetingNote, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(_("text"))
    correction_reason = models.CharField(_("what was corrected"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["note", "-number"]
        constraints = [models.UniqueConstraint(fields=["note", "number"], name="meeting_note_version_unique")]

    def __str__(self) -> str:
        return f"note {self.note_id} v{self.number}"


class CaseNote(models.Model):
    """A case note (journalnotat): what happened and what was agreed, written by staff."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title
