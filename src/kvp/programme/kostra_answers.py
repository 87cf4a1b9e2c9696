"""Recording on a case what the KOSTRA return asks that casework does not (form 11CF, S18)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.programme.audit_types import CASE
from kvp.programme.models import Case
from kvp.rules.case_status import KOSTRA_END_CODE, EndReason, ran_in_year


def asks_support(case: Case, year: int) -> bool:
    """Support alongside the benefit is asked per year the programme ran."""
    return ran_in_year(year=year, starts_on=case.starts_on, ended_on=case.ended_on)


def asks_status(case: Case, year: int) -> bool:
    """A status is chosen by hand only for an end no status code describes (a death), in the year it ended."""
    ended_that_year = case.ended_on is not None and case.ended_on.year == year
    return ended_that_year and bool(case.end_reason) and EndReason(case.end_reason) not in KOSTRA_END_CODE


@transaction.atomic
def case_statistics_record(
    *,
    actor: User,
    access: ParticipantAccess,
    case: Case,
    year: int,
    marital_status: str,
    from_programme_elsewhere: bool,
    from_municipality: str,
    benefits_before: Sequence[str],
    support: Sequence[str] | None = None,
    status_by_hand: int | None = None,
) -> Case:
    """Save the answers; `support` (None: not asked) is kept for `year` only."""
    access.require_write()
    case.marital_status = marital_status
    case.from_programme_elsewhere = from_programme_elsewhere
    case.from_municipality = from_municipality if from_programme_elsewhere else ""
    case.benefits_before = sorted(benefits_before)
    fields = ["marital_status", "from_programme_elsewhere", "from_municipality", "benefits_before"]
    if support is not None and asks_support(case, year):
        case.support_alongside = {**case.support_alongside, str(year): sorted(support)}
        fields.append("support_alongside")
    if asks_status(case, year):
        case.kostra_status_by_hand = status_by_hand
        fields.append("kostra_status_by_hand")
    case.save(update_fields=fields)
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=CASE, object_id=str(case.pk))
    return case
