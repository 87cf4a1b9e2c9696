"""Loading a matching run or a place it proposed for a user. A run belongs to an office and is for its staff;
a proposed place is a participant's data, loaded through their access (checked): the counsellor decides on the
staff page, the participant confirms on their own."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kvp.accounts.models import Office, User
from kvp.common.models import Job
from kvp.matching.audit_types import MATCH
from kvp.matching.jobs import MATCH_RUN, match_scope
from kvp.matching.models import MatchProposal, MatchRun
from kvp.matching.runs import may_run
from kvp.participants.access import ParticipantAccess, get_participant_object_for_user


def get_match_proposal_for_user(
    user: User, proposal_id: uuid.UUID, *, for_write: bool = False, self_service: bool = False
) -> tuple[MatchProposal, ParticipantAccess]:
    return get_participant_object_for_user(
        user,
        MatchProposal.objects.select_related("run"),
        proposal_id,
        what=MATCH,
        for_write=for_write,
        self_service=self_service,
    )


def get_match_office_for_user(user: User) -> Office:
    """The office whose matching runs `user` may start and see."""
    office = user.office
    if office is None or not may_run(user, office):
        raise PermissionDenied
    return office


def get_match_run_for_user(user: User, run_id: uuid.UUID) -> MatchRun:
    runs = MatchRun.objects.select_related("started_by")
    return get_object_or_404(runs, pk=run_id, office=get_match_office_for_user(user))


def get_match_job_for_user(user: User, job_id: uuid.UUID) -> Job:
    """A match run under way or finished, for the staff of its office."""
    office = get_match_office_for_user(user)
    return get_object_or_404(Job.objects.all(), pk=job_id, kind=MATCH_RUN, scope=match_scope(office))
