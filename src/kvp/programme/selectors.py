from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max

from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.programme.aftercare import followups_of
from kvp.programme.models import BENEFIT_LABELS, SITUATION_LABELS, AftercareFollowUp, Appeal, Decision, Payment, Rate
from kvp.rules.aftercare import Benefit, Situation
from kvp.rules.benefit import Dated, RateTable


def rate_table() -> RateTable:
    """The administrators' dated rates, as the benefit rules read them."""
    series: dict[str, list[Dated]] = {choice: [] for choice in Rate.Series.values}
    for rate in Rate.objects.order_by("valid_from"):
        series[rate.series].append(Dated(rate.valid_from, rate.value))
    return RateTable(**{name: tuple(rows) for name, rows in series.items()})


def settled_until(office_id: int | None) -> datetime.date | None:
    """The last day an approved payment or a sent decision letter rests on, at the office (None: at any office).
    A new rule parameter value may only take effect after it (kvp.parameters.services)."""
    payments = Payment.objects.all()
    decisions = Decision.objects.filter(status=Decision.Status.APPROVED)
    if office_id is not None:
        payments = payments.filter(case__participant__office_id=office_id)
        decisions = decisions.filter(case__participant__office_id=office_id)
    days = [
        payments.aggregate(last=Max("period_end"))["last"],
        decisions.aggregate(last=Max("decided_on"))["last"],
    ]
    return max((day for day in days if day is not None), default=None)


@dataclass(frozen=True)
class AftercareRow:
    """One follow-up after the programme as the participant page lists it."""

    follow_up: AftercareFollowUp
    situation: str  # the recorded situation, with the benefit of the latest contact
    overdue: bool
    can_record: bool


def aftercare_rows(*, participant: Participant, can_write: bool, today: datetime.date) -> list[AftercareRow]:
    """The participant's follow-ups after the programme, for a page that has checked access (two queries)."""
    rows = []
    for follow_up in followups_of(participant):
        contacts = list(follow_up.contacts.all())  # prefetched
        is_open = follow_up.status == AftercareFollowUp.Status.OPEN
        rows.append(
            AftercareRow(
                follow_up=follow_up,
                situation=_situation(follow_up.situation, contacts[-1].benefit if contacts else ""),
                overdue=is_open and follow_up.due_on < today,
                can_record=can_write and is_open,
            )
        )
    return rows


def _situation(situation: str, benefit: str = "") -> str:
    text = str(SITUATION_LABELS[Situation(situation)]) if situation else ""
    if benefit:
        text += f" ({BENEFIT_LABELS[Benefit(benefit)]})"
    return text


@dataclass(frozen=True)
class AppealRow:
    appeal: Appeal
    can_forward: bool  # the counsellor, while the appeal waits for the office's review


def decision_appeals(*, decision: Decision, access: ParticipantAccess) -> list[AppealRow] | None:
    """The appeals against an approved decision, for staff; None where the page shows no appeals section."""
    if access.is_self or decision.status != Decision.Status.APPROVED:
        return None
    return [
        AppealRow(appeal, can_forward=access.can_write and appeal.status == Appeal.Status.RECEIVED)
        for appeal in decision.appeals.all()
    ]
