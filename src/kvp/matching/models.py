"""The participant's ranked wishes, and matching runs that propose (never decide) a place per participant
(E1, E8). Runs keep their inputs, parameters and results for audit."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.catalogue.models import Offer, Participation
from kvp.common.versioning import VersionedModel
from kvp.participants.models import Participant

MAX_WISHES = 5


class Preference(models.Model):
    """One of the participant's ranked wishes (1 = most wanted)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="preferences")
    offer = models.ForeignKey(Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="preferences")
    rank = models.PositiveSmallIntegerField(_("rank"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "offer"], name="one_wish_per_offer"),
            models.UniqueConstraint(fields=["participant", "rank"], name="one_wish_per_rank"),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1) & models.Q(rank__lte=MAX_WISHES), name="wish_rank_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.offer}"


class MatchRun(models.Model):
    class Mode(models.TextChoices):
        OPTIMAL = "optimal", _("Best total fit and wishes (optimal)")
        STABLE = "stable", _("Participant-proposing stable matching")

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="match_runs")
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices, default=Mode.OPTIMAL)
    period_start = models.DateField(_("offers starting from"))
    period_end = models.DateField(_("offers starting until"))
    parameters = models.JSONField(default=dict)
    inputs = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    # The distinct fit components of the run's proposals, once each; a proposal's `components` index into it.
    explanations = models.JSONField(default=list)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RUNNING)
    progress = models.JSONField(default=list)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.started_at:%d.%m.%Y %H:%M}"


class MatchProposal(VersionedModel):
    """A proposed place for one participant: the counsellor accepts or changes it, the participant
    confirms, and only then is a participation created."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted by the counsellor")
        CHANGED = "changed", _("Changed by the counsellor")
        REJECTED = "rejected", _("Rejected by the counsellor")
        CONFIRMED = "confirmed", _("Confirmed by the participant")
        DECLINED = "declined", _("Declined by the participant")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(MatchRun, on_delete=models.PROTECT, related_name="proposals")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="match_proposals")
    offer = models.ForeignKey(Offer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="+")
    proposed_offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="+")
    fit = models.DecimalField(max_digits=8, decimal_places=3)
    components = models.JSONField(default=list)
    wish_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    gave_up = models.JSONField(default=list)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    note = models.TextField(_("note to the participant"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    participation = models.ForeignKey(Participation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    conflict_fields = ("status", "offer")

    class Meta:
        ordering = ["participant__last_name", "participant__first_name"]
        indexes = [models.Index(fields=["participant", "status"])]

    def __str__(self) -> str:
        return f"{self.participant}: {self.offer}"
