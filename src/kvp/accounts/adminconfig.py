"""The admin app's configuration, loaded before the models (no model imports here)."""

from __future__ import annotations

from django.contrib.admin.apps import AdminConfig


class KvpAdminConfig(AdminConfig):
    default_site = "kvp.accounts.adminsite.KvpAdminSite"
