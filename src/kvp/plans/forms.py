from __future__ import annotations

from typing import Any

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kvp.common.forms import LONG_TEXT, AkselForm, DateInput, VersionForm
from kvp.common.idempotency import FIELD, SubmitOnceForm
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.plans.models import CEFR_CHOICES, DIGITAL_CHOICES, MEASURE_CHOICES, Activity, Education, Mapping, Proposal
from kvp.plans.occupation_picker import OccupationPickerForm, occupation_field

NOT_SET: list[tuple[str, Any]] = [("", "—")]
WEEKDAY_CHOICES = [(day, WEEKDAYS[day]) for day in range(7)]
COUNTRY_CHOICES = [("", "—"), *countries]


class LanguageField(forms.ChoiceField):
    """The language a free text is written in; stored with the text."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(label=_("I write in"), choices=LANGUAGE_CHOICES, **kwargs)


class AboutForm(OccupationPickerForm, VersionForm):
    strengths = forms.CharField(
        max_length=LONG_TEXT,
        label=_("What are you good at? What have you done that you are proud of?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    strengths_language = LanguageField()
    wanted_occupations = occupation_field(
        multiple=True,
        label=_("What work would you like to do?"),
        help_text=_("Write a word for the work, for example cleaning, driver or kitchen. Then tick the ones you want."),
        required=False,
    )
    what_matters = forms.MultipleChoiceField(
        label=_("What matters to you, besides an income?"),
        choices=Mapping.Matters.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    what_matters_text = forms.CharField(
        max_length=LONG_TEXT,
        label=_("Tell us in your own words"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    what_matters_language = LanguageField()


class SkillsForm(VersionForm):
    digital_skills = forms.ChoiceField(label=_("Digital skills"), choices=NOT_SET + DIGITAL_CHOICES, required=False)
    driving_licence = forms.ChoiceField(
        label=_("Driving licence"), choices=NOT_SET + Mapping.DrivingLicence.choices, required=False
    )


class AccommodationsForm(VersionForm):
    accommodations = forms.CharField(
        max_length=LONG_TEXT,
        label=_("What must the plan take into account? (health, care for children or family)"),
        help_text=_("Only what the plan needs, e.g. 'not before 09:00 because of child care'. No diagnoses."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class ExperienceForm(VersionForm):
    no_work_experience = forms.BooleanField(label=_("I have no work experience yet"), required=False)
    no_education = forms.BooleanField(label=_("I have no schooling or education"), required=False)


class NorwegianForm(VersionForm):
    norwegian_listening = forms.ChoiceField(label=_("Listening"), choices=NOT_SET + CEFR_CHOICES, required=False)
    norwegian_reading = forms.ChoiceField(label=_("Reading"), choices=NOT_SET + CEFR_CHOICES, required=False)
    norwegian_speaking = forms.ChoiceField(label=_("Speaking"), choices=NOT_SET + CEFR_CHOICES, required=False)
    norwegian_writing = forms.ChoiceField(label=_("Writing"), choices=NOT_SET + CEFR_CHOICES, required=False)
    norwegian_test_date = forms.DateField(label=_("Date of the test"), widget=DateInput(), required=False)
    norwegian_test_name = forms.CharField(label=_("Which test"), max_length=100, required=False)


class LearningForm(VersionForm):
    learning_difficulty = forms.ChoiceField(
        label=_("Possible learning difficulties"), choices=NOT_SET + Mapping.LearningDifficulty.choices, required=False
    )
    learning_assessed_how = forms.ChoiceField(
        label=_("How it was assessed"),
        help_text=_("An assessment in Norwegian alone cannot tell language from learning difficulties."),
        choices=NOT_SET + Mapping.AssessedHow.choices,
        required=False,
    )


SECTION_FORMS: dict[str, type[VersionForm]] = {
    "about": AboutForm,
    "skills": SkillsForm,
    "accommodations": AccommodationsForm,
    "experience": ExperienceForm,
    "norwegian": NorwegianForm,
    "learning": LearningForm,
}


class WorkExperienceForm(OccupationPickerForm, AkselForm):
    occupation = forms.CharField(label=_("Occupation or kind of work"), max_length=120)
    occupation_code = occupation_field(
        multiple=False,
        label=_("Which occupation is closest?"),
        help_text=_("Write a word for the work and choose the closest one."),
        required=False,
    )
    years = forms.DecimalField(label=_("Years"), min_value=0.5, max_value=60, decimal_places=1)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)
    description = forms.CharField(
        max_length=LONG_TEXT, label=_("What did you do?"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    language = LanguageField()


class EducationForm(AkselForm):
    level = forms.ChoiceField(label=_("Level"), choices=Education.Level.choices)
    field = forms.CharField(label=_("Subject or trade"), max_length=120, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)
    completed = forms.BooleanField(label=_("Completed"), required=False, initial=True)
    recognition = forms.ChoiceField(label=_("Recognised in Norway?"), choices=Education.Recognition.choices)


class GoalForm(SubmitOnceForm, VersionForm):
    text = forms.CharField(
        label=_("Your goal, in your own words"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    language = LanguageField()


class ActivityForm(SubmitOnceForm, VersionForm):
    measure_type = forms.ChoiceField(label=_("Type"), choices=MEASURE_CHOICES)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        max_length=LONG_TEXT, label=_("Content"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    provider = forms.CharField(label=_("Provider or workplace"), max_length=200, required=False)
    hours_per_week = forms.DecimalField(label=_("Hours per week"), min_value=0.5, max_value=60, decimal_places=1)
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"), choices=WEEKDAY_CHOICES, coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("End"), widget=DateInput())
    goal: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Goal it serves"), queryset=None, required=False, empty_label="—"
    )
    formal_qualification = forms.CharField(
        label=_("Formal qualification it gives"),
        help_text=_("Leave empty if it gives none. E.g. 'Trade certificate, cook' or 'Norskprøven B1'."),
        max_length=200,
        required=False,
    )
    norwegian_needed = forms.ChoiceField(label=_("Norwegian needed"), choices=NOT_SET + CEFR_CHOICES, required=False)
    digital_needed = forms.ChoiceField(
        label=_("Digital skills needed"), choices=NOT_SET + DIGITAL_CHOICES, required=False
    )
    works_alone = forms.BooleanField(label=_("The participant mostly works alone"), required=False)
    language_practice = forms.BooleanField(label=_("Counts as language practice"), required=False)

    def __init__(self, *args: Any, goals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals  # type: ignore[attr-defined]
        self.fields["goal"].label_from_instance = lambda goal: goal.text[:80]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The activity must end on or after its start."))
        return data


def activity_initial(activity: Activity) -> dict[str, Any]:
    """The activity's current values, to start a form from."""
    return {name: getattr(activity, name) for name in ActivityForm.base_fields if name not in {"version", FIELD}}


class ActivityStatusForm(VersionForm):
    status = forms.ChoiceField(label=_("Status"), choices=Activity.Status.choices)


class ProposalForm(SubmitOnceForm, AkselForm):
    measure_type = forms.ChoiceField(label=_("What kind of activity?"), choices=MEASURE_CHOICES)
    activity: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Or: change one of your activities"), queryset=None, required=False, empty_label="—"
    )
    text = forms.CharField(
        label=_("What do you propose, and why?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    language = LanguageField()

    def __init__(self, *args: Any, activities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities  # type: ignore[attr-defined]


ANSWER_CHOICES = [
    (Proposal.Status.ACCEPTED, _("Accept")),
    (Proposal.Status.ACCEPTED_WITH_CHANGES, _("Accept with changes")),
    (Proposal.Status.DECLINED, _("Decline")),
]


class ProposalAnswerForm(VersionForm):
    answer = forms.ChoiceField(label=_("Answer"), choices=ANSWER_CHOICES, widget=forms.RadioSelect)
    reason = forms.CharField(
        max_length=LONG_TEXT,
        label=_("Reason (the participant reads it)"),
        help_text=_("Required when you decline or change the proposal. Write plainly and respectfully."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class ConfirmForm(VersionForm):
    pass
