from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.common.forms import LONG_TEXT, AkselForm, DateInput, VersionForm
from kvp.common.idempotency import SubmitOnceForm
from kvp.programme.models import (
    END_REASON_LABELS,
    INCOME_KIND_CHOICES,
    KOSTRA_STATUS_LABELS,
    MARITAL_STATUS_LABELS,
    STATUS_LABELS,
    Absence,
    Case,
    Decision,
    EligibilityReview,
)
from kvp.rules.case_status import ALLOWED_TRANSITIONS, STOP_REASONS, CaseStatus, EndReason
from kvp.rules.eligibility import LivelihoodBenefit
from kvp.rules.kostra_record import BenefitBefore, SupportAlongside


class CaseCreateForm(SubmitOnceForm, AkselForm):
    applied_on = forms.DateField(label=_("Application received"), widget=DateInput(), initial=timezone.localdate)


class CaseTransitionForm(VersionForm):
    target = forms.ChoiceField(label=_("New status"), choices=[])
    effective_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("Decision date, programme start or end date, depending on the new status."),
    )
    period_end = forms.DateField(
        label=_("Programme end date"),
        widget=DateInput(),
        required=False,
        help_text=_("Needed when granting or extending the programme."),
    )
    end_reason = forms.ChoiceField(
        label=_("End reason"), choices=[("", "—"), *END_REASON_LABELS.items()], required=False
    )
    comment = forms.CharField(
        max_length=LONG_TEXT, label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["version"] = case.version
        super().__init__(*args, **kwargs)
        # Offer every status so a wrong choice gets the law's explanation, but list the allowed first.
        allowed = ALLOWED_TRANSITIONS[case.status_enum]
        ordered = sorted(STATUS_LABELS.items(), key=lambda item: item[0] not in allowed)
        field = cast(forms.ChoiceField, self.fields["target"])
        field.choices = [(status.value, label) for status, label in ordered if status != case.status_enum]

    def clean_target(self) -> CaseStatus:
        return CaseStatus(self.cleaned_data["target"])

    def clean_end_reason(self) -> EndReason | None:
        value = self.cleaned_data["end_reason"]
        return EndReason(value) if value else None


BENEFIT_CHOICES = [
    (LivelihoodBenefit.ARBEIDSAVKLARINGSPENGER.value, _("Work assessment allowance (AAP)")),
    (LivelihoodBenefit.UFORETRYGD.value, _("Disability benefit")),
    (LivelihoodBenefit.DAGPENGER.value, _("Unemployment benefit (dagpenger)")),
    (LivelihoodBenefit.SYKEPENGER.value, _("Sickness benefit")),
    (LivelihoodBenefit.FORELDREPENGER.value, _("Parental benefit")),
    (LivelihoodBenefit.TILTAKSPENGER.value, _("Measure allowance (tiltakspenger)")),
    (LivelihoodBenefit.OVERGANGSSTONAD.value, _("Transitional benefit (overgangsstønad)")),
    (LivelihoodBenefit.BARNEPENSJON.value, _("Children's pension")),
    (LivelihoodBenefit.OTHER.value, _("Other benefit")),
]
YES_NO_UNKNOWN = [("", _("Not judged yet")), ("yes", _("Yes")), ("no", _("No"))]


class TriStateField(forms.TypedChoiceField):
    """Yes / no / not judged yet → True / False / None."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=YES_NO_UNKNOWN, required=False, empty_value=None, coerce=lambda value: value == "yes", **kwargs
        )


class EligibilityReviewForm(SubmitOnceForm, AkselForm):
    work_ability = forms.ChoiceField(
        label=_("Work ability assessment (NAV-loven § 14 a)"), choices=EligibilityReview.WorkAbility.choices
    )
    work_ability_assessed_on = forms.DateField(label=_("Assessment date"), widget=DateInput())
    benefit_kind = forms.ChoiceField(
        label=_("Benefit to live on"), required=False, choices=[("", _("None")), *BENEFIT_CHOICES]
    )
    benefit_yearly_kroner = forms.IntegerField(label=_("Benefit, kroner per year"), required=False, min_value=0)
    close_follow_up = TriStateField(label=_("Needs close individual follow-up"))
    lawful_residence = TriStateField(label=_("Lawful residence and fixed abode in Norway"))
    programme_fit = TriStateField(label=_("The programme is suitable and necessary"))
    note = forms.CharField(
        max_length=LONG_TEXT, label=_("Your assessment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, amount = data.get("benefit_kind"), data.get("benefit_yearly_kroner")
        if kind and amount is None:
            self.add_error("benefit_yearly_kroner", _("Give the yearly amount of the benefit."))
        data["benefits"] = [{"kind": kind, "yearly_ore": (amount or 0) * 100}] if kind else []
        return data


class DecisionForm(AkselForm):
    kind = forms.ChoiceField(label=_("Decision"), choices=Decision.Kind.choices)
    language = forms.ChoiceField(label=_("Letter language"), choices=Decision.Language.choices)
    starts_on = forms.DateField(label=_("Programme start"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("Programme end"), widget=DateInput(), required=False)
    reasons = forms.CharField(
        max_length=LONG_TEXT,
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say which facts and rules the decision rests on, in plain words."),
    )
    reserve_deduction = forms.BooleanField(
        label=_("Reserve deductions for unexcused absence in this decision"), required=False, initial=True
    )
    full_rate_under_25 = forms.BooleanField(
        label=_("Give the full rate although the participant is under 25"), required=False,
        help_text=_("For example when the participant lives in their own home with real housing costs."),
    )  # fmt: skip
    full_rate_reason = forms.CharField(
        max_length=300, label=_("Why the full rate before age 25"), required=False,
        help_text=_("This is shown in the decision letter."),
    )  # fmt: skip


class AbsenceForm(AkselForm):
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("To"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=Absence.Kind.choices)
    documentation = forms.ChoiceField(label=_("Documentation"), choices=Absence.Documentation.choices)


class DatedForm(SubmitOnceForm, AkselForm):
    """One date: when a notice was sent or an appeal received."""

    on = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args: Any, label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label is not None:
            self.fields["on"].label = label


class ChildForm(AkselForm):
    prefix = "child"  # several forms share the benefit page
    birth_date = forms.DateField(label=_("Child's birth date"), widget=DateInput())
    income_above_base_amount = forms.BooleanField(label=_("The child has income above 1 G"), required=False)


class OtherIncomeForm(AkselForm):
    prefix = "income"
    kind = forms.ChoiceField(label=_("Benefit or income"), choices=INCOME_KIND_CHOICES)
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("To"), widget=DateInput())
    per_weekday_kroner = forms.DecimalField(
        label=_("Amount per weekday (kroner)"),
        min_value=0,
        decimal_places=2,
        max_digits=9,
        help_text=_("For example the daily rate of sickness benefit. Use 0 for income that does not reduce."),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours worked a week"), min_value=0, max_value=168, decimal_places=1, max_digits=4, required=False,
        help_text=_("For work income and apprentice pay."),
    )  # fmt: skip


class StopDecisionForm(AkselForm):
    """A stop (stans) of a running programme: an appealable decision that needs a second approver."""

    kind = forms.CharField(max_length=32, widget=forms.HiddenInput, initial=Decision.Kind.STOP)
    ends_on = forms.DateField(label=_("The programme stops from"), widget=DateInput())
    end_reason = forms.ChoiceField(
        label=_("Why"), choices=[(reason.value, END_REASON_LABELS[reason]) for reason in sorted(STOP_REASONS)]
    )
    language = forms.ChoiceField(label=_("Letter language"), choices=Decision.Language.choices)
    reasons = forms.CharField(
        max_length=LONG_TEXT,
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what happened, what the participant was told beforehand, and what they answered."),
    )

    def clean_kind(self) -> str:
        return Decision.Kind.STOP


class InterruptionForm(AkselForm):
    prefix = "interruption"

    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("To"), widget=DateInput(), required=False, help_text=_("Leave empty if the end is not known yet.")
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class AbsenceResponseForm(AkselForm):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example why you were away, or that a doctor's note is coming."),
    )


class InterimNoticeForm(SubmitOnceForm, AkselForm):
    """The interim notice (foreløpig svar, fvl. § 11 a): why the decision takes longer, and when it comes."""

    prefix = "interim"

    reason = forms.CharField(
        label=_("Why the decision takes longer"),
        max_length=300,
        help_text=_("The letter says “because …”: for example “we are waiting for the work ability assessment”."),
    )
    expected_by = forms.DateField(label=_("Decision expected by"), widget=DateInput())


ATTENDANCE_CHOICES = [
    ("present", _("Present")),
    ("own_illness:self_declaration", _("Ill, self-declaration")),
    ("own_illness:doctors_note", _("Ill, doctor's note")),
    ("child_illness:self_declaration", _("Child ill, self-declaration")),
    ("leave:leave_granted", _("Leave granted")),
    ("other:none", _("Absent without a valid reason")),
]
WEEKDAY_LABELS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday")]


class WeekAttendanceForm(AkselForm):
    """A week's attendance, day by day; every day that is not 'present' becomes an absence registration."""

    prefix = "week"

    week_start = forms.DateField(label=_("Week starting Monday"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, label in enumerate(WEEKDAY_LABELS):
            self.fields[f"day_{number}"] = forms.ChoiceField(label=label, choices=ATTENDANCE_CHOICES, initial="present")
        for name, field in self.fields.items():
            if name.startswith("day_"):  # added after AkselForm set the design system's classes
                field.widget.attrs.setdefault("class", "aksel-select__input aksel-body-short")

    def clean_week_start(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["week_start"]
        if day.weekday() != 0:
            raise forms.ValidationError(_("Choose the Monday the week starts."))
        return day


YES_NO = [("yes", _("Yes")), ("no", _("No"))]
BENEFIT_BEFORE_CHOICES = [
    (BenefitBefore.SOCIAL_ASSISTANCE_MAIN.value, _("Financial social assistance as the main income")),
    (BenefitBefore.SOCIAL_ASSISTANCE_SUPPLEMENT.value, _("Financial social assistance as a supplement")),
    (BenefitBefore.INTRODUCTION.value, _("Introduction benefit")),
    (BenefitBefore.MEASURE_BENEFIT.value, _("Benefit to live on during a labour market measure")),
    (BenefitBefore.NATIONAL_INSURANCE.value, _("A benefit to live on from the National Insurance")),
]
SUPPORT_CHOICES = [
    (SupportAlongside.MUNICIPAL_HOUSING.value, _("Municipal housing allowance")),
    (SupportAlongside.HOUSING_BANK.value, _("Housing allowance from Husbanken")),
    (SupportAlongside.ONE_OFF_ASSISTANCE.value, _("Financial social assistance once")),
    (SupportAlongside.PROGRAMME_COSTS.value, _("Financial social assistance for costs of taking part")),
    (SupportAlongside.REGULAR_SUPPLEMENT.value, _("Financial social assistance as a regular supplement")),
]


class CaseStatisticsForm(AkselForm):
    """What Statistics Norway's yearly return asks that casework does not: collected for the return only."""

    marital_status = forms.ChoiceField(label=_("Marital status"), choices=[("", "—"), *MARITAL_STATUS_LABELS.items()])
    from_programme_elsewhere = forms.TypedChoiceField(
        label=_("Did the participant come from a qualification programme in another municipality?"),
        choices=YES_NO, coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )  # fmt: skip
    from_municipality = forms.RegexField(
        regex=r"^\d{4}$", required=False, label=_("If so, the municipality number"), max_length=4
    )
    benefits_before = forms.MultipleChoiceField(
        label=_("Benefits in the two months before the application was registered"),
        choices=BENEFIT_BEFORE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    had_support = forms.TypedChoiceField(
        label=_("Alongside the benefit this year, did the participant also get social assistance or housing "
                "allowance?"),
        choices=YES_NO, coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )  # fmt: skip
    support = forms.MultipleChoiceField(
        label=_("If so, which"), choices=SUPPORT_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    status_by_hand = forms.TypedChoiceField(
        label=_("Status on 31 December"),
        choices=[("", "—"), *KOSTRA_STATUS_LABELS.items()], coerce=int, empty_value=None,
        help_text=_("No status follows from how the case ended (for instance a death): choose the one that fits."),
    )  # fmt: skip

    def __init__(self, *args: Any, asks_support: bool, asks_status: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not asks_support:
            del self.fields["had_support"], self.fields["support"]
        if not asks_status:
            del self.fields["status_by_hand"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("from_programme_elsewhere") and not data.get("from_municipality"):
            self.add_error("from_municipality", _("Give the municipality number of the earlier programme."))
        both = {BenefitBefore.SOCIAL_ASSISTANCE_MAIN.value, BenefitBefore.SOCIAL_ASSISTANCE_SUPPLEMENT.value}
        if both <= set(data.get("benefits_before", [])):
            self.add_error("benefits_before", _("Social assistance was either the main income or a supplement."))
        if "had_support" in self.fields and data.get("had_support") is not None:
            if data["had_support"] and not data.get("support"):
                self.add_error("support", _("Choose which support."))
            if not data["had_support"] and data.get("support"):
                self.add_error("support", _("You answered no: leave these empty."))
        return data
