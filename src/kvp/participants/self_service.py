"""The participant's own pages (their start page); they see only their own data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from kvp.audit.models import AuditEvent
from kvp.audit.selectors import access_log_for_participant
from kvp.common.requests import AuthedRequest
from kvp.followup.models import Meeting
from kvp.participants.access import ParticipantAccess, get_participant_for_user
from kvp.programme.models import Decision


def own_access(request: AuthedRequest, *, what: AuditEvent.What) -> ParticipantAccess:
    participant_id = request.user.participant_id
    if participant_id is None:
        raise PermissionDenied
    return get_participant_for_user(request.user, participant_id, what=what, self_service=True)


@login_required
def my_page(request: AuthedRequest) -> HttpResponse:
    participant = own_access(request, what=AuditEvent.What.OWN_PAGE).participant
    return render(
        request,
        "participants/my_page.html",
        {
            "participant": participant,
            "case": participant.cases.first(),
            "meetings": participant.meetings.select_related("organiser").exclude(status=Meeting.Status.CANCELLED)[:10],
            "access_log": access_log_for_participant(participant)[:5],
            "decisions": Decision.objects.filter(case__participant=participant, status=Decision.Status.APPROVED),
        },
    )
