"""Appeals (klage) and interim notices (foreløpig svar): the deadlines of forvaltningsloven."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.programme.audit_types import CASE
from kvp.programme.models import Appeal, Case, Decision
from kvp.rules.deadlines import appeal_deadline, interim_notice_due, needs_interim_notice


def interim_notice_status(case: Case) -> datetime.date | None:
    """The due date if the case needs an interim notice now (fvl. § 11 a), else None."""
    decided = case.decided_on is not None
    sent = case.interim_notice_sent_on is not None
    if needs_interim_notice(
        application_received=case.applied_on, today=timezone.localdate(), decided=decided, notice_sent=sent
    ):
        return interim_notice_due(case.applied_on)
    return None


def earliest_appeal_deadline(decision: Decision) -> datetime.date | None:
    """Three weeks from the day the decision could at the earliest have been received (fvl. § 29)."""
    return appeal_deadline(decision.decided_on) if decision.decided_on else None


@transaction.atomic
def interim_notice_record(
    *, actor: User, access: ParticipantAccess, case: Case, reason: str, expected_by: datetime.date
) -> Case:
    """Send the interim notice today: the reason for the delay and when a decision can be expected."""
    access.require_write()
    if case.decided_on is not None:
        raise ValidationError(_("The case is already decided; no interim notice is needed."))
    today = timezone.localdate()
    if expected_by <= today:
        raise ValidationError({"expected_by": _("The expected decision date must be after today.")})
    case.interim_notice_sent_on = today
    case.interim_notice_reason = reason.strip()
    case.interim_expected_by = expected_by
    case.save(update_fields=["interim_notice_sent_on", "interim_notice_reason", "interim_expected_by"])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(case.pk))
    return case


@transaction.atomic
def appeal_register(
    *, actor: User, access: ParticipantAccess, decision: Decision, received_on: datetime.date
) -> Appeal:
    """Register an appeal lodged with the office against a decided decision."""
    access.require_write()
    if decision.status != Decision.Status.APPROVED or decision.decided_on is None:
        raise ValidationError(_("Only a decision that has been made can be appealed."))
    if not decision.decided_on <= received_on <= timezone.localdate():
        raise ValidationError({"received_on": _("The appeal date must be between the decision date and today.")})
    appeal = Appeal.objects.create(decision=decision, received_on=received_on, registered_by=actor)
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(decision.case_id))
    return appeal


@transaction.atomic
def appeal_forward(*, actor: User, access: ParticipantAccess, appeal: Appeal) -> Appeal:
    """The office did not change its decision: the appeal goes on to Statsforvalteren."""
    access.require_write()
    if appeal.status != Appeal.Status.RECEIVED:
        raise ValidationError(_("The appeal has already been sent on."))
    appeal.status = Appeal.Status.FORWARDED
    appeal.forwarded_on = timezone.localdate()
    appeal.save(update_fields=["status", "forwarded_on"])
    audit_access(
        actor,
        access,
        action=AuditEvent.Action.UPDATE,
        what=CASE,
        object_id=str(appeal.decision.case_id),
    )
    return appeal
