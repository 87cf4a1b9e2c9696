"""Plans in the states the tests need, built through the services (as users build them)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from kvp.accounts.models import User
from kvp.participants.access import ParticipantAccess, check_participant_access
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Goal, Plan
from kvp.plans.services import activity_add, goal_add
from kvp.programme.models import Case
from kvp.rules.case_status import CaseStatus
from tests import factories


def access_for(user: User, participant: Participant) -> ParticipantAccess:
    return check_participant_access(user, participant)


def running_case(participant: Participant, counsellor: User) -> Case:
    return factories.case(participant, counsellor, CaseStatus.ACTIVE)


def activity_fields(**overrides: Any) -> dict[str, Any]:
    return {
        "measure_type": "work_practice",
        "title": "Arbeidstrening på lager",
        "provider": "Drammen Lager AS",
        "hours_per_week": Decimal("30"),
        "weekdays": [0, 1, 2, 3],
        "starts_on": datetime.date(2026, 6, 1),
        "ends_on": datetime.date(2026, 11, 30),
    } | overrides


def plan_with_goal(participant: Participant, counsellor: User) -> tuple[Case, Goal]:
    case = running_case(participant, counsellor)
    assert participant.user is not None
    goal = goal_add(
        actor=participant.user,
        access=access_for(participant.user, participant),
        case=case,
        seen_version=0,
        text="Jeg vil bli kokk.",
        language="nb",
    )
    return case, goal


def plan_with_activity(participant: Participant, counsellor: User, **overrides: Any) -> Activity:
    case, _goal = plan_with_goal(participant, counsellor)
    plan = Plan.objects.get(case=case)
    return activity_add(
        actor=counsellor,
        access=access_for(counsellor, participant),
        case=case,
        seen_version=plan.version,
        **activity_fields(**overrides),
    )
