"""Staff management with two people: a grant (a role, an office, the shielded-persons grant) is requested by an
administrator and takes effect only when someone else approves it; every step is kept in an append-only log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.audit.models import AppendOnlyError


class GrantKind(models.TextChoices):
    COUNSELLOR = "counsellor", _("counsellor (veileder)")
    LEADER = "leader", _("office leader")
    ADMINISTRATOR = "administrator", _("administrator")
    SHIELDED = "shielded", _("may view shielded persons")
    APPROVER = "approver", _("may approve decisions")
    OFFICE = "office", _("office")
    TWO_FACTOR = "two_factor", _("a new two-factor device (the old one is lost)")


# The user flag each kind sets (the office kind sets the office instead; the two-factor kind removes the devices).
FLAG_FOR_KIND = {
    GrantKind.COUNSELLOR: "is_counsellor",
    GrantKind.LEADER: "is_leader",
    GrantKind.ADMINISTRATOR: "is_administrator",
    GrantKind.SHIELDED: "may_view_shielded",
    GrantKind.APPROVER: "may_approve_decisions",
}


class GrantRequest(models.Model):
    """A request to give or take away one grant. Pending until a second person approves or refuses it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("grant"), max_length=16, choices=GrantKind.choices)
    give = models.BooleanField(_("give"), default=True, help_text=_("Give the grant, or take it away."))
    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("grant request")
        verbose_name_plural = _("grant requests")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decided_by=models.F("requested_by")), name="grant_decided_by_someone_else"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="office", give=True, office__isnull=True), name="office_grant_names_office"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"


class StaffEvent(models.Model):
    """One step in staff management, kept for good: who did what to whose access, and when. Never changed or
    deleted: the model refuses, and database triggers refuse too (migration 0002)."""

    class Action(models.TextChoices):
        GRANT_REQUESTED = "grant_requested", _("requested a grant")
        GRANT_APPROVED = "grant_approved", _("approved a grant")
        GRANT_REFUSED = "grant_refused", _("refused a grant")
        RESET_LINK_SENT = "reset_link_sent", _("sent a link to choose a new password")
        PASSWORD_CHOSEN = "password_chosen", _("chose a new password from a link")
        LOCKOUT_LIFTED = "lockout_lifted", _("lifted a login lockout")

    at = models.DateTimeField(_("time"), default=timezone.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=24, choices=Action.choices)
    grant = models.ForeignKey(
        GrantRequest, verbose_name=_("grant"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("staff management event")
        verbose_name_plural = _("staff management events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("a staff management event cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("a staff management event cannot be deleted")
