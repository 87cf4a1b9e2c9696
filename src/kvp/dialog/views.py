"""The dialog's pages: staff see a participant's threads; the participant has their own, phone-first."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.audit.models import AuditEvent
from kvp.common.forms import apply_service_errors, run_and_report
from kvp.common.idempotency import submitted_once
from kvp.dialog.access import get_attachment_for_user, get_thread_for_user
from kvp.dialog.audit_types import DIALOG
from kvp.dialog.forms import CloseForm, ReplyForm, ThreadStartForm
from kvp.dialog.models import Message, Thread
from kvp.dialog.selectors import thread_messages, threads_for_participant
from kvp.dialog.services import message_send, thread_close, thread_mark_read, thread_start
from kvp.participants.access import ParticipantAccess, audit_access, get_participant_for_user, own_access
from kvp.plans.models import Activity

STAFF_LANGUAGE = "nb"


def _preselected_activity(access: ParticipantAccess, raw: str) -> Activity | None:
    try:
        activity_id = uuid.UUID(raw)
    except ValueError:
        return None
    return Activity.objects.filter(pk=activity_id, plan__participant=access.participant).first()


def _download(message: Message) -> FileResponse:
    """Always a download, never shown in the browser: the file came from outside."""
    if not message.attachment:
        raise Http404
    try:
        handle = message.attachment.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=message.attachment_name or "vedlegg",
        content_type=message.attachment_type or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


# Staff pages -----------------------------------------------------------------------------------


def _staff_list(
    request: AuthedRequest, access: ParticipantAccess, form: ThreadStartForm | None, *, status: int = 200
) -> HttpResponse:
    threads = threads_for_participant(access.participant, request.user)
    context: dict[str, Any] = {"participant": access.participant, "access": access, "threads": threads, "form": form}
    return render(request, "dialog/list.html", context, status=status)


def _staff_thread_page(
    request: AuthedRequest, thread: Thread, access: ParticipantAccess, form: ReplyForm | None, *, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "participant": access.participant,
        "access": access,
        "thread": thread,
        "messages_in_thread": thread_messages(thread),
        "form": form,
        "close_form": CloseForm(initial={"version": thread.version}) if access.can_write else None,
    }
    return render(request, "dialog/thread.html", context, status=status)


@login_required
@require_GET
def dialog_list(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, what=DIALOG)
    form = None
    if access.can_write:
        activity = _preselected_activity(access, request.GET.get("aktivitet", ""))
        initial = {"activity": activity, "subject": activity.title if activity else ""}
        form = ThreadStartForm(participant=access.participant, language=STAFF_LANGUAGE, initial=initial)
    return _staff_list(request, access, form)


@login_required
@require_POST
@submitted_once
def dialog_thread_start(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, what=DIALOG, for_write=True)
    form = ThreadStartForm(request.POST, request.FILES, participant=access.participant, language=STAFF_LANGUAGE)
    if form.is_valid():
        try:
            thread = thread_start(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The message is sent."))
            return redirect("dialog_thread", thread.pk)
    # The page shown again lists the threads: that is a read.
    audit_access(request.user, access, action=AuditEvent.Action.VIEW, what=DIALOG)
    return _staff_list(request, access, form, status=400)


@login_required
@require_GET
def dialog_thread(request: AuthedRequest, thread_id: uuid.UUID) -> HttpResponse:
    thread, access = get_thread_for_user(request.user, thread_id, for_write=False)
    thread_mark_read(request.user, thread)
    form = ReplyForm(language=STAFF_LANGUAGE) if access.can_write else None
    return _staff_thread_page(request, thread, access, form)


@login_required
@require_POST
@submitted_once
def dialog_reply(request: AuthedRequest, thread_id: uuid.UUID) -> HttpResponse:
    thread, access = get_thread_for_user(request.user, thread_id, for_write=True)
    form = ReplyForm(request.POST, request.FILES, language=STAFF_LANGUAGE)
    if form.is_valid():
        try:
            message_send(actor=request.user, access=access, thread=thread, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The message is sent."))
            return redirect(reverse("dialog_thread", args=[thread.pk]) + "#siste")
    audit_access(request.user, access, action=AuditEvent.Action.VIEW, what=DIALOG, object_id=str(thread.pk))
    return _staff_thread_page(request, thread, access, form, status=400)


@login_required
@require_POST
def dialog_close(request: AuthedRequest, thread_id: uuid.UUID) -> HttpResponse:
    thread, access = get_thread_for_user(request.user, thread_id, for_write=True)
    form = CloseForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    run_and_report(
        request,
        lambda: thread_close(actor=request.user, access=access, thread=thread, version=version),
        _("The conversation is marked as needing no reply."),
    )
    return redirect("dialog_thread", thread.pk)


@login_required
@require_GET
def dialog_attachment(request: AuthedRequest, message_id: uuid.UUID) -> FileResponse:
    return _download(get_attachment_for_user(request.user, message_id))


# The participant's own pages ----------------------------------------------------------------------


def _own_list(
    request: AuthedRequest, access: ParticipantAccess, form: ThreadStartForm, *, status: int = 200
) -> HttpResponse:
    threads = threads_for_participant(access.participant, request.user)
    context: dict[str, Any] = {"participant": access.participant, "threads": threads, "form": form}
    return render(request, "dialog/my_list.html", context, status=status)


def _own_thread_page(
    request: AuthedRequest, thread: Thread, access: ParticipantAccess, form: ReplyForm, *, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "participant": access.participant,
        "thread": thread,
        "messages_in_thread": thread_messages(thread),
        "form": form,
    }
    return render(request, "dialog/my_thread.html", context, status=status)


@login_required
@require_GET
def my_dialog(request: AuthedRequest) -> HttpResponse:
    access = own_access(request.user, what=DIALOG)
    activity = _preselected_activity(access, request.GET.get("aktivitet", ""))
    initial = {"activity": activity, "subject": activity.title if activity else ""}
    form = ThreadStartForm(
        participant=access.participant, language=access.participant.preferred_language, initial=initial
    )
    return _own_list(request, access, form)


@login_required
@require_POST
@submitted_once
def my_thread_start(request: AuthedRequest) -> HttpResponse:
    access = own_access(request.user, what=DIALOG)
    participant = access.participant
    form = ThreadStartForm(
        request.POST, request.FILES, participant=participant, language=participant.preferred_language
    )
    if form.is_valid():
        try:
            thread = thread_start(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your message is sent to your counsellor."))
            return redirect("my_thread", thread.pk)
    return _own_list(request, access, form, status=400)


@login_required
@require_GET
def my_thread(request: AuthedRequest, thread_id: uuid.UUID) -> HttpResponse:
    thread, access = get_thread_for_user(request.user, thread_id, own=True)
    thread_mark_read(request.user, thread)
    return _own_thread_page(request, thread, access, ReplyForm(language=access.participant.preferred_language))


@login_required
@require_POST
@submitted_once
def my_reply(request: AuthedRequest, thread_id: uuid.UUID) -> HttpResponse:
    thread, access = get_thread_for_user(request.user, thread_id, own=True)
    form = ReplyForm(request.POST, request.FILES, language=access.participant.preferred_language)
    if form.is_valid():
        try:
            message_send(actor=request.user, access=access, thread=thread, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your message is sent to your counsellor."))
            return redirect(reverse("my_thread", args=[thread.pk]) + "#siste")
    return _own_thread_page(request, thread, access, form, status=400)


@login_required
@require_GET
def my_attachment(request: AuthedRequest, message_id: uuid.UUID) -> FileResponse:
    return _download(get_attachment_for_user(request.user, message_id, own=True))
