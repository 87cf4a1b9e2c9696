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
from kvp.participants.models import Participant
from kvp.plans.mapping import mapping_answers, mapping_of
from kvp.plans.models import Activity, Plan, Proposal
from kvp.plans.services import plan_rules
from kvp.programme.models import Case
from kvp.rules.measures import MeasureType
from kvp.rules.plan_checks import ActivityFacts, ActivityStatus, Param, PlanWarning, check_plan
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
