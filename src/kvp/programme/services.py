from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.versioning import lock_version
from kvp.parameters.selectors import rules_for
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.models import Participant
from kvp.programme.aftercare import aftercare_schedule_for_case
from kvp.programme.audit_types import CASE
from kvp.programme.models import STATUS_LABELS, Case, CaseEvent
from kvp.programme.signals import case_ended_for_aftercare
from kvp.rules import duration
from kvp.rules.aftercare import AFTERCARE_END_REASONS
from kvp.rules.case_status import (
    OPEN_STATUSES,
    STOP_REASONS,
    CaseStatus,
    EndReason,
    TransitionProblem,
    transition_problem,
)

TRANSITION_MESSAGES = {
    TransitionProblem.NOT_ALLOWED: gettext_lazy("A case with status “%(current)s” cannot become “%(target)s”."),
    TransitionProblem.END_REASON_MISSING: gettext_lazy("Choose why the case ends."),
    TransitionProblem.END_REASON_NOT_ALLOWED: gettext_lazy(
        "Before the programme has started, a case can only end because the application was withdrawn, "
        "the person moved or died."
    ),
    TransitionProblem.END_REASON_UNEXPECTED: gettext_lazy("An end reason is only given when the case ends."),
}


@transaction.atomic
def case_create(*, actor: User, access: ParticipantAccess, applied_on: datetime.date) -> Case:
    """Register an application (søknad) received at the office."""
    access.require_write()
    if applied_on > timezone.localdate():
        raise ValidationError({"applied_on": _("The application date cannot be in the future.")}, code="future")
    participant = access.participant
    if participant.cases.filter(status__in=[s.value for s in OPEN_STATUSES]).exists():
        raise ValidationError(
            _("The participant already has an open case. End it before registering a new application."),
            code="open_case",
        )
    case = Case(participant=participant, applied_on=applied_on, received_by=actor)
    case.full_clean()
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError as exc:  # a concurrent registration won the race
        raise ValidationError(_("The participant already has an open case."), code="open_case") from exc
    CaseEvent.objects.create(case=case, actor=actor, to_status=CaseStatus.APPLIED)
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CASE, object_id=str(case.pk))
    return case


@transaction.atomic
def case_transition(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    target: CaseStatus,
    effective_on: datetime.date,
    expected_version: int,
    period_end: datetime.date | None = None,
    end_reason: EndReason | None = None,
    comment: str = "",
) -> Case:
    """Move a case to `target`, recording dates, the reason and who did it."""
    access.require_write()
    if target is CaseStatus.ENDED and end_reason in STOP_REASONS:
        raise ValidationError(
            _("Stopping a programme is a decision that needs a second approver: make a stop decision on the case."),
            code="stop_needs_decision",
        )
    return move_case(
        actor=actor,
        access=access,
        case=case,
        target=target,
        effective_on=effective_on,
        expected_version=expected_version,
        period_end=period_end,
        end_reason=end_reason,
        comment=comment,
    )


@transaction.atomic
def move_case(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    target: CaseStatus,
    effective_on: datetime.date,
    expected_version: int,
    period_end: datetime.date | None = None,
    end_reason: EndReason | None = None,
    comment: str = "",
) -> Case:
    """The transition itself. Callers decide who may make it: case_transition lets the counsellor,
    decision_approve the second approver."""
    case = lock_version(Case.objects, seen_version=expected_version, pk=case.pk, participant=access.participant)
    current = case.status_enum
    problem = transition_problem(current=current, target=target, end_reason=end_reason)
    if problem is not None:
        raise ValidationError(
            str(TRANSITION_MESSAGES[problem]) % {"current": STATUS_LABELS[current], "target": STATUS_LABELS[target]},
            code=problem.value,
        )
    _apply_dates(case, target=target, effective_on=effective_on, period_end=period_end, comment=comment)
    case.status = target
    case.end_reason = end_reason.value if end_reason else ""
    case.full_clean()
    case.save()
    CaseEvent.objects.create(case=case, actor=actor, from_status=current, to_status=target, comment=comment)
    if target is CaseStatus.ENDED and end_reason in AFTER_CARE_REASONS:
        case_ended_for_aftercare.send(sender=Case, case=case, actor=actor, ended_on=effective_on)
        aftercare_schedule_for_case(case)
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(case.pk))
    return case


# Follow-up after the programme: at 3, 6 and 12 months (E16), for everyone who took part and did not
# move or die; the months are rule parameters (kvp.rules.aftercare.AftercareRules).
AFTER_CARE_REASONS = AFTERCARE_END_REASONS


def age_limit_problems(participant: Participant, ends_on: datetime.date, *, on: datetime.date) -> list[str]:
    """A programme ends at the latest the day before the age limit (working age, sotjl. § 29; S1, S2 [U])."""
    rules = rules_for(participant.office_id, on=on).benefit
    last = rules.last_paid_day(participant.birth_date)
    if ends_on <= last:
        return []
    return [
        _("The programme can last at most until %(date)s, the day before the participant turns %(age)s.")
        % {"date": f"{last:%d.%m.%Y}", "age": rules.age_limit}
    ]


def _check_extension(case: Case, *, period_end: datetime.date | None, special_reason: str) -> None:
    """A later end: within the ordinary maximum no special reason is needed; beyond it an extension needs
    one and stays within the absolute maximum (the duration rule, S1, S14). Interruption days move both
    maximums when the rule says they do not count."""
    if period_end is None or case.ends_on is None or case.starts_on is None or period_end <= case.ends_on:
        raise ValidationError(
            {"period_end": _("An extension needs a new end date after the current one.")}, code="period"
        )
    # The extension is decided today, under the rules in force today.
    today = timezone.localdate()
    rules = rules_for(case.participant.office_id, on=today).duration
    regime = duration.regime_for(decision_date=case.decided_on or case.starts_on, rules=rules)
    problems = duration.check_prolongation(
        start=case.starts_on, current_end=case.ends_on, new_end=period_end, special_reason=special_reason,
        regime=regime, interruptions=interruption_days(case, until=today), rules=rules,
    )  # fmt: skip
    messages = age_limit_problems(case.participant, period_end, on=today)
    if duration.ExtensionProblem.NO_SPECIAL_REASON in problems:
        messages.append(
            _("Beyond %(years)s years the programme is extended only for special reasons: write them in the comment.")
            % {"years": rules.ordinary_years(regime)}
        )
    if {duration.ExtensionProblem.BEYOND_MAXIMUM, duration.ExtensionProblem.EXTENSION_TOO_LONG} & set(problems):
        years = rules.ordinary_years(regime) + rules.extension_years(regime)
        messages.append(_("With the extension, the programme can last at most %(years)s years.") % {"years": years})
    if messages:
        raise ValidationError(messages, code="extension")


def interruption_days(case: Case, *, until: datetime.date) -> list[duration.Interruption]:
    """The case's interruptions as the duration rule counts them; an open one counts up to `until`, the days
    known so far."""
    return [
        (item.starts_on, item.ends_on or until)
        for item in case.interruptions.all()
        if item.ends_on is not None or item.starts_on <= until
    ]


def _apply_dates(
    case: Case,
    *,
    target: CaseStatus,
    effective_on: datetime.date,
    period_end: datetime.date | None,
    comment: str,
) -> None:
    """Dates must follow each other: application ≤ decision ≤ start ≤ end."""
    if effective_on < case.applied_on:
        raise ValidationError(
            {
                "effective_on": _("The date cannot be before the application date (%(date)s).")
                % {"date": f"{case.applied_on:%d.%m.%Y}"}
            },
            code="before_application",
        )
    if target in {CaseStatus.GRANTED, CaseStatus.REFUSED}:
        case.decided_on = effective_on
    if target is CaseStatus.GRANTED:
        if period_end is None or period_end <= effective_on:
            raise ValidationError(
                {"period_end": _("A grant needs a programme end date after the decision date.")}, code="period"
            )
        case.ends_on = period_end
    if target is CaseStatus.ACTIVE:
        if case.decided_on and effective_on < case.decided_on:
            raise ValidationError(
                {"effective_on": _("The programme cannot start before the decision date.")}, code="before_decision"
            )
        if case.ends_on and effective_on >= case.ends_on:
            raise ValidationError(
                {"effective_on": _("The programme must start before its end date.")}, code="after_end"
            )
        case.starts_on = effective_on
    if target is CaseStatus.EXTENDED:
        _check_extension(case, period_end=period_end, special_reason=comment)
        case.ends_on = period_end
    if target is CaseStatus.ENDED:
        if case.starts_on and effective_on < case.starts_on:
            raise ValidationError(
                {"effective_on": _("The case cannot end before the programme started.")}, code="before_start"
            )
        case.ended_on = effective_on
