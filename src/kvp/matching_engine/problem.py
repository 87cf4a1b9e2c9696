"""A matching problem: participants, offers with places, and the feasible pairs (arcs) with their weights.

An arc exists only for a pair the participant can take (E5). Its weight, in thousandths, is the fit score plus
the participant's wish for the offer (E1):

    weight = round(1000 × (fit + preference_weight × preference_bonus(rank)))

A solution gives each participant at most one offer per kind (measure type) and each offer at most its
capacity. Participants keep the order they are given in: that is their arrival order for the first-come
greedy baseline. The exact solvers work in a canonical order (participants and offers sorted by id), so the
same participants and offers give the same result whatever order they come in; offers are taken in order of
kind, then id, so that each participant's arcs of one kind lie together.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import numpy.typing as npt

from kvp.rules.matching import (
    DEFAULT_PREFERENCE_WEIGHT,
    MAX_PREFERENCES,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    preference_bonus,
)
from kvp.rules.texts import N_

Ints = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]
Bools = npt.NDArray[np.bool_]
Pair = tuple[str, str]  # (participant id, offer id)


@dataclass(frozen=True)
class Shortfall:
    """A fairness floor an assignment does not meet: `required` participants of `group` need a qualifying
    offer, `achieved` of them have one."""

    group: str
    required: int
    achieved: int

    message = N_(
        "The fairness floor for the group %(group)s was not met in time: %(achieved)s of the %(required)s "
        "participants it needs have a qualifying offer (%(missing)s short)."
    )

    @property
    def params(self) -> dict[str, str]:
        return {
            "group": self.group,
            "required": str(self.required),
            "achieved": str(self.achieved),
            "missing": str(self.required - self.achieved),
        }


@dataclass(frozen=True)
class Assignment:
    """A solver's result. `pairs` are sorted by participant id, then offer id; `objective` is the sum of their
    arc weights; `bound` an upper bound on the optimum when the solver proves one (the optimum itself when
    `proven_optimal`)."""

    pairs: tuple[Pair, ...]
    objective: int
    solver: str
    seconds: float
    proven_optimal: bool
    bound: int | None
    unmet: tuple[Shortfall, ...] = ()  # fairness floors not met (the best assignment found is given anyway)

    @property
    def gap(self) -> float | None:
        """(bound - objective) / bound, or None without a bound."""
        if self.bound is None:
            return None
        return (self.bound - self.objective) / self.bound if self.bound else 0.0


class Problem:
    """Participants, offers and arcs as numpy arrays. Build one with `scoring.build_problem` (which computes
    the fit scores) or directly from arcs `(participant index, offer index, fit in thousandths)`.

    A participant gets at most one offer of each kind, or at most one in all with `one_place_each`.

    Raises MatchInputError for a repeated participant or offer id, a negative capacity, a preference for an
    offer not in the problem, or a preference for an offer the participant has no arc to."""

    def __init__(
        self,
        participants: Sequence[MatchParticipant],
        offers: Sequence[MatchOffer],
        arcs: Iterable[tuple[int, int, int]],
        *,
        preference_weight: Decimal = DEFAULT_PREFERENCE_WEIGHT,
        one_place_each: bool = False,
    ) -> None:
        triples = list(arcs)
        columns = np.array(triples, dtype=object).reshape(len(triples), 3)
        self._setup(
            participants,
            offers,
            _whole(columns[:, 0], "participant index"),
            _whole(columns[:, 1], "offer index"),
            _scores(columns[:, 2]),
            preference_weight,
            one_place_each,
        )

    @classmethod
    def from_arrays(
        cls,
        participants: Sequence[MatchParticipant],
        offers: Sequence[MatchOffer],
        participant: npt.ArrayLike,
        offer: npt.ArrayLike,
        fit: npt.ArrayLike,
        *,
        preference_weight: Decimal = DEFAULT_PREFERENCE_WEIGHT,
        one_place_each: bool = False,
    ) -> Problem:
        problem = cls.__new__(cls)
        problem._setup(
            participants,
            offers,
            _whole(np.asarray(participant), "participant index"),
            _whole(np.asarray(offer), "offer index"),
            _scores(np.asarray(fit)),
            preference_weight,
            one_place_each,
        )
        return problem

    def _setup(
        self,
        participants: Sequence[MatchParticipant],
        offers: Sequence[MatchOffer],
        participant: Ints,
        offer: Ints,
        fit: Ints,
        preference_weight: Decimal,
        one_place_each: bool = False,
    ) -> None:
        if not isinstance(preference_weight, Decimal) or not preference_weight.is_finite() or preference_weight < 0:
            raise ValueError("the preference weight must be a number of at least 0")
        self.participants = tuple(participants)
        self.offers = tuple(offers)
        self.preference_weight = preference_weight
        self.participant_index = unique_ids([p.participant_id for p in self.participants], "participant")
        self.offer_index = unique_ids([o.offer_id for o in self.offers], "offer")
        for item in self.offers:
            if item.capacity < 0:
                raise MatchInputError(
                    "negative_capacity",
                    N_("The offer %(offer)s has %(capacity)s places; the number of places cannot be negative."),
                    {"offer": item.name, "capacity": str(item.capacity)},
                )
        n, m = len(self.participants), len(self.offers)
        if participant.size and (
            participant.min() < 0 or participant.max() >= n or offer.min() < 0 or offer.max() >= m
        ):
            raise ValueError("an arc names a participant or offer index outside the problem")

        # The kind an offer counts as for "one offer of each kind": all one with one_place_each.
        kind_of = ["" if one_place_each else o.kind.value for o in self.offers]
        kinds = sorted(set(kind_of))
        self.kinds: tuple[str, ...] = tuple(kinds)
        kind_number = {kind: number for number, kind in enumerate(kinds)}
        self.offer_kind: Ints = np.array([kind_number[kind] for kind in kind_of], dtype=np.int64)

        # Canonical order: participants by id, offers by kind and id; arcs by (participant, offer), so the arcs
        # of one participant and kind (a "pk" node of the flow) are contiguous.
        self.participant_rank: Ints = _ranks([p.participant_id for p in self.participants])
        self.offer_rank: Ints = _ranks([(o.kind.value, o.offer_id) for o in self.offers])
        order = np.lexsort((self.offer_rank[offer], self.participant_rank[participant]))
        self.arc_participant: Ints = participant[order]
        self.arc_offer: Ints = offer[order]
        self.arc_fit: Ints = fit[order]
        self.arc_kind: Ints = self.offer_kind[self.arc_offer]
        keys = self.participant_rank[self.arc_participant] * max(m, 1) + self.offer_rank[self.arc_offer]
        if keys.size > 1 and bool(np.any(keys[1:] == keys[:-1])):
            raise ValueError("the same participant and offer appear in two arcs")
        self._keys: Ints = keys
        # pk: one (participant, kind) per run of arcs, numbered in canonical order.
        starts = np.ones(keys.size, dtype=np.bool_)
        if keys.size > 1:
            starts[1:] = (self.arc_participant[1:] != self.arc_participant[:-1]) | (
                self.arc_kind[1:] != self.arc_kind[:-1]
            )
        self.arc_pk: Ints = np.cumsum(starts, dtype=np.int64) - 1
        self.pk_count = int(starts.sum())
        self.capacity: Ints = np.array([o.capacity for o in self.offers], dtype=np.int64)
        self.qualifying: Bools = np.array([o.qualifying for o in self.offers], dtype=np.bool_)
        groups = sorted({p.group for p in self.participants})
        self.groups: tuple[str, ...] = tuple(groups)
        group_number = {group: number for number, group in enumerate(groups)}
        self.participant_group: Ints = np.array([group_number[p.group] for p in self.participants], dtype=np.int64)

        # Wishes: each must name an offer in the problem that the participant has an arc to.
        self.arc_rank: Ints = np.zeros(len(self.arc_offer), dtype=np.int64)
        for p_index, person in enumerate(self.participants):
            if not person.preferences:
                continue
            wished = []
            for offer_id in person.preferences:
                o_index = self.offer_index.get(offer_id)
                if o_index is None:
                    raise MatchInputError(
                        "unknown_offer",
                        N_("Participant %(participant)s wishes for the offer %(offer)s, which is not in this match."),
                        {"participant": person.participant_id, "offer": offer_id},
                    )
                wished.append(o_index)
            arcs = self._find(np.full(len(wished), p_index, dtype=np.int64), np.array(wished, dtype=np.int64))
            for rank, (o_index, arc) in enumerate(zip(wished, arcs.tolist(), strict=True), start=1):
                if arc < 0:
                    raise MatchInputError(
                        "infeasible_preference",
                        N_("Participant %(participant)s cannot take the offer %(offer)s, which they wish for."),
                        {"participant": person.participant_id, "offer": self.offers[o_index].name},
                    )
                self.arc_rank[arc] = rank
        bonus = [_milli(preference_weight * preference_bonus(rank or None)) for rank in range(MAX_PREFERENCES + 1)]
        self.arc_weight: Ints = self.arc_fit + np.array(bonus, dtype=np.int64)[self.arc_rank]

    @property
    def arc_count(self) -> int:
        return int(self.arc_offer.size)

    def _find(self, participant: Ints, offer: Ints) -> Ints:
        """The arc of each (participant index, offer index), or -1 where there is none."""
        keys = self.participant_rank[participant] * max(len(self.offers), 1) + self.offer_rank[offer]
        found = np.searchsorted(self._keys, keys)
        found = np.minimum(found, max(self._keys.size - 1, 0))
        hit = self._keys[found] == keys if self._keys.size else np.zeros(keys.size, dtype=np.bool_)
        return np.where(hit, found, -1)

    def arc_indices(self, pairs: Iterable[Pair]) -> Ints:
        """The arcs of the given (participant id, offer id) pairs, -1 for a pair without one; KeyError for an
        id not in the problem."""
        listed = list(pairs)
        participant = np.array([self.participant_index[p] for p, _ in listed], dtype=np.int64)
        offer = np.array([self.offer_index[o] for _, o in listed], dtype=np.int64)
        return self._find(participant, offer)

    def assignment(
        self, chosen: npt.ArrayLike, *, solver: str, seconds: float, proven_optimal: bool, bound: int | None
    ) -> Assignment:
        """An Assignment from chosen arc indices."""
        arcs = np.asarray(chosen, dtype=np.int64)
        p_ids = [p.participant_id for p in self.participants]
        o_ids = [o.offer_id for o in self.offers]
        pairs = sorted(
            (p_ids[p], o_ids[o])
            for p, o in zip(self.arc_participant[arcs].tolist(), self.arc_offer[arcs].tolist(), strict=True)
        )
        objective = int(self.arc_weight[arcs].sum()) if arcs.size else 0
        return Assignment(tuple(pairs), objective, solver, seconds, proven_optimal, bound)

    def violations(self, assignment: Assignment) -> list[str]:
        """What breaks the rules in an assignment (empty when it is valid): a pair without an arc, two offers
        of one kind for a participant, an offer over its capacity, a wrong objective. For tests and checks."""
        problems: list[str] = []
        known = [pair for pair in assignment.pairs if pair[0] in self.participant_index and pair[1] in self.offer_index]
        arcs = self.arc_indices(known)
        known_set = set(known)
        for pair in assignment.pairs:
            if pair not in known_set:
                problems.append(f"{pair} names an unknown participant or offer")
        for pair, arc in zip(known, arcs.tolist(), strict=True):
            if arc < 0:
                problems.append(f"{pair} is not a feasible pair")
        valid = arcs[arcs >= 0]
        if len(set(assignment.pairs)) != len(assignment.pairs):
            problems.append("a pair appears twice")
        if valid.size:
            taken = np.bincount(self.arc_offer[valid], minlength=len(self.offers))
            for index in np.nonzero(taken > self.capacity)[0].tolist():
                problems.append(f"{self.offers[index].offer_id} has {taken[index]} for {self.capacity[index]} places")
            keys = self.arc_participant[valid] * len(self.kinds) + self.arc_kind[valid]
            if np.unique(keys).size != keys.size:
                problems.append("a participant has two offers of one kind")
            if int(self.arc_weight[valid].sum()) != assignment.objective:
                problems.append("the objective is not the sum of the weights")
        return problems


def _whole(values: npt.NDArray[np.generic], what: str) -> Ints:
    """Whole numbers as int64; ValueError for anything else (a fraction, NaN, a string)."""
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    try:
        numbers = values.astype(np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"every {what} must be a whole number") from error
    if not bool(np.all(np.isfinite(numbers))) or bool(np.any(numbers != np.round(numbers))):
        raise ValueError(f"every {what} must be a whole number")
    if numbers.size and float(np.abs(numbers).max()) >= 2**53:
        raise ValueError(f"every {what} must be a whole number below 2**53")
    return numbers.astype(np.int64)


def _scores(values: npt.NDArray[np.generic]) -> Ints:
    """Fit scores in thousandths as int64; MatchInputError for one that is not a finite whole number (NaN,
    infinite, or a fraction, which would otherwise be cut off silently)."""
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    try:
        numbers = values.astype(np.float64)
    except (TypeError, ValueError):
        numbers = np.full(values.shape, np.nan)
    bad = ~np.isfinite(numbers)
    bad[~bad] = (numbers[~bad] != np.round(numbers[~bad])) | (np.abs(numbers[~bad]) >= 2**53)
    if bool(bad.any()):
        first = int(np.flatnonzero(bad)[0])
        raise MatchInputError(
            "bad_score",
            N_("The fit score %(score)s of arc %(arc)s is not a whole number of thousandths."),
            {"score": str(values[first]), "arc": str(first)},
        )
    return numbers.astype(np.int64)


def unique_ids(ids: list[str], what: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for number, identity in enumerate(ids):
        if identity in index:
            raise MatchInputError(
                f"repeated_{what}",
                N_("The %(what)s %(id)s appears twice in the match."),
                {"what": what, "id": identity},
            )
        index[identity] = number
    return index


def _ranks(ids: Sequence[str] | Sequence[tuple[str, str]]) -> Ints:
    """Each id's position in sorted order."""
    order = sorted(range(len(ids)), key=ids.__getitem__)
    ranks = np.empty(len(ids), dtype=np.int64)
    ranks[order] = np.arange(len(ids), dtype=np.int64)
    return ranks


def _milli(value: Decimal) -> int:
    return int((value * 1000).to_integral_value(rounding=ROUND_HALF_EVEN))


@dataclass(frozen=True)
class Summary:
    """What a run shows."""

    participants: int
    with_wishes: int  # participants who ranked at least one offer
    assigned_participants: int  # participants given at least one offer
    pairs: int
    top1: int  # participants with wishes given their first wish
    top3: int  # participants with wishes given one of their first three wishes
    total_fit: int  # thousandths
    objective: int
    places: int
    unfilled: int  # places left
    qualifying_by_group: dict[str, tuple[int, int]]  # group -> (participants with a qualifying offer, size)

    @property
    def top1_share(self) -> float:
        return self.top1 / self.with_wishes if self.with_wishes else 0.0

    @property
    def top3_share(self) -> float:
        return self.top3 / self.with_wishes if self.with_wishes else 0.0


def summarise(problem: Problem, assignment: Assignment) -> Summary:
    """Shares of wishes met, total fit, qualifying offers per group and unfilled places."""
    arcs = problem.arc_indices(assignment.pairs)
    people = problem.arc_participant[arcs]
    ranks = problem.arc_rank[arcs]
    with_wishes = sum(1 for p in problem.participants if p.preferences)
    top1 = np.unique(people[ranks == 1]).size
    top3 = np.unique(people[(ranks >= 1) & (ranks <= 3)]).size
    qualified = np.unique(people[problem.qualifying[problem.arc_offer[arcs]]])
    sizes = np.bincount(problem.participant_group, minlength=len(problem.groups))
    got = np.bincount(problem.participant_group[qualified], minlength=len(problem.groups))
    places = int(problem.capacity.sum())
    return Summary(
        participants=len(problem.participants),
        with_wishes=with_wishes,
        assigned_participants=int(np.unique(people).size),
        pairs=int(arcs.size),
        top1=int(top1),
        top3=int(top3),
        total_fit=int(problem.arc_fit[arcs].sum()) if arcs.size else 0,
        objective=assignment.objective,
        places=places,
        unfilled=places - int(arcs.size),
        qualifying_by_group={
            group: (int(got[number]), int(sizes[number])) for number, group in enumerate(problem.groups)
        },
    )


def required_per_group(problem: Problem, floors: dict[str, Decimal]) -> dict[str, int]:
    """ceil(floor × group size) per floored group; MatchInputError for an unknown group or a floor outside
    0..1."""
    sizes = np.bincount(problem.participant_group, minlength=len(problem.groups))
    required: dict[str, int] = {}
    for group, floor in sorted(floors.items()):
        if group not in problem.groups:
            raise MatchInputError(
                "unknown_group",
                N_("No participant in this match belongs to the group %(group)s named in a fairness floor."),
                {"group": group},
            )
        if not isinstance(floor, Decimal) or not floor.is_finite() or not 0 <= floor <= 1:
            raise MatchInputError(
                "bad_floor",
                N_("The fairness floor for %(group)s must be a share between 0 and 1, not %(floor)s."),
                {"group": group, "floor": str(floor)},
            )
        size = int(sizes[problem.groups.index(group)])
        required[group] = math.ceil(floor * size)
    return required
