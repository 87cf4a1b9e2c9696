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
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.forms import LoginForm, OneTimeCodeForm, TotpConfirmForm
from kvp.accounts.requests import AuthedRequest
from kvp.accounts.twofactor import is_verified, two_factor_turn_on


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
    """Staff set up an authenticator app (TOTP); the next login asks for its code. The recovery codes are shown
    once, on the page that confirms the app."""
    user = request.user
    if user.participant_id is not None:
        raise PermissionDenied  # participants log in through ID-porten, which has its own two-factor
    confirmed = user_has_device(user, confirmed=True)
    if confirmed and not is_verified(request):
        # Adding an app takes a session that already passed a code: a password alone must not add one.
        return redirect(f"{reverse('totp_verify')}?next={reverse('totp_setup')}")
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "KVP"})
    form = TotpConfirmForm(device, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor_turn_on(user, device)
        otp_login(request, device)
        messages.success(request, _("Two-factor login is on. Next time you log in, enter the code from your app."))
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "confirmed": confirmed, "qr_svg": _qr_svg(device.config_url), "secret": _secret(device)},
    )


@login_required
def totp_verify(request: AuthedRequest) -> HttpResponse:
    """A signed-in staff member whose session has not passed a code yet (signed in through the staff directory,
    or sent here before the administration) enters one."""
    user = request.user
    if user.participant_id is not None or not user_has_device(user, confirmed=True):
        raise PermissionDenied
    form = OneTimeCodeForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.cleaned_data["device"])
        return redirect(_next_url(request))
    return render(request, "accounts/totp_verify.html", {"form": form, "next": _next_url(request)})


def _next_url(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return reverse("home")


def _qr_svg(data: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return buffer.getvalue().decode()


def _secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def locked_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/locked_out.html", status=429)
