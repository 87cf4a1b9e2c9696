from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_record
from kvp.catalogue.advice import flags_for
from kvp.common.forms import apply_service_errors, run_and_report
from kvp.common.requests import AuthedRequest
from kvp.followup.forms import MeetingForm, NoteForm
from kvp.participants.access import get_participant_for_reason, get_participant_for_user
from kvp.participants.forms import (
    AccessReasonForm,
    ParticipantCreateForm,
    ParticipantEditForm,
    ReassignForm,
    SearchForm,
)
from kvp.participants.models import Participant
from kvp.participants.selectors import participant_overview
from kvp.participants.services import (
    EDITABLE_FIELDS,
    access_reason_record,
    participant_assign_counsellor,
    participant_create,
    participant_search,
    participant_update,
)
from kvp.programme.appeals import interim_notice_status
from kvp.programme.forms import CaseCreateForm, CaseTransitionForm, InterimNoticeForm
from kvp.programme.models import STATUS_LABELS
from kvp.rules.access import Basis

PAGE_SIZE = 50


def _require_case_staff(request: AuthedRequest) -> None:
    if not request.user.is_case_staff:
        raise PermissionDenied


@login_required
def participant_list(request: AuthedRequest) -> HttpResponse:
    _require_case_staff(request)
    user = request.user
    counsellor_id = None
    if user.is_leader and request.GET.get("veileder", "").isdigit():
        counsellor_id = int(request.GET["veileder"])
    page = Paginator(participant_overview(user=user, counsellor_id=counsellor_id), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    rows = list(page.object_list)
    audit_record(
        actor=user,
        participants=rows,
        action=AuditEvent.Action.LIST,
        object_type=AuditEvent.What.PARTICIPANT_LIST,
        basis=Basis.LEADER if user.is_leader else Basis.ASSIGNED,
    )
    for row in rows:
        row.case_status_label = STATUS_LABELS.get(row.case_status, "")
    reassign_form = ReassignForm(office_id=user.office_id or 0) if user.is_leader else None
    return render(
        request,
        "participants/list.html",
        {
            "page": page,
            "rows": rows,
            "search_form": SearchForm(),
            "reassign_form": reassign_form,
            "counsellor_id": counsellor_id,
        },
    )


@login_required
@require_POST
def participant_search_view(request: AuthedRequest) -> HttpResponse:
    """Find a participant at the office by national identity number (posted, never in the URL)."""
    _require_case_staff(request)
    form = SearchForm(request.POST)
    found: Participant | None = None
    searched = False
    if form.is_valid():
        searched = True
        found = participant_search(actor=request.user, national_id=form.cleaned_data["national_id"])
    return render(request, "participants/search.html", {"form": form, "found": found, "searched": searched})


@login_required
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
def participant_detail(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id)
    participant = access.participant
    cases = list(participant.cases.select_related("received_by").prefetch_related("events__actor"))
    open_case = next((case for case in cases if case.is_open), None)
    context = {
        "participant": participant,
        "access": access,
        "cases": cases,
        "open_case": open_case,
        "meetings": participant.meetings.select_related("organiser")[:20],
        "notes": participant.notes.select_related("author")[:20],
        "interim_due": interim_notice_status(open_case) if open_case else None,
        "interim_form": InterimNoticeForm(),
        "recent_access": participant.audit_events.select_related("actor").exclude(actor=request.user)[:5],
        "flags": flags_for([participant])[str(participant.pk)],
    }
    if access.can_write:
        context |= {
            "case_form": CaseCreateForm() if open_case is None else None,
            "transition_form": CaseTransitionForm(case=open_case) if open_case else None,
            "meeting_form": MeetingForm(),
            "note_form": NoteForm(),
        }
    if request.user.is_leader:
        context["reassign_form"] = ReassignForm(
            office_id=participant.office_id, initial={"counsellor": participant.counsellor_id}
        )
    return render(request, "participants/detail.html", context)


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
@require_POST
def participant_reassign(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    if not request.user.is_leader:
        raise PermissionDenied
    access = get_participant_for_user(request.user, participant_id, what=AuditEvent.What.COUNSELLOR)
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
