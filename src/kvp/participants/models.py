from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from kvp.accounts.models import Office
from kvp.common.versioning import VersionedModel
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.rules.access import Subject
from kvp.rules.identity import parse_identity


class Participant(VersionedModel):
    """A person in (or applying for) the programme: a deltaker.

    Only what casework needs. Country of birth is optional and used for aggregate equity
    statistics only; no recommendation, match or rule ever reads it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="participants")
    national_id = models.CharField(_("national identity number"), max_length=11, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True)
    postal_town = models.CharField(_("postal town"), max_length=80, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=3, choices=LANGUAGE_CHOICES, default="nb")
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    interpreter_language = models.CharField(
        _("interpreter language"), max_length=3, choices=LANGUAGE_CHOICES, blank=True
    )
    country_of_birth = CountryField(
        _("country of birth"),
        blank=True,
        help_text=_("Optional. Used only for anonymous equity statistics, never for decisions."),
    )
    shielded = models.BooleanField(
        _("shielded"),
        default=False,
        help_text=_("Strictly confidential address or skjermet person: visible only to staff with a grant."),
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counsellor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_participants",
        limit_choices_to={"is_counsellor": True},
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="participant"
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["last_name", "first_name"]
        # The lists filter by office (and counsellor) and sort by name: the index serves both, so a page of
        # 50 reads 50 rows whatever the size of the office.
        indexes = [
            models.Index(fields=["office", "last_name", "first_name"]),
            models.Index(fields=["office", "counsellor", "last_name", "first_name"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(needs_interpreter=False) | ~models.Q(interpreter_language=""),
                name="interpreter_need_has_language",
                violation_error_message=_("Choose the language the interpreter should speak."),
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def birth_date(self) -> datetime.date:
        """From the national identity number (validated when registered)."""
        return parse_identity(self.national_id, accept_synthetic=True, today=datetime.date.max).birth_date

    def as_subject(self) -> Subject:
        return Subject(
            participant_id=str(self.pk),
            office_id=self.office_id,
            counsellor_id=self.counsellor_id,
            shielded=self.shielded,
        )


class AccessReason(models.Model):
    """A colleague's recorded reason for opening a participant not assigned to them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "participant", "expires_at"])]

    def __str__(self) -> str:
        return self.reason


class TransferRequest(models.Model):
    """A counsellor tried to register someone another office (or a shielded-person grant) holds. The request
    goes to the leader of the office that follows the participant up; the counsellor is told nothing more."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the leader")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    to_office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="transfer_requests")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["to_office", "status"])]

    def __str__(self) -> str:
        return f"{self.from_office} → {self.to_office}"
