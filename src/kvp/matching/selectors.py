"""A matching run's proposals as the run page shows them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.catalogue.models import Offer
from kvp.matching.models import MatchProposal, MatchRun
from kvp.participants.access import participants_visible_in_lists
from kvp.plans.selectors import shown_value


@dataclass(frozen=True)
class ShownReason:
    """One reason of a proposal, explained in the reader's language, with its signed weight."""

    text: str
    weight: Decimal
    evidence: str


@dataclass(frozen=True)
class GivenUpWish:
    offer: Offer | None  # None when the offer has since been removed
    rank: int
    why: str  # why it was not given, in the reader's language


@dataclass(frozen=True)
class MatchProposalRow:
    proposal: MatchProposal
    reasons: list[ShownReason]
    gave_up: list[GivenUpWish]
    can_decide: bool  # the participant's counsellor, while the proposal is open


@dataclass(frozen=True)
class MatchRunProposals:
    rows: list[MatchProposalRow]  # by counsellor, then participant


def shown_reason(item: dict[str, Any]) -> ShownReason:
    decimals = set(item["decimals"])
    values = {
        name: shown_value(Decimal(value) if name in decimals else value) for name, value in item["params"].items()
    }
    labels = {name: _(label) for name, label in item["labels"].items()}
    return ShownReason(
        text=_(item["text"]) % (values | labels), weight=Decimal(item["weight"]), evidence=item["evidence"]
    )


def _why(item: dict[str, Any], proposal: MatchProposal, names: dict[str, str]) -> str:
    """Truly why a wish was not given (see kvp.matching.runs)."""
    why = item["why"]
    if why == "proposed":
        return _("The match proposed it; the counsellor changed the proposal.")
    if why == "already_in":
        return _("The participant has already applied for it, takes part in it or has completed it.")
    if why == "not_in_period":
        return _("It does not start in the period of the match, or it has no free place.")
    if why == "cannot_take":
        return _("The participant does not meet its requirements yet.")
    values = {name: shown_value(Decimal(item[name])) for name in ("own", "theirs", "proposed") if name in item}
    if why == "full":
        values |= {"places": item["places"], "name": names.get(item["last"], _("another participant"))}
        if Decimal(item["theirs"]) >= Decimal(item["own"]):
            return (
                _(
                    "All its %(places)s free places went to others. The last went to %(name)s, whose fit and wish "
                    "weigh %(theirs)s for it against %(own)s for this participant."
                )
                % values
            )
        return (
            _(
                "All its %(places)s free places went to others. The last went to %(name)s (%(theirs)s for it "
                "against %(own)s for this participant): giving it to this participant instead would lower the total "
                "of fit and wishes of the whole match."
            )
            % values
        )
    if why == "weighs_less":
        return (
            _("Its fit and wish weigh %(own)s for this participant, no more than the proposed offer's %(proposed)s.")
            % values
        )
    return _("The fairness floor for formally qualifying offers needed this participant in another offer.")


def match_run_proposals(*, run: MatchRun, user: User) -> MatchRunProposals:
    """The run's proposals for the participants `user` may see listed (three queries)."""
    visible = participants_visible_in_lists(user)
    proposals = list(
        run.proposals.filter(participant__in=visible)
        .select_related("participant__counsellor", "offer__provider", "proposed_offer")
        .order_by(
            "participant__counsellor__last_name",
            "participant__counsellor__first_name",
            "participant__counsellor_id",
            "participant__last_name",
            "participant__first_name",
        )
    )
    wished = {item["offer"] for proposal in proposals for item in proposal.gave_up}
    offers = {str(offer.pk): offer for offer in Offer.objects.filter(pk__in=wished)}
    last = {item["last"] for proposal in proposals for item in proposal.gave_up if "last" in item}
    names = {str(person.pk): person.full_name for person in visible.filter(pk__in=last)}
    rows = []
    for proposal in proposals:
        rank = proposal.wish_rank
        rows.append(
            MatchProposalRow(
                proposal=proposal,
                # a run's reasons are shared (indices); a changed proposal holds its own
                reasons=[
                    shown_reason(run.explanations[item] if isinstance(item, int) else item)
                    for item in proposal.components
                ],
                gave_up=[
                    GivenUpWish(offers.get(item["offer"]), item["rank"], _why(item, proposal, names))
                    for item in proposal.gave_up
                    if item["offer"] != str(proposal.offer_id) and (rank is None or item["rank"] < rank)
                ],
                can_decide=proposal.participant.counsellor_id == user.pk
                and proposal.status == MatchProposal.Status.PROPOSED,
            )
        )
    return MatchRunProposals(rows=rows)
