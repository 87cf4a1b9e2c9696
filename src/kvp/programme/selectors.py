from __future__ import annotations

import datetime
from dataclasses import dataclass

from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.programme.aftercare import followups_of
from kvp.programme.models import BENEFIT_LABELS, SITUATION_LABELS, AftercareFollowUp, Appeal, Decision, Rate
from kvp.rules.aftercare import Benefit, Situation
from kvp.rules.benefit import Dated, RateTable


def rate_table() -> RateTable:
    """The administrators' dated rates, as the benefit rules read them."""
    series: dict[str, list[Dated]] = {choice: [] for choice in Rate.Series.values}
    for rate in Rate.objects.order_by("valid_from"):
        series[rate.series].append(Dated(rate.valid_from, rate.value))
    return RateTable(**{name: tuple(rows) for name, rows in series.items()})


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
