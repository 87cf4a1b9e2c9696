from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.common.versioning import VersionedModel
from kvp.participants.models import Participant
from kvp.rules.aftercare import Benefit as AftercareBenefit
from kvp.rules.aftercare import Channel as AftercareChannel
from kvp.rules.aftercare import Situation
from kvp.rules.benefit import IncomeKind
from kvp.rules.case_status import OPEN_STATUSES, CaseStatus, EndReason
from kvp.rules.kostra_record import MaritalStatus

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
    EndReason.COMPLETED_WORK: _("Completed: in full-time work"),
    EndReason.COMPLETED_WORK_PART_TIME: _("Completed: in part-time work"),
    EndReason.COMPLETED_WAGE_SUBSIDY: _("Completed: in work with wage subsidy"),
    EndReason.COMPLETED_EDUCATION: _("Completed: in education"),
    EndReason.COMPLETED_OTHER: _("Completed: other"),
    EndReason.OTHER_BENEFIT: _("Moved to another benefit"),
    EndReason.SOCIAL_ASSISTANCE: _("Completed: to financial social assistance"),
    EndReason.NON_ATTENDANCE: _("Interrupted: did not attend"),
    EndReason.MOVED: _("Moved to another municipality"),
    EndReason.MOVED_WITHIN_OSLO: _("Moved to another district in Oslo"),
    EndReason.CONDITIONS_NO_LONGER_MET: _("Conditions no longer met"),
    EndReason.WITHDRAWN: _("Application withdrawn"),
    EndReason.DIED: _("Died"),
}

INCOME_KIND_CHOICES = [
    (IncomeKind.DAGPENGER.value, _("Unemployment benefit (dagpenger)")),
    (IncomeKind.SYKEPENGER.value, _("Sickness benefit")),
    (IncomeKind.FORELDREPENGER.value, _("Parental benefit")),
    (IncomeKind.WORK_INCOME.value, _("Work income")),
    (IncomeKind.APPRENTICE_PAY.value, _("Apprentice pay")),
    (IncomeKind.BOSTOTTE.value, _("Housing allowance (bostøtte)")),
    (IncomeKind.BARNEBIDRAG.value, _("Child maintenance")),
    (IncomeKind.BARNETRYGD.value, _("Child benefit")),
    (IncomeKind.KONTANTSTOTTE.value, _("Cash-for-care benefit")),
    (IncomeKind.ENGANGSSTONAD.value, _("Lump-sum grant")),
    (IncomeKind.TILLEGGSSTONADER.value, _("Supplementary benefits")),
    (IncomeKind.LANEKASSEN.value, _("Student loan and grant (Lånekassen)")),
]
MARITAL_STATUS_LABELS = {
    MaritalStatus.UNMARRIED: _("Unmarried"),
    MaritalStatus.MARRIED: _("Married"),
    MaritalStatus.COHABITING: _("Cohabiting"),
    MaritalStatus.DIVORCED: _("Divorced or separated"),
    MaritalStatus.WIDOWED: _("Widowed"),
}
KOSTRA_STATUS_LABELS = {
    1: _("1: still in the programme"),
    2: _("2: on leave or in an agreed interruption"),
    3: _("3: completed or ended by agreement"),
    4: _("4: permanently interrupted because of non-attendance"),
    5: _("5: interrupted by a move to another municipality"),
    6: _("6: moved to another district in Oslo"),
    7: _("7: ended after an interruption"),
}
STATUS_CHOICES = list(STATUS_LABELS.items())
END_REASON_CHOICES = list(END_REASON_LABELS.items())


class Case(VersionedModel):
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
    interim_notice_sent_on = models.DateField(_("interim notice sent"), null=True, blank=True)
    interim_notice_reason = models.CharField(_("why the decision takes longer"), max_length=300, blank=True)
    interim_expected_by = models.DateField(_("decision expected by"), null=True, blank=True)
    # Asked only for Statistics Norway's yearly return (KOSTRA form 11CF, S18); no rule reads them.
    marital_status = models.CharField(
        _("marital status"), max_length=1, choices=list(MARITAL_STATUS_LABELS.items()), blank=True
    )
    from_programme_elsewhere = models.BooleanField(
        _("came from a programme in another municipality"), null=True, blank=True
    )
    from_municipality = models.CharField(_("municipality of the earlier programme"), max_length=4, blank=True)
    benefits_before = models.JSONField(_("benefits in the two months before the application"), default=list, blank=True)
    support_alongside = models.JSONField(
        _("support alongside the benefit, per year"), default=dict, blank=True
    )  # {"2026": ["housing_bank"]}; a year with [] was answered "none"
    kostra_status_by_hand = models.PositiveSmallIntegerField(
        _("status for the yearly return"), choices=list(KOSTRA_STATUS_LABELS.items()), null=True, blank=True
    )  # only where no status follows from the end (a death)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    conflict_fields = ("status", "ends_on")

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
    """A dated rate the benefit rules read (S7, S8, S10). Administrators add a row when a rate
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


class EligibilityReview(models.Model):
    """The counsellor's review of the § 29 conditions, with the rule's result as it was then."""

    class WorkAbility(models.TextChoices):
        SIGNIFICANTLY_REDUCED = "significantly_reduced", _("Significantly reduced work and income capacity")
        NOT_SIGNIFICANTLY_REDUCED = "not_significantly_reduced", _("Not significantly reduced")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="eligibility_reviews")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(default=timezone.now, editable=False)
    work_ability = models.CharField(_("work ability assessment"), max_length=32, choices=WorkAbility.choices)
    work_ability_assessed_on = models.DateField(_("assessment date"))
    benefits = models.JSONField(_("benefits to live on"), default=list, blank=True)
    close_follow_up = models.BooleanField(_("needs close follow-up"), null=True)
    lawful_residence = models.BooleanField(_("lawful residence and fixed abode in Norway"), null=True)
    programme_fit = models.BooleanField(_("the programme is suitable and necessary"), null=True)
    note = models.TextField(_("the counsellor's assessment"), blank=True)
    result = models.JSONField(editable=False)

    class Meta:
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.reviewed_at:%Y-%m-%d}"


class Decision(models.Model):
    """A formal decision (vedtak). Refusals need a second approver (maker-checker); the data behind the
    decision is kept as it was (`snapshot`) so the letter can always be produced again."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("Grant")
        REFUSAL = "refusal", _("Refusal")
        STOP = "stop", _("Stop")
        DEDUCTION = "deduction", _("Deduction for unexcused absence")

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        APPROVED = "approved", _("Decided")

    class Language(models.TextChoices):
        BOKMAL = "nb", _("Norwegian Bokmål")
        NYNORSK = "nn", _("Norwegian Nynorsk")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(_("decision"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    language = models.CharField(_("letter language"), max_length=2, choices=Language.choices, default="nb")
    starts_on = models.DateField(_("programme start"), null=True, blank=True)
    ends_on = models.DateField(_("programme end"), null=True, blank=True)
    end_reason = models.CharField(_("end reason"), max_length=32, choices=END_REASON_CHOICES, blank=True)
    reasons = models.TextField(_("reasons"))
    reserve_deduction = models.BooleanField(
        _("reserve deductions for unexcused absence"),
        default=True,
        help_text=_("If reserved, a deduction carries out this decision; otherwise each deduction is a new decision."),
    )
    # A grant may give the full rate before age 25 (an exception in practice, S14; legal basis [U]), with why.
    full_rate_under_25 = models.BooleanField(_("full rate before age 25"), default=False)
    full_rate_reason = models.CharField(_("why the full rate before age 25"), max_length=300, blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    snapshot = models.JSONField(editable=False)

    class Meta:
        ordering = ["-made_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="grant")
                | (models.Q(starts_on__isnull=False) & models.Q(ends_on__isnull=False)),
                name="grant_has_period",
                violation_error_message=_("A grant needs a programme start and end date."),
            ),
            models.CheckConstraint(
                condition=models.Q(full_rate_under_25=False)
                | (models.Q(kind="grant") & ~models.Q(full_rate_reason="")),
                name="full_rate_under_25_is_a_grant_with_a_reason",
                violation_error_message=_("Say why the participant gets the full rate before age 25."),
            ),
            models.CheckConstraint(
                condition=models.Q(approved_by__isnull=True) | ~models.Q(approved_by=models.F("made_by")),
                name="approver_is_not_the_maker",
                violation_error_message=_(
                    "The second approver must be someone other than the one who made the decision."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.made_at:%Y-%m-%d}"


class Absence(models.Model):
    """Absence from the programme, valid or unexcused by the absence rules (S3, S4)."""

    class Kind(models.TextChoices):
        OWN_ILLNESS = "own_illness", _("Own illness")
        CHILD_ILLNESS = "child_illness", _("Child's illness")
        LEAVE = "leave", _("Leave")
        OTHER = "other", _("Other absence")

    class Documentation(models.TextChoices):
        NONE = "none", _("None")
        SELF_DECLARATION = "self_declaration", _("Self-declaration")
        DOCTORS_NOTE = "doctors_note", _("Doctor's note")
        LEAVE_GRANTED = "leave_granted", _("Leave granted")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="absences")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    documentation = models.CharField(_("documentation"), max_length=20, choices=Documentation.choices)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(default=timezone.now, editable=False)
    participant_response = models.TextField(_("the participant's response"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # Set when a deduction that needs its own decision (the grant did not reserve it) has been decided.
    deduction_decided_on = models.DateField(_("deduction decided"), null=True, blank=True)
    deduction_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deduction_decision = models.ForeignKey(
        "Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="deducted_absences"
    )

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="absence_ends_after_start",
                violation_error_message=_("The absence cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"


class Child(models.Model):
    """A child the participant provides for: only what the child supplement needs (barnetillegg)."""

    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="children")
    birth_date = models.DateField(_("birth date"))
    income_above_base_amount = models.BooleanField(_("the child has income above 1 G"), default=False)

    class Meta:
        ordering = ["birth_date"]

    def __str__(self) -> str:
        return f"{self.birth_date:%d.%m.%Y}"


class OtherIncome(models.Model):
    """Another benefit or income in the programme period; the rules decide whether it reduces (§ 38)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="other_incomes")
    kind = models.CharField(_("kind"), max_length=20, choices=INCOME_KIND_CHOICES)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    per_weekday_ore = models.PositiveIntegerField(_("amount per weekday (øre)"))
    hours_per_week = models.DecimalField(
        _("hours worked a week"), max_digits=4, decimal_places=1, null=True, blank=True
    )  # paid work: the hours method and the 50 % limit (S4)

    class Meta:
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_on:%d.%m.%Y}"


class Appeal(models.Model):
    """An appeal (klage) against a decision: lodged with the office, which may change the decision or
    send the appeal on to Statsforvalteren (forvaltningsloven §§ 28-33; S13, S20)."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        FORWARDED = "forwarded", _("Sent to Statsforvalteren")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="appeals")
    received_on = models.DateField(_("appeal received"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    forwarded_on = models.DateField(_("sent to Statsforvalteren"), null=True, blank=True)

    class Meta:
        ordering = ["-received_on"]

    def __str__(self) -> str:
        return f"{self.received_on:%d.%m.%Y}"


class Interruption(models.Model):
    """A temporary interruption (avbrudd) of a running programme: no benefit while it lasts (S3), and
    re-entry afterwards without limit (S1). An open interruption has no end date yet."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="interruptions")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="interruption_ends_after_start",
                violation_error_message=_("The interruption cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%d.%m.%Y}"


class Payment(models.Model):
    """An approved payment for one period, with the lines it rests on. Paid in arrears (S3); a later change
    to an earlier period is settled here: back pay added, an overpayment offset (S3)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="payments")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    gross_ore = models.IntegerField(_("benefit for the period (øre)"))
    back_pay_ore = models.IntegerField(_("back pay for earlier periods (øre)"), default=0)
    offset_ore = models.IntegerField(_("overpayment offset (øre)"), default=0)
    net_ore = models.IntegerField(_("paid (øre)"))
    overpayment_left_ore = models.IntegerField(_("overpayment still to offset (øre)"), default=0)
    settled_ore = models.IntegerField(editable=False)  # this period's amount as last settled
    lines = models.JSONField(editable=False)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "period_start"],
                name="one_payment_per_period",
                violation_error_message=_("This period is already approved."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y}"


SITUATION_LABELS = {
    Situation.WORK_FULL_TIME: _("In work, full time"),
    Situation.WORK_PART_TIME: _("In work, part time"),
    Situation.EDUCATION: _("In education"),
    Situation.OTHER_BENEFIT: _("On another benefit"),
    Situation.OTHER: _("Other"),
    Situation.NOT_REACHED: _("Not reached"),
}
BENEFIT_LABELS = {
    AftercareBenefit.AAP: _("Work assessment allowance (AAP)"),
    AftercareBenefit.DAGPENGER: _("Unemployment benefit (dagpenger)"),
    AftercareBenefit.SOSIALHJELP: _("Financial social assistance (sosialhjelp)"),
    AftercareBenefit.UFORETRYGD: _("Disability benefit (uføretrygd)"),
    AftercareBenefit.OTHER: _("Another benefit"),
}
CHANNEL_LABELS = {
    AftercareChannel.PHONE: _("Phone"),
    AftercareChannel.IN_PERSON: _("In person"),
    AftercareChannel.VIDEO: _("Video"),
    AftercareChannel.MESSAGE: _("Message"),
    AftercareChannel.LETTER: _("Letter"),
    AftercareChannel.OTHER: _("Other way"),
}


class AftercareFollowUp(VersionedModel):
    """A follow-up some months after the programme ended (E16): open until the person's situation is
    recorded; an attempt that did not reach them keeps it open and sets a day to try again."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Recorded")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="aftercare_followups")
    months = models.PositiveSmallIntegerField(_("months after the end"))
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    situation = models.CharField(
        _("situation"), max_length=20, choices=list(SITUATION_LABELS.items()), blank=True
    )  # the last recorded attempt's, "not_reached" while open after an attempt
    retry_on = models.DateField(_("try again from"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    conflict_fields = ("status", "situation", "attempts")

    class Meta:
        verbose_name = _("follow-up after the programme")
        verbose_name_plural = _("follow-ups after the programme")
        ordering = ["due_on", "months"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "months"],
                name="one_aftercare_per_case_and_month",
                violation_error_message=_("This follow-up is already scheduled."),
            )
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.months} {self.due_on:%d.%m.%Y}"


class AftercareContact(models.Model):
    """One attempt to follow a person up: when, how, and what their situation was (or not reached)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    follow_up = models.ForeignKey(AftercareFollowUp, on_delete=models.PROTECT, related_name="contacts")
    contacted_on = models.DateField(_("date of contact"))
    channel = models.CharField(_("how"), max_length=16, choices=list(CHANNEL_LABELS.items()))
    situation = models.CharField(_("situation"), max_length=20, choices=list(SITUATION_LABELS.items()))
    benefit = models.CharField(_("which benefit"), max_length=16, choices=list(BENEFIT_LABELS.items()), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["contacted_on", "recorded_at"]

    def __str__(self) -> str:
        return f"{self.contacted_on:%d.%m.%Y} {self.situation}"
