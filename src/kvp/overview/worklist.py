"""The counsellor's worklist: it gathers proposals (plans), waiting messages (dialog), follow-ups after the
programme (programme) and practice-loop or lock-in flags (catalogue), so it sits above those apps."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kvp.accounts.requests import AuthedRequest
from kvp.audit.services import audit_list_record
from kvp.catalogue.advice import flags_for
from kvp.dialog.selectors import threads_waiting_for_counsellor
from kvp.participants.access import participants_visible_in_lists
from kvp.plans.audit_types import PROPOSAL
from kvp.plans.selectors import open_proposals_for
from kvp.programme.aftercare import followups_shown_to
from kvp.programme.audit_types import AFTERCARE
from kvp.rules.access import Basis


@login_required
def worklist(request: AuthedRequest) -> HttpResponse:
    """The counsellor's tasks: proposals to answer (overdue first), messages waiting for an answer, follow-ups
    after the programme that are due, and participants with practice-loop or lock-in flags (E4, E9). Everyone
    shown is logged as listed."""
    if not request.user.is_counsellor or request.user.participant_id is not None:
        raise PermissionDenied
    proposals = list(open_proposals_for(request.user))
    waiting_threads = list(threads_waiting_for_counsellor(request.user))
    today = timezone.localdate()
    mine = list(participants_visible_in_lists(request.user).filter(counsellor=request.user))
    flags = flags_for(mine, today)
    flagged = [(participant, flags[str(participant.pk)]) for participant in mine if flags[str(participant.pk)]]
    shown = [proposal.plan.participant for proposal in proposals] + [thread.participant for thread in waiting_threads]
    shown += [participant for participant, _flags in flagged]
    audit_list_record(
        actor=request.user,
        participants=shown,
        object_type=PROPOSAL,
        basis=Basis.ASSIGNED,
    )
    follow_ups = list(followups_shown_to(request.user, today))
    if follow_ups:
        audit_list_record(
            actor=request.user,
            participants=[item.case.participant for item in follow_ups],
            object_type=AFTERCARE,
            basis=Basis.ASSIGNED,
        )
    return render(
        request,
        "plans/worklist.html",
        {
            "proposals": proposals,
            "waiting_threads": waiting_threads,
            "flagged": flagged,
            "follow_ups": follow_ups,
            "today": today,
        },
    )
