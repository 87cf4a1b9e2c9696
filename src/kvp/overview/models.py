"""The follow-up overview's own data: stored alerts (refreshed by `kvp daily`), reminders (huskelapp),
colour categories and saved filters (as in NAV's Oversikten)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.participants.models import Participant

REMINDER_MAX_LENGTH = 200


class Alert(models.Model):
    """A current alert on a participant: what a rule found at the last refresh. One per kind; `since` is
    the day the condition began, kept while it lasts; `refreshed_at` is when the row last changed."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("alert"), max_length=40)
    since = models.DateField(_("since"))
    message = models.TextField()  # the rule's English msgid, translated when shown
    params = models.JSONField(default=dict)  # {"params": {...}, "labels": {...}, "items": [...]}
    evidence = models.CharField(_("evidence"), max_length=40)
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["since", "kind"]
        constraints = [models.UniqueConstraint(fields=["participant", "kind"], name="one_alert_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.since:%Y-%m-%d}"


class Reminder(models.Model):
    """A short note with a due date about a participant (huskelapp), seen by the office's staff who may see
    the participant. Done or deleted when no longer needed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reminders")
    text = models.CharField(_("reminder"), max_length=REMINDER_MAX_LENGTH)
    due = models.DateField(_("due"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due", "created_at"]
        indexes = [models.Index(fields=["participant", "done_at", "due"])]

    def __str__(self) -> str:
        return self.text


class Category(models.Model):
    """A counsellor's own colour category for a participant (like NAV's fargekategori): a private sorting aid."""

    class Colour(models.TextChoices):
        BLUE = "a", _("Blue")
        GREEN = "b", _("Green")
        YELLOW = "c", _("Yellow")
        PURPLE = "d", _("Purple")
        LIME = "e", _("Lime")
        ORANGE = "f", _("Orange")

    counsellor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    colour = models.CharField(_("category"), max_length=1, choices=Colour.choices)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["counsellor", "participant"], name="one_category_per_counsellor")
        ]

    def __str__(self) -> str:
        return self.get_colour_display()


class SavedFilter(models.Model):
    """A user's named filter: the overview's query string, which holds only codes and staff ids."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=60)
    query = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="one_saved_filter_per_name")]

    def __str__(self) -> str:
        return self.name
