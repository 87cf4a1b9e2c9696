from __future__ import annotations

from django.contrib import admin

from kvp.accounts.adminsite import AdministratorsAdmin
from kvp.programme.models import Rate


@admin.register(Rate)
class RateAdmin(AdministratorsAdmin[Rate]):
    list_display = ["series", "valid_from", "value", "source"]
    list_filter = ["series"]
    ordering = ["series", "-valid_from"]
