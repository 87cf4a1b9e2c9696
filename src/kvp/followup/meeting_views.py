"""Pages for one meeting: the staff's (read by staff with access, changed by the counsellor) and the participant's
own (under meg/). Reads are audited as MEETING reads; the services audit the writes."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.audit.models import AuditEvent
from kvp.common.forms import apply_service_errors, form_problems, run_and_report
from kvp.followup.access import get_meeting_for_user
from kvp.followup.audit_types import MEETING
from kvp.followup.meeting_forms import (
    CannotComeForm,
    MeetingCancelForm,
    MeetingEditForm,
    MeetingNoteForm,
    MeetingOutcomeForm,
)
from kvp.followup.meetings import (
    EDITABLE_FIELDS,
    meeting_cancel,
    meeting_cannot_come,
    meeting_note_save,
    meeting_record_outcome,
    meeting_update,
)
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion
from kvp.participants.access import audit_access
from kvp.rules.meetings import may_change, may_record_outcome, may_say_cannot_come
from kvp.wording.services import record_from_post

WHAT = MEETING


def _note_of(meeting: Meeting) -> tuple[MeetingNote | None, list[MeetingNoteVersion]]:
    note = MeetingNote.objects.filter(meeting=meeting).select_related("draft_by").first()
    versions = list(note.versions.select_related("published_by")) if note else []
    return note, versions


@login_required
def meeting_detail(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, access = get_meeting_for_user(request.user, meeting_id, for_write=False)
    note, versions = _note_of(meeting)
    context: dict[str, Any] = {
        "participant": access.participant,
        "access": access,
        "meeting": meeting,
        "note": note,
        "versions": versions,
    }
    if access.can_write:
        now = timezone.now()
        context["may_change"] = may_change(meeting.state)
        if context["may_change"]:
            context["cancel_form"] = MeetingCancelForm(initial={"version": meeting.version})
        if may_record_outcome(meeting.state, meeting.starts_at, now):
            context["outcome_form"] = MeetingOutcomeForm(
                initial={"version": meeting.version, "outcome": meeting.status},
                with_interpreter=bool(meeting.interpreter_language),
            )
        context["may_write_notes"] = meeting.status != Meeting.Status.CANCELLED
    return render(request, "followup/meeting_detail.html", context)


@login_required
def meeting_edit(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, access = get_meeting_for_user(request.user, meeting_id, for_write=True)
    if request.method == "GET":  # the edit page shows the meeting: a read
        audit_access(request.user, access, action=AuditEvent.Action.VIEW, what=WHAT, object_id=str(meeting.pk))
    initial = {name: getattr(meeting, name) for name in EDITABLE_FIELDS} | {"version": meeting.version}
    initial["starts_at"] = timezone.localtime(meeting.starts_at)
    form = MeetingEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        try:
            meeting_update(
                actor=request.user, access=access, meeting=meeting, expected_version=version, **form.edited_fields()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The meeting is changed."))
            return redirect("meeting_detail", meeting.pk)
    status = 400 if request.method == "POST" else 200
    context = {"participant": access.participant, "meeting": meeting, "form": form}
    return render(request, "followup/meeting_edit.html", context, status=status)


@login_required
@require_POST
def meeting_cancel_view(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, access = get_meeting_for_user(request.user, meeting_id, for_write=True)
    form = MeetingCancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_problems(form))
        return redirect("meeting_detail", meeting.pk)
    run_and_report(
        request,
        lambda: meeting_cancel(
            actor=request.user,
            access=access,
            meeting=meeting,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        ),
        _("The meeting is cancelled."),
    )
    return redirect("meeting_detail", meeting.pk)


@login_required
@require_POST
def meeting_outcome_view(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, access = get_meeting_for_user(request.user, meeting_id, for_write=True)
    form = MeetingOutcomeForm(request.POST, with_interpreter=bool(meeting.interpreter_language))
    if not form.is_valid():
        messages.error(request, form_problems(form))
        return redirect("meeting_detail", meeting.pk)
    run_and_report(
        request,
        lambda: meeting_record_outcome(
            actor=request.user,
            access=access,
            meeting=meeting,
            expected_version=form.cleaned_data["version"],
            outcome=form.cleaned_data["outcome"],
            interpreter_used=form.interpreter_used_value(),
        ),
        _("The outcome is recorded."),
    )
    return redirect("meeting_detail", meeting.pk)


@login_required
def meeting_note(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """The counsellor's notes from a meeting: save a draft, or publish it to the participant."""
    meeting, access = get_meeting_for_user(request.user, meeting_id, for_write=True)
    if request.method == "GET":  # the edit page shows the meeting: a read
        audit_access(request.user, access, action=AuditEvent.Action.VIEW, what=WHAT, object_id=str(meeting.pk))
    note, versions = _note_of(meeting)
    current = versions[0] if versions else None
    text = note.draft_text if note and note.draft_text else (current.text if current else "")
    initial = {"text": text, "version": note.version if note else 1}
    form = MeetingNoteForm(
        request.POST if request.method == "POST" else None, initial=initial, correcting=current is not None
    )
    if request.method == "POST" and form.is_valid():
        publish = "publish" in request.POST
        try:
            meeting_note_save(
                actor=request.user,
                access=access,
                meeting=meeting,
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data["version"],
                publish=publish,
                correction_reason=form.cleaned_data.get("correction_reason", ""),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if publish:
                record_from_post(
                    office=access.participant.office,
                    source="meeting_notes",
                    text=form.cleaned_data["text"],
                    data=request.POST,
                )
                messages.success(request, _("The notes are published: the participant can read them."))
            else:
                messages.success(request, _("The draft is saved. The participant does not see it."))
            return redirect("meeting_detail", meeting.pk)
    context = {
        "participant": access.participant,
        "meeting": meeting,
        "note": note,
        "current": current,
        "form": form,
        "may_publish": meeting.status == Meeting.Status.HELD,
    }
    return render(request, "followup/meeting_note.html", context, status=400 if request.method == "POST" else 200)


@login_required
def my_meeting(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    """The participant's view of one meeting: time, place, interpreter, and the published notes (never a draft)."""
    meeting, access = get_meeting_for_user(request.user, meeting_id, own=True)
    note = MeetingNote.objects.filter(meeting=meeting).first()
    versions = list(note.versions.all()) if note else []
    context: dict[str, Any] = {"participant": access.participant, "meeting": meeting, "versions": versions}
    if may_say_cannot_come(meeting.state, meeting.starts_at, timezone.now()) and meeting.cannot_come_at is None:
        context["cannot_come_form"] = CannotComeForm()
    return render(request, "followup/my_meeting.html", context)


@login_required
@require_POST
def my_meeting_cannot_come(request: AuthedRequest, meeting_id: uuid.UUID) -> HttpResponse:
    meeting, access = get_meeting_for_user(request.user, meeting_id, own=True)
    form = CannotComeForm(request.POST)
    if form.is_valid():
        try:
            meeting_cannot_come(actor=request.user, access=access, meeting=meeting, text=form.cleaned_data["text"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your counsellor is told that you cannot come. They will contact you."))
            return redirect("my_meeting", meeting.pk)
    note = MeetingNote.objects.filter(meeting=meeting).first()
    versions = list(note.versions.all()) if note else []
    context = {"participant": access.participant, "meeting": meeting, "versions": versions, "cannot_come_form": form}
    return render(request, "followup/my_meeting.html", context, status=400)
