"""The record of notices sent, kept to send at most one per subject and recipient within the throttling window."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class NoticeSent(models.Model):
    about = models.CharField(max_length=64)  # an opaque reference, e.g. "thread:<uuid>"
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["about", "recipient", "-sent_at"])]

    def __str__(self) -> str:
        return f"{self.about} {self.sent_at:%Y-%m-%d %H:%M}"
