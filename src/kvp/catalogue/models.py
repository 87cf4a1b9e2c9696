"""One current catalogue of measures (E10): providers and employers (E19), their concrete offers with
content, requirements, formal value and availability, and participants' participation in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.common.versioning import VersionedModel
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.plans.models import CEFR_CHOICES, DIGITAL_CHOICES, MEASURE_CHOICES, Activity
from kvp.rules.organisations import organisation_number_problem


def validate_organisation_number(value: str) -> None:
    problem = organisation_number_problem(value)
    if problem:
        raise ValidationError(_gettext(problem), code="organisation_number")


class Provider(VersionedModel):
    """A public, private or voluntary provider of measures, or an employer offering placements (E19)."""

    class Kind(models.TextChoices):
        PUBLIC = "public", _("Public")
        PRIVATE = "private", _("Private")
        VOLUNTARY = "voluntary", _("Voluntary")

    class Sector(models.TextChoices):
        HEALTH_CARE = "health_care", _("Health and care")
        EDUCATION = "education", _("Education and childcare")
        RETAIL = "retail", _("Retail")
        HOSPITALITY = "hospitality", _("Hotels, restaurants and catering")
        CLEANING = "cleaning", _("Cleaning and property services")
        CONSTRUCTION = "construction", _("Building and construction")
        MANUFACTURING = "manufacturing", _("Industry and manufacturing")
        TRANSPORT = "transport", _("Transport and warehousing")
        AGRICULTURE = "agriculture", _("Agriculture, gardening and forestry")
        OFFICE = "office", _("Office and administration")
        TRAINING = "training", _("Training and courses")
        OTHER = "other", _("Other")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="providers")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    is_employer = models.BooleanField(_("employer offering placements"), default=False)
    organisation_number = models.CharField(
        _("organisation number"), max_length=9, validators=[validate_organisation_number]
    )
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    address = models.CharField(_("address"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "organisation_number", "name"],
                name="one_provider_per_office_number_and_name",
                violation_error_message=_("This provider is already in the catalogue."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Offer(VersionedModel):
    """A concrete offer of a measure: what it is in plain words, for whom, when, and what it leads to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(Provider, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="offers")
    measure_type = models.CharField(_("type"), max_length=32, choices=MEASURE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content in plain words"))
    occupation_code = models.CharField(_("occupation (STYRK-08)"), max_length=4, blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    length_weeks = models.PositiveSmallIntegerField(_("length in weeks"))
    start_dates = models.JSONField(_("start dates"), default=list, blank=True)
    capacity = models.IntegerField(_("places"))
    cost_kroner = models.PositiveIntegerField(_("cost per participant (NOK)"), default=0)
    formal_qualification = models.CharField(
        _("formal qualification"),
        max_length=200,
        blank=True,
        help_text=_("The certificate it gives, e.g. 'Fagbrev i renholdsoperatørfaget' or 'Norskprøven B1'."),
    )
    norwegian_needed = models.CharField(_("Norwegian needed"), max_length=8, choices=CEFR_CHOICES, blank=True)
    digital_needed = models.CharField(_("digital skills needed"), max_length=16, choices=DIGITAL_CHOICES, blank=True)
    prerequisites = models.JSONField(_("prerequisites"), default=list, blank=True)
    gives = models.JSONField(_("what it gives"), default=list, blank=True)
    mentor_available = models.BooleanField(_("mentor available"), default=False)
    workplace_language = models.CharField(
        _("language used at the workplace"), max_length=3, choices=LANGUAGE_CHOICES, default="nb"
    )
    works_alone = models.BooleanField(_("the participant would mostly work alone"), default=False)
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(_("available until"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["measure_type", "available_until"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=0),
                name="offer_capacity_not_negative",
                violation_error_message=_("The number of places cannot be negative."),
            ),
            models.CheckConstraint(
                condition=models.Q(available_until__isnull=True)
                | models.Q(available_until__gte=models.F("available_from")),
                name="offer_ends_after_start",
                violation_error_message=_("The offer cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0) & models.Q(hours_per_week__lte=60),
                name="offer_hours_in_range",
                violation_error_message=_("Hours per week must be more than 0 and at most 60."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Participation(VersionedModel):
    """A participant's place (or request for one) in an offer, from application to end."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        WAITING_LIST = "waiting_list", _("On the waiting list")
        PARTICIPATING = "participating", _("Participating")
        ENDED = "ended", _("Ended")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        REFUSED = "refused", _("Refused")

    class Reason(models.TextChoices):
        GOT_JOB = "got_job", _("Got a job")
        QUALIFIED = "qualified", _("Gained the qualification")
        ILL = "ill", _("Ill")
        DID_NOT_ATTEND = "did_not_attend", _("Did not attend")
        NOT_SUITABLE = "not_suitable", _("Not suitable after all")
        PREREQUISITE_MISSING = "prerequisite_missing", _("A prerequisite was not met")
        NO_PLACE = "no_place", _("No place available")
        NO_FUNDING = "no_funding", _("No funding")
        PROGRAMME_ENDED = "programme_ended", _("The programme ended")
        OTHER = "other", _("Other")

    OPEN = frozenset({Status.APPLIED, Status.WAITING_LIST, Status.PARTICIPATING})

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="participations")
    offer = models.ForeignKey(Offer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="participations")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.APPLIED)
    reason = models.CharField(_("reason"), max_length=24, choices=Reason.choices, blank=True)
    refused_for = models.CharField(_("prerequisite not met"), max_length=64, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    hired = models.BooleanField(_("hired afterwards"), default=False)
    qualification_gained = models.BooleanField(_("gained the formal qualification"), default=False)
    work_contact = models.BooleanField(_("contact with an employer during it"), default=False)
    # What the employer said about the placement, in the counsellor's words (checked for wording, E12).
    employer_feedback = models.TextField(_("the employer's feedback"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["offer", "status"]), models.Index(fields=["participant", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="participation_ends_after_start",
                violation_error_message=_("The participation cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offer} ({self.get_status_display()})"


class ProviderChange(models.Model):
    """A change the provider asks for (new dates, fewer hours, ending early); the counsellor decides."""

    class Kind(models.TextChoices):
        DATES = "dates", _("New dates")
        HOURS = "hours", _("Other hours")
        END = "end", _("End the participation")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the counsellor")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(_("change"), max_length=8, choices=Kind.choices)
    starts_on = models.DateField(_("new start"), null=True, blank=True)
    ends_on = models.DateField(_("new end"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("new hours per week"), max_digits=4, decimal_places=1, null=True, blank=True)
    end_reason = models.CharField(_("why it ends"), max_length=24, choices=Participation.Reason.choices, blank=True)
    explanation = models.TextField(_("the provider's explanation"))
    proposed_by = models.CharField(_("proposed by (name at the provider)"), max_length=120)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(default=timezone.now, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        ordering = ["-registered_at"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Incident(VersionedModel):
    """Discrimination a participant met at an employer or provider (E12): what happened, the participant's
    consent to act, and the follow-up — talking with the employer, advice on complaining to the Equality
    and Anti-Discrimination Ombud (Likestillings- og diskrimineringsombudet), the outcome."""

    class Consent(models.TextChoices):
        YES = "yes", _("Yes, we may act")
        NO = "no", _("No, we may not act")
        NOT_ASKED = "not_asked", _("Not asked yet")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(
        Provider, verbose_name=_("employer or provider"), on_delete=models.PROTECT, related_name="incidents"
    )
    participant = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents"
    )
    happened_on = models.DateField(_("when it happened"))
    what_happened = models.TextField(_("what happened"))
    witnesses = models.CharField(
        _("who saw it"),
        max_length=300,
        blank=True,
        help_text=_("Roles rather than names where you can, e.g. 'the shift leader and a colleague'."),
    )
    consent = models.CharField(
        _("the participant's consent to act"), max_length=12, choices=Consent.choices, default=Consent.NOT_ASKED
    )
    employer_talk_on = models.DateField(_("talked with the employer on"), null=True, blank=True)
    employer_talk_note = models.TextField(_("what was said with the employer"), blank=True)
    ombud_advice_on = models.DateField(_("advice on complaining to the Ombud given on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-happened_on", "-recorded_at"]
        indexes = [models.Index(fields=["provider", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(status="resolved") & models.Q(resolved_on__isnull=False))
                | (models.Q(status="open") & models.Q(resolved_on__isnull=True)),
                name="incident_resolved_has_date",
                violation_error_message=_("A resolved incident has the date it was resolved, an open one has none."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.happened_on:%d.%m.%Y}"
