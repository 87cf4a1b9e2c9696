"""What an administrator configures here: offices, and staff members' names and whether their login is active.
Roles, offices and the shielded-persons grant are read-only here (they take two people, on the staff pages);
passwords are never set here (a reset sends the staff member a link); two-factor devices and login history are
not registered at all, so no one can read a TOTP secret or where and with what browser someone logged in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.adminsite import AdministratorsAdmin
from kvp.accounts.models import Office, User

# Registered by their own apps; hidden here because they hold secrets or other people's login history.
for hidden in (TOTPDevice, StaticDevice, Group):
    if admin.site.is_registered(hidden):
        admin.site.unregister(hidden)

GRANTED_ON_THE_STAFF_PAGES = (
    "office",
    "is_counsellor",
    "is_leader",
    "is_administrator",
    "may_view_shielded",
    "may_approve_decisions",
)


@admin.register(Office)
class OfficeAdmin(AdministratorsAdmin[Office]):
    list_display = ["name", "unit_number", "municipality_number", "municipality_name"]
    search_fields = ["name", "unit_number", "municipality_name"]

    def has_delete_permission(self, request: HttpRequest, obj: Office | None = None) -> bool:
        return False  # staff, participants and the audit trail refer to offices


class StaffCreationForm(forms.ModelForm[User]):
    """A new staff member, without a password: they choose one from a link sent from the staff pages."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email"]

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class KvpUserAdmin(AdministratorsAdmin[User]):
    list_display = ["username", "first_name", "last_name", "office", "is_counsellor", "is_leader", "is_administrator"]
    list_filter = ["office", "is_counsellor", "is_leader", "is_administrator", "is_active"]
    search_fields = ["username", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("username", "first_name", "last_name", "email", "is_active")}),
        (_("KVP roles"), {"fields": GRANTED_ON_THE_STAFF_PAGES}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "first_name", "last_name", "email")}),)

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        # Participants' own logins are managed with their case, not here.
        return super().get_queryset(request).filter(participant__isnull=True)

    def get_fieldsets(self, request: HttpRequest, obj: User | None = None) -> Any:
        return self.fieldsets if obj is not None else self.add_fieldsets

    def get_form(self, request: HttpRequest, obj: User | None = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = StaffCreationForm
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        # The e-mail address receives the password link: changing it would let the administrator take over the
        # account with a reset, so it is set once, when the staff member is created.
        return ("email", *GRANTED_ON_THE_STAFF_PAGES, "last_login", "date_joined")

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False  # the audit trail refers to staff members; deactivate instead
