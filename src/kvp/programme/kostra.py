"""The yearly KOSTRA return for the programme (form 11CF, S18): one fixed-width record per programme that ran
in the year, at every office of the municipality, shielded participants included whoever produces it. The
control program's checks run first; the file is refused while an error remains."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_record
from kvp.programme.audit_types import KOSTRA
from kvp.programme.models import Absence, Case
from kvp.rules.access import Basis, read_access
from kvp.rules.aftercare import Benefit, Situation
from kvp.rules.case_status import EndReason, kostra_status
from kvp.rules.kostra_checks import Problem, blocks_export, check_duplicates, check_record
from kvp.rules.kostra_layout import Layout, layout_for, render_file
from kvp.rules.kostra_record import (
    Aftercare,
    BenefitBefore,
    MaritalStatus,
    ProgrammeFacts,
    SupportAlongside,
    benefit_months,
    children_under_18,
    record_values,
)

CASEWORKER_SIZE = 10


@dataclass(frozen=True)
class ReturnRow:
    case: Case
    values: dict[str, str]
    problems: list[Problem]

    @property
    def journal(self) -> str:
        return self.values["PERSON_JOURNALNR"]

    @property
    def status(self) -> str:
        return self.values.get("STATUS", "")


@dataclass(frozen=True)
class KostraReturn:
    year: int
    municipality: str
    layout: Layout
    rows: list[ReturnRow]

    @property
    def blocked(self) -> bool:
        return any(blocks_export(row.problems) for row in self.rows)

    @property
    def rows_with_problems(self) -> list[ReturnRow]:
        return [row for row in self.rows if row.problems]

    def status_counts(self) -> list[tuple[str, int]]:
        return sorted(Counter(row.status or "?" for row in self.rows).items())

    def file(self) -> bytes:
        return render_file(self.layout, [row.values for row in self.rows])


def journal_number(case: Case) -> str:
    """The case's journal number in the return: stable, eight characters, unique in practice (05B checks)."""
    return case.pk.hex[:8].upper()


def _aftercare(case: Case) -> Aftercare | None:
    contacts = [contact for item in case.aftercare_followups.all() for contact in item.contacts.all()]
    reached = sorted((c for c in contacts if c.situation != Situation.NOT_REACHED), key=lambda c: c.contacted_on)
    if not reached:
        return None
    first = reached[0]
    return Aftercare(Situation(first.situation), Benefit(first.benefit) if first.benefit else None)


def _facts(case: Case, year: int) -> ProgrammeFacts:
    participant = case.participant
    new_years_eve = datetime.date(year, 12, 31)
    end_reason = EndReason(case.end_reason) if case.end_reason else None
    status = kostra_status(
        year=year, ended_on=case.ended_on, end_reason=end_reason,
        interruptions=[(item.starts_on, item.ends_on) for item in case.interruptions.all()],
        leaves=[(item.starts_on, item.ends_on) for item in case.absences.all()],
    )  # fmt: skip
    payments = [item for item in case.payments.all() if item.period_end.year == year]
    support = case.support_alongside.get(str(year))
    caseworker = (participant.counsellor or case.received_by).username
    return ProgrammeFacts(
        municipality=participant.office.municipality_number,
        district=participant.office.oslo_district,
        journal=journal_number(case),
        national_id=participant.national_id,
        birth_date=participant.birth_date,
        marital_status=MaritalStatus(case.marital_status) if case.marital_status else None,
        children_under_18=children_under_18(
            (child.birth_date for child in participant.children.all()),
            on=min(case.ended_on or new_years_eve, new_years_eve),
        ),
        applied_on=case.applied_on,
        decided_on=case.decided_on,
        starts_on=case.starts_on,
        from_municipality=None
        if case.from_programme_elsewhere is None
        else (case.from_municipality if case.from_programme_elsewhere else ""),
        benefits_before=frozenset(BenefitBefore(item) for item in case.benefits_before),
        support_alongside=None if support is None else frozenset(SupportAlongside(item) for item in support),
        benefit_months=benefit_months(((item.period_start, item.period_end) for item in payments), year=year),
        paid_kroner=round(sum(item.net_ore for item in payments) / 100),
        status=status if status is not None else case.kostra_status_by_hand,
        ended_on=case.ended_on,
        end_reason=end_reason,
        aftercare=_aftercare(case),
        caseworker=caseworker if len(caseworker) <= CASEWORKER_SIZE else "",  # a NAV ident fits; an optional field
    )


def cases_in_return(*, year: int, municipality: str) -> list[Case]:
    """Every programme at the municipality's offices that ran some day of `year`, shielded ones included."""
    cases = (
        Case.objects.filter(
            participant__office__municipality_number=municipality,
            starts_on__lte=datetime.date(year, 12, 31),
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=datetime.date(year, 1, 1)))
        .select_related("participant__office", "participant__counsellor", "received_by")
        .prefetch_related(
            "interruptions",
            "payments",
            "participant__children",
            "aftercare_followups__contacts",
            Prefetch("absences", queryset=Absence.objects.filter(kind=Absence.Kind.LEAVE)),
        )
        .order_by("starts_on", "pk")
    )
    return list(cases)


def kostra_return(*, year: int, municipality: str) -> KostraReturn:
    """The return with each record's problems; raises UnknownLayout for a year with no file description."""
    layout = layout_for(year)
    rows = []
    for case in cases_in_return(year=year, municipality=municipality):
        values = record_values(year=year, facts=_facts(case, year))
        rows.append(ReturnRow(case, values, check_record(layout, values, municipality=municipality)))
    for index, problems in check_duplicates([row.values for row in rows]).items():
        rows[index].problems.extend(problems)
    return KostraReturn(year=year, municipality=municipality, layout=layout, rows=rows)


def identity_shown(viewer: User, case: Case) -> bool:
    """Whether the viewer may see who the record is about: as anywhere else, shielded persons only with the
    grant. The record still counts in the return."""
    basis = read_access(viewer=viewer.as_viewer(), subject=case.participant.as_subject(), has_recorded_reason=False)
    return isinstance(basis, Basis)


def may_produce(user: User, municipality: str) -> bool:
    """The file holds national identity numbers: only a leader at one of the municipality's offices."""
    return user.is_leader and user.office is not None and user.office.municipality_number == municipality


def kostra_export(*, actor: User, kostra: KostraReturn) -> bytes:
    """The file, logged as exported for every participant in it; refused while an error remains."""
    if not may_produce(actor, kostra.municipality):
        raise PermissionError("only a leader of the municipality produces its return")
    if kostra.blocked:
        raise ValueError("the return has errors to fix first")
    content = kostra.file()
    audit_record(
        actor=actor, participants=[row.case.participant for row in kostra.rows], action=AuditEvent.Action.EXPORT,
        object_type=KOSTRA, basis=Basis.LEADER,
    )  # fmt: skip
    return content
