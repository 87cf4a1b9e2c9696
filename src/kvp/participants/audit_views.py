from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from kvp.accounts.decorators import require_leader
from kvp.accounts.models import User
from kvp.accounts.requests import AuthedRequest
from kvp.audit.audit_types import ACCESS_LOG, AUDIT_TRAIL
from kvp.audit.models import AuditEvent
from kvp.audit.selectors import audit_search, list_appearances_for_participant, reads_and_writes_for_participant
from kvp.audit.services import audit_record
from kvp.participants.access import own_access
from kvp.participants.audit_forms import AuditSearchForm
from kvp.participants.models import Participant
from kvp.rules.access import Basis

MAX_RESULTS = 500


@login_required
@require_leader
def audit_search_view(request: AuthedRequest) -> HttpResponse:
    """Leaders search the office's audit trail. Filters are posted so no identity number is in a URL."""
    leader = request.user
    form = AuditSearchForm(request.POST if request.method == "POST" else None, office_id=leader.office_id or 0)
    events: list[AuditEvent] = []
    searched = request.method == "POST" and form.is_valid()
    if searched:
        data = form.cleaned_data
        participant = None
        if data["national_id"]:
            participant = _office_participant(leader, data["national_id"])
        events = []
        if not data["national_id"] or participant is not None:
            events = list(
                audit_search(
                    leader=leader,
                    participant=participant,
                    actor=data["actor"],
                    date_from=data["date_from"],
                    date_to=data["date_to"],
                    action=data["action"],
                )[:MAX_RESULTS]
            )
        seen = {event.participant_id: event.participant for event in events if event.participant is not None}
        if participant is not None:  # the lists found are about them
            seen[participant.pk] = participant
        audit_record(
            actor=leader,
            participants=seen.values(),
            action=AuditEvent.Action.VIEW,
            object_type=AUDIT_TRAIL,
            basis=Basis.LEADER,
        )
    return render(
        request,
        "audit/search.html",
        {"form": form, "events": events, "searched": searched, "max_results": MAX_RESULTS},
    )


def _office_participant(leader: User, national_id: str) -> Participant | None:
    """The participant with this number whose trail the leader may search: at their office, shielded only with
    the grant; None otherwise, so the search finds nothing either way."""
    found = Participant.objects.filter(national_id=national_id, office_id=leader.office_id or 0)
    if not leader.may_view_shielded:
        found = found.filter(shielded=False)
    return found.first()


@login_required
def my_access_log(request: AuthedRequest) -> HttpResponse:
    """Innsyn: the participant sees who has read or changed their data."""
    participant = own_access(request.user, what=ACCESS_LOG).participant
    page = Paginator(reads_and_writes_for_participant(participant), 50).get_page(request.GET.get("side"))
    lists = Paginator(list_appearances_for_participant(participant), 50).get_page(request.GET.get("lister"))
    return render(request, "audit/my_access_log.html", {"page": page, "lists": lists})
