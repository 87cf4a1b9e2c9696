"""The admin site, loaded before the models (no model imports here)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class KvpAdminSite(admin.AdminSite):
    """Administration of offices and users, for administrators only. No case content is registered
    here: an administrator configures, but does not read participants' data."""

    site_header = _("KVP administration")
    site_title = _("KVP administration")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and getattr(user, "is_administrator", False))


class KvpAdminConfig(AdminConfig):
    default_site = "kvp.accounts.adminsite.KvpAdminSite"
