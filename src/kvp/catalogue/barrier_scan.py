"""The office's institutional barriers (E5, E6): catch-22s in the catalogue's prerequisites, who they
catch, which rules block most, and which prerequisites refusals cite. Computed on each request, so a
leader who changes an offer's rule sees the result at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from kvp.catalogue.facts import holds_by_participant, offer_node
from kvp.catalogue.models import Offer, Participation
from kvp.participants.models import Participant
from kvp.rules.barriers import (
    BarrierIndex,
    BlockingPrerequisite,
    BlockingRule,
    ParticipantHolds,
    Refusal,
    Rule,
    ScanResult,
    blocking_prerequisites,
    blocking_rules,
    refusals_by_reason,
)
from kvp.rules.case_status import OPEN_STATUSES
from kvp.rules.prerequisites import Prerequisite, PrerequisiteError, PrerequisiteKind

Kind = PrerequisiteKind


def participants_in_programme(office_id: int) -> QuerySet[Participant]:
    """The office's participants with an open case: those the catalogue's rules can block."""
    return Participant.objects.filter(
        office_id=office_id, cases__status__in=[s.value for s in OPEN_STATUSES]
    ).distinct()


def current_offers(office_id: int) -> list[Offer]:
    today = timezone.localdate()
    return list(
        Offer.objects.filter(provider__office_id=office_id)
        .exclude(available_until__lt=today)
        .select_related("provider")
        .order_by("title", "pk")
    )


def refusals_of(office_id: int) -> list[Refusal]:
    """Refused applications at the office, each with the rule it cites, if any (E6)."""
    found = []
    rows = Participation.objects.filter(
        offer__provider__office_id=office_id, status=Participation.Status.REFUSED
    ).select_related("offer")
    for row in rows:
        rule = None
        if row.refused_for:
            try:
                rule = Rule(str(row.offer_id), row.offer.title, Prerequisite.parse(row.refused_for))
            except PrerequisiteError:
                rule = None
        found.append(Refusal(rule=rule, reason_code=row.reason or "other"))
    return found


@dataclass(frozen=True)
class OfficeBarriers:
    scan: ScanResult
    offers: dict[str, Offer]
    participant_ids: list[str]
    blocking_rules: list[BlockingRule]
    blocking_prerequisites: list[BlockingPrerequisite]
    refusals_by_reason: list[tuple[str, int]]
    refusals: int


def office_barriers(office_id: int) -> OfficeBarriers:
    offers = current_offers(office_id)
    index = BarrierIndex([offer_node(offer) for offer in offers])
    holds = holds_by_participant(participants_in_programme(office_id))
    ids = sorted(holds)
    result = index.scan(ParticipantHolds(pk, holds[pk]) for pk in ids)
    refusals = refusals_of(office_id)
    return OfficeBarriers(
        scan=result,
        offers={str(offer.pk): offer for offer in offers},
        participant_ids=ids,
        blocking_rules=blocking_rules(refusals),
        blocking_prerequisites=blocking_prerequisites(refusals),
        refusals_by_reason=refusals_by_reason(refusals),
        refusals=len(refusals),
    )


def names_by_id(ids: Sequence[str], visible: QuerySet[Participant]) -> dict[str, Participant]:
    """The participants among `ids` that the viewer may see by name; the others are only counted."""
    shown: dict[str, Participant] = {}
    for participant in visible.filter(pk__in=list(ids)):
        shown[str(participant.pk)] = participant
    return shown
