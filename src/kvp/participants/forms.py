from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kvp.accounts.models import User
from kvp.common.forms import AkselForm, StaffChoiceField, VersionForm
from kvp.common.idempotency import SubmitOnceForm
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.services import national_id_clean

NORWEGIAN = {"nb", "nn"}  # no interpreter is offered for these


def country_choices() -> list[tuple[str, str]]:
    return [("", "—"), *((code, str(name)) for code, name in countries)]


class NationalIdField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("National identity number (11 digits)"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(max_length=13, **kwargs)

    def clean(self, value: Any) -> str:
        number: str = super().clean(value)
        return national_id_clean(number) if number else number


class ParticipantDetailsForm(AkselForm):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.RegexField(
        max_length=20,
        label=_("Mobile phone"),
        required=False,
        regex=r"^\+?[0-9 ]{8,15}$",
        error_messages={"invalid": _("Enter a phone number with 8 digits, or with a country code like +47.")},
    )
    email = forms.EmailField(label=_("Email"), required=False)
    street_address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    postal_code = forms.RegexField(
        max_length=4,
        label=_("Postal code"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("A Norwegian postal code has four digits.")},
    )
    postal_town = forms.CharField(label=_("Postal town"), max_length=80, required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGE_CHOICES)
    needs_interpreter = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    interpreter_language = forms.ChoiceField(
        label=_("Interpreter language"), choices=[("", "—"), *LANGUAGE_CHOICES], required=False
    )
    country_of_birth = forms.ChoiceField(
        label=_("Country of birth"),
        choices=country_choices,
        required=False,
        help_text=_("Optional. Used only for anonymous equity statistics, never for decisions."),
    )
    shielded = forms.BooleanField(label=_("Shielded (strictly confidential address or skjermet)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An interpreter usually speaks the participant's own language: offered first, still to be confirmed.
        preferred = self.initial.get("preferred_language", "")
        if preferred and preferred not in NORWEGIAN and not self.initial.get("interpreter_language"):
            self.initial["interpreter_language"] = preferred

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("needs_interpreter") and not data.get("interpreter_language"):
            preferred = data.get("preferred_language", "")
            if preferred and preferred not in NORWEGIAN:
                data["interpreter_language"] = preferred
        if data.get("needs_interpreter") and not data.get("interpreter_language"):
            self.add_error("interpreter_language", _("Choose the language the interpreter should speak."))
        if not data.get("needs_interpreter"):
            data["interpreter_language"] = ""
        return data


class ParticipantCreateForm(SubmitOnceForm, ParticipantDetailsForm):
    national_id = NationalIdField()
    field_order = ["national_id"]


class ParticipantEditForm(VersionForm, ParticipantDetailsForm):
    pass


class SearchForm(AkselForm):
    national_id = NationalIdField()


class AccessReasonForm(AkselForm):
    reason = forms.CharField(
        label=_("Why do you need to open this participant?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The reason is stored in the audit trail, and the participant can see that you opened their data."),
    )


class ReassignForm(AkselForm):
    counsellor = StaffChoiceField(label=_("Counsellor"), queryset=User.objects.none())

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["counsellor"])  # type: ignore[type-arg]
        field.queryset = User.objects.filter(office_id=office_id, is_counsellor=True, is_active=True).order_by(
            "first_name", "last_name"
        )
