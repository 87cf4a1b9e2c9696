from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.decorators import require_leader, require_staff
from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import apply_service_errors, run_and_report
from kvp.common.idempotency import submitted_once
from kvp.participants.access import get_participant_for_reason, get_participant_for_user, get_transfer_request_for_user
from kvp.participants.audit_types import COUNSELLOR
from kvp.participants.forms import (
    AccessReasonForm,
    ParticipantCreateForm,
    ParticipantEditForm,
    ReassignForm,
    SearchForm,
)
from kvp.participants.models import Participant
from kvp.participants.services import (
    EDITABLE_FIELDS,
    access_reason_record,
    participant_assign_counsellor,
    participant_create,
    participant_search,
    participant_update,
    transfer_request_decide,
    transfer_requests_for_leader,
)
from kvp.rules.access import Refusal, read_access


@login_required
@require_staff
@require_POST
def participant_search_view(request: AuthedRequest) -> HttpResponse:
    """Find a participant at the office by national identity number (posted, never in the URL)."""
    form = SearchForm(request.POST)
    found: Participant | None = None
    searched = False
    if form.is_valid():
        searched = True
        found = participant_search(actor=request.user, national_id=form.cleaned_data["national_id"])
    # Opening a colleague's participant asks for a reason first (read_access), so the hit says so ahead.
    needs_reason = found is not None and (
        read_access(viewer=request.user.as_viewer(), subject=found.as_subject(), has_recorded_reason=False)
        is Refusal.NEEDS_REASON
    )
    return render(
        request,
        "participants/search.html",
        {"form": form, "found": found, "needs_reason": needs_reason, "searched": searched},
    )


@login_required
@submitted_once
def participant_create_view(request: AuthedRequest) -> HttpResponse:
    if not request.user.is_counsellor:
        raise PermissionDenied
    form = ParticipantCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            participant = participant_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": participant.full_name})
            return redirect("participant_detail", participant.pk)
    return render(request, "participants/create.html", {"form": form})


@login_required
def participant_edit(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    participant = access.participant
    initial = {name: getattr(participant, name) for name in EDITABLE_FIELDS} | {"version": participant.version}
    form = ParticipantEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        try:
            participant_update(actor=request.user, access=access, expected_version=version, **form.edited_fields())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The details are saved."))
            return redirect("participant_detail", participant.pk)
    return render(request, "participants/edit.html", {"form": form, "participant": participant})


@login_required
def access_reason(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    """A colleague records why they open a participant who is not theirs."""
    participant = get_participant_for_reason(request.user, participant_id)
    form = AccessReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            access_reason_record(actor=request.user, participant=participant, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            next_url = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                return redirect(next_url)
            return redirect("participant_detail", participant.pk)
    return render(request, "participants/access_reason.html", {"form": form})


@login_required
@require_leader
@require_POST
def participant_reassign(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, what=COUNSELLOR)
    form = ReassignForm(request.POST, office_id=access.participant.office_id)
    if form.is_valid():
        run_and_report(
            request,
            lambda: participant_assign_counsellor(
                actor=request.user, access=access, counsellor=form.cleaned_data["counsellor"]
            ),
            _("The counsellor is changed."),
        )
    else:
        messages.error(request, _("Choose an active counsellor at the participant's office."))
    return redirect("participant_detail", access.participant.pk)


@login_required
@require_leader
def transfer_requests(request: AuthedRequest) -> HttpResponse:
    """The office's open requests from other counsellors to take over a participant's follow-up."""
    return render(
        request, "participants/transfer_requests.html", {"requests": transfer_requests_for_leader(request.user)}
    )


@login_required
@require_leader
@require_POST
def transfer_request_decide_view(request: AuthedRequest, request_id: uuid.UUID) -> HttpResponse:
    transfer = get_transfer_request_for_user(request.user, request_id)
    accept = request.POST.get("decision") == "accept"
    run_and_report(
        request,
        lambda: transfer_request_decide(leader=request.user, request=transfer, accept=accept),
        _("The participant is transferred.") if accept else _("The request is declined."),
    )
    return redirect("transfer_requests")
