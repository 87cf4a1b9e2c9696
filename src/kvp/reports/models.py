from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office


class CaseloadSnapshot(models.Model):
    """How many active participants a counsellor followed in a month (E7). Who followed whom is not kept
    anywhere else over time, so the daily job keeps the current month's count up to date here."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    counsellor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))  # its first day
    active_participants = models.PositiveIntegerField(_("active participants"))
    taken_on = models.DateField(_("counted on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("caseload snapshot")
        verbose_name_plural = _("caseload snapshots")
        ordering = ["month", "counsellor_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "counsellor", "month"],
                name="one_caseload_snapshot_per_month",
                violation_error_message=_("This month is already counted."),
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="snapshot_month_is_first_day",
                violation_error_message=_("A month is stored as its first day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.counsellor_id}: {self.active_participants}"
