"""Recommendations and flags for one participant, in the reader's language (E3, E4, E9, E11)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.catalogue.facts import episodes_by_participant, holds_of, offer_facts, profile_of
from kvp.catalogue.models import Offer
from kvp.catalogue.selectors import providers_with_unresolved_incidents
from kvp.parameters.selectors import OfficeRef, read_once, rules_for
from kvp.participants.models import Participant
from kvp.plans.selectors import shown_value
from kvp.rules.fit import Reason
from kvp.rules.practice_flags import Flag, FlagRules, practice_flags
from kvp.rules.recommendations import recommend


@dataclass(frozen=True)
class Shown:
    text: str
    evidence: str
    weight: Any = None
    items: tuple[str, ...] = ()


def _text(message: str, params: dict[str, Any], labels: dict[str, str]) -> str:
    values = {name: shown_value(value) for name, value in params.items()}
    return _(message) % (values | {name: _(label) for name, label in labels.items()})


def _reason(reason: Reason) -> Shown:
    return Shown(_text(reason.text, reason.params, reason.labels), reason.evidence, reason.weight)


@dataclass(frozen=True)
class ShownRecommendation:
    offer: Offer
    score: Any
    available: bool
    reasons: list[Shown]


def recommendations_for(participant: Participant, offers: list[Offer]) -> list[ShownRecommendation]:
    """The office's current offers ranked for the participant, each with its reasons and their evidence."""
    holds = holds_of(participant)
    incidents = providers_with_unresolved_incidents()
    by_id = {str(offer.pk): offer for offer in offers}
    ranked = recommend(profile_of(participant), [offer_facts(offer, holds, incidents) for offer in offers])
    return [
        ShownRecommendation(by_id[item.offer_id], item.score, item.available, [_reason(r) for r in item.reasons])
        for item in ranked
    ]


def flag_rules(office: OfficeRef, *, on: datetime.date) -> FlagRules:
    return rules_for(office, on=on).flags


def _flag(flag: Flag) -> Shown:
    return Shown(_text(flag.message, flag.params, flag.labels), flag.evidence, items=flag.episodes)


@read_once()
def flags_for(participants: list[Participant], today: datetime.date | None = None) -> dict[str, list[Shown]]:
    """Practice-loop, lock-in and no-work-contact flags per participant (E4, E9), in two queries."""
    today = today or timezone.localdate()
    offices = {str(participant.pk): participant.office_id for participant in participants}
    episodes = episodes_by_participant([participant.pk for participant in participants])
    return {
        key: [_flag(flag) for flag in practice_flags(found, today=today, rules=flag_rules(offices[key], on=today))]
        for key, found in episodes.items()
    }
