"""A matching run for an office: load the participants in the programme and the offers starting in the
period, solve exactly (kvp.matching_engine), and store one proposal per place with its explanation. A run
proposes; the counsellor and the participant decide. Inputs, parameters and results are kept."""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.decorators import is_staff
from kvp.accounts.models import Office, User
from kvp.catalogue.barrier_scan import participants_in_programme
from kvp.catalogue.facts import EDUCATION_ORDER, holds_by_participant, requirements_of
from kvp.catalogue.models import Offer, Participation
from kvp.catalogue.selectors import providers_with_unresolved_incidents
from kvp.matching.models import MatchProposal, MatchRun, Preference
from kvp.matching_engine import build_problem, solve_problem, summarise
from kvp.plans.models import Education, Mapping, WorkExperience
from kvp.rules import occupations
from kvp.rules.matching import (
    DEFAULT_PREFERENCE_WEIGHT,
    FitComponent,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    fit_score,
    infeasible_reason,
)
from kvp.rules.measures import MeasureType
from kvp.rules.recommendations import EducationLevel, Experience

Progress = Callable[[str, int, int], None]
NOT_MAPPED = "not_mapped"


def may_run(user: User, office: Office) -> bool:
    return is_staff(user) and user.office_id == office.pk


def offers_in_period(
    office: Office, start: datetime.date, end: datetime.date, kinds: Sequence[str] = ()
) -> list[tuple[Offer, int]]:
    """Offers with free places that start in the period (or take people continuously while it lasts), with
    the number of free places."""
    offers = list(
        Offer.objects.filter(provider__office=office, available_from__lte=end)
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=start))
        .filter(**({"measure_type__in": list(kinds)} if kinds else {}))
        .select_related("provider")
        .order_by("pk")
    )
    taken = dict(
        Participation.objects.filter(offer__in=offers, status=Participation.Status.PARTICIPATING)
        .values("offer_id")
        .annotate(count=Count("pk"))
        .values_list("offer_id", "count")
    )
    found = []
    for offer in offers:
        starts = [datetime.date.fromisoformat(day) for day in offer.start_dates]
        free = offer.capacity - taken.get(offer.pk, 0)
        if (not starts or any(start <= day <= end for day in starts)) and free > 0:
            found.append((offer, free))
    return found


def _education_groups(ids: list[str], people: QuerySet[Any]) -> dict[str, str]:
    """The highest completed education per participant: the non-protected group a fairness floor may use."""
    best: dict[str, EducationLevel] = {}
    for participant_id, level in Education.objects.filter(
        mapping__participant_id__in=people, completed=True
    ).values_list("mapping__participant_id", "level"):
        key, value = str(participant_id), EducationLevel(level)
        if key not in best or EDUCATION_ORDER.index(value) > EDUCATION_ORDER.index(best[key]):
            best[key] = value
    none = {
        str(pk)
        for pk in Mapping.objects.filter(participant_id__in=people, no_education=True).values_list(
            "participant_id", flat=True
        )
    }
    return {pk: best[pk].value if pk in best else ("none" if pk in none else NOT_MAPPED) for pk in ids}


@dataclass(frozen=True)
class Inputs:
    participants: list[MatchParticipant]
    offers: list[MatchOffer]
    offer_rows: dict[str, Offer]
    dropped_wishes: list[dict[str, str]]
    wishes: dict[str, list[str]]  # every participant's wishes as ranked, including those left out of the match
    taken: frozenset[tuple[str, str]]  # (participant, offer) pairs already applied for, running or completed


def match_inputs(office: Office, start: datetime.date, end: datetime.date, kinds: Sequence[str] = ()) -> Inputs:
    """Everything the engine needs, in a fixed number of queries (never origin, nationality or religion)."""
    offers = offers_in_period(office, start, end, kinds)
    incidents = providers_with_unresolved_incidents()
    match_offers = [
        MatchOffer(
            offer_id=str(o.pk),
            kind=MeasureType(o.measure_type),
            capacity=free,
            requires=requirements_of(o),
            occupation_code=o.occupation_code if occupations.is_valid_code(o.occupation_code) else "",
            formal_qualification=o.formal_qualification,
            mentor=o.mentor_available,
            works_alone=o.works_alone,
            unresolved_incident=o.provider_id in incidents,
            title=o.title,
        )
        for o, free in offers
    ]
    by_id = {offer.offer_id: offer for offer in match_offers}
    in_programme = participants_in_programme(office.pk)
    people = in_programme.values("pk")  # a subquery: no list of ids as query parameters
    holds = holds_by_participant(in_programme)
    ids = sorted(holds)
    groups = _education_groups(ids, people)
    wanted = {
        str(pk): tuple(code for code in codes if occupations.is_valid_code(code))
        for pk, codes in Mapping.objects.filter(participant_id__in=people).values_list(
            "participant_id", "wanted_occupations"
        )
    }
    experience: dict[str, list[Experience]] = defaultdict(list)
    for owner, code, years in WorkExperience.objects.filter(mapping__participant_id__in=people).values_list(
        "mapping__participant_id", "occupation_code", "years"
    ):
        if occupations.is_valid_code(code):
            experience[str(owner)].append(Experience(code, years))
    wishes: dict[str, list[str]] = defaultdict(list)
    dropped: list[dict[str, str]] = []
    for participant_id, wished in (
        Preference.objects.filter(participant_id__in=people)
        .order_by("participant_id", "rank")
        .values_list("participant_id", "offer_id")
    ):
        wishes[str(participant_id)].append(str(wished))
    taken = frozenset(
        (str(participant_id), str(offer_id))
        for participant_id, offer_id in Participation.objects.filter(
            participant_id__in=people, status__in=[*Participation.OPEN, Participation.Status.COMPLETED]
        ).values_list("participant_id", "offer_id")
    )
    participants = []
    for pk in ids:
        base = MatchParticipant(pk, holds[pk], wanted.get(pk, ()), tuple(experience[pk]), (), groups[pk])
        kept = []
        for offer_id in wishes[pk]:
            offer = by_id.get(offer_id)
            if offer is None or (pk, offer_id) in taken or infeasible_reason(base, offer) is not None:
                why = "not_in_period" if offer is None else "already_in" if (pk, offer_id) in taken else "cannot_take"
                dropped.append({"participant": pk, "offer": offer_id, "why": why})
            else:
                kept.append(offer_id)
        participants.append(
            MatchParticipant(pk, holds[pk], wanted.get(pk, ()), tuple(experience[pk]), tuple(kept), groups[pk])
        )
    return Inputs(participants, match_offers, {str(o.pk): o for o, _free in offers}, dropped, dict(wishes), taken)


def _component_json(component: FitComponent) -> dict[str, Any]:
    return {
        "label": component.label,
        "points": str(component.points),
        "weight": str(component.weight),
        "evidence": component.evidence,
        "note": component.note,
        "params": component.params,
        "labels": component.labels,
    }


def _gave_up(wishes: tuple[str, ...], got: str, filled: dict[str, int]) -> list[dict[str, Any]]:
    """The wishes ranked above the proposed offer, and why they were not given (all places went elsewhere)."""
    ranked = list(wishes)
    above = ranked[: ranked.index(got)] if got in ranked else ranked
    return [
        {"offer": offer_id, "rank": ranked.index(offer_id) + 1, "full": filled.get(offer_id, 0)} for offer_id in above
    ]


def run_match(
    *,
    actor: User,
    office: Office,
    mode: str,
    period_start: datetime.date,
    period_end: datetime.date,
    kinds: Sequence[str] = (),
    wish_weight: Decimal = Decimal(1),
    qualifying_floor: int | None = None,
    progress: Progress | None = None,
) -> MatchRun:
    """Run the match and store the proposals; a MatchInputError becomes a clear ValidationError and stores
    nothing. Loading and solving hold no lock; the run is stored in one short transaction, one run at a time
    per office (a run finishing meanwhile waits for the other to be stored)."""
    if not may_run(actor, office):
        raise PermissionDenied
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    unknown = sorted(set(kinds) - {kind.value for kind in MeasureType})
    if unknown:
        raise ValidationError({"kinds": _("Unknown kind of measure: %(kind)s") % {"kind": unknown[0]}})
    timings: dict[str, float] = {}
    started = time.perf_counter()
    inputs = match_inputs(office, period_start, period_end, kinds)
    timings["load"] = time.perf_counter() - started
    floors = None
    if qualifying_floor:
        present = sorted({p.group for p in inputs.participants if p.group != NOT_MAPPED})
        floors = {group: Decimal(qualifying_floor) / 100 for group in present}
    parameters = {
        "mode": mode,
        "wish_weight": str(wish_weight),
        "qualifying_floor": qualifying_floor,
        "period": [period_start.isoformat(), period_end.isoformat()],
        "group": "education",
        "kinds": sorted(kinds),
    }
    try:
        problem = build_problem(
            inputs.participants,
            inputs.offers,
            preference_weight=DEFAULT_PREFERENCE_WEIGHT * wish_weight,
            exclude=inputs.taken,
        )
        tick = time.perf_counter()
        assignment = solve_problem(
            problem, mode="stable" if mode == MatchRun.Mode.STABLE else "optimal", floors=floors, progress=progress
        )
        timings["solve"] = time.perf_counter() - tick
    except MatchInputError as error:
        raise ValidationError(_(error.message) % error.params, code=error.code) from error
    summary = summarise(problem, assignment)
    tick = time.perf_counter()
    run = MatchRun(  # stored with its proposals at the end
        office=office,
        mode=mode,
        period_start=period_start,
        period_end=period_end,
        parameters=parameters,
        inputs={
            "participants": len(inputs.participants),
            "offers": len(inputs.offers),
            "places": sum(o.capacity for o in inputs.offers),
            "dropped_wishes": inputs.dropped_wishes,
            "wishes": {p.participant_id: list(p.preferences) for p in inputs.participants if p.preferences},
        },
        status=MatchRun.Status.DONE,
        started_by=actor,
    )
    people = {p.participant_id: p for p in inputs.participants}
    offers = {o.offer_id: o for o in inputs.offers}
    filled: dict[str, int] = defaultdict(int)
    for _participant, offer_id in assignment.pairs:
        filled[offer_id] += 1
    proposals = []
    explanations: list[dict[str, Any]] = []  # each distinct component once; proposals hold indices into it
    index_of: dict[int, tuple[FitComponent, int]] = {}  # equal components are shared objects

    def shown(component: FitComponent) -> int:
        found = index_of.get(id(component))
        if found is None or found[0] is not component:
            explanations.append(_component_json(component))
            found = index_of[id(component)] = (component, len(explanations) - 1)
        return found[1]

    for participant_id, offer_id in assignment.pairs:
        person, offer = people[participant_id], offers[offer_id]
        fit = fit_score(person, offer)
        if fit is None:  # the engine assigns only feasible pairs; kept explicit for the type checker
            continue
        wishes = tuple(inputs.wishes.get(participant_id, ()))
        proposals.append(
            MatchProposal(
                run_id=run.pk,
                participant_id=participant_id,
                offer_id=inputs.offer_rows[offer_id].pk,
                proposed_offer_id=inputs.offer_rows[offer_id].pk,
                fit=fit.score,
                components=[shown(component) for component in fit.components],
                wish_rank=wishes.index(offer_id) + 1 if offer_id in wishes else None,
                gave_up=_gave_up(wishes, offer_id, filled),
            )
        )
    timings["store"] = time.perf_counter() - tick
    run.results = {
        "participants": summary.participants,
        "with_wishes": summary.with_wishes,
        "assigned": summary.assigned_participants,
        "pairs": summary.pairs,
        "top1": summary.top1,
        "top3": summary.top3,
        "top1_share": round(summary.top1_share, 4),
        "top3_share": round(summary.top3_share, 4),
        "total_fit": str(Decimal(summary.total_fit) / 1000),
        "objective": summary.objective,
        "places": summary.places,
        "unfilled": summary.unfilled,
        "qualifying_by_group": {k: list(v) for k, v in summary.qualifying_by_group.items()},
        "solver": assignment.solver,
        "proven_optimal": assignment.proven_optimal,
        "gap": assignment.gap,
        "unmet_floors": [_(shortfall.message) % shortfall.params for shortfall in assignment.unmet],
        "seconds": {name: round(value, 3) for name, value in timings.items()},
    }
    run.explanations = explanations
    run.finished_at = timezone.now()
    with transaction.atomic():
        Office.objects.select_for_update().filter(pk=office.pk).first()
        run.save()
        MatchProposal.objects.bulk_create(proposals)
    return run
