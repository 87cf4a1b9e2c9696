from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.parameters.registry import PARAMETERS


class ParameterChangeForm(forms.Form):
    name = forms.ChoiceField(choices=[(parameter.name, parameter.name) for parameter in PARAMETERS])
    office = forms.ModelChoiceField(
        label=_("Office"), queryset=Office.objects.all(), required=False, empty_label=_("All offices (national)")
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.CharField(label=_("Value"), max_length=64, required=False)
    reason = forms.CharField(
        label=_("Reason"), max_length=300, error_messages={"required": _("Say why the value changes.")}
    )
