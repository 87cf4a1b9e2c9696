"""Pages that gather a participant's case from several domain apps: the staff's participant list and case
page, and the participant's own start page. They sit above the apps they read from."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kvp.accounts.decorators import require_staff
from kvp.accounts.requests import AuthedRequest
from kvp.audit.selectors import access_by_others, access_log_for_participant
from kvp.casefile.selectors import my_page_waiting, participant_overview, participant_rows
from kvp.catalogue.advice import flags_for
from kvp.followup.forms import MeetingForm, NoteForm
from kvp.followup.models import Meeting
from kvp.participants.access import audit_list_read, get_participant_for_user, own_access
from kvp.participants.audit_types import OWN_PAGE, PARTICIPANT_LIST
from kvp.participants.forms import ReassignForm, SearchForm
from kvp.programme.appeals import interim_notice_status
from kvp.programme.forms import CaseCreateForm, CaseTransitionForm, InterimNoticeForm
from kvp.programme.models import Decision

PAGE_SIZE = 50


@login_required
@require_staff
def participant_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    counsellor_id = None
    if user.is_leader and request.GET.get("veileder", "").isdigit():
        counsellor_id = int(request.GET["veileder"])
    page = Paginator(participant_overview(user=user, counsellor_id=counsellor_id), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    participants = list(page.object_list)
    audit_list_read(user, participants, what=PARTICIPANT_LIST)
    reassign_form = ReassignForm(office_id=user.office_id or 0) if user.is_leader else None
    return render(
        request,
        "participants/list.html",
        {
            "page": page,
            "rows": participant_rows(participants=participants),
            "office_wide": user.is_leader,
            "search_form": SearchForm(),
            "reassign_form": reassign_form,
            "counsellor_id": counsellor_id,
        },
    )


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
        "recent_access": access_by_others(participant, viewer=request.user)[:5],
        "flags": flags_for([participant])[str(participant.pk)],
    }
    if access.can_write:
        context |= {
            "case_form": CaseCreateForm() if open_case is None else None,
            "transition_form": CaseTransitionForm(case=open_case) if open_case else None,
            "meeting_form": MeetingForm.for_participant(participant),
            "note_form": NoteForm(),
        }
    if request.user.is_leader:
        context["reassign_form"] = ReassignForm(
            office_id=participant.office_id, initial={"counsellor": participant.counsellor_id}
        )
    return render(request, "participants/detail.html", context)


@login_required
def my_page(request: AuthedRequest) -> HttpResponse:
    participant = own_access(request.user, what=OWN_PAGE).participant
    return render(
        request,
        "participants/my_page.html",
        {
            "participant": participant,
            "waiting": my_page_waiting(participant=participant, user=request.user, now=timezone.now()),
            "case": participant.cases.first(),
            "meetings": participant.meetings.select_related("organiser").exclude(status=Meeting.Status.CANCELLED)[:10],
            "access_log": access_log_for_participant(participant)[:5],
            "decisions": Decision.objects.filter(case__participant=participant, status=Decision.Status.APPROVED),
        },
    )
