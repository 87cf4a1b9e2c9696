"""The admin site: administrators only, behind the site's own two-factor login."""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from kvp.accounts.twofactor import two_factor_url

M = TypeVar("M", bound=Model)


class KvpAdminSite(OTPAdminSite):  # type: ignore[misc]
    """Administration of offices, catalogues and rates, for administrators only. No case content is registered
    here: an administrator configures, but does not read participants' data. It has no login form of its own:
    the site's login page (password and one-time code) is the only way in, and a session must have passed a
    code (OTPAdminSite)."""

    site_header = _("KVP administration")
    site_title = _("KVP administration")

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(getattr(user, "is_administrator", False) and super().has_permission(request))

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        next_url = request.GET.get("next") or reverse("admin:index")
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, reverse("login"))
        if not getattr(request.user, "is_administrator", False):
            raise PermissionDenied
        if self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        return HttpResponseRedirect(two_factor_url(request) or reverse("home"))


def _is_administrator(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_administrator", False))


class AdministratorsAdmin(admin.ModelAdmin[M]):
    """A model administrators manage. The administrator role (given by two people on the staff pages) is what
    lets them in, not Django's superuser flag or per-model permissions, which nobody here grants; a model that
    must not be deleted, or changed, says so by overriding one method."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_administrator(request)

    def has_view_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        return _is_administrator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_administrator(request)

    def has_change_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        return _is_administrator(request)

    def has_delete_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        return _is_administrator(request)
