"""The participant's mapping (kartlegging) and plan (individuell plan): goals, activities, proposals,
versions and agreement (sotjl. §§ 28, 30, 42; E1, E2, E13-E15, E18)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from kvp.common.versioning import ChangedField, VersionedModel
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.programme.models import Case
from kvp.rules.measures import MEASURE_LABELS, MeasureType
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel

CEFR_CHOICES = [(level.value, _(level.label)) for level in Cefr]
DIGITAL_CHOICES = [(level.value, _(DIGITAL_LABELS[level])) for level in DigitalLevel]
MEASURE_CHOICES = [(kind.value, _(MEASURE_LABELS[kind])) for kind in MeasureType]


class Origin(models.TextChoices):
    PARTICIPANT = "participant", _("The participant")
    COUNSELLOR = "counsellor", _("The counsellor")


class Mapping(VersionedModel):
    """What the participant brings and needs, strengths first (E2, E18). One per participant; the
    participant fills in their own parts, the counsellor the rest, together in a meeting."""

    class DrivingLicence(models.TextChoices):
        NONE = "none", _("No driving licence")
        LEARNING = "learning", _("Learning to drive")
        CAR = "car", _("Car (class B)")
        HEAVY = "heavy", _("Car and heavier vehicles")
        FOREIGN = "foreign", _("Licence from another country, not yet converted")

    class LearningDifficulty(models.TextChoices):
        NONE_KNOWN = "none_known", _("None known")
        SUSPECTED = "suspected", _("Possible, not assessed")
        ASSESSED_FOUND = "assessed_found", _("Assessed: learning difficulties found")
        ASSESSED_NONE = "assessed_none", _("Assessed: no learning difficulties")

    class AssessedHow(models.TextChoices):
        NOT_ASSESSED = "not_assessed", _("Not assessed")
        OWN_LANGUAGE = "own_language", _("In the participant's own language")
        INTERPRETER = "interpreter", _("With an interpreter")
        NORWEGIAN_ONLY = "norwegian_only", _("In Norwegian without an interpreter")

    class Matters(models.TextChoices):
        INCOME = "income", _("Own income")
        STATUS = "status", _("Status and respect")
        FAMILY = "family", _("Family")
        NETWORK = "network", _("Friends and network")
        TRADE = "trade", _("Working in my trade")
        LEARNING = "learning", _("Learning something new")
        HEALTH = "health", _("Health")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.OneToOneField(Participant, on_delete=models.PROTECT, related_name="mapping")
    strengths = models.TextField(_("what I am good at"), blank=True)
    strengths_language = models.CharField(max_length=3, choices=LANGUAGE_CHOICES, blank=True)
    what_matters = models.JSONField(_("what matters to me"), default=list, blank=True)
    what_matters_text = models.TextField(_("in my own words"), blank=True)
    what_matters_language = models.CharField(max_length=3, choices=LANGUAGE_CHOICES, blank=True)
    wanted_occupations = models.JSONField(_("work I want (STYRK-08)"), default=list, blank=True)
    no_work_experience = models.BooleanField(_("no work experience yet"), default=False)
    no_education = models.BooleanField(_("no schooling or education"), default=False)
    norwegian_listening = models.CharField(_("listening"), max_length=8, choices=CEFR_CHOICES, blank=True)
    norwegian_reading = models.CharField(_("reading"), max_length=8, choices=CEFR_CHOICES, blank=True)
    norwegian_speaking = models.CharField(_("speaking"), max_length=8, choices=CEFR_CHOICES, blank=True)
    norwegian_writing = models.CharField(_("writing"), max_length=8, choices=CEFR_CHOICES, blank=True)
    norwegian_test_date = models.DateField(_("date of Norwegian test"), null=True, blank=True)
    norwegian_test_name = models.CharField(_("which test"), max_length=100, blank=True)
    digital_skills = models.CharField(_("digital skills"), max_length=16, choices=DIGITAL_CHOICES, blank=True)
    driving_licence = models.CharField(_("driving licence"), max_length=16, choices=DrivingLicence.choices, blank=True)
    accommodations = models.TextField(
        _("accommodations needed"),
        blank=True,
        help_text=_("Only what the plan must take into account, e.g. 'no work before 09:00 (child care)'."),
    )
    accommodations_recorded = models.BooleanField(_("accommodations discussed"), default=False)
    learning_difficulty = models.CharField(
        _("possible learning difficulties"), max_length=16, choices=LearningDifficulty.choices, blank=True
    )
    learning_assessed_how = models.CharField(_("assessed how"), max_length=16, choices=AssessedHow.choices, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)  # 0: nobody has saved a part yet

    def __str__(self) -> str:
        return str(self.participant)


class WorkExperience(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    mapping = models.ForeignKey(Mapping, on_delete=models.CASCADE, related_name="work_experience")
    occupation = models.CharField(_("occupation"), max_length=120)
    occupation_code = models.CharField(_("occupation (STYRK-08)"), max_length=4, blank=True)
    country = CountryField(_("country"), blank=True)
    years = models.DecimalField(_("years"), max_digits=3, decimal_places=1)
    description = models.TextField(_("what I did"), blank=True)
    language = models.CharField(max_length=3, choices=LANGUAGE_CHOICES, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-years", "occupation"]

    def __str__(self) -> str:
        return self.occupation


class Education(models.Model):
    class Level(models.TextChoices):
        PRIMARY = "primary", _("Primary school")
        LOWER_SECONDARY = "lower_secondary", _("Lower secondary school")
        UPPER_SECONDARY = "upper_secondary", _("Upper secondary school")
        VOCATIONAL = "vocational", _("Vocational training")
        BACHELOR = "bachelor", _("University or college, up to 4 years")
        MASTER = "master", _("University, 5 years or more")

    class Recognition(models.TextChoices):
        RECOGNISED = "recognised", _("Recognised in Norway")
        APPLIED = "applied", _("Applied for recognition")
        NOT_RECOGNISED = "not_recognised", _("Not recognised")
        NOT_APPLIED = "not_applied", _("Not applied for yet")
        NOT_NEEDED = "not_needed", _("Taken in Norway")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    mapping = models.ForeignKey(Mapping, on_delete=models.CASCADE, related_name="education")
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    field = models.CharField(_("subject or trade"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    completed = models.BooleanField(_("completed"), default=True)
    recognition = models.CharField(_("recognition"), max_length=16, choices=Recognition.choices)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["added_at"]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.field}".strip()


class Plan(VersionedModel):
    """The individual plan for one programme period (one case). Every change is a PlanVersion."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="plan")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="plans")
    version = models.PositiveIntegerField(default=0)  # the number of the latest PlanVersion; 0: none yet
    agreed_version = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return str(self.case)

    @property
    def is_agreed(self) -> bool:
        return self.agreed_version is not None and self.agreed_version == self.version

    def changes_since(self, seen_version: int) -> list[ChangedField]:
        """Each later version with its recorded changes, worded as in the plan's history."""
        from kvp.plans.templatetags.plans import plan_change  # the history's wording needs the plan's forms

        return [
            ChangedField(
                name="version",
                label=gettext("Version %(number)s") % {"number": version.number},
                value=", ".join(plan_change(change) for change in version.changes),
            )
            for version in self.versions.filter(number__gt=seen_version).order_by("number")
        ]


class Goal(models.Model):
    """A goal in the participant's own words and language (E1, E15)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="goals")
    text = models.TextField(_("goal"))
    language = models.CharField(_("written in"), max_length=3, choices=LANGUAGE_CHOICES)
    origin = models.CharField(_("written by"), max_length=16, choices=Origin.choices)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class Activity(models.Model):
    """One activity in the plan (as in NAV's activity plan): what, where, when, how many hours."""

    class Status(models.TextChoices):
        INTERESTED = "interested", _("Participant interested")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    FROZEN = frozenset({Status.DONE, Status.CANCELLED})

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="activities")
    measure_type = models.CharField(_("type"), max_length=32, choices=MEASURE_CHOICES)
    offer = models.ForeignKey(
        "catalogue.Offer",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("content"), blank=True)
    provider = models.CharField(_("provider or workplace"), max_length=200, blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal it serves"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    formal_qualification = models.CharField(
        _("formal qualification"),
        max_length=200,
        blank=True,
        help_text=_("The certificate or document it gives, e.g. 'Trade certificate, cook' or 'Norskprøven B1'."),
    )
    norwegian_needed = models.CharField(_("Norwegian needed"), max_length=8, choices=CEFR_CHOICES, blank=True)
    digital_needed = models.CharField(_("digital skills needed"), max_length=16, choices=DIGITAL_CHOICES, blank=True)
    works_alone = models.BooleanField(_("the participant mostly works alone"), default=False)
    language_practice = models.BooleanField(_("counts as language practice"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    origin = models.CharField(_("proposed by"), max_length=16, choices=Origin.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["starts_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
                violation_error_message=_("The activity must end on or after its start."),
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0) & models.Q(hours_per_week__lte=60),
                name="activity_hours_in_range",
                violation_error_message=_("Hours per week must be more than 0 and at most 60."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_frozen(self) -> bool:
        return self.status in self.FROZEN


class PlanVersion(models.Model):
    """A version of the plan: who changed what, the whole plan as it then was, and who confirmed it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)
    changes = models.JSONField(default=list)
    snapshot = models.JSONField(default=dict)
    participant_confirmed_at = models.DateTimeField(null=True, blank=True)
    counsellor_confirmed_at = models.DateTimeField(null=True, blank=True)
    counsellor_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_per_number")]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class Proposal(VersionedModel):
    """A participant's proposal: a new activity or a change. The counsellor answers with a reason
    within the configured time (sotjl. § 42: great weight on the participant's view; E1)."""

    class Kind(models.TextChoices):
        NEW_ACTIVITY = "new_activity", _("A new activity")
        CHANGE = "change", _("A change to an activity")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        ACCEPTED_WITH_CHANGES = "accepted_with_changes", _("Accepted with changes")
        DECLINED = "declined", _("Declined")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="proposals")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices, default=Kind.NEW_ACTIVITY)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="change_proposals"
    )
    measure_type = models.CharField(_("type"), max_length=32, choices=MEASURE_CHOICES)
    offer = models.ForeignKey(
        "catalogue.Offer",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    text = models.TextField(_("what I propose, and why"))
    language = models.CharField(_("written in"), max_length=3, choices=LANGUAGE_CHOICES)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    answer_due = models.DateField(_("answer due"))
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    resulting_activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="from_proposals"
    )

    class Meta:
        ordering = ["-submitted_at"]
        # (plan, status): a participant's open proposals, counted on each row of the overview, are found through
        # their plan; with only (status, ...) the count read every open proposal of the office for every row.
        indexes = [models.Index(fields=["status", "answer_due"]), models.Index(fields=["plan", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(answer=""),
                name="declined_proposal_has_reason",
                violation_error_message=_("A declined proposal needs a written reason."),
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]
