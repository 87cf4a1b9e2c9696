from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.forms import LoginForm, TotpConfirmForm
from kvp.accounts.requests import AuthedRequest


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    extra_context = {"oidc_enabled": settings.KVP_OIDC_ENABLED}


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if user.participant_id is not None:
        return redirect("my_page")
    if user.is_case_staff:
        return redirect("participant_list")
    if user.is_administrator:
        return redirect("admin:index")
    raise PermissionDenied


@login_required
def totp_setup(request: AuthedRequest) -> HttpResponse:
    """Staff set up an authenticator app (TOTP); the next login asks for its code."""
    user = request.user
    if user.participant_id is not None:
        raise PermissionDenied  # participants log in through ID-porten, which has its own two-factor
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "KVP"})
    form = TotpConfirmForm(device, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor login is on. Next time you log in, enter the code from your app."))
        return redirect("home")
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "confirmed": confirmed, "qr_svg": _qr_svg(device.config_url), "secret": _secret(device)},
    )


def _qr_svg(data: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return buffer.getvalue().decode()


def _secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def locked_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/locked_out.html", status=429)
