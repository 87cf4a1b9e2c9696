"""After-care (E16): follow-ups at 3, 6 and 12 months after the programme ends, scheduled when a case
ends and by the daily job, and the counsellor's record of the person's situation."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.versioning import lock_version
from kvp.parameters.selectors import OfficeRef, read_once, rules_everywhere, rules_for
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.models import Participant
from kvp.programme.audit_types import AFTERCARE
from kvp.programme.models import AftercareContact, AftercareFollowUp, Case
from kvp.rules import aftercare
from kvp.rules.aftercare import AftercareRules, Benefit, Channel, RecordProblem, Situation
from kvp.rules.case_status import CaseStatus, EndReason
from kvp.rules.dates import add_months


def aftercare_rules(office: OfficeRef, *, on: datetime.date) -> AftercareRules:
    return rules_for(office, on=on).aftercare


def _rules_at_end(case: Case) -> AftercareRules:
    """A case's follow-ups are scheduled by the rules in force at its office the day it ended."""
    return aftercare_rules(case.participant.office_id, on=case.ended_on or timezone.localdate())


def _missing_for(case: Case, rules: AftercareRules, existing: set[int]) -> list[AftercareFollowUp]:
    if case.ended_on is None or not case.end_reason:
        return []
    if not aftercare.needs_aftercare(EndReason(case.end_reason), started=case.starts_on is not None):
        return []
    return [
        AftercareFollowUp(case=case, months=months, due_on=due_on)
        for months, due_on in aftercare.due_dates(case.ended_on, rules)
        if months not in existing
    ]


def aftercare_schedule_for_case(case: Case) -> int:
    """Create the follow-ups an ended case is missing; returns how many were created. Called when a case
    ends (kvp.programme.services.move_case)."""
    existing = set(case.aftercare_followups.values_list("months", flat=True))
    missing = _missing_for(case, _rules_at_end(case), existing)
    AftercareFollowUp.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


@read_once()
@transaction.atomic
def schedule_aftercare(today: datetime.date) -> int:
    """The daily job: create any follow-up missing for cases that ended on or before `today` and whose last
    follow-up is not yet past. Idempotent: a second run the same day creates nothing. Returns how many."""
    if not isinstance(today, datetime.date) or isinstance(today, datetime.datetime):
        raise TypeError("today must be a date")
    # Cases whose last follow-up may still be ahead, by the longest wait any office has today.
    longest = max(rules.aftercare.third_months for rules in rules_everywhere(on=today))
    earliest_end = add_months(today, -longest)
    cases = list(
        Case.objects.select_related("participant").filter(
            status=CaseStatus.ENDED,
            ended_on__gte=earliest_end,
            ended_on__lte=today,
            starts_on__isnull=False,
            end_reason__in=sorted(reason.value for reason in aftercare.AFTERCARE_END_REASONS),
        )
    )
    existing: dict[object, set[int]] = {}
    for case_id, months in AftercareFollowUp.objects.filter(case__in=cases).values_list("case_id", "months"):
        existing.setdefault(case_id, set()).add(months)
    missing = [item for case in cases for item in _missing_for(case, _rules_at_end(case), existing.get(case.pk, set()))]
    AftercareFollowUp.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def followups_shown_to(user: User, today: datetime.date) -> QuerySet[AftercareFollowUp]:
    """Open follow-ups of the counsellor's own participants that should be done now (the worklist)."""
    if user.office_id is None:
        return AftercareFollowUp.objects.none()
    rules = aftercare_rules(user.office_id, on=today)
    soon = today + datetime.timedelta(days=rules.shown_days_before)
    return (
        AftercareFollowUp.objects.filter(
            status=AftercareFollowUp.Status.OPEN,
            case__participant__counsellor=user,
            case__participant__office_id=user.office_id,
        )
        .filter(Q(retry_on__isnull=True, due_on__lte=soon) | Q(retry_on__lte=today))
        .select_related("case__participant")
        .order_by("due_on", "months")
    )


def followups_of(participant: Participant) -> list[AftercareFollowUp]:
    return list(
        AftercareFollowUp.objects.filter(case__participant=participant)
        .select_related("case")
        .prefetch_related("contacts")
        .order_by("due_on", "months")
    )


@transaction.atomic
def aftercare_record(
    *,
    actor: User,
    access: ParticipantAccess,
    follow_up: AftercareFollowUp,
    contacted_on: datetime.date,
    channel: Channel,
    situation: Situation,
    benefit: Benefit | None,
    note: str,
    expected_version: int,
) -> AftercareContact:
    """Record an attempt to follow a person up. A reached person completes the follow-up; "not reached"
    keeps it open and sets the day to try again."""
    access.require_write()
    try:
        follow_up = lock_version(
            AftercareFollowUp.objects.select_related("case"),
            seen_version=expected_version,
            pk=follow_up.pk,
            case__participant=access.participant,
        )
    except AftercareFollowUp.DoesNotExist:
        raise ValidationError(_("This follow-up does not belong to the participant."), code="not_found") from None
    ended_on = follow_up.case.ended_on or follow_up.due_on  # follow-ups exist only for ended cases
    problems = aftercare.record_problems(
        contacted_on=contacted_on,
        today=timezone.localdate(),
        ended_on=ended_on,
        situation=situation,
        benefit=benefit,
        done=follow_up.status == AftercareFollowUp.Status.DONE,
    )
    if problems:
        field = {
            RecordProblem.FUTURE: "contacted_on",
            RecordProblem.BEFORE_END: "contacted_on",
            RecordProblem.BENEFIT_MISSING: "benefit",
            RecordProblem.BENEFIT_UNEXPECTED: "benefit",
            RecordProblem.ALREADY_DONE: "__all__",
        }
        errors: dict[str, list[ValidationError]] = {}
        for problem in problems:
            errors.setdefault(field[problem], []).append(
                ValidationError(_(aftercare.RECORD_MESSAGES[problem]), code=problem.value)
            )
        raise ValidationError(errors)
    contact = AftercareContact(
        follow_up=follow_up,
        contacted_on=contacted_on,
        channel=channel.value,
        situation=situation.value,
        benefit=benefit.value if benefit else "",
        note=note.strip(),
        recorded_by=actor,
    )
    contact.full_clean()
    contact.save()
    follow_up.attempts += 1
    follow_up.situation = situation.value
    rules = aftercare_rules(access.participant.office_id, on=contacted_on)
    if aftercare.is_settled(situation, follow_up.attempts, rules):
        follow_up.status = AftercareFollowUp.Status.DONE
        follow_up.retry_on = None
    else:
        follow_up.retry_on = aftercare.retry_on(contacted_on, rules)
    follow_up.save(update_fields=["attempts", "situation", "status", "retry_on"])
    audit_access(actor, access, action=AuditEvent.Action.CREATE, what=AFTERCARE, object_id=str(follow_up.pk))
    return contact
