"""Services for the eligibility review and decisions (vedtak), with maker-checker for refusals."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.formatting import kroner
from kvp.parameters.selectors import rules_for
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.models import Participant
from kvp.programme.audit_types import CASE
from kvp.programme.models import Case, Decision, EligibilityReview
from kvp.programme.selectors import rate_table
from kvp.programme.services import age_limit_problems, move_case
from kvp.rules import benefit, duration
from kvp.rules.case_status import STOP_REASONS, CaseStatus, EndReason
from kvp.rules.dates import birthday
from kvp.rules.eligibility import Application, EligibilityResult, WorkAbility, assess_eligibility

PERIOD_MESSAGES = {
    duration.PeriodProblem.END_BEFORE_START: gettext_lazy("The programme must start before its end date."),
    duration.PeriodProblem.TOO_LONG: gettext_lazy(
        "The programme can last at most %(years)s years from its start; extend it later if needed."
    ),
}
START_MESSAGES = {
    duration.StartProblem.START_BEFORE_APPLICATION: gettext_lazy("The programme cannot start before the application."),
    duration.StartProblem.START_TOO_LATE: gettext_lazy(
        "The programme should start no later than six months after the application."
    ),
}


def _date(day: datetime.date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


@transaction.atomic
def eligibility_review_create(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    work_ability: str,
    work_ability_assessed_on: datetime.date,
    benefits: list[dict[str, Any]],
    close_follow_up: bool | None,
    lawful_residence: bool | None,
    programme_fit: bool | None,
    note: str = "",
) -> EligibilityReview:
    """Record the § 29 review; the first review of an application marks the case as assessed."""
    access.require_write()
    if case.status_enum not in {CaseStatus.APPLIED, CaseStatus.ASSESSED}:
        raise ValidationError(_("The conditions are reviewed before the decision, while the case is open."))
    if work_ability_assessed_on > timezone.localdate():
        raise ValidationError({"work_ability_assessed_on": _("The assessment date cannot be in the future.")})
    result = assess_eligibility(
        rules=rules_for(case.participant.office_id, on=timezone.localdate()).eligibility,
        application=Application(
            birth_date=case.participant.birth_date,
            application_date=case.applied_on,
            work_ability=WorkAbility(work_ability),
            benefits=tuple((item["kind"], int(item["yearly_ore"])) for item in benefits),
            needs_close_follow_up=close_follow_up,
            lawful_residence_and_abode=lawful_residence,
            programme_fit=programme_fit,
        ),
    )
    review = EligibilityReview.objects.create(
        case=case,
        reviewed_by=actor,
        work_ability=work_ability,
        work_ability_assessed_on=work_ability_assessed_on,
        benefits=benefits,
        close_follow_up=close_follow_up,
        lawful_residence=lawful_residence,
        programme_fit=programme_fit,
        note=note,
        result=result_as_json(result),
    )
    if case.status_enum is CaseStatus.APPLIED:
        effective_on = max(work_ability_assessed_on, case.applied_on)
        move_case(
            actor=actor, access=access, case=case, target=CaseStatus.ASSESSED, effective_on=effective_on,
            expected_version=case.version,
        )  # fmt: skip
    else:
        audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(case.pk))
    return review


def result_as_json(result: EligibilityResult) -> dict[str, Any]:
    return {
        "summary": result.summary.value,
        "conditions": [
            {"condition": item.condition.value, "outcome": item.outcome.value, "reason": item.reason.value}
            for item in result.conditions
        ],
    }


@transaction.atomic
def decision_make(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    kind: str,
    reasons: str,
    language: str = "nb",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    reserve_deduction: bool = True,
    end_reason: str = "",
    full_rate_under_25: bool = False,
    full_rate_reason: str = "",
) -> Decision:
    """Make a decision. A grant takes effect at once; a refusal or a stop waits for a second approver.
    For a stop, `ends_on` is the day the programme stops and `end_reason` why. A grant may give the full
    rate before age 25, with the reason the letter states (S14; legal basis [U])."""
    access.require_write()
    case = Case.objects.select_for_update().get(pk=case.pk)
    stop = kind == Decision.Kind.STOP
    if stop:
        _check_stop(case, stop_on=ends_on, end_reason=end_reason)
    elif case.status_enum is not CaseStatus.ASSESSED:
        raise ValidationError(_("Review the conditions before you decide."), code="not_assessed")
    if case.decisions.filter(status=Decision.Status.AWAITING_APPROVAL).exists():
        raise ValidationError(_("A decision on this case is already waiting for approval."), code="pending")
    review = case.eligibility_reviews.first()
    if not reasons.strip():
        raise ValidationError({"reasons": _("Write the reasons for the decision.")})
    if kind == Decision.Kind.GRANT:
        _check_grant_period(case, starts_on, ends_on)
    full_rate_under_25 = full_rate_under_25 and kind == Decision.Kind.GRANT
    if full_rate_under_25 and not full_rate_reason.strip():
        raise ValidationError({"full_rate_reason": _("Say why the participant gets the full rate before age 25.")})
    decision = Decision(
        case=case,
        kind=kind,
        status=Decision.Status.APPROVED if kind == Decision.Kind.GRANT else Decision.Status.AWAITING_APPROVAL,
        language=language,
        starts_on=starts_on if kind == Decision.Kind.GRANT else None,
        ends_on=ends_on if kind in {Decision.Kind.GRANT, Decision.Kind.STOP} else None,
        end_reason=end_reason if stop else "",
        reasons=reasons.strip(),
        reserve_deduction=reserve_deduction,
        full_rate_under_25=full_rate_under_25,
        full_rate_reason=full_rate_reason.strip() if full_rate_under_25 else "",
        made_by=actor,
        snapshot={},
    )
    if decision.status == Decision.Status.APPROVED:
        decision.decided_on = timezone.localdate()
    decision.snapshot = decision_snapshot(
        decision, case=case, participant=case.participant, made_by=actor, approved_by=None,
        review_result=review.result if review else None,
    ) | (_granted_amount(decision, case.participant) if kind == Decision.Kind.GRANT else {})  # fmt: skip
    decision.full_clean()
    decision.save()
    if decision.status == Decision.Status.APPROVED:
        _take_effect(actor, access, decision)
    else:
        audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(case.pk))
    return decision


@transaction.atomic
def decision_approve(*, actor: User, access: ParticipantAccess, decision: Decision) -> Decision:
    """The second approver (the office leader or an appointed colleague) approves a refusal."""
    decision = Decision.objects.select_for_update().select_related("case").get(pk=decision.pk)
    if not (actor.is_leader or actor.may_approve_decisions) or actor.office_id != decision.case.participant.office_id:
        raise ValidationError(_("Only the office leader or an appointed approver can approve decisions."))
    if decision.made_by_id == actor.pk:
        raise ValidationError(_("The second approver must be someone other than the one who made the decision."))
    if decision.status != Decision.Status.AWAITING_APPROVAL:
        raise ValidationError(_("This decision is already decided."), code="decided")
    decision.status = Decision.Status.APPROVED
    decision.approved_by = actor
    decision.decided_on = timezone.localdate()
    review = decision.case.eligibility_reviews.first()
    decision.snapshot = decision_snapshot(
        decision, case=decision.case, participant=decision.case.participant, made_by=decision.made_by,
        approved_by=actor, review_result=review.result if review else None,
    )  # fmt: skip
    decision.save(update_fields=["status", "approved_by", "decided_on", "snapshot"])
    _take_effect(actor, access, decision)
    return decision


def _check_grant_period(case: Case, starts_on: datetime.date | None, ends_on: datetime.date | None) -> None:
    if starts_on is None or ends_on is None:
        raise ValidationError(_("A grant needs a programme start and end date."), code="period")
    today = timezone.localdate()  # the grant is decided today, under the rules in force today
    rules = rules_for(case.participant.office_id, on=today).duration
    regime = duration.regime_for(decision_date=today, rules=rules)
    problems = duration.check_period(start=starts_on, end=ends_on, regime=regime, rules=rules)
    start_problems = duration.check_start(application_date=case.applied_on, start=starts_on, rules=rules)
    messages = [str(PERIOD_MESSAGES[p]) % {"years": rules.ordinary_years(regime)} for p in problems]
    messages += [str(START_MESSAGES[p]) for p in start_problems]
    messages += age_limit_problems(case.participant, ends_on, on=today)
    if messages:
        raise ValidationError(messages, code="period")


def _check_stop(case: Case, *, stop_on: datetime.date | None, end_reason: str) -> None:
    if case.status_enum not in {CaseStatus.ACTIVE, CaseStatus.EXTENDED}:
        raise ValidationError(_("Only a running programme can be stopped."), code="not_running")
    if end_reason not in STOP_REASONS:
        raise ValidationError({"end_reason": _("Choose why the programme stops.")})
    if stop_on is None or (case.starts_on and stop_on < case.starts_on) or (case.ends_on and stop_on > case.ends_on):
        raise ValidationError({"ends_on": _("The stop date must be within the programme period.")})


def _take_effect(actor: User, access: ParticipantAccess, decision: Decision) -> None:
    case = decision.case
    if decision.kind == Decision.Kind.STOP:
        if decision.ends_on is None:
            raise ValidationError(_("The stop date must be within the programme period."))
        move_case(
            actor=actor, access=access, case=case, target=CaseStatus.ENDED, effective_on=decision.ends_on,
            expected_version=case.version, end_reason=EndReason(decision.end_reason),
            comment=_("Decision %(id)s") % {"id": str(decision.pk)[:8]},
        )  # fmt: skip
        return
    grant = decision.kind == Decision.Kind.GRANT
    move_case(
        actor=actor,
        access=access,
        case=case,
        target=CaseStatus.GRANTED if grant else CaseStatus.REFUSED,
        effective_on=decision.decided_on or timezone.localdate(),
        expected_version=case.version,
        period_end=decision.ends_on,
        comment=_("Decision %(id)s") % {"id": str(decision.pk)[:8]},
    )


def decision_snapshot(
    decision: Decision,
    *,
    case: Case,
    participant: Participant,
    made_by: User,
    approved_by: User | None,
    review_result: dict[str, Any] | None,
) -> dict[str, Any]:
    """What the decision rests on, kept as it was: the letter is produced from this alone."""
    return {
        "kind": decision.kind,
        "language": decision.language,
        "participant": participant.full_name,
        "national_id": participant.national_id,
        "office": participant.office.name,
        "applied_on_display": _date(case.applied_on),
        "starts_on_display": _date(decision.starts_on),
        "ends_on_display": _date(decision.ends_on),
        "decided_on_display": _date(decision.decided_on),
        "reasons": decision.reasons,
        "end_reason": decision.end_reason,
        "reserve_deduction": decision.reserve_deduction,
        "full_rate_under_25": decision.full_rate_under_25,
        "full_rate_reason": decision.full_rate_reason,
        "made_by": made_by.get_full_name(),
        "approved_by": approved_by.get_full_name() if approved_by else "",
        "eligibility": review_result,
    }


def _granted_amount(decision: Decision, participant: Participant) -> dict[str, str]:
    """The benefit at the programme's start, for the grant letter: the yearly amount before tax and the day's
    (sotjl. § 35; S2, S7). Left out when no rate is known yet for that day."""
    start = decision.starts_on
    if start is None:
        return {}
    parameters = rules_for(participant.office_id, on=start).benefit
    full_rate = decision.full_rate_under_25 or start >= birthday(participant.birth_date, parameters.full_rate_age)
    try:
        yearly = benefit.yearly_rate(rates=rate_table(), day=start, full_rate=full_rate, parameters=parameters)
    except benefit.UnknownRateDateError:
        return {}
    yearly_ore = int((yearly * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return {
        "yearly_amount_display": kroner(yearly_ore),
        "daily_amount_display": kroner(benefit.daily_rate_ore(yearly, parameters)),
    }
