from __future__ import annotations

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.common.forms import AkselForm
from kvp.staff.models import GrantKind


class GrantRequestForm(AkselForm):
    kind = forms.ChoiceField(label=_("Access"), choices=GrantKind.choices)
    give = forms.TypedChoiceField(
        label=_("Change"),
        choices=[("1", _("Give")), ("0", _("Take away"))],
        coerce=lambda value: value == "1",
        initial="1",
    )
    office = forms.ModelChoiceField(
        label=_("Office (only for the office grant)"), queryset=Office.objects.all(), required=False
    )


class PasswordChooseForm(SetPasswordForm, AkselForm):  # type: ignore[type-arg]
    """Django's form for choosing a password (the validators in AUTH_PASSWORD_VALIDATORS), in the site's style."""
