from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.models import User
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


# In the user's language; the codes are django-otp's.
CODE_ERRORS = {
    **OTPAuthenticationFormMixin.otp_error_messages,
    "token_required": _("Enter the code from your authenticator app, or a recovery code."),
    "invalid_token": _("The code is wrong or has expired. Try the newest code in the app."),
    "n_failed_attempts": _("Too many wrong codes. Wait a minute and try again."),
    "verification_not_allowed": _("Too many wrong codes. Wait a minute and try again."),
}


class OneTimeCodeForm(OTPAuthenticationFormMixin, AkselForm):  # type: ignore[misc]
    """One code for a user whose password is already known: six digits from the app, or a recovery code."""

    otp_token = forms.CharField(
        label=_("Code from the authenticator app, or a recovery code"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    otp_device = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    otp_error_messages = CODE_ERRORS

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        check_one_time_code(self, self.user)
        return self.cleaned_data


def check_one_time_code(form: Any, user: User) -> None:
    """Verify the code in an OTP form. The device is chosen from the code's shape, so there is nothing for the
    user to select (django-otp's own forms leave a device field that a plain login page never fills in)."""
    device = device_for_code(user, form.cleaned_data.get("otp_token") or "")
    form.cleaned_data["otp_device"] = device.persistent_id if device is not None else ""
    if device is None:
        raise forms.ValidationError(form.otp_error_messages["invalid_token"], code="invalid_token")
    form.clean_otp(user)
    form.cleaned_data["device"] = device  # verified: clean_otp raises otherwise


def device_for_code(user: User, code: str) -> Device | None:
    """The user's app for a six-digit code, their recovery codes for anything else."""
    devices = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    device: Device | None = devices.objects.filter(user=user, confirmed=True).first()
    return device


class LoginForm(OTPAuthenticationFormMixin, AuthenticationForm, AkselForm):  # type: ignore[misc]
    """Username and password; the one-time code is checked when the user has two-factor set up."""

    otp_token = forms.CharField(
        label=_("Code from the authenticator app (only if you use two-factor login)"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    otp_device = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    otp_error_messages = CODE_ERRORS

    def clean(self) -> dict[str, Any]:
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            check_one_time_code(self, user)
        return self.cleaned_data
