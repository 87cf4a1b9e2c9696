from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.audit.models import AppendOnlyError


class ParameterValue(models.Model):
    """One change of a rule parameter: the value from a day on, nationally (no office) or for one office. Never
    changed or deleted, so the history of what was in force when stays as it was: the model refuses, and
    database triggers refuse too (see migration 0002). An empty value returns to the documented default
    (nationally) or to the national value (for an office). Of two values from the same day, the later wins."""

    name = models.CharField(_("parameter"), max_length=64)
    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("valid from"))
    value = models.CharField(_("value"), max_length=64, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("rule parameter value")
        verbose_name_plural = _("rule parameter values")
        ordering = ["valid_from", "changed_at", "pk"]
        indexes = [models.Index(fields=["name", "valid_from"])]
        constraints = [models.CheckConstraint(condition=~models.Q(reason=""), name="parameter_value_has_reason")]

    def __str__(self) -> str:
        return f"{self.name} = {self.value} ({self.valid_from})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("a parameter value cannot be changed: add a new one")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("a parameter value cannot be deleted: add a new one")
