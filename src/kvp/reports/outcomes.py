"""Outcomes after the programme (E16, E17): the situation found at each follow-up, for the people at an
office whose programme ended in a year, with small numbers suppressed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kvp.programme.aftercare import aftercare_rules
from kvp.programme.models import AftercareFollowUp
from kvp.rules import aftercare
from kvp.rules.aftercare import FollowUpFact, OutcomeRow, Situation


@dataclass(frozen=True)
class Outcomes:
    year: int
    people: int | None  # ended that year with after-care; None: fewer than the smallest shown
    rows: list[OutcomeRow]


def aftercare_outcomes(office_id: int, year: int, today: datetime.date) -> Outcomes:
    """Outcomes per follow-up point for programmes at the office that ended in `year` (E16, E17)."""
    rules = aftercare_rules(office_id, on=today)
    follow_ups = AftercareFollowUp.objects.filter(
        case__participant__office_id=office_id, case__ended_on__year=year
    ).values_list("case_id", "months", "due_on", "situation")
    facts = []
    cases = set()
    for case_id, months, due_on, situation in follow_ups:
        cases.add(case_id)
        facts.append(FollowUpFact(months=months, due_on=due_on, situation=Situation(situation) if situation else None))
    return Outcomes(
        year=year,
        people=aftercare.shown_count(len(cases), rules),
        rows=aftercare.outcome_rows(facts, today, rules),
    )
