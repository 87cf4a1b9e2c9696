from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office
from kvp.common.forms import AkselForm
from kvp.staff.models import GrantKind

PASSWORD_MAX_LENGTH = 128  # the longest a password manager's generated password needs; far below a flood


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
    """Django's form for choosing a password (the validators in AUTH_PASSWORD_VALIDATORS), in the site's style,
    with a length limit like every free-text field."""

    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label=_("New password confirmation"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
