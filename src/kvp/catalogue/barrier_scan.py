"""The office's institutional barriers (E5, E6): catch-22s in the catalogue's prerequisites, who they
catch, which rules block most, and which prerequisites refusals cite. Computed on each request, so a
leader who changes an offer's rule sees the result at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Max, QuerySet
from django.utils import timezone

from kvp.catalogue.facts import DRIVING, offer_node
from kvp.catalogue.models import Offer, Participation
from kvp.participants.models import Participant
from kvp.plans.models import Activity, Mapping, WorkExperience
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
from kvp.rules.measures import PLACEMENTS
from kvp.rules.prerequisites import Prerequisite, PrerequisiteError, PrerequisiteKind
from kvp.rules.skills import Cefr, NorwegianSkill

Kind = PrerequisiteKind
PLACEMENT_TYPES = [kind.value for kind in PLACEMENTS]


def participants_in_programme(office_id: int) -> QuerySet[Participant]:
    """The office's participants with an open case: those the catalogue's rules can block."""
    return Participant.objects.filter(
        office_id=office_id, cases__status__in=[s.value for s in OPEN_STATUSES]
    ).distinct()


def holds_by_participant(participants: QuerySet[Participant]) -> dict[str, frozenset[Prerequisite]]:
    """What each participant holds (as kvp.catalogue.facts.holds_of), read as plain values in five queries
    that select by subquery, so 100,000 participants cost no model objects and no long id lists."""
    ids = participants.values("pk")
    holds: dict[str, set[Prerequisite]] = {str(pk): set() for pk in participants.values_list("pk", flat=True)}
    skills = [f"norwegian_{skill.value}" for skill in NorwegianSkill]
    for participant_id, *values in Mapping.objects.filter(participant_id__in=ids).values_list(
        "participant_id", *skills, "digital_skills", "driving_licence"
    ):
        found = holds[str(participant_id)]
        levels = [Cefr(level) for level in values[: len(skills)] if level]
        digital, licence = values[len(skills) :]
        if levels:
            found.add(Prerequisite(Kind.NORWEGIAN, min(levels, key=lambda level: level.rank).value))
        if digital:
            found.add(Prerequisite(Kind.DIGITAL, digital))
        if licence in DRIVING:
            found.add(Prerequisite(Kind.DRIVING_LICENCE))
    most = (
        WorkExperience.objects.filter(mapping__participant_id__in=ids)
        .values("mapping__participant_id")
        .annotate(most=Max("years"))
        .values_list("mapping__participant_id", "most")
    )
    for participant_id, years in most:
        if years is not None and years >= 1:
            holds[str(participant_id)].add(Prerequisite(Kind.WORK_EXPERIENCE_YEARS, str(min(int(years), 60))))
    rows = Participation.objects.filter(
        participant_id__in=ids,
        status__in=[Participation.Status.PARTICIPATING, Participation.Status.COMPLETED],
    ).values_list("participant_id", "status", "offer__measure_type")
    for participant_id, status, measure_type in rows:
        if status == Participation.Status.COMPLETED:
            holds[str(participant_id)].add(Prerequisite(Kind.COMPLETED, measure_type))
        elif measure_type in PLACEMENT_TYPES:
            holds[str(participant_id)].add(Prerequisite(Kind.ACTIVE_PLACEMENT))
    placed = Activity.objects.filter(
        plan__participant_id__in=ids, measure_type__in=PLACEMENT_TYPES, status=Activity.Status.IN_PROGRESS
    ).values_list("plan__participant_id", flat=True)
    for participant_id in placed:
        holds[str(participant_id)].add(Prerequisite(Kind.ACTIVE_PLACEMENT))
    return {key: frozenset(value) for key, value in holds.items()}


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
