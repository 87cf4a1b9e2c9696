"""Writing the plan: goals, activities, proposals and agreement. Every change is a new PlanVersion
recording who changed what (sotjl. §§ 28, 30, 42; E1)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.ratelimit import rate_limit_check
from kvp.common.versioning import bump_version, lock_version
from kvp.parameters.selectors import OfficeRef, rules_for
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.plans.audit_types import PLAN, PROPOSAL
from kvp.plans.models import Activity, Goal, Origin, Plan, PlanVersion, Proposal
from kvp.plans.snapshot import plan_snapshot
from kvp.programme.models import Case
from kvp.rules.plan_checks import PlanRules

ACTIVITY_FIELDS = (
    "measure_type",
    "title",
    "description",
    "provider",
    "hours_per_week",
    "weekdays",
    "starts_on",
    "ends_on",
    "goal",
    "formal_qualification",
    "norwegian_needed",
    "digital_needed",
    "works_alone",
    "language_practice",
    "offer",
)
DATE_FIELDS = frozenset({"starts_on", "ends_on"})


def _origin(access: ParticipantAccess) -> str:
    return Origin.PARTICIPANT if access.is_self else Origin.COUNSELLOR


def _require_party(access: ParticipantAccess) -> None:
    """The participant and the counsellor following the case write the plan; others read it."""
    if not (access.is_self or access.can_write):
        raise ValidationError(_("Only the participant and their counsellor can change the plan."), code="read_only")


def _require_counsellor(access: ParticipantAccess) -> None:
    if not access.can_write:
        raise ValidationError(_("Only the participant's counsellor can do this."), code="read_only")


def _locked_plan(access: ParticipantAccess, case: Case, seen_version: int | None) -> Plan:
    if case.participant_id != access.participant.pk:
        raise ValidationError(_("This case belongs to someone else."), code="wrong_case")
    if not case.is_open:
        raise ValidationError(_("The programme has ended; its plan can no longer be changed."), code="closed")
    Plan.objects.get_or_create(case=case, defaults={"participant": access.participant})
    # Raised by _record, once a change is known to make a new PlanVersion.
    return lock_version(Plan.objects, seen_version=seen_version, bump=False, case=case)


def _record(
    plan: Plan, actor: User, access: ParticipantAccess, changes: list[dict[str, Any]], *, keeps_agreement: bool = False
) -> PlanVersion:
    """A new version of the plan. Changing only dates or status keeps an agreed plan agreed (as NAV does)."""
    was_agreed = plan.is_agreed
    previous = plan.versions.filter(number=plan.version).first()
    bump_version(plan)
    version = PlanVersion(
        plan=plan, number=plan.version, changed_by=actor, changes=changes, snapshot=plan_snapshot(plan)
    )
    if was_agreed and keeps_agreement and previous is not None:
        plan.agreed_version = plan.version
        version.participant_confirmed_at = previous.participant_confirmed_at
        version.counsellor_confirmed_at = previous.counsellor_confirmed_at
        version.counsellor_confirmed_by = previous.counsellor_confirmed_by
    version.save()
    plan.save()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=PLAN, object_id=str(plan.pk))
    return version


def plan_rules(office: OfficeRef, *, on: datetime.date) -> PlanRules:
    return rules_for(office, on=on).plan


@transaction.atomic
def goal_add(
    *, actor: User, access: ParticipantAccess, case: Case, seen_version: int, text: str, language: str
) -> Goal:
    """A goal in the writer's own words, stored as written with its language (E1, E15)."""
    _require_party(access)
    if not text.strip():
        raise ValidationError({"text": _("Write the goal in your own words.")})
    plan = _locked_plan(access, case, seen_version)
    goal = Goal(plan=plan, text=text.strip(), language=language, origin=_origin(access), written_by=actor)
    goal.full_clean()
    goal.save()
    _record(plan, actor, access, [{"what": "goal_added", "title": goal.text[:80]}])
    return goal


@transaction.atomic
def goal_change(
    *, actor: User, access: ParticipantAccess, goal: Goal, seen_version: int, text: str, language: str, remove: bool
) -> Goal:
    """The one who wrote a goal may reword or remove it; the plan then needs a new agreement."""
    _require_party(access)
    plan = _locked_plan(access, goal.plan.case, seen_version)
    if goal.origin != _origin(access):
        raise ValidationError(_("Only the one who wrote a goal can change it."), code="not_author")
    if remove:
        goal.removed = True
        change = "goal_removed"
    else:
        if not text.strip():
            raise ValidationError({"text": _("Write the goal in your own words.")})
        goal.text, goal.language = text.strip(), language
        change = "goal_changed"
    goal.full_clean()
    goal.save()
    _record(plan, actor, access, [{"what": change, "title": goal.text[:80]}])
    return goal


def _validate_activity(activity: Activity, plan: Plan) -> None:
    case = plan.case
    if case.ends_on and activity.starts_on > case.ends_on:
        raise ValidationError({"starts_on": _("The activity starts after the programme ends.")})
    if activity.goal_id is not None and not plan.goals.filter(pk=activity.goal_id, removed=False).exists():
        raise ValidationError({"goal": _("Choose one of the plan's goals.")})
    if sorted(set(activity.weekdays)) != activity.weekdays or any(d not in range(7) for d in activity.weekdays):
        raise ValidationError({"weekdays": _("Choose weekdays from Monday to Sunday.")})
    activity.full_clean()


@transaction.atomic
def activity_add(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    seen_version: int,
    origin: str = Origin.COUNSELLOR,
    **fields: Any,
) -> Activity:
    """The counsellor adds an activity (the participant proposes one instead, see proposal_submit)."""
    _require_counsellor(access)
    plan = _locked_plan(access, case, seen_version)
    activity = Activity(plan=plan, origin=origin, **{name: fields[name] for name in ACTIVITY_FIELDS if name in fields})
    _validate_activity(activity, plan)
    activity.save()
    _record(plan, actor, access, [{"what": "activity_added", "title": activity.title}])
    return activity


def agreed_activity_ids(plan: Plan) -> set[str]:
    if plan.agreed_version is None:
        return set()
    agreed = plan.versions.filter(number=plan.agreed_version).first()
    return {row["id"] for row in agreed.snapshot.get("activities", [])} if agreed else set()


@transaction.atomic
def activity_update(
    *, actor: User, access: ParticipantAccess, activity: Activity, seen_version: int, **fields: Any
) -> Activity:
    """Change an activity. Finished ones are frozen. The participant may change only an activity they
    proposed that is not yet agreed; the counsellor may move an agreed activity's dates without a new
    agreement, and any other change asks both to agree again."""
    _require_party(access)
    plan = _locked_plan(access, activity.plan.case, seen_version)
    activity = Activity.objects.get(pk=activity.pk)
    if activity.is_frozen:
        raise ValidationError(_("A finished or cancelled activity cannot be changed."), code="frozen")
    if access.is_self and not participant_may_edit(activity):
        raise ValidationError(
            _("You cannot change an agreed activity yourself. Send a proposal to your counsellor instead."),
            code="agreed",
        )
    changed = [name for name in ACTIVITY_FIELDS if name in fields and getattr(activity, name) != fields[name]]
    if not changed:
        return activity
    for name in changed:
        setattr(activity, name, fields[name])
    _validate_activity(activity, plan)
    activity.save()
    _record(
        plan,
        actor,
        access,
        [{"what": "activity_changed", "title": activity.title, "fields": changed}],
        keeps_agreement=set(changed) <= DATE_FIELDS,
    )
    return activity


def participant_may_edit(activity: Activity, agreed_ids: set[str] | None = None) -> bool:
    """The participant may reword an activity they proposed until it is agreed or finished."""
    agreed = agreed_ids if agreed_ids is not None else agreed_activity_ids(activity.plan)
    return activity.origin == Origin.PARTICIPANT and not activity.is_frozen and str(activity.pk) not in agreed


@transaction.atomic
def activity_set_status(
    *, actor: User, access: ParticipantAccess, activity: Activity, seen_version: int, status: str
) -> Activity:
    """Follow-up of an activity (planned, in progress, done, cancelled): the agreement stands."""
    _require_counsellor(access)
    plan = _locked_plan(access, activity.plan.case, seen_version)
    activity = Activity.objects.get(pk=activity.pk)
    if activity.is_frozen:
        raise ValidationError(_("A finished or cancelled activity cannot be changed."), code="frozen")
    if status not in Activity.Status.values or status == activity.status:
        raise ValidationError({"status": _("Choose a new status for the activity.")})
    activity.status = status
    activity.save()
    _record(
        plan,
        actor,
        access,
        [{"what": "activity_status", "title": activity.title, "status": status}],
        keeps_agreement=True,
    )
    return activity


@transaction.atomic
def proposal_submit(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    measure_type: str,
    text: str,
    language: str,
    activity: Activity | None = None,
    offer_id: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> Proposal:
    """The participant proposes an activity or a change; the counsellor must answer by the deadline (§ 42)."""
    if not access.is_self:
        raise ValidationError(_("Only the participant sends proposals here."), code="not_participant")
    if not text.strip():
        raise ValidationError({"text": _("Write what you propose and why.")})
    rate_limit_check("proposal", Proposal.objects.filter(submitted_by=actor), "submitted_at")
    plan = _locked_plan(access, case, None)
    if activity is not None and activity.plan_id != plan.pk:
        raise ValidationError({"activity": _("Choose one of your plan's activities.")})
    today = today or timezone.localdate()
    answer_days = plan_rules(access.participant.office_id, on=today).proposal_answer_days
    proposal = Proposal(
        plan=plan,
        kind=Proposal.Kind.CHANGE if activity else Proposal.Kind.NEW_ACTIVITY,
        activity=activity,
        measure_type=activity.measure_type if activity else measure_type,
        offer_id=offer_id,
        text=text.strip(),
        language=language,
        submitted_by=actor,
        answer_due=today + datetime.timedelta(days=answer_days),
    )
    proposal.full_clean()
    proposal.save()
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=PROPOSAL, object_id=str(proposal.pk))
    return proposal


@transaction.atomic
def proposal_answer(
    *,
    actor: User,
    access: ParticipantAccess,
    proposal: Proposal,
    seen_version: int,
    answer: str,
    reason: str,
    activity_fields: dict[str, Any] | None = None,
) -> Proposal:
    """Accept, accept with changes, or decline with a written reason (§ 42; E1). Accepting a new activity
    puts it in the plan as the participant's; accepting a change applies it to the activity."""
    _require_counsellor(access)
    proposal = lock_version(
        Proposal.objects, seen_version=seen_version, submitted={"status": answer, "answer": reason}, pk=proposal.pk
    )
    if proposal.status != Proposal.Status.OPEN:
        raise ValidationError(_("This proposal has already been answered."), code="answered")
    if answer not in {Proposal.Status.ACCEPTED, Proposal.Status.ACCEPTED_WITH_CHANGES, Proposal.Status.DECLINED}:
        raise ValidationError({"answer": _("Choose accept, accept with changes or decline.")})
    if answer != Proposal.Status.ACCEPTED and not reason.strip():
        message = (
            _("Explain why you decline: the participant will read it.")
            if answer == Proposal.Status.DECLINED
            else _("Explain what you changed and why: the participant will read it.")
        )
        raise ValidationError({"reason": message})
    plan = Plan.objects.get(pk=proposal.plan_id)
    if answer != Proposal.Status.DECLINED:
        fields = dict(activity_fields or {})
        if proposal.activity is not None:
            proposal.resulting_activity = activity_update(
                actor=actor, access=access, activity=proposal.activity, seen_version=plan.version, **fields
            )
        else:
            fields.setdefault("measure_type", proposal.measure_type)
            fields.setdefault("offer", proposal.offer)
            proposal.resulting_activity = activity_add(
                actor=actor,
                access=access,
                case=plan.case,
                seen_version=plan.version,
                origin=Origin.PARTICIPANT,
                **fields,
            )
    proposal.status = answer
    proposal.answer = reason.strip()
    proposal.answered_by = actor
    proposal.answered_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=PROPOSAL, object_id=str(proposal.pk))
    return proposal


@transaction.atomic
def plan_confirm(*, actor: User, access: ParticipantAccess, case: Case, seen_version: int) -> Plan:
    """One party confirms the plan as it now is; when both have confirmed the same version, it is agreed."""
    _require_party(access)
    plan = _locked_plan(access, case, seen_version)
    if (
        not plan.goals.filter(removed=False).exists()
        or not plan.activities.exclude(status=Activity.Status.CANCELLED).exists()
    ):
        raise ValidationError(_("A plan needs at least one goal and one activity before it can be agreed."))
    version = plan.versions.get(number=plan.version)
    now = timezone.now()
    if access.is_self:
        version.participant_confirmed_at = now
    else:
        version.counsellor_confirmed_at, version.counsellor_confirmed_by = now, actor
    version.save()
    if version.participant_confirmed_at and version.counsellor_confirmed_at:
        plan.agreed_version = plan.version
        plan.save()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=PLAN, object_id=str(plan.pk))
    return plan
