from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.catalogue.models import Incident, Offer, Participation, Provider, ProviderChange
from kvp.common.forms import LONG_TEXT, AkselForm, DateInput, VersionForm
from kvp.common.idempotency import SubmitOnceForm
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.plans.models import CEFR_CHOICES, DIGITAL_CHOICES, MEASURE_CHOICES
from kvp.rules import occupations

NOT_SET: list[tuple[str, Any]] = [("", "—")]
# The prerequisites that are rules of the provider or NAV rather than skills (E5, E6).
RULE_CHOICES = [
    ("active_placement", _("An active work placement")),
    ("job_guarantee", _("A job guarantee from an employer")),
    ("funding_approval", _("Funding approved")),
    ("driving_licence", _("A driving licence")),
]
OCCUPATION_CHOICES = NOT_SET + [(code, f"{code} {name}") for code, name in sorted(occupations.OCCUPATIONS.items())]


class ProviderForm(VersionForm):
    version_required = False
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Provider.Kind.choices)
    is_employer = forms.BooleanField(label=_("Employer offering placements"), required=False)
    organisation_number = forms.CharField(
        label=_("Organisation number"), max_length=11, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Provider.Sector.choices)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=20, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)


class OfferForm(VersionForm):
    version_required = False
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none(), empty_label="—")
    measure_type = forms.ChoiceField(label=_("Type"), choices=MEASURE_CHOICES)
    title = forms.CharField(label=_("Title"), max_length=200)
    content = forms.CharField(
        max_length=LONG_TEXT, label=_("Content in plain words"), widget=forms.Textarea(attrs={"rows": 4})
    )
    occupation_code = forms.ChoiceField(label=_("Occupation (STYRK-08)"), choices=OCCUPATION_CHOICES, required=False)
    hours_per_week = forms.DecimalField(label=_("Hours per week"), max_digits=4, decimal_places=1)
    length_weeks = forms.IntegerField(label=_("Length in weeks"), min_value=1, max_value=260)
    start_dates = forms.CharField(
        max_length=1000,
        label=_("Start dates"),
        help_text=_("One date per line, like 2027-01-11. Leave empty for continuous intake."),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    capacity = forms.IntegerField(label=_("Places"))
    cost_kroner = forms.IntegerField(label=_("Cost per participant (NOK)"), min_value=0, initial=0)
    formal_qualification = forms.CharField(
        label=_("Formal qualification it gives"),
        help_text=_("Leave empty if it gives none."),
        max_length=200,
        required=False,
    )
    norwegian_needed = forms.ChoiceField(label=_("Norwegian needed"), choices=NOT_SET + CEFR_CHOICES, required=False)
    digital_needed = forms.ChoiceField(
        label=_("Digital skills needed"), choices=NOT_SET + DIGITAL_CHOICES, required=False
    )
    rules = forms.MultipleChoiceField(
        label=_("Other prerequisites"), choices=RULE_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    experience_years = forms.IntegerField(
        label=_("Years of experience in the trade needed"), min_value=0, max_value=40, required=False
    )
    gives_norwegian = forms.ChoiceField(
        label=_("Norwegian level it leads to"), choices=NOT_SET + CEFR_CHOICES, required=False
    )
    gives_placement = forms.BooleanField(label=_("It is a work placement while it lasts"), required=False)
    gives_driving_licence = forms.BooleanField(label=_("It leads to a driving licence"), required=False)
    mentor_available = forms.BooleanField(label=_("Mentor available"), required=False)
    workplace_language = forms.ChoiceField(label=_("Language used at the workplace"), choices=LANGUAGE_CHOICES)
    works_alone = forms.BooleanField(label=_("The participant would mostly work alone"), required=False)
    available_from = forms.DateField(label=_("Available from"), widget=DateInput())
    available_until = forms.DateField(label=_("Available until"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, providers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers  # type: ignore[attr-defined]

    def offer_fields(self) -> dict[str, Any]:
        """The form's answers as the offer's fields: prerequisites and what it gives become codes."""
        data = self.edited_fields()
        prerequisites = list(data.pop("rules"))
        if data.pop("experience_years"):
            prerequisites.append(f"work_experience_years:{self.cleaned_data['experience_years']}")
        gives = [f"norwegian:{level}"] if (level := data.pop("gives_norwegian")) else []
        if data.pop("gives_placement"):
            gives.append("active_placement")
        if data.pop("gives_driving_licence"):
            gives.append("driving_licence")
        data.pop("provider")
        data["start_dates"] = [line.strip() for line in data["start_dates"].splitlines() if line.strip()]
        return data | {"prerequisites": prerequisites, "gives": gives}


def offer_initial(offer: Offer) -> dict[str, Any]:
    """The form's starting values for an existing offer."""
    rules = [code for code in offer.prerequisites if ":" not in code]
    years = next(
        (code.split(":")[1] for code in offer.prerequisites if code.startswith("work_experience_years:")), None
    )
    norwegian = next((code.split(":")[1] for code in offer.gives if code.startswith("norwegian:")), "")
    names = [name for name in OfferForm.base_fields if hasattr(offer, name)]
    return {name: getattr(offer, name) for name in names} | {
        "provider": offer.provider_id,
        "start_dates": "\n".join(offer.start_dates),
        "rules": rules,
        "experience_years": years,
        "gives_norwegian": norwegian,
        "gives_placement": "active_placement" in offer.gives,
        "gives_driving_licence": "driving_licence" in offer.gives,
    }


class CatalogueFilterForm(forms.Form):
    """Filters for browsing; all optional, read from the query string."""

    q = forms.CharField(max_length=200, label=_("Search"), required=False)
    measure_type = forms.ChoiceField(label=_("Type"), choices=[("", _("All types")), *MEASURE_CHOICES], required=False)
    qualifying = forms.BooleanField(label=_("Gives a formal qualification"), required=False)
    norwegian_at_most = forms.ChoiceField(
        label=_("Norwegian needed, at most"), choices=[("", _("Any level")), *CEFR_CHOICES], required=False
    )
    provider_kind = forms.ChoiceField(
        label=_("Provider"), choices=[("", _("All providers")), *Provider.Kind.choices], required=False
    )
    with_places = forms.BooleanField(label=_("Has free places"), required=False)


class ParticipationRegisterForm(SubmitOnceForm, AkselForm):
    offer = forms.ModelChoiceField(label=_("Offer"), queryset=Offer.objects.none(), empty_label="—")
    starts_on = forms.DateField(label=_("Wanted start"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, offers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers  # type: ignore[attr-defined]


class ParticipationUpdateForm(VersionForm):
    status = forms.ChoiceField(label=_("New status"), choices=Participation.Status.choices)
    reason = forms.ChoiceField(label=_("Reason"), choices=NOT_SET + Participation.Reason.choices, required=False)
    refused_for = forms.ChoiceField(
        label=_("Prerequisite not met"),
        choices=NOT_SET + RULE_CHOICES + [(f"norwegian:{c}", f"Norwegian {c.upper()}") for c in ("a2", "b1", "b2")],
        required=False,
    )
    starts_on = forms.DateField(label=_("Start"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("End"), widget=DateInput(), required=False)
    hired = forms.BooleanField(label=_("Hired afterwards"), required=False)
    qualification_gained = forms.BooleanField(label=_("Gained the formal qualification"), required=False)
    work_contact = forms.BooleanField(label=_("Had contact with an employer during it"), required=False)
    employer_feedback = forms.CharField(
        label=_("The employer's feedback, in your words"),
        help_text=_("What the employer said about the tasks, what went well and what to work on."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class ProviderChangeForm(SubmitOnceForm, AkselForm):
    kind = forms.ChoiceField(label=_("What the provider asks for"), choices=ProviderChange.Kind.choices)
    starts_on = forms.DateField(label=_("New start"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("New end"), widget=DateInput(), required=False)
    hours_per_week = forms.DecimalField(
        label=_("New hours per week"), max_digits=4, decimal_places=1, min_value=0.5, max_value=60, required=False
    )
    end_reason = forms.ChoiceField(
        label=_("Why it should end"), choices=NOT_SET + Participation.Reason.choices, required=False
    )
    explanation = forms.CharField(
        max_length=LONG_TEXT, label=_("The provider's explanation"), widget=forms.Textarea(attrs={"rows": 2})
    )
    proposed_by = forms.CharField(label=_("Who at the provider"), max_length=120)


class ProviderChangeDecisionForm(AkselForm):
    approve = forms.TypedChoiceField(
        label=_("What do you decide?"),
        choices=[("yes", _("Approve")), ("no", _("Reject"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        max_length=LONG_TEXT, label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class IncidentForm(SubmitOnceForm, VersionForm):
    """A discrimination incident at an employer or provider (E12); the text gets the wording check too."""

    version_required = False
    provider = forms.ModelChoiceField(
        label=_("Employer or provider"), queryset=Provider.objects.none(), empty_label="—"
    )
    happened_on = forms.DateField(label=_("When it happened"), widget=DateInput())
    what_happened = forms.CharField(
        max_length=LONG_TEXT,
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was said or done, by whom (role), and what it meant for the participant."),
    )
    witnesses = forms.CharField(
        label=_("Who saw it"),
        max_length=300,
        required=False,
        help_text=_("Roles rather than names where you can, e.g. 'the shift leader and a colleague'."),
    )
    consent = forms.ChoiceField(label=_("The participant's consent to act"), choices=Incident.Consent.choices)
    employer_talk_on = forms.DateField(label=_("Talked with the employer on"), widget=DateInput(), required=False)
    employer_talk_note = forms.CharField(
        max_length=LONG_TEXT,
        label=_("What was said with the employer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    ombud_advice_on = forms.DateField(
        label=_("Advice on complaining to the Equality and Anti-Discrimination Ombud given on"),
        widget=DateInput(),
        required=False,
    )
    outcome = forms.CharField(
        max_length=LONG_TEXT, label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=Incident.Status.choices, initial=Incident.Status.OPEN)
    resolved_on = forms.DateField(label=_("Resolved on"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, providers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers  # type: ignore[attr-defined]

    def incident_fields(self) -> dict[str, Any]:
        return {name: value for name, value in self.edited_fields().items() if name != "provider"}
