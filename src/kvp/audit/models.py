from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kvp.audit.objects import object_type_label


class AppendOnlyError(RuntimeError):
    pass


class AuditEvent(models.Model):
    """One read or write of a participant's personal data (sporingslogg). Never changed or deleted:
    the model refuses, and database triggers refuse too (see migration 0002)."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        LIST = "list", _("Shown in a list")
        SEARCH = "search", _("Found by search")
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        EXPORT = "export", _("Exported")

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    actor_roles = models.CharField(_("role"), max_length=64)
    actor_office_name = models.CharField(_("office"), max_length=120, blank=True)
    participant = models.ForeignKey(
        "participants.Participant", verbose_name=_("participant"), on_delete=models.PROTECT, related_name="audit_events"
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    object_type = models.CharField(_("what"), max_length=32)  # a code registered in kvp.audit.objects
    object_id = models.CharField(max_length=64, blank=True)
    basis = models.CharField(_("basis"), max_length=16)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["participant", "-at"]), models.Index(fields=["actor", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")

    @property
    def object_type_label(self) -> str:
        return object_type_label(self.object_type)
