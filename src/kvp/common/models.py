from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Submission(models.Model):
    """A create form's one-time key (kvp.common.idempotency), claimed by the first POST that carries it; the
    answer it got is kept so that a second POST with the same key (a double click, a resent form) gets it too."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    location = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="submission_once_per_user")]

    def __str__(self) -> str:
        return f"submission {self.pk}"
