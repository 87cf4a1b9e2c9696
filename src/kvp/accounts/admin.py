from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office, User


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin[Office]):
    list_display = ["name", "unit_number", "municipality_number", "municipality_name"]
    search_fields = ["name", "unit_number", "municipality_name"]


@admin.register(User)
class KvpUserAdmin(UserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "office", "is_counsellor", "is_leader", "is_administrator"]
    list_filter = ["office", "is_counsellor", "is_leader", "is_administrator", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("KVP roles"), {"fields": ("office", "is_counsellor", "is_leader", "is_administrator", "may_view_shielded")}),
    )

    def get_queryset(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        # Participants' own logins are managed with their case, not here.
        return super().get_queryset(request).filter(participant__isnull=True)
