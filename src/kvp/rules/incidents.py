"""Rules for recording a discrimination incident at an employer or provider (E12: employers rejecting
for "wrong ethnicity", demands for "Norwegian clothes"; discrimination is recorded and followed up).
Pure: no Django. Each problem is (field, message) with an English msgid marked N_."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kvp.rules.texts import N_

CONSENT_YES = "yes"


@dataclass(frozen=True)
class IncidentFacts:
    happened_on: datetime.date
    today: datetime.date
    has_participant: bool
    consent: str
    employer_talk_on: datetime.date | None = None
    ombud_advice_on: datetime.date | None = None
    resolved: bool = False
    resolved_on: datetime.date | None = None
    outcome: str = ""


def incident_problems(facts: IncidentFacts) -> list[tuple[str, str]]:
    """What is wrong with an incident record (E12), field by field; empty when it may be saved."""
    problems: list[tuple[str, str]] = []
    if facts.happened_on > facts.today:
        problems.append(("happened_on", N_("The incident cannot have happened in the future.")))
    for field, day in (
        ("employer_talk_on", facts.employer_talk_on),
        ("ombud_advice_on", facts.ombud_advice_on),
        ("resolved_on", facts.resolved_on),
    ):
        if day is None:
            continue
        if day > facts.today:
            problems.append((field, N_("The date cannot be in the future.")))
        elif day < facts.happened_on:
            problems.append((field, N_("The date cannot be before the incident happened.")))
    problems += consent_problems(facts)
    if facts.resolved and facts.resolved_on is None:
        problems.append(("resolved_on", N_("Give the date the incident was resolved.")))
    if facts.resolved and not facts.outcome.strip():
        problems.append(("outcome", N_("Say what the outcome was before marking the incident resolved.")))
    if not facts.resolved and facts.resolved_on is not None:
        problems.append(
            ("resolved_on", N_("An open incident has no resolved date. Mark it resolved or clear the date."))
        )
    return problems


def consent_problems(facts: IncidentFacts) -> list[tuple[str, str]]:
    """NAV acts towards the employer about a named participant only with their consent (forvaltningsloven
    § 13, duty of confidentiality; E12). Advice on complaining to the Ombud is theirs to use, so it needs none."""
    if facts.has_participant and facts.employer_talk_on is not None and facts.consent != CONSENT_YES:
        return [
            (
                "employer_talk_on",
                N_("Talk with the employer about the participant's incident only after they have agreed that we act."),
            )
        ]
    return []
