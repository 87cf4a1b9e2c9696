"""The whole plan as plain data: stored with each version, and the source of the plan's PDF."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from kvp.accounts.models import User
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Goal, Plan


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    participant = plan.participant
    case = plan.case
    return snapshot_of(
        version=plan.version,
        participant=participant,
        counsellor=participant.counsellor,
        starts_on=case.starts_on,
        ends_on=case.ends_on,
        goals=list(plan.goals.filter(removed=False)),
        activities=list(plan.activities.all()),
    )


def snapshot_of(
    *,
    version: int,
    participant: Participant,
    counsellor: User | None,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    goals: Sequence[Goal],
    activities: Sequence[Activity],
) -> dict[str, Any]:
    """The snapshot of a plan's goals and activities in the given period (the demo builds past versions
    with it from rows it has not saved)."""
    goal_index = {goal.pk: number for number, goal in enumerate(goals, start=1)}
    return {
        "version": version,
        "participant": participant.full_name,
        "preferred_language": participant.preferred_language,
        "office": participant.office.name,
        "counsellor": counsellor.get_full_name() if counsellor else "",
        "period": {
            "starts_on": starts_on.isoformat() if starts_on else "",
            "ends_on": ends_on.isoformat() if ends_on else "",
        },
        "goals": [
            {"number": goal_index[goal.pk], "text": goal.text, "language": goal.language, "origin": goal.origin}
            for goal in goals
        ],
        "activities": [
            {
                "id": str(activity.pk),
                "measure_type": activity.measure_type,
                "title": activity.title,
                "description": activity.description,
                "provider": activity.provider,
                "hours_per_week": str(activity.hours_per_week),
                "weekdays": list(activity.weekdays),
                "starts_on": activity.starts_on.isoformat(),
                "ends_on": activity.ends_on.isoformat(),
                "goal": goal_index.get(activity.goal_id) if activity.goal_id else None,
                "formal_qualification": activity.formal_qualification,
                "norwegian_needed": activity.norwegian_needed,
                "digital_needed": activity.digital_needed,
                "works_alone": activity.works_alone,
                "language_practice": activity.language_practice,
                "status": activity.status,
                "origin": activity.origin,
            }
            for activity in activities
        ],
    }
