"""Motivation check-ins and the instruments offices have loaded.

A check-in keeps the key and version of the instrument it was asked with, so that its answers can always be
read against the questions that were asked, also after an office loads a new instrument.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.catalogue.models import Participation
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.rules.motivation import Reason as RuleReason


class Instrument(models.Model):
    """A validated instrument definition (YAML) an office has the rights to use. Ours ships with the code
    (kvp.motivation.instruments) and needs no row. A key and version, once loaded, never change."""

    key = models.CharField(_("key"), max_length=64)
    version = models.PositiveIntegerField(_("version"))
    definition = models.TextField(_("definition (YAML)"))
    rights = models.CharField(_("rights"), max_length=300)
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The office that uses it for new check-ins; empty: loaded but not in use."),
    )
    loaded_at = models.DateTimeField(default=timezone.now, editable=False)
    loaded_by = models.CharField(_("loaded by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("check-in instrument")
        constraints = [models.UniqueConstraint(fields=["key", "version"], name="instrument_key_version_unique")]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"


class CheckIn(models.Model):
    """One check-in for a participant: scheduled (monthly, two weeks into a placement) or started by them."""

    class Reason(models.TextChoices):
        MONTHLY = RuleReason.MONTHLY.value, _("Monthly")
        PLACEMENT = RuleReason.PLACEMENT.value, _("Two weeks into a new placement")
        OPTIONAL = RuleReason.OPTIONAL.value, _("Started by the participant")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="checkins")
    instrument_key = models.CharField(max_length=64)
    instrument_version = models.PositiveIntegerField()
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    participation = models.ForeignKey(Participation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(_("due"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("answered in"), max_length=3, choices=LANGUAGE_CHOICES, blank=True)
    answers = models.JSONField(default=dict, blank=True)  # scale item key → value
    open_answers = models.JSONField(default=dict, blank=True)  # open item key → text, as written
    scores = models.JSONField(default=dict, blank=True)  # need → score as a decimal string ("3.5")

    class Meta:
        ordering = ["-due_on", "-created_at"]
        indexes = [models.Index(fields=["participant", "answered_at"]), models.Index(fields=["participant", "due_on"])]
        constraints = [
            # Scheduling is idempotent: one check-in per placement, one monthly per day.
            models.UniqueConstraint(
                fields=["participation"],
                condition=models.Q(reason="placement"),
                name="checkin_one_per_placement",
            ),
            models.UniqueConstraint(
                fields=["participant", "due_on"],
                condition=models.Q(reason="monthly"),
                name="checkin_one_monthly_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.due_on:%d.%m.%Y}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
