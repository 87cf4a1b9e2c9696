from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.audit.objects import object_type_label


class AppendOnlyError(RuntimeError):
    pass


def listed_key(participant_id: uuid.UUID | str) -> str:
    """How a list event names a participant it showed: the id's 32 hex digits."""
    return participant_id.hex if isinstance(participant_id, uuid.UUID) else uuid.UUID(participant_id).hex


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def about(self, participant_id: uuid.UUID | str) -> AuditEventQuerySet:
        """The events about one participant: reads and writes of their data, and the lists that showed them."""
        listed = Q(action=AuditEvent.Action.LIST, listed__contains=listed_key(participant_id))
        return self.filter(Q(participant_id=participant_id) | listed)


class AuditEvent(models.Model):
    """One read or write of a participant's personal data (sporingslogg), or one list shown: a list is one event
    naming every participant it showed (`listed`), not one per row. Never changed or deleted: the model refuses,
    and database triggers refuse too (see migrations 0002 and 0009)."""

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
    # The actor's office at the time: a leader's search finds the office's list events by it.
    actor_office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # Empty for a list event, which names its participants in `listed`.
    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    listed = models.TextField(_("listed"), blank=True)  # a list event's participants: listed_key each, space apart
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    object_type = models.CharField(_("what"), max_length=32)  # a code registered in kvp.audit.objects
    object_id = models.CharField(max_length=64, blank=True)
    basis = models.CharField(_("basis"), max_length=16)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["participant", "-at"]), models.Index(fields=["actor", "-at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(participant__isnull=False, listed="")
                | (Q(participant__isnull=True, action="list") & ~Q(listed="")),
                name="audit_event_names_its_participants",
            )
        ]

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

    @property
    def listed_count(self) -> int:
        return len(self.listed.split())
