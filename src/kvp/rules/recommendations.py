"""Recommendations: the catalogue's offers ranked for one participant by their fit (kvp.rules.fit, the
model matching scores with too), each explained by the reasons it rests on. Offers whose prerequisites the
participant does not meet come last, with a reason per missing prerequisite (E5). A match weighs the same
fit and adds the participant's ranked wishes (E1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kvp.rules.fit import DEFAULT_FIT_RULES, FitRules, OfferFacts, Profile, Reason, fit_reasons
from kvp.rules.texts import N_


@dataclass(frozen=True)
class Recommendation:
    offer_id: str
    score: Decimal  # the sum of the reasons' weights
    reasons: tuple[Reason, ...]
    available: bool  # the participant meets the offer's prerequisites


def recommend(
    profile: Profile, offers: Sequence[OfferFacts], rules: FitRules = DEFAULT_FIT_RULES
) -> list[Recommendation]:
    """The offers ranked for the participant: available ones first, then by score (highest first), then by
    title and id. Offers whose prerequisites are not met come last, with a reason per missing prerequisite
    (E5) and only their minuses, never a plus."""
    seen: set[str] = set()
    for offer in offers:
        if offer.offer_id in seen:
            raise ValueError(f"the offer id {offer.offer_id!r} appears twice")
        seen.add(offer.offer_id)
    ranked: list[tuple[tuple[bool, Decimal, str, str], Recommendation]] = []
    for offer in offers:
        reasons = fit_reasons(profile, offer, rules)
        if not offer.prerequisites_met:
            reasons = _missing(offer) + [reason for reason in reasons if reason.weight < 0]
        score = sum((reason.weight for reason in reasons), Decimal(0))
        recommendation = Recommendation(offer.offer_id, score, tuple(reasons), offer.prerequisites_met)
        ranked.append(((not offer.prerequisites_met, -score, offer.title, offer.offer_id), recommendation))
    ranked.sort(key=lambda pair: pair[0])
    return [recommendation for _, recommendation in ranked]


def _missing(offer: OfferFacts) -> list[Reason]:
    """One reason per unmet prerequisite (E5); they explain why the offer is not available and weigh 0."""
    if not offer.missing:
        return [
            Reason(
                text=N_("Not available yet: a requirement for this offer is not met."),
                params={},
                labels={},
                evidence="E5",
                weight=Decimal(0),
            )
        ]
    return [
        Reason(
            text=N_("Not available yet: this offer requires “%(requirement)s”, which is not met."),
            params={},
            labels={"requirement": requirement},
            evidence="E5",
            weight=Decimal(0),
        )
        for requirement in offer.missing
    ]
