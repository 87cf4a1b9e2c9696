"""The plan page, shared by the participant (their own) and the counsellor; goals, activities, agreement."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import AkselForm, apply_service_errors
from kvp.common.idempotency import submitted_once
from kvp.participants.access import ParticipantAccess
from kvp.plans.access import get_activity_for_user, get_goal_for_user, get_plan_for_user
from kvp.plans.forms import ActivityForm, ActivityStatusForm, ConfirmForm, GoalForm, activity_initial
from kvp.plans.models import Activity, Goal, Plan
from kvp.plans.selectors import current_case, plan_of, plan_shown_to
from kvp.plans.services import (
    activity_add,
    activity_set_status,
    activity_update,
    goal_add,
    goal_change,
    participant_may_edit,
    plan_confirm,
)
from kvp.programme.models import Case


def _open_case(access: ParticipantAccess) -> Case:
    case = current_case(access.participant)
    if case is None:
        raise Http404
    return case


def _plan_context(access: ParticipantAccess, **forms: AkselForm | None) -> dict[str, Any]:
    page = plan_shown_to(access=access)
    version = page.plan.version if page.plan else 0
    return {
        "participant": access.participant,
        "access": access,
        "page": page,
        "case": page.case,
        "plan": page.plan,
        "goal_form": forms.get("goal_form")
        or (GoalForm(initial={"version": version, "language": _default_language(access)}) if page.writable else None),
        "confirm_form": ConfirmForm(initial={"version": version}) if page.can_confirm else None,
        "status_form_version": version,
        "status_choices": Activity.Status.choices,
    }


def _default_language(access: ParticipantAccess) -> str:
    return access.participant.preferred_language if access.is_self else "nb"


@login_required
def plan_page(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_plan_for_user(request.user, participant_id)
    return render(request, "plans/plan.html", _plan_context(access))


def _done(request: AuthedRequest, participant_id: uuid.UUID, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("plan", participant_id)


@login_required
@require_POST
@submitted_once
def goal_add_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_plan_for_user(request.user, participant_id, for_write=True)
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            goal_add(
                actor=request.user,
                access=access,
                case=_open_case(access),
                seen_version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _done(request, participant_id, _("The goal is added to the plan."))
    return render(request, "plans/plan.html", _plan_context(access, goal_form=form), status=400)


@login_required
def goal_edit_view(request: AuthedRequest, participant_id: uuid.UUID, goal_id: uuid.UUID) -> HttpResponse:
    goal, access = get_goal_for_user(request.user, participant_id, goal_id, for_write=True)
    form = GoalForm(
        request.POST if request.method == "POST" else None,
        initial={"version": goal.plan.version, "text": goal.text, "language": goal.language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            goal_change(
                actor=request.user,
                access=access,
                goal=goal,
                seen_version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
                remove="remove" in request.POST,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _done(request, participant_id, _("The plan is updated."))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "plans/goal_form.html",
        {"form": form, "goal": goal, "participant": access.participant, "access": access},
        status=status,
    )


def _activity_page(
    request: AuthedRequest,
    access: ParticipantAccess,
    *,
    plan: Plan | None,
    initial: dict[str, Any],
    activity: Activity | None,
    save: Callable[[int, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """The activity form: shown, or saved through `save(seen_version, fields)`."""
    goals = plan.goals.filter(removed=False) if plan else Goal.objects.none()
    form = ActivityForm(request.POST if request.method == "POST" else None, goals=goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data["version"], form.edited_fields())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _done(request, access.participant.pk, done)
    return render(
        request,
        "plans/activity_form.html",
        {"form": form, "participant": access.participant, "access": access, "activity": activity},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@submitted_once
def activity_add_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_plan_for_user(request.user, participant_id, for_write=True, self_service=False)
    case = _open_case(access)
    plan = plan_of(case)

    def save(seen_version: int, fields: dict[str, Any]) -> object:
        return activity_add(actor=request.user, access=access, case=case, seen_version=seen_version, **fields)

    starts_on = max(filter(None, [case.starts_on, timezone.localdate()]))
    initial = {"version": plan.version if plan else 0, "starts_on": starts_on, "ends_on": case.ends_on}
    return _activity_page(
        request,
        access,
        plan=plan,
        initial=initial,
        activity=None,
        save=save,
        done=_("The activity is added to the plan."),
    )


@login_required
@submitted_once
def activity_edit_view(request: AuthedRequest, participant_id: uuid.UUID, activity_id: uuid.UUID) -> HttpResponse:
    activity, access = get_activity_for_user(request.user, participant_id, activity_id, for_write=True)
    if access.is_self and not participant_may_edit(activity):
        raise PermissionDenied

    def save(seen_version: int, fields: dict[str, Any]) -> object:
        return activity_update(
            actor=request.user, access=access, activity=activity, seen_version=seen_version, **fields
        )

    initial = activity_initial(activity) | {"version": activity.plan.version}
    return _activity_page(
        request,
        access,
        plan=activity.plan,
        initial=initial,
        activity=activity,
        save=save,
        done=_("The activity is updated."),
    )


@login_required
@require_POST
def activity_status_view(request: AuthedRequest, participant_id: uuid.UUID, activity_id: uuid.UUID) -> HttpResponse:
    activity, access = get_activity_for_user(
        request.user, participant_id, activity_id, for_write=True, self_service=False
    )
    form = ActivityStatusForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a new status for the activity."))
        activity_set_status(
            actor=request.user,
            access=access,
            activity=activity,
            seen_version=form.cleaned_data["version"],
            status=form.cleaned_data["status"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render(request, "plans/plan.html", _plan_context(access), status=400)
    return _done(request, participant_id, _("The activity's status is updated."))


@login_required
@require_POST
def plan_confirm_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_plan_for_user(request.user, participant_id, for_write=True)
    form = ConfirmForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Reload the page and try again."))
        plan = plan_confirm(
            actor=request.user, access=access, case=_open_case(access), seen_version=form.cleaned_data["version"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render(request, "plans/plan.html", _plan_context(access), status=400)
    done = (
        _("The plan is agreed.")
        if plan.is_agreed
        else _("Your confirmation is saved. The plan is agreed when both have confirmed.")
    )
    return _done(request, participant_id, done)


@login_required
def plan_versions(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_plan_for_user(request.user, participant_id)
    plan = plan_of(current_case(access.participant))
    versions = plan.versions.select_related("changed_by", "counsellor_confirmed_by") if plan else []
    return render(
        request,
        "plans/versions.html",
        {"participant": access.participant, "access": access, "plan": plan, "versions": versions},
    )
