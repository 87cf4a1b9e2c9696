from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.common.forms import AkselForm


class TotpConfirmForm(AkselForm):
    token = forms.CharField(
        label=_("Code from the app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    def __init__(self, device: TOTPDevice, *args: Any, **kwargs: Any) -> None:
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_token(self) -> str:
        token: str = self.cleaned_data["token"]
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("The code is wrong or has expired. Try the newest code in the app."))
        return token


class LoginForm(OTPAuthenticationFormMixin, AuthenticationForm, AkselForm):  # type: ignore[misc]
    """Username and password; the one-time code is checked when the user has two-factor set up."""

    otp_token = forms.CharField(
        label=_("Code from the authenticator app (only if you use two-factor login)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            self.clean_otp(user)
        return self.cleaned_data
