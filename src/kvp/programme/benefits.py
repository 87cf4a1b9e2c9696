"""Absence registration and the benefit statement for a payment period, from the case's own data."""

from __future__ import annotations

import datetime
from decimal import Decimal
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.formatting import kroner
from kvp.parameters.selectors import read_once, rules_by_span, rules_for
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.programme.audit_types import CASE
from kvp.programme.decisions import decision_snapshot
from kvp.programme.letters import deduction_reasons
from kvp.programme.models import Absence, Case, Child, Decision, Interruption, OtherIncome, Payment
from kvp.programme.selectors import rate_table
from kvp.rules import absence as absence_rules
from kvp.rules import benefit, payments
from kvp.rules.access import Basis
from kvp.rules.case_status import CaseStatus

RUNNING = {CaseStatus.ACTIVE, CaseStatus.EXTENDED, CaseStatus.ENDED}


def programme_span(case: Case) -> benefit.Span | None:
    """The days the programme ran or runs: from the start to the end, or to the day it ended."""
    if case.status_enum not in RUNNING or case.starts_on is None or case.ends_on is None:
        return None
    return benefit.Span(case.starts_on, min(case.ends_on, case.ended_on or case.ends_on))


def payment_periods(case: Case) -> list[benefit.Span]:
    span = programme_span(case)
    if span is None:
        return []
    office = case.participant.office
    return payments.payment_periods(
        schedule=payments.Schedule(office.payment_schedule), start=span.start, end=span.end,
        anchor=office.payment_anchor,
    )  # fmt: skip


def assessed_absences(case: Case) -> list[tuple[Absence, absence_rules.Assessment]]:
    """Each absence judged by the rules in force at the participant's office on its first day."""
    office_id = case.participant.office_id
    return [
        (item, absence_rules.assess_absence(as_rule(item), rules_for(office_id, on=item.starts_on).absence))
        for item in case.absences.all()
    ]


def as_rule(item: Absence) -> absence_rules.Absence:
    return absence_rules.Absence(
        start=item.starts_on,
        end=item.ends_on,
        kind=absence_rules.AbsenceKind(item.kind),
        documentation=absence_rules.Documentation(item.documentation),
    )


def interruption_spans(case: Case) -> list[benefit.Span]:
    """Interruptions as date spans; an open one lasts to the programme's end."""
    last = case.ends_on or datetime.date.max
    return [benefit.Span(item.starts_on, item.ends_on or last) for item in case.interruptions.all()]


def latest_grant(case: Case) -> Decision | None:
    return case.decisions.filter(kind=Decision.Kind.GRANT, status=Decision.Status.APPROVED).first()


def deductions_reserved(case: Case) -> bool:
    """Whether the latest grant reserved deductions, so that a deduction carries it out (S4). Without a
    recorded grant (a case registered before KVP) no reservation is known, and a reservation that cannot be
    shown was not made: each deduction is then a decision of its own, with advance notice (fvl. § 16)."""
    grant = latest_grant(case)
    return grant is not None and grant.reserve_deduction


def deduction_applies(case: Case, item: Absence) -> bool:
    """Unexcused days are withheld when the grant reserved it, or once the deduction has been decided."""
    return deductions_reserved(case) or item.deduction_decided_on is not None


def incomes_above_work_limit(case: Case) -> list[tuple[OtherIncome, Decimal]]:
    """Paid work beyond the share of a full-time week that can be combined with the programme, each with that
    share in per cent (S4; by the rules on the day the work starts). Apprentice pay is left out: an
    apprenticeship can be part of the programme itself (S1)."""
    office_id = case.participant.office_id
    found = []
    for item in case.other_incomes.all():
        if item.kind != benefit.IncomeKind.WORK_INCOME or item.hours_per_week is None:
            continue
        rules = rules_for(office_id, on=item.starts_on)
        if benefit.exceeds_work_limit(item.hours_per_week, rules.benefit, rules.plan.full_time_hours):
            found.append((item, (rules.benefit.work_limit_share * 100).normalize()))
    return found


@read_once()
def benefit_for_period(case: Case, period: benefit.Span) -> benefit.Statement:
    """The statement a participant sees: one line per change of rates, every amount explained. Each day is
    paid by the rule parameters in force that day at the participant's office, so a later change of a
    parameter never alters an earlier period, and a period across a change has lines on both sides of it."""
    participant = case.participant
    grant = latest_grant(case)
    person = benefit.Person(
        birth_date=participant.birth_date,
        children=tuple(
            benefit.Child(child.birth_date, child.income_above_base_amount) for child in participant.children.all()
        ),
        full_rate_under_25=grant is not None and grant.full_rate_under_25,
    )
    rates = rate_table()
    interruptions = interruption_spans(case)
    deductions = absence_rules.deduction_days(
        [assessment for item, assessment in assessed_absences(case) if deduction_applies(case, item)]
    )
    other_income = [
        benefit.OtherIncome(
            benefit.IncomeKind(item.kind), item.starts_on, item.ends_on, item.per_weekday_ore, item.hours_per_week
        )
        for item in case.other_incomes.all()
    ]
    parts = [
        benefit.benefit_statement(
            person=person, start=start, end=end, rates=rates, parameters=rules.benefit, interruptions=interruptions,
            deductions=deductions, other_income=other_income, full_time_hours=rules.plan.full_time_hours,
        )
        for start, end, rules in rules_by_span(participant.office_id, start=period.start, end=period.end)
    ]  # fmt: skip
    return benefit.Statement(
        start=period.start,
        end=period.end,
        lines=tuple(line for part in parts for line in part.lines),
        not_reducing=parts[0].not_reducing,
    )


@transaction.atomic
def absence_register(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    starts_on: datetime.date,
    ends_on: datetime.date,
    kind: str,
    documentation: str,
) -> Absence:
    """Register absence within the programme period; the rules say whether it is valid."""
    access.require_write()
    span = programme_span(case)
    if span is None:
        raise ValidationError(_("Absence is registered while the programme runs."), code="not_running")
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The absence cannot end before it starts.")})
    if starts_on < span.start or ends_on > span.end:
        raise ValidationError(
            _("The absence must be within the programme period, %(start)s to %(end)s.")
            % {"start": f"{span.start:%d.%m.%Y}", "end": f"{span.end:%d.%m.%Y}"},
            code="outside",
        )
    item = Absence.objects.create(
        case=case, starts_on=starts_on, ends_on=ends_on, kind=kind, documentation=documentation, registered_by=actor
    )
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CASE, object_id=str(case.pk))
    return item


@transaction.atomic
def child_add(*, actor: User, access: ParticipantAccess, case: Case, birth_date: datetime.date,
              income_above_base_amount: bool) -> Child:  # fmt: skip
    """Record a child the participant provides for (for the child supplement)."""
    access.require_write()
    if birth_date > timezone.localdate():
        raise ValidationError({"birth_date": _("The birth date cannot be in the future.")})
    child = Child.objects.create(
        participant=case.participant, birth_date=birth_date, income_above_base_amount=income_above_base_amount
    )
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CASE, object_id=str(case.pk))
    return child


@transaction.atomic
def other_income_add(*, actor: User, access: ParticipantAccess, case: Case, kind: str, starts_on: datetime.date,
                     ends_on: datetime.date, per_weekday_kroner: Decimal,
                     hours_per_week: Decimal | None = None) -> OtherIncome:  # fmt: skip
    """Record another benefit or income; the rules decide whether and how it reduces the benefit (§ 38 for other
    benefits; NAV's guidance for work, S3, S4). Where work reduces by the hours, the hours are required."""
    access.require_write()
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The period cannot end before it starts.")})
    if per_weekday_kroner < 0:
        raise ValidationError({"per_weekday_kroner": _("The amount cannot be negative.")})
    work = benefit.IncomeKind(kind) in benefit.WORK_KINDS
    method = rules_for(case.participant.office_id, on=starts_on).benefit.work_income_method
    if work and hours_per_week is None and method is benefit.WorkIncomeMethod.HOURS_WORKED:
        raise ValidationError(
            {"hours_per_week": _("Give the hours worked a week: work reduces the benefit by the hours worked.")}
        )
    income = OtherIncome.objects.create(
        case=case, kind=kind, starts_on=starts_on, ends_on=ends_on, per_weekday_ore=int(per_weekday_kroner * 100),
        hours_per_week=hours_per_week if work else None,
    )  # fmt: skip
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CASE, object_id=str(case.pk))
    return income


@transaction.atomic
def interruption_register(*, actor: User, access: ParticipantAccess, case: Case, starts_on: datetime.date,
                          ends_on: datetime.date | None, reason: str) -> Interruption:  # fmt: skip
    """Interrupt a running programme for a time (avbrudd): no benefit meanwhile (S3)."""
    access.require_write()
    span = programme_span(case)
    if span is None or case.status_enum is CaseStatus.ENDED:
        raise ValidationError(_("Only a running programme can be interrupted."), code="not_running")
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The interruption cannot end before it starts.")})
    if starts_on < span.start or (ends_on or starts_on) > span.end:
        raise ValidationError(
            _("The interruption must be within the programme period, %(start)s to %(end)s.")
            % {"start": f"{span.start:%d.%m.%Y}", "end": f"{span.end:%d.%m.%Y}"},
            code="outside",
        )
    new = benefit.Span(starts_on, ends_on or span.end)
    if any(new.start <= other.end and other.start <= new.end for other in interruption_spans(case)):
        raise ValidationError(_("The programme is already interrupted in this period."), code="overlap")
    item = Interruption.objects.create(
        case=case, starts_on=starts_on, ends_on=ends_on, reason=reason.strip(), registered_by=actor
    )
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CASE, object_id=str(case.pk))
    return item


@transaction.atomic
def attendance_register_week(
    *, actor: User, access: ParticipantAccess, case: Case, week_start: datetime.date, **days: str
) -> list[Absence]:
    """Register a week's attendance: each run of days with the same absence becomes one registration.
    Days with an earlier registration, and future days other than granted leave, are refused."""
    access.require_write()
    today = timezone.localdate()
    taken = {day for item in case.absences.all() for day in benefit.weekdays(item.starts_on, item.ends_on)}
    marked = [(week_start + datetime.timedelta(days=n), days[f"day_{n}"]) for n in range(5)]
    for day, code in marked:
        if code == "present":
            continue
        if day in taken:
            raise ValidationError(_("Absence is already registered on %(day)s.") % {"day": f"{day:%d.%m.%Y}"})
        if day > today and code != "leave:leave_granted":
            raise ValidationError(_("Only granted leave can be registered ahead of time."))
    registered = []
    for code, run in groupby(marked, key=lambda item: item[1]):
        if code == "present":
            continue
        run_days = [day for day, _code in run]
        kind, documentation = code.split(":")
        registered.append(
            absence_register(
                actor=actor,
                access=access,
                case=case,
                starts_on=run_days[0],
                ends_on=run_days[-1],
                kind=kind,
                documentation=documentation,
            )
        )
    return registered


@transaction.atomic
def absence_respond(*, actor: User, access: ParticipantAccess, absence: Absence, text: str) -> Absence:
    """The participant answers an absence registration (their right to be heard, fvl. § 16)."""
    if access.basis is not Basis.SELF:
        raise ValidationError(_("Only the participant can answer here."))
    if not text.strip():
        raise ValidationError({"text": _("Write your answer.")})
    absence.participant_response = text.strip()
    absence.responded_at = timezone.now()
    absence.save(update_fields=["participant_response", "responded_at"])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE,
                 object_id=str(absence.case_id))  # fmt: skip
    return absence


@transaction.atomic
def deduction_decide(*, actor: User, access: ParticipantAccess, absence: Absence) -> Absence:
    """Decide the deduction for an unexcused absence when the grant did not reserve it: a new,
    appealable decision (S4), made only after the participant could answer (fvl. § 16)."""
    access.require_write()
    case = absence.case
    if deductions_reserved(case):
        raise ValidationError(_("The grant reserved deductions: this deduction needs no decision of its own."))
    if absence.deduction_decided_on is not None:
        raise ValidationError(_("The deduction is already decided."))
    office_id = case.participant.office_id
    assessment = absence_rules.assess_absence(as_rule(absence), rules_for(office_id, on=absence.starts_on).absence)
    if not assessment.unexcused_days:
        raise ValidationError(_("This absence is valid: there is nothing to deduct."))
    answer_rules = rules_for(office_id, on=timezone.localdate(absence.registered_at)).absence
    if not absence_rules.may_decide_deduction(
        registered_on=timezone.localdate(absence.registered_at), answered=bool(absence.participant_response),
        today=timezone.localdate(), parameters=answer_rules,
    ):  # fmt: skip
        raise ValidationError(
            _("The participant has %(days)s days to answer the registration before the deduction is decided.")
            % {"days": answer_rules.response_days}
        )
    days = assessment.unexcused_days
    span = benefit.Span(days[0], days[-1])
    before = benefit_for_period(case, span).total_ore
    absence.deduction_decided_on = timezone.localdate()
    absence.deduction_decided_by = actor
    absence.save(update_fields=["deduction_decided_on", "deduction_decided_by"])
    withheld = before - benefit_for_period(case, span).total_ore
    language = "nn" if case.participant.preferred_language == "nn" else "nb"
    decision = Decision(
        case=case, kind=Decision.Kind.DEDUCTION, status=Decision.Status.APPROVED, language=language,
        reasons=deduction_reasons(language, list(days)),
        made_by=actor, decided_on=absence.deduction_decided_on, snapshot={},
    )  # fmt: skip
    decision.snapshot = decision_snapshot(
        decision, case=case, participant=case.participant, made_by=actor, approved_by=None, review_result=None
    ) | {"deduction_days": len(days), "withheld_display": kroner(withheld)}
    decision.save()
    absence.deduction_decision = decision
    absence.save(update_fields=["deduction_decision"])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(case.pk))
    return absence


@transaction.atomic
def payment_approve(*, actor: User, access: ParticipantAccess, case: Case, period: benefit.Span) -> Payment:
    """Approve the payment for a period that has ended, in order. Earlier periods are recalculated: an
    increase is paid back now, a decrease becomes an overpayment offset from this and later payments."""
    access.require_write()
    case = Case.objects.select_for_update().get(pk=case.pk)
    approved = list(case.payments.order_by("period_start"))
    open_periods = [item for item in payment_periods(case) if item.start not in {p.period_start for p in approved}]
    if not open_periods or open_periods[0] != period:
        raise ValidationError(_("Approve the payment periods in order, the earliest first."), code="order")
    if period.end >= timezone.localdate():
        raise ValidationError(_("The benefit is paid in arrears: approve the period after it has ended."))
    statement = benefit_for_period(case, period)
    difference = 0
    for earlier in approved:
        now = benefit_for_period(case, benefit.Span(earlier.period_start, earlier.period_end)).total_ore
        difference += now - earlier.settled_ore
        if now != earlier.settled_ore:
            earlier.settled_ore = now
            earlier.save(update_fields=["settled_ore"])
    back_pay = max(difference, 0)
    owed = (approved[-1].overpayment_left_ore if approved else 0) + max(-difference, 0)
    offset = payments.offset_overpayment(
        due_ore=statement.total_ore + back_pay, overpaid_ore=owed,
        max_share=rules_for(case.participant.office_id, on=timezone.localdate()).payments.max_offset_share,
    )  # fmt: skip
    payment = Payment.objects.create(
        case=case, period_start=period.start, period_end=period.end, gross_ore=statement.total_ore,
        back_pay_ore=back_pay, offset_ore=offset.offset_ore, net_ore=offset.paid_ore,
        overpayment_left_ore=offset.remaining_overpayment_ore, settled_ore=statement.total_ore,
        lines=[{"start": line.start.isoformat(), "end": line.end.isoformat(), "weekdays": line.weekdays,
                "amount_ore": line.amount_ore} for line in statement.lines],
        approved_by=actor,
    )  # fmt: skip
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=CASE, object_id=str(case.pk))
    return payment
