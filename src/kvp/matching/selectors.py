"""A matching run's proposals as the run page shows them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.catalogue.models import Offer
from kvp.matching.models import MatchProposal, MatchRun
from kvp.participants.access import participants_visible_in_lists


@dataclass(frozen=True)
class ShownComponent:
    """One part of the fit score, explained in the reader's language."""

    label: str
    points: str
    note: str
    evidence: str


@dataclass(frozen=True)
class GivenUpWish:
    offer: Offer | None  # None when the offer has since been removed
    rank: int
    full: int  # free places that went to participants with a higher total


@dataclass(frozen=True)
class MatchProposalRow:
    proposal: MatchProposal
    components: list[ShownComponent]
    gave_up: list[GivenUpWish]
    can_decide: bool  # the participant's counsellor, while the proposal is open


@dataclass(frozen=True)
class MatchRunProposals:
    rows: list[MatchProposalRow]
    offers: list[Offer]  # the office's offers, to change a proposal to


def _component(item: dict[str, Any]) -> ShownComponent:
    labels = {name: _(label) for name, label in item["labels"].items()}
    return ShownComponent(
        label=_(item["label"]),
        points=item["points"],
        note=_(item["note"]) % (item["params"] | labels),
        evidence=item["evidence"],
    )


def match_run_proposals(*, run: MatchRun, user: User) -> MatchRunProposals:
    """The run's proposals for the participants `user` may see listed (two queries)."""
    proposals = run.proposals.filter(participant__in=participants_visible_in_lists(user)).select_related(
        "participant", "offer__provider", "proposed_offer"
    )
    offers = {str(offer.pk): offer for offer in Offer.objects.filter(provider__office_id=run.office_id)}
    rows = [
        MatchProposalRow(
            proposal=proposal,
            components=[
                _component(run.explanations[item] if isinstance(item, int) else item) for item in proposal.components
            ],
            gave_up=[GivenUpWish(offers.get(item["offer"]), item["rank"], item["full"]) for item in proposal.gave_up],
            can_decide=proposal.participant.counsellor_id == user.pk
            and proposal.status == MatchProposal.Status.PROPOSED,
        )
        for proposal in proposals
    ]
    return MatchRunProposals(rows=rows, offers=list(offers.values()))
