"""Reading the plan: the current case's plan, its checks in the reader's language, open proposals."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.plans.mapping import mapping_answers, mapping_of
from kvp.plans.models import Activity, Goal, Origin, Plan, PlanVersion, Proposal
from kvp.plans.services import agreed_activity_ids, participant_may_edit, plan_rules
from kvp.programme.models import Case
from kvp.rules.measures import MeasureType
from kvp.rules.plan_checks import (
    MAPPING_GAP_LABELS,
    ActivityFacts,
    ActivityStatus,
    Param,
    PlanWarning,
    check_plan,
    mapping_gaps,
)
from kvp.rules.skills import Cefr, DigitalLevel


def current_case(participant: Participant) -> Case | None:
    """The open case, or else the latest one: its plan is the one shown."""
    cases = list(participant.cases.all())
    return next((case for case in cases if case.is_open), cases[0] if cases else None)


def plan_of(case: Case | None) -> Plan | None:
    return Plan.objects.filter(case=case).first() if case else None


@dataclass(frozen=True)
class ShownWarning:
    severity: str
    text: str
    items: list[str]
    source: str
    activity: str


def shown_value(value: Param) -> str:
    """A number or date as the reader writes it: 37,5 and 2.3.2026 in bokmål."""
    if isinstance(value, datetime.date):
        return date_format(value, "j.n.Y")
    if isinstance(value, Decimal):
        return number_format(value.quantize(Decimal(1)) if value == value.to_integral() else value)
    return str(value)


def _shown(warning: PlanWarning) -> ShownWarning:
    values = {name: shown_value(value) for name, value in warning.params.items()}
    values |= {name: _(label) for name, label in warning.labels.items()}
    return ShownWarning(
        severity=warning.severity.value,
        text=_(warning.message) % values,
        items=[_(item) for item in warning.items],
        source=warning.source,
        activity=warning.activity,
    )


def _facts(activity: Activity) -> ActivityFacts:
    return ActivityFacts(
        title=activity.title,
        measure_type=MeasureType(activity.measure_type),
        status=ActivityStatus(activity.status),
        hours_per_week=activity.hours_per_week,
        starts_on=activity.starts_on,
        ends_on=activity.ends_on,
        formal_qualification=bool(activity.formal_qualification),
        norwegian_needed=Cefr(activity.norwegian_needed) if activity.norwegian_needed else None,
        digital_needed=DigitalLevel(activity.digital_needed) if activity.digital_needed else None,
        works_alone=activity.works_alone,
        language_practice=activity.language_practice,
    )


def plan_warnings(case: Case, plan: Plan | None, today: datetime.date | None = None) -> list[ShownWarning]:
    """The plan checks (kvp.rules.plan_checks) for this plan, in the reader's language. Before the
    programme has dates, the checks that need them wait."""
    if case.starts_on is None or case.ends_on is None:
        return []
    activities = list(plan.activities.all()) if plan else []
    today = today or timezone.localdate()
    warnings = check_plan(
        activities=[_facts(activity) for activity in activities],
        mapping=mapping_answers(mapping_of(case.participant)),
        period_start=case.starts_on,
        period_end=case.ends_on,
        today=today,
        agreed=bool(plan and plan.is_agreed),
        rules=plan_rules(case.participant.office_id, on=today),
    )
    return [_shown(warning) for warning in warnings]


def open_proposals_for(counsellor: User) -> QuerySet[Proposal]:
    """Unanswered proposals from the counsellor's participants, the most overdue first (§ 42)."""
    return (
        Proposal.objects.filter(status=Proposal.Status.OPEN, plan__participant__counsellor=counsellor)
        .select_related("plan__participant")
        .order_by("answer_due", "submitted_at")
    )


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    can_edit: bool  # the participant their own goals, the counsellor theirs


@dataclass(frozen=True)
class ActivityRow:
    activity: Activity
    can_manage: bool  # the counsellor changes it and sets its status until it is finished
    can_reword: bool  # the participant rewords one they proposed until it is agreed or finished


@dataclass(frozen=True)
class ProposalRow:
    proposal: Proposal
    can_answer: bool


@dataclass(frozen=True)
class PlanPage:
    """The plan page for one viewer: what it shows and what the viewer may do there."""

    case: Case | None
    plan: Plan | None
    current_version: PlanVersion | None
    goals: list[GoalRow]
    activities: list[ActivityRow]
    proposals: list[ProposalRow]
    warnings: list[ShownWarning]
    mapping_gaps: list[str]
    writable: bool  # the case is open and the viewer is the participant or may write
    can_add_activity: bool
    can_propose: bool
    can_confirm: bool  # the viewer has not yet confirmed the current version, and it is not agreed


def plan_shown_to(*, access: ParticipantAccess) -> PlanPage:
    """Everything the plan page shows, for a viewer `access` has let in."""
    participant = access.participant
    case = current_case(participant)
    plan = plan_of(case)
    current = plan.versions.filter(number=plan.version).first() if plan else None
    writable = bool(case and case.is_open and access.can_contribute)
    may_edit_goal = {Origin.PARTICIPANT: access.is_self, Origin.COUNSELLOR: access.can_write}
    goals = list(plan.goals.filter(removed=False)) if plan else []
    activities = list(plan.activities.select_related("goal")) if plan else []
    agreed = agreed_activity_ids(plan) if plan else set()
    proposals = list(plan.proposals.select_related("resulting_activity")) if plan else []
    unconfirmed = current is not None and (
        (access.is_self and not current.participant_confirmed_at)
        or (access.can_write and not current.counsellor_confirmed_at)
    )
    return PlanPage(
        case=case,
        plan=plan,
        current_version=current,
        goals=[GoalRow(goal, writable and may_edit_goal.get(Origin(goal.origin), False)) for goal in goals],
        activities=[
            ActivityRow(
                activity,
                can_manage=writable and access.can_write and not activity.is_frozen,
                can_reword=writable and access.is_self and participant_may_edit(activity, agreed),
            )
            for activity in activities
        ],
        proposals=[
            ProposalRow(proposal, can_answer=access.can_write and proposal.status == Proposal.Status.OPEN)
            for proposal in proposals
        ],
        warnings=plan_warnings(case, plan) if case else [],
        mapping_gaps=[_(MAPPING_GAP_LABELS[gap]) for gap in mapping_gaps(mapping_answers(mapping_of(participant)))],
        writable=writable,
        can_add_activity=writable and access.can_write,
        can_propose=writable and access.is_self,
        can_confirm=writable and plan is not None and not plan.is_agreed and unconfirmed,
    )
