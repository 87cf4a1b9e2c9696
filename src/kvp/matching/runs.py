"""A matching run for an office: load the participants in the programme and the offers starting in the
period, solve exactly (kvp.matching_engine), and store at most one proposal per participant with its
explanation: the reasons of the fit (kvp.rules.fit, as the catalogue's recommendations give them), the wish,
and truly why each other wish was not given. A run
proposes; the counsellor and the participant decide. Inputs, parameters and results are kept."""

from __future__ import annotations

import datetime
import json
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
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
from kvp.catalogue.facts import EDUCATION_ORDER, holds_by_participant, profiles_by_participant, requirements_of
from kvp.catalogue.models import Offer, Participation
from kvp.catalogue.selectors import providers_with_unresolved_incidents
from kvp.matching.models import MatchProposal, MatchRun, Preference
from kvp.matching_engine import Problem, build_problem, solve_problem, summarise
from kvp.participants.models import Participant
from kvp.plans.models import Education, Mapping
from kvp.rules import occupations
from kvp.rules.fit import EducationLevel, Profile, Reason, wish_reason
from kvp.rules.matching import (
    DEFAULT_PREFERENCE_WEIGHT,
    Fit,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    fit_score,
    infeasible_reason,
)
from kvp.rules.measures import MeasureType
from kvp.rules.prerequisites import Prerequisite

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
    match_offers = [match_offer(o, free, incidents) for o, free in offers]
    by_id = {offer.offer_id: offer for offer in match_offers}
    in_programme = participants_in_programme(office.pk)
    people = in_programme.values("pk")  # a subquery: no list of ids as query parameters
    holds = holds_by_participant(in_programme)
    profiles = profiles_by_participant(in_programme)
    ids = sorted(holds)
    groups = _education_groups(ids, people)
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
        base = match_participant(pk, holds[pk], profiles[pk], groups[pk])
        kept = []
        for offer_id in wishes[pk]:
            offer = by_id.get(offer_id)
            if offer is None or (pk, offer_id) in taken or infeasible_reason(base, offer) is not None:
                why = "not_in_period" if offer is None else "already_in" if (pk, offer_id) in taken else "cannot_take"
                dropped.append({"participant": pk, "offer": offer_id, "why": why})
            else:
                kept.append(offer_id)
        participants.append(replace(base, preferences=tuple(kept)))
    return Inputs(participants, match_offers, {str(o.pk): o for o, _free in offers}, dropped, dict(wishes), taken)


def match_offer(offer: Offer, free: int, incidents: Collection[object]) -> MatchOffer:
    """The offer with `free` places, as matching and the fit see it."""
    return MatchOffer(
        offer_id=str(offer.pk),
        kind=MeasureType(offer.measure_type),
        capacity=free,
        requires=requirements_of(offer),
        occupation_code=offer.occupation_code if occupations.is_valid_code(offer.occupation_code) else "",
        formal_qualification=offer.formal_qualification,
        mentor=offer.mentor_available,
        works_alone=offer.works_alone,
        unresolved_incident=offer.provider_id in incidents,
        title=offer.title,
        weeks=offer.length_weeks,
    )


def match_participant(pk: str, holds: frozenset[Prerequisite], profile: Profile, group: str = "") -> MatchParticipant:
    """The participant as matching and the fit see them (the same profile as the catalogue's recommendations)."""
    return MatchParticipant(
        pk,
        holds,
        profile.wanted_occupations,
        profile.experience,
        group=group,
        education=profile.education,
        current_measures=profile.current_measures,
        interested_in=profile.interested_in,
    )


def reason_json(reason: Reason) -> dict[str, Any]:
    """A reason as a run stores it: numbers as text, with the names of the decimal ones."""
    return {
        "text": reason.text,
        "params": {name: str(value) for name, value in reason.params.items()},
        "decimals": sorted(name for name, value in reason.params.items() if isinstance(value, Decimal)),
        "labels": reason.labels,
        "evidence": reason.evidence,
        "weight": str(reason.weight),
    }


def explained(fit: Fit, rank: int | None, wish_weight: Decimal) -> list[Reason]:
    """The reasons of a proposal: the fit's and the participant's wish, as the engine weighed them (E1)."""
    wish = wish_reason(rank, wish_weight)
    return [*fit.reasons, wish] if wish is not None else list(fit.reasons)


def _not_given(
    person: MatchParticipant,
    got: str,
    wishes: list[str],
    dropped: dict[str, str],
    problem: Problem,
    takers: dict[str, list[str]],
) -> list[dict[str, Any]]:
    """Each wish, and truly why it was not given: it is the proposed offer (shown once a counsellor changes
    the proposal), the participant has already
    applied for it, it is not in the match, they cannot take it yet, or its free places went to others (the
    one with the lowest weight for it named, with both weights), or it weighs less than the proposed offer."""
    found = []
    for rank, offer_id in enumerate(wishes, start=1):
        item: dict[str, Any] = {"offer": offer_id, "rank": rank, "why": "proposed" if offer_id == got else ""}
        item["why"] = item["why"] or dropped.get(offer_id, "")
        if not item["why"]:
            own, proposed = _weights(problem, [(person.participant_id, offer_id), (person.participant_id, got)])
            holders = takers.get(offer_id, [])
            item["own"] = _shown_weight(own)
            if holders and len(holders) >= int(problem.capacity[problem.offer_index[offer_id]]):
                weights = _weights(problem, [(holder, offer_id) for holder in holders])
                last = min(range(len(holders)), key=lambda index: (weights[index], holders[index]))
                item |= {"why": "full", "places": len(holders), "last": holders[last]}
                item["theirs"] = _shown_weight(weights[last])
            else:
                item |= {"why": "weighs_less" if own <= proposed else "floor", "proposed": _shown_weight(proposed)}
        found.append(item)
    return found


def _weights(problem: Problem, pairs: list[tuple[str, str]]) -> list[int]:
    """The arc weights (fit and wish, in thousandths) of the pairs."""
    return [int(problem.arc_weight[arc]) for arc in problem.arc_indices(pairs).tolist()]


def _shown_weight(weight: int) -> str:
    return str(Decimal(weight) / 1000)


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
    preference_weight = DEFAULT_PREFERENCE_WEIGHT * wish_weight
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
            preference_weight=preference_weight,
            exclude=inputs.taken,
            one_place_each=True,
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
    takers: dict[str, list[str]] = defaultdict(list)
    for participant_id, offer_id in assignment.pairs:
        takers[offer_id].append(participant_id)
    dropped: dict[str, dict[str, str]] = defaultdict(dict)
    for item in inputs.dropped_wishes:
        dropped[item["participant"]][item["offer"]] = item["why"]
    proposals = []
    explanations: list[dict[str, Any]] = []  # each distinct reason once; proposals hold indices into it
    index_of: dict[str, int] = {}

    def shown(reason: Reason) -> int:
        stored = reason_json(reason)
        key = json.dumps(stored, sort_keys=True)
        if key not in index_of:
            index_of[key] = len(explanations)
            explanations.append(stored)
        return index_of[key]

    for participant_id, offer_id in assignment.pairs:
        person, offer = people[participant_id], offers[offer_id]
        fit = fit_score(person, offer)
        if fit is None:  # the engine assigns only feasible pairs; kept explicit for the type checker
            continue
        wishes = inputs.wishes.get(participant_id, [])
        proposals.append(
            MatchProposal(
                run_id=run.pk,
                participant_id=participant_id,
                offer_id=inputs.offer_rows[offer_id].pk,
                proposed_offer_id=inputs.offer_rows[offer_id].pk,
                fit=fit.score,
                components=[shown(reason) for reason in explained(fit, person.rank_of(offer_id), preference_weight)],
                wish_rank=wishes.index(offer_id) + 1 if offer_id in wishes else None,
                gave_up=_not_given(person, offer_id, wishes, dropped[participant_id], problem, takers),
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


def explain_change(
    run: MatchRun, participant: Participant, offer: Offer
) -> tuple[Decimal, list[dict[str, Any]], int | None]:
    """The fit, reasons and wish rank of `offer` for the participant, as the run would have explained them:
    the same fit (kvp.rules.fit) and the run's weight of wishes."""
    people = Participant.objects.filter(pk=participant.pk)
    key = str(participant.pk)
    wishes = [
        str(offer_id)
        for offer_id in Preference.objects.filter(participant=participant)
        .order_by("rank")
        .values_list("offer_id", flat=True)
    ]
    person = replace(
        match_participant(key, holds_by_participant(people)[key], profiles_by_participant(people)[key]),
        preferences=tuple(wishes),
    )
    fit = fit_score(person, match_offer(offer, offer.capacity, providers_with_unresolved_incidents()))
    if fit is None:
        raise ValueError("the participant cannot take the offer")
    weight = DEFAULT_PREFERENCE_WEIGHT * Decimal(run.parameters.get("wish_weight", "1"))
    rank = person.rank_of(str(offer.pk))
    return fit.score, [reason_json(reason) for reason in explained(fit, rank, weight)], rank
