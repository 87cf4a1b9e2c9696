from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
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
