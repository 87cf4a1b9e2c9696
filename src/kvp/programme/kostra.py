"""The yearly KOSTRA return for the programme (SSB; S18): status at 31 December."""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_record
from kvp.programme.audit_types import KOSTRA
from kvp.programme.models import Case
from kvp.rules.access import Basis
from kvp.rules.case_status import EndReason, kostra_status


@dataclass(frozen=True)
class KostraRow:
    case: Case
    status: int


def kostra_rows(*, leader: User, year: int) -> list[KostraRow]:
    """Every case at the leader's office that ran in `year`, with its status code at 31 December."""
    if leader.office_id is None:
        return []
    cases = Case.objects.filter(
        participant__office_id=leader.office_id, starts_on__lte=datetime.date(year, 12, 31)
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__year__gte=year))
    if not leader.may_view_shielded:
        cases = cases.filter(participant__shielded=False)
    rows = []
    for case in cases.select_related("participant__office").prefetch_related("interruptions").order_by("starts_on"):
        reason = EndReason(case.end_reason) if case.end_reason else None
        status = kostra_status(
            year=year, starts_on=case.starts_on, ended_on=case.ended_on, end_reason=reason,
            interruptions=[(item.starts_on, item.ends_on) for item in case.interruptions.all()],
        )  # fmt: skip
        if status is not None:
            rows.append(KostraRow(case=case, status=status))
    return rows


def status_counts(rows: list[KostraRow]) -> list[tuple[int, int]]:
    return sorted(Counter(row.status for row in rows).items())


def kostra_csv(*, leader: User, year: int) -> str:
    """The return as CSV for the municipality's reporting; each participant in it is logged as exported."""
    rows = kostra_rows(leader=leader, year=year)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["kommunenummer", "fodselsnummer", "status_3112", "programstart", "avsluttet", "avslutningsarsak"])
    for row in rows:
        case = row.case
        writer.writerow([
            case.participant.office.municipality_number, case.participant.national_id, row.status,
            case.starts_on.isoformat() if case.starts_on else "", case.ended_on.isoformat() if case.ended_on else "",
            case.end_reason,
        ])  # fmt: skip
    audit_record(
        actor=leader, participants=[row.case.participant for row in rows], action=AuditEvent.Action.EXPORT,
        object_type=KOSTRA, basis=Basis.LEADER,
    )  # fmt: skip
    return out.getvalue()
