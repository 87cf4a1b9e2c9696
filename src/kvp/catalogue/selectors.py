"""Browsing the catalogue: the offers a user may see, filtered, with free places and waiting lists."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext

from kvp.accounts.models import User
from kvp.catalogue.models import Incident, Offer, Participation, Provider, ProviderChange
from kvp.common.formatting import day
from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.rules import occupations
from kvp.rules.prerequisites import Prerequisite
from kvp.rules.skills import Cefr


def office_id_of(user: User) -> int | None:
    """The office whose catalogue the user browses: their own, or a participant's office."""
    if user.participant_id is not None:
        return Participant.objects.filter(pk=user.participant_id).values_list("office_id", flat=True).first()
    return user.office_id


def providers_for(user: User) -> QuerySet[Provider]:
    providers = Provider.objects.select_related("office")
    office_id = office_id_of(user)
    if user.is_administrator:
        return providers
    return providers.filter(office_id=office_id) if office_id is not None else providers.none()


def offers_for(user: User) -> QuerySet[Offer]:
    """Current offers (not expired) from the user's office catalogue, with places taken and waiting."""
    today = timezone.localdate()
    offers = Offer.objects.select_related("provider").filter(
        Q(available_until__isnull=True) | Q(available_until__gte=today)
    )
    office_id = office_id_of(user)
    if not user.is_administrator:
        offers = offers.filter(provider__office_id=office_id) if office_id is not None else offers.none()
    return offers.annotate(
        taken=Count("participations", filter=Q(participations__status=Participation.Status.PARTICIPATING)),
        waiting=Count("participations", filter=Q(participations__status=Participation.Status.WAITING_LIST)),
    ).order_by("title", "pk")


def filtered(offers: QuerySet[Offer], filters: dict[str, Any]) -> QuerySet[Offer]:
    if text := filters.get("q"):
        offers = offers.filter(
            Q(title__icontains=text) | Q(content__icontains=text) | Q(provider__name__icontains=text)
        )
    if filters.get("measure_type"):
        offers = offers.filter(measure_type=filters["measure_type"])
    if filters.get("qualifying"):
        offers = offers.exclude(formal_qualification="")
    if level := filters.get("norwegian_at_most"):
        allowed = [c.value for c in Cefr if c.rank <= Cefr(level).rank]
        offers = offers.filter(Q(norwegian_needed="") | Q(norwegian_needed__in=allowed))
    if filters.get("provider_kind"):
        offers = offers.filter(provider__kind=filters["provider_kind"])
    if filters.get("with_places"):
        offers = offers.filter(capacity__gt=F("taken"))
    return offers


def providers_with_unresolved_incidents() -> set[uuid.UUID]:
    """Employers and providers with an open discrimination incident (E12), in one query: the catalogue
    shows them as such, and matching counts it against the employer's readiness."""
    return set(Incident.objects.filter(status=Incident.Status.OPEN).values_list("provider_id", flat=True).distinct())


def incidents_by_provider(office_id: int) -> list[tuple[Provider, list[Incident]]]:
    """The office's incidents grouped per employer or provider, those with open incidents first."""
    incidents = Incident.objects.select_related("provider").filter(provider__office_id=office_id)
    grouped: dict[uuid.UUID, tuple[Provider, list[Incident]]] = {}
    for incident in incidents.order_by("provider__name", "-happened_on"):
        grouped.setdefault(incident.provider_id, (incident.provider, []))[1].append(incident)
    return sorted(
        grouped.values(),
        key=lambda item: (not any(i.status == Incident.Status.OPEN for i in item[1]), item[0].name),
    )


@dataclass(frozen=True)
class ProviderChangeRow:
    change: ProviderChange
    can_decide: bool


@dataclass(frozen=True)
class ParticipationRow:
    """A participation in a measure, with the provider's requests and what the viewer may do."""

    participation: Participation
    changes: list[ProviderChangeRow]
    can_update: bool  # the counsellor, while the participation is open


def participation_rows(*, access: ParticipantAccess) -> list[ParticipationRow]:
    """The participant's applications and places (two queries)."""
    participations = (
        Participation.objects.filter(participant=access.participant)
        .select_related("offer__provider")
        .prefetch_related("changes")
    )
    return [
        ParticipationRow(
            participation=participation,
            changes=[
                ProviderChangeRow(
                    change, can_decide=access.can_write and change.status == ProviderChange.Status.PROPOSED
                )
                for change in participation.changes.all()
            ],
            can_update=access.can_write and participation.status in Participation.OPEN,
        )
        for participation in participations
    ]


@dataclass(frozen=True)
class OfferWords:
    """What an offer asks and when it starts, in words in the reader's language (its fields hold codes
    and ISO dates)."""

    prerequisites: list[str]
    start_dates: list[str]
    occupation: str


def offer_words(*, offer: Offer) -> OfferWords:
    return OfferWords(
        prerequisites=[capfirst(Prerequisite.parse(code).render(gettext)) for code in offer.prerequisites],
        start_dates=[day(datetime.date.fromisoformat(start)) for start in offer.start_dates],
        occupation=occupations.title(offer.occupation_code) if offer.occupation_code else "",
    )
