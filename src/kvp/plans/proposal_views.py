"""Proposals: the participant proposes, the counsellor answers with a reason (sotjl. § 42; E1)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import apply_service_errors
from kvp.common.idempotency import submitted_once
from kvp.plans.access import get_plan_for_user, get_proposal_for_user
from kvp.plans.forms import ActivityForm, ProposalAnswerForm, ProposalForm, activity_initial
from kvp.plans.models import Activity, Goal, Proposal
from kvp.plans.selectors import current_case, plan_of
from kvp.plans.services import proposal_answer, proposal_submit
from kvp.rules.measures import MEASURE_LABELS, MeasureType


@login_required
@submitted_once
def proposal_create_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    """The participant's own form (phone first)."""
    access = get_plan_for_user(request.user, participant_id, for_write=request.method == "POST")
    if not access.is_self:
        raise PermissionDenied
    case = current_case(access.participant)
    plan = plan_of(case)
    activities = plan.activities.exclude(status__in=Activity.FROZEN) if plan else Activity.objects.none()
    form = ProposalForm(
        request.POST if request.method == "POST" else None,
        activities=activities,
        initial={"language": access.participant.preferred_language},
    )
    if request.method == "POST" and form.is_valid() and case is not None:
        try:
            proposal_submit(actor=request.user, access=access, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your proposal is sent. Your counsellor must answer it, with a reason."))
            return redirect("plan", participant_id)
    if request.method == "POST" and case is None:
        form.add_error(None, _("You have no programme yet. Talk to your counsellor first."))
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/proposal_form.html", {"form": form, "participant": access.participant}, status=status)


def _answer_initial(proposal: Proposal) -> dict[str, object]:
    if proposal.activity is not None:
        return activity_initial(proposal.activity)
    case = proposal.plan.case
    return {
        "measure_type": proposal.measure_type,
        "title": str(_(MEASURE_LABELS[MeasureType(proposal.measure_type)])),
        "starts_on": max(case.starts_on or timezone.localdate(), timezone.localdate()),
        "ends_on": case.ends_on,
    }


@login_required
def proposal_answer_view(request: AuthedRequest, participant_id: uuid.UUID, proposal_id: uuid.UUID) -> HttpResponse:
    proposal, access = get_proposal_for_user(request.user, participant_id, proposal_id, for_write=True)
    goals = proposal.plan.goals.filter(removed=False) if proposal.plan_id else Goal.objects.none()
    data = request.POST if request.method == "POST" else None
    form = ProposalAnswerForm(data, initial={"version": proposal.version})
    activity_form = ActivityForm(
        data, goals=goals, prefix="activity", initial=_answer_initial(proposal) | {"version": proposal.plan.version}
    )
    if request.method == "POST" and form.is_valid():
        declined = form.cleaned_data["answer"] == Proposal.Status.DECLINED
        if declined or activity_form.is_valid():
            try:
                proposal_answer(
                    actor=request.user,
                    access=access,
                    proposal=proposal,
                    seen_version=form.cleaned_data["version"],
                    answer=form.cleaned_data["answer"],
                    reason=form.cleaned_data["reason"],
                    activity_fields=None if declined else activity_form.edited_fields(),
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("Your answer is saved. The participant sees it in their plan."))
                return redirect("plan", participant_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "plans/proposal_answer.html",
        {"form": form, "activity_form": activity_form, "proposal": proposal, "participant": access.participant},
        status=status,
    )
