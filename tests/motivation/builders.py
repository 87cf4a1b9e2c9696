"""Check-ins as the services leave them."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from kvp.catalogue.models import Offer, Participation
from kvp.motivation.instruments import default_instrument
from kvp.motivation.models import CheckIn
from kvp.participants.models import Participant
from kvp.rules.motivation import score_answers
from tests.catalogue.builders import offer, provider


def answers(value: int, **overrides: int) -> dict[str, int]:
    return {item.key: value for item in default_instrument().scale_items} | overrides


def answered(
    participant: Participant,
    on: datetime.date,
    *,
    value: int = 4,
    help_text: str = "",
    language: str = "nb",
    reason: str = "monthly",
    **overrides: int,
) -> CheckIn:
    """A check-in answered at noon on `on`."""
    instrument = default_instrument()
    given = answers(value, **overrides)
    at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    return CheckIn.objects.create(
        participant=participant,
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        reason=reason,
        due_on=on,
        answered_at=at,
        language=language,
        answers=given,
        open_answers={"what_would_help": help_text} if help_text else {},
        scores={need.value: str(score) for need, score in score_answers(instrument, given).items()},
    )


def waiting(participant: Participant, on: datetime.date, reason: str = "monthly") -> CheckIn:
    instrument = default_instrument()
    return CheckIn.objects.create(
        participant=participant,
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        reason=reason,
        due_on=on,
    )


def placement(participant: Participant, leader: Any, starts_on: datetime.date, **fields: Any) -> Participation:
    """A place in a work practice offer (as participation_move leaves it)."""
    place = Offer.objects.filter(title="Arbeidstrening på lager").first()
    if place is None:
        owner = provider(participant.office, leader, name="Lagerbedriften AS")
        place = offer(
            owner, leader, measure_type="work_practice", title="Arbeidstrening på lager", formal_qualification=""
        )
    values: dict[str, Any] = {"status": Participation.Status.PARTICIPATING, "starts_on": starts_on} | fields
    return Participation.objects.create(participant=participant, offer=place, created_by=leader, **values)
