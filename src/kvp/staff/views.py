"""Staff management pages: the staff of an office, grant requests and their approval, reset links and lockouts.
Administrators and office leaders only; never the raw user forms of the administration."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from kvp.accounts.models import Office
from kvp.accounts.requests import AuthedRequest
from kvp.staff.access import (
    get_grant_request_for_user,
    get_staff_member_for_user,
    may_decide,
    may_lift_lockout,
    may_manage_staff,
    staff_visible_to,
)
from kvp.staff.forms import GrantRequestForm, PasswordChooseForm
from kvp.staff.models import GrantRequest
from kvp.staff.services import grant_decide, grant_request, lockout_lift, password_chosen, reset_link_send


@login_required
def staff_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if not may_manage_staff(user):
        raise PermissionDenied
    staff = staff_visible_to(user).order_by("office__name", "last_name", "first_name")
    office_id = request.GET.get("office", "")
    if user.is_administrator and office_id.isdigit():
        staff = staff.filter(office_id=int(office_id))
    members = list(staff)
    usernames = [member.get_username() for member in members]
    locked = set(
        AccessAttempt.objects.filter(
            username__in=usernames, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).values_list("username", flat=True)
    )
    with_app = set(TOTPDevice.objects.filter(user__in=members, confirmed=True).values_list("user_id", flat=True))
    pending = GrantRequest.objects.filter(status=GrantRequest.Status.PENDING).select_related(
        "subject", "office", "requested_by"
    )
    if not user.is_administrator:
        pending = pending.filter(Q(subject__office_id=user.office_id) | Q(office_id=user.office_id))
    rows = [
        {
            "member": member,
            "locked": member.get_username() in locked,
            "two_factor": member.pk in with_app,
            "may_lift": may_lift_lockout(user, member),
        }
        for member in members
    ]
    context: dict[str, Any] = {
        "rows": rows,
        "pending": [(grant, may_decide(user, grant)) for grant in pending],
        "offices": Office.objects.all() if user.is_administrator else [],
        "office_id": office_id,
    }
    return render(request, "staff/list.html", context)


@login_required
def staff_grant_request(request: AuthedRequest, user_id: int) -> HttpResponse:
    user = request.user
    member = get_staff_member_for_user(user, user_id)
    if not user.is_administrator:
        raise PermissionDenied
    form = GrantRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            grant_request(actor=user, subject=member, **form.cleaned_data)
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, _("The request is saved. It takes effect when someone else approves it."))
            return redirect("staff_list")
    return render(request, "staff/grant_request.html", {"member": member, "form": form})


@login_required
@require_POST
def staff_grant_decide(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_grant_request_for_user(request.user, grant_id)
    approve = request.POST.get("decision") == "approve"
    try:
        grant_decide(actor=request.user, grant=grant, approve=approve)
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, _("The request is approved.") if approve else _("The request is refused."))
    return redirect("staff_list")


@login_required
@require_POST
def staff_reset_link(request: AuthedRequest, user_id: int) -> HttpResponse:
    member = get_staff_member_for_user(request.user, user_id)
    try:
        reset_link_send(actor=request.user, subject=member)
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, _("A link to choose a new password is sent to the staff member's e-mail."))
    return redirect("staff_list")


@login_required
@require_POST
def staff_lockout_lift(request: AuthedRequest, user_id: int) -> HttpResponse:
    member = get_staff_member_for_user(request.user, user_id)
    if not may_lift_lockout(request.user, member):
        raise PermissionDenied
    lockout_lift(actor=request.user, subject=member)
    messages.success(request, _("The lockout is lifted."))
    return redirect("staff_list")


class PasswordChooseView(auth_views.PasswordResetConfirmView):
    """The page a reset link opens: the staff member chooses their own password. The link works once."""

    template_name = "staff/password_choose.html"
    form_class = PasswordChooseForm
    success_url = reverse_lazy("login")

    def form_valid(self, form: PasswordChooseForm) -> HttpResponse:
        response = super().form_valid(form)
        password_chosen(form.user)
        messages.success(self.request, _("Your new password is saved. Log in with it."))
        return response
