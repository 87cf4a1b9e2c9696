"""Loading a participant's plan, mapping, goal, activity or proposal for a user: through the participant's
access (checked, a read logged). The plan pages serve the participant on their own and staff with access;
`self_service=False` is for the counsellor's pages (participants get 403)."""

from __future__ import annotations

import uuid

from django.shortcuts import get_object_or_404

from kvp.accounts.models import User
from kvp.participants.access import ParticipantAccess, get_participant_for_user
from kvp.plans.audit_types import MAPPING, PLAN
from kvp.plans.models import Activity, Goal, Proposal


def get_plan_for_user(
    user: User, participant_id: uuid.UUID, *, for_write: bool = False, self_service: bool = True
) -> ParticipantAccess:
    return get_participant_for_user(user, participant_id, what=PLAN, for_write=for_write, self_service=self_service)


def get_mapping_for_user(user: User, participant_id: uuid.UUID, *, for_write: bool = False) -> ParticipantAccess:
    return get_participant_for_user(user, participant_id, what=MAPPING, for_write=for_write, self_service=True)


def get_goal_for_user(
    user: User, participant_id: uuid.UUID, goal_id: uuid.UUID, *, for_write: bool = False
) -> tuple[Goal, ParticipantAccess]:
    access = get_plan_for_user(user, participant_id, for_write=for_write)
    goals = Goal.objects.select_related("plan__case")
    return get_object_or_404(goals, pk=goal_id, plan__participant=access.participant), access


def get_activity_for_user(
    user: User, participant_id: uuid.UUID, activity_id: uuid.UUID, *, for_write: bool = False, self_service: bool = True
) -> tuple[Activity, ParticipantAccess]:
    access = get_plan_for_user(user, participant_id, for_write=for_write, self_service=self_service)
    activities = Activity.objects.select_related("plan__case")
    return get_object_or_404(activities, pk=activity_id, plan__participant=access.participant), access


def get_proposal_for_user(
    user: User, participant_id: uuid.UUID, proposal_id: uuid.UUID, *, for_write: bool = False
) -> tuple[Proposal, ParticipantAccess]:
    """For the counsellor who answers it (participants see their proposals in their plan)."""
    access = get_plan_for_user(user, participant_id, for_write=for_write, self_service=False)
    proposals = Proposal.objects.select_related("plan__case", "activity")
    return get_object_or_404(proposals, pk=proposal_id, plan__participant=access.participant), access
