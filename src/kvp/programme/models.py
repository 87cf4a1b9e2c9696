from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.participants.models import Participant
from kvp.rules.case_status import OPEN_STATUSES, CaseStatus, EndReason

STATUS_LABELS = {
    CaseStatus.APPLIED: _("Applied"),
    CaseStatus.ASSESSED: _("Assessed"),
    CaseStatus.GRANTED: _("Granted"),
    CaseStatus.REFUSED: _("Refused"),
    CaseStatus.ACTIVE: _("Active"),
    CaseStatus.EXTENDED: _("Extended"),
    CaseStatus.ENDED: _("Ended"),
}
END_REASON_LABELS = {
    EndReason.COMPLETED_WORK: _("Completed: in work"),
    EndReason.COMPLETED_EDUCATION: _("Completed: in education"),
    EndReason.COMPLETED_OTHER: _("Completed: other"),
    EndReason.OTHER_BENEFIT: _("Moved to another benefit"),
    EndReason.NON_ATTENDANCE: _("Interrupted: did not attend"),
    EndReason.MOVED: _("Moved to another municipality"),
    EndReason.CONDITIONS_NO_LONGER_MET: _("Conditions no longer met"),
    EndReason.WITHDRAWN: _("Application withdrawn"),
    EndReason.DIED: _("Died"),
}

STATUS_CHOICES = list(STATUS_LABELS.items())
END_REASON_CHOICES = list(END_REASON_LABELS.items())


class Case(models.Model):
    """One programme for one participant (sak), from application to end."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="cases"
    )
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES, default=CaseStatus.APPLIED)
    end_reason = models.CharField(_("end reason"), max_length=32, choices=END_REASON_CHOICES, blank=True)
    applied_on = models.DateField(_("application date"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("received by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    starts_on = models.DateField(_("programme start"), null=True, blank=True)
    ends_on = models.DateField(_("programme end"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-applied_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=models.Q(status__in=sorted(s.value for s in OPEN_STATUSES)),
                name="one_open_case_per_participant",
                violation_error_message=_("The participant already has an open case."),
            ),
            models.CheckConstraint(
                condition=models.Q(status=CaseStatus.ENDED) | models.Q(end_reason=""),
                name="end_reason_only_when_ended",
                violation_error_message=_("An end reason is only given when the case ends."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
                violation_error_message=_("The programme must start before its end date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.applied_on:%d.%m.%Y})"

    @property
    def status_enum(self) -> CaseStatus:
        return CaseStatus(self.status)

    @property
    def is_open(self) -> bool:
        return self.status_enum in OPEN_STATUSES


class CaseEvent(models.Model):
    """The history of a case: every status change, who made it and why."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now, editable=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField(max_length=16, choices=STATUS_CHOICES, blank=True)
    to_status = models.CharField(max_length=16, choices=STATUS_CHOICES)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Rate(models.Model):
    """A dated rate the benefit rules read (KVP-RULES.md §§ 5, 8). Administrators add a row when a rate
    changes (G each 1 May, the child supplement each 1 January); a row applies until the next one."""

    class Series(models.TextChoices):
        BASE_AMOUNT = "base_amounts", _("Base amount (G), kroner per year")
        FACTOR = "factors", _("Full yearly rate, in G")
        CHILD_SUPPLEMENT = "child_supplements", _("Child supplement, kroner per child per weekday")

    series = models.CharField(_("rate"), max_length=32, choices=Series.choices)
    valid_from = models.DateField(_("valid from"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=4)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("rate")
        verbose_name_plural = _("rates")
        ordering = ["series", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "valid_from"],
                name="one_rate_per_series_and_date",
                violation_error_message=_("This rate already has a value from that date."),
            ),
            models.CheckConstraint(
                condition=models.Q(value__gt=0),
                name="rate_is_positive",
                violation_error_message=_("A rate must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_series_display()} {self.valid_from:%d.%m.%Y}: {self.value}"
