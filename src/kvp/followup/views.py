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
from kvp.followup.forms import MeetingForm, NoteForm
from kvp.followup.services import meeting_create, note_create
from kvp.participants.access import get_participant_for_user
from kvp.wording.services import record_from_post


@login_required
@require_POST
@submitted_once
def meeting_create_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    form = MeetingForm(request.POST)
    if form.is_valid():
        try:
            meeting_create(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The meeting is registered."))
            return redirect("participant_detail", participant_id)
    return render(
        request,
        "followup/form.html",
        {"form": form, "participant": access.participant, "title": _("Register meeting"), "action": "meeting_create"},
        status=400,
    )


@login_required
@require_POST
@submitted_once
def note_create_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            note_create(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            record_from_post(
                office=access.participant.office, source="case_note", text=form.cleaned_data["text"], data=request.POST
            )
            messages.success(request, _("The note is saved."))
            return redirect("participant_detail", participant_id)
    return render(
        request,
        "followup/form.html",
        {"form": form, "participant": access.participant, "title": _("Write note"), "action": "note_create"},
        status=400,
    )
