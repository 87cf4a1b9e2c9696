"""A run's proposal becomes a place only through people: the counsellor accepts, changes or rejects it,
and the participant confirms or declines. Only a confirmation creates a participation."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.catalogue.facts import holds_of
from kvp.catalogue.models import Offer, Participation
from kvp.common.versioning import lock_version
from kvp.matching.audit_types import MATCH
from kvp.matching.models import MatchProposal
from kvp.matching.runs import explain_change
from kvp.matching.wishes import unmet_rules, wishable_offers
from kvp.participants.access import ParticipantAccess, audit_access

S = MatchProposal.Status
CLOSED = [S.REJECTED, S.DECLINED]  # proposals that hold no place


def _locked(proposal: MatchProposal, access: ParticipantAccess, seen_version: int | None) -> MatchProposal:
    if proposal.participant_id != access.participant.pk:
        raise ValidationError(_("This proposal is for someone else."), code="wrong_participant")
    return lock_version(MatchProposal.objects.select_related("offer"), seen_version=seen_version, pk=proposal.pk)


@transaction.atomic
def proposal_decide(
    *,
    actor: User,
    access: ParticipantAccess,
    proposal: MatchProposal,
    seen_version: int,
    decision: str,
    offer: Offer | None = None,
    note: str = "",
) -> MatchProposal:
    """The counsellor's decision on a proposal; a change names another offer the participant can take."""
    access.require_write()
    proposal = _locked(proposal, access, seen_version)
    if proposal.status != S.PROPOSED:
        raise ValidationError(_("This proposal has already been decided."), code="decided")
    if decision == S.CHANGED:
        if offer is None or not wishable_offers(access.participant).filter(pk=offer.pk).exists():
            raise ValidationError({"offer": _("Choose another offer from the office's catalogue.")})
        missing = unmet_rules(offer, holds_of(access.participant))
        if missing:
            raise ValidationError(
                {
                    "offer": _("The participant cannot take it yet: it requires %(needs)s.")
                    % {"needs": ", ".join(need.render(_) for need in missing)}
                }
            )
        _check_place(proposal, offer)
        proposal.offer = offer
        proposal.fit, proposal.components, proposal.wish_rank = explain_change(proposal.run, access.participant, offer)
    elif decision == S.REJECTED:
        if not note.strip():
            raise ValidationError({"note": _("Say why: the participant reads it.")})
    elif decision != S.ACCEPTED:
        raise ValidationError({"decision": _("Choose accept, change or reject.")})
    proposal.status, proposal.note = decision, note.strip()
    proposal.decided_by, proposal.decided_at = actor, timezone.now()
    proposal.save()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=MATCH, object_id=str(proposal.pk))
    return proposal


def _check_place(proposal: MatchProposal, offer: Offer) -> None:
    """A change may neither give the participant a second place nor more places in an offer than it has
    free: its places, less those taken and those this run's other open proposals hold."""
    Offer.objects.select_for_update().filter(pk=offer.pk).first()  # one change into an offer at a time
    held = MatchProposal.objects.filter(run_id=proposal.run_id).exclude(pk=proposal.pk).exclude(status__in=CLOSED)
    if held.filter(participant_id=proposal.participant_id).exists():
        message = _("The participant already has another place in this match.")
        raise ValidationError({"offer": ValidationError(message, code="second_place")})
    if Participation.objects.filter(
        participant_id=proposal.participant_id,
        offer=offer,
        status__in=[*Participation.OPEN, Participation.Status.COMPLETED],
    ).exists():
        message = _("The participant has already applied for this offer, takes part in it or has completed it.")
        raise ValidationError({"offer": ValidationError(message, code="already_in")})
    taken = Participation.objects.filter(offer=offer, status=Participation.Status.PARTICIPATING).count()
    proposed = held.filter(offer=offer).count()
    if taken + proposed >= offer.capacity:
        message = _(
            "“%(offer)s” has no free place left: of its %(places)s places, %(taken)s are taken and %(proposed)s "
            "are proposed to others in this match."
        ) % {"offer": offer.title, "places": offer.capacity, "taken": taken, "proposed": proposed}
        raise ValidationError({"offer": ValidationError(message, code="full")})


@transaction.atomic
def proposal_confirm(
    *, actor: User, access: ParticipantAccess, proposal: MatchProposal, confirm: bool
) -> MatchProposal:
    """The participant says yes (an application for the place is made) or no (E1: their choice)."""
    if not access.is_self:
        raise ValidationError(_("Only the participant confirms a proposed place."), code="not_participant")
    proposal = _locked(proposal, access, None)
    if proposal.status not in {S.ACCEPTED, S.CHANGED}:
        raise ValidationError(_("This place is not waiting for your answer."), code="not_waiting")
    if confirm:
        proposal.participation = Participation.objects.create(
            participant=access.participant, offer=proposal.offer, created_by=actor
        )
    proposal.status = S.CONFIRMED if confirm else S.DECLINED
    proposal.confirmed_at = timezone.now()
    proposal.save()
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=MATCH, object_id=str(proposal.pk))
    return proposal
