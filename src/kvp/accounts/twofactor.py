"""Two-factor login for staff: an authenticator app (TOTP) and single-use recovery codes (django-otp).
Participants log in through ID-porten, which has its own two-factor, and are left alone here."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.models import User

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery"


def is_verified(request: HttpRequest) -> bool:
    """This session passed a one-time code (django-otp's middleware puts `is_verified` on the user)."""
    return bool(getattr(request.user, "is_verified", lambda: False)())


def two_factor_url(request: HttpRequest) -> str | None:
    """Where a signed-in staff member must go before anything else, or None when their session is verified."""
    user = request.user
    if not isinstance(user, User) or user.participant_id is not None or is_verified(request):
        return None
    name = "totp_verify" if user_has_device(user, confirmed=True) else "totp_setup"
    return f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"


@transaction.atomic
def two_factor_turn_on(user: User, device: TOTPDevice) -> list[str]:
    """Confirm the app and issue a fresh set of recovery codes, returned once to be shown once."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_replace(user)


@transaction.atomic
def recovery_codes_replace(user: User) -> list[str]:
    """Replace the user's recovery codes. Each code is removed when used (django-otp's static tokens)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_reset(user: User) -> None:
    """Remove the user's authenticator app and recovery codes (the app is lost) and end their sessions, so whoever
    holds the lost phone keeps no way in; at the next login the user sets up a new app and gets new codes."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            session.delete()


# Reachable before the code is given: the pages that get it, logging out, static files and the language switch.
OPEN_PATHS = ("/static/", "/i18n/")


class TwoFactorRequiredMiddleware:
    """Where two-factor is required (production), send staff without a verified session to set it up or enter
    their code before they reach any page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.KVP_REQUIRE_TWO_FACTOR and not self._open(request):
            url = two_factor_url(request)
            if url is not None:
                return HttpResponseRedirect(url)
        return self.get_response(request)

    @staticmethod
    def _open(request: HttpRequest) -> bool:
        if request.path.startswith(OPEN_PATHS):
            return True
        return request.path in {reverse("totp_setup"), reverse("totp_verify"), reverse("logout"), reverse("login")}
