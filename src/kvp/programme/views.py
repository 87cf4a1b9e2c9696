from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import apply_service_errors
from kvp.common.idempotency import submitted_once
from kvp.participants.access import get_participant_for_user
from kvp.programme.access import get_case_for_user
from kvp.programme.forms import CaseCreateForm, CaseTransitionForm
from kvp.programme.models import STATUS_LABELS
from kvp.programme.services import case_create, case_transition


@login_required
@require_POST
@submitted_once
def case_create_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    form = CaseCreateForm(request.POST)
    if form.is_valid():
        try:
            case_create(actor=request.user, access=access, applied_on=form.cleaned_data["applied_on"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The application is registered."))
            return redirect("participant_detail", participant_id)
    return render(request, "programme/case_form.html", {"form": form, "participant": access.participant}, status=400)


@login_required
@require_POST
def case_transition_view(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    case, access = get_case_for_user(request.user, case_id, for_write=True)
    form = CaseTransitionForm(request.POST, case=case)
    if form.is_valid():
        data = form.cleaned_data
        try:
            case = case_transition(
                actor=request.user,
                access=access,
                case=case,
                target=data["target"],
                effective_on=data["effective_on"],
                expected_version=data["version"],
                period_end=data["period_end"],
                end_reason=data["end_reason"],
                comment=data["comment"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The case is now “%(status)s”.") % {"status": STATUS_LABELS[case.status_enum]})
            return redirect("participant_detail", case.participant_id)
    return render(
        request,
        "programme/transition_form.html",
        {"form": form, "case": case, "participant": access.participant},
        status=400,
    )
