from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kvp.rules.access import Viewer

ROLE_PARTICIPANT = "participant"
ROLE_COUNSELLOR = "counsellor"
ROLE_LEADER = "leader"
ROLE_ADMINISTRATOR = "administrator"
ROLE_LABELS = {
    ROLE_PARTICIPANT: _("participant"),
    ROLE_COUNSELLOR: _("counsellor"),
    ROLE_LEADER: _("office leader"),
    ROLE_ADMINISTRATOR: _("administrator"),
}


def roles_label(codes: str) -> str:
    """'counsellor,leader' -> 'veileder, kontorleder' in the active language."""
    return ", ".join(str(ROLE_LABELS.get(code, code)) for code in codes.split(",") if code) or str(_("no role"))


four_digits = RegexValidator(r"^\d{4}$", _("Enter exactly four digits."))


class Office(models.Model):
    """A NAV office (NAV-kontor), the partnership between the state and one municipality."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    unit_number = models.CharField(_("NAV unit number"), max_length=4, unique=True, validators=[four_digits])
    municipality_number = models.CharField(_("municipality number"), max_length=4, validators=[four_digits])
    municipality_name = models.CharField(_("municipality"), max_length=80)
    oslo_district = models.CharField(
        _("Oslo district number"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^\d{2}$", _("Enter exactly two digits."))],
        help_text=_("Only for Oslo's district offices (bydel): the number Statistics Norway uses, 01–15."),
    )
    # Each municipality decides when the benefit is paid (S3, S21).
    payment_schedule = models.CharField(
        _("payment schedule"),
        max_length=16,
        choices=[("monthly", _("Monthly")), ("biweekly", _("Every 14 days"))],
        default="monthly",
    )
    payment_anchor = models.DateField(
        _("first payment period starts"),
        default=datetime.date(2026, 1, 5),
        help_text=_("For payment every 14 days: the Monday a payment period starts."),
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who logs in: staff with one or more roles, or a participant (see Participant.user)."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    is_counsellor = models.BooleanField(_("counsellor (veileder)"), default=False)
    is_leader = models.BooleanField(_("office leader"), default=False)
    is_administrator = models.BooleanField(_("administrator"), default=False)
    may_approve_decisions = models.BooleanField(
        _("may approve decisions"),
        default=False,
        help_text=_("Appointed second approver for refusals and stops (besides the office leader)."),
    )
    may_view_shielded = models.BooleanField(
        _("may view shielded persons"),
        default=False,
        help_text=_("Explicit grant to see persons with strictly confidential address or skjermet status."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(is_counsellor=True) | models.Q(is_leader=True)) | models.Q(office__isnull=False),
                name="staff_with_case_roles_have_office",
                violation_error_message=_("Counsellors and office leaders must belong to an office."),
            )
        ]

    @property
    def is_case_staff(self) -> bool:
        return self.is_counsellor or self.is_leader

    @property
    def participant_id(self) -> str | None:
        participant = getattr(self, "participant", None)
        return str(participant.pk) if participant is not None else None

    @property
    def role_codes(self) -> str:
        """The roles as stable codes, stored in the audit trail."""
        if self.participant_id is not None:
            return ROLE_PARTICIPANT
        return ",".join(code for code, flag in self.role_flags() if flag)

    def role_flags(self) -> list[tuple[str, bool]]:
        return [
            (ROLE_COUNSELLOR, self.is_counsellor),
            (ROLE_LEADER, self.is_leader),
            (ROLE_ADMINISTRATOR, self.is_administrator),
        ]

    @property
    def role_label(self) -> str:
        return roles_label(self.role_codes)

    def as_viewer(self) -> Viewer:
        return Viewer(
            user_id=self.pk,
            office_id=self.office_id,
            is_counsellor=self.is_counsellor,
            is_leader=self.is_leader,
            is_administrator=self.is_administrator,
            may_view_shielded=self.may_view_shielded,
            participant_id=self.participant_id,
        )
