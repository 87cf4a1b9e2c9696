"""Fit scores for many pairs at once, exactly as `kvp.rules.matching.fit_milli` gives them (E5, E8).

Each component depends on a few facts only: the Norwegian component on the offer's need and the
participant's level, the goal on the offer's occupation and the participant's wanted ones, feasibility on the
offer's hard prerequisites and what the participant holds, and so on. So every participant and offer gets a
key per fact, the rule itself (`component_value`, `infeasible_reason`) is evaluated once per distinct pair
of keys that occurs, and numpy spreads the results over all pairs. The rules stay in one place; only the
bookkeeping is vectorised.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal

import numpy as np

from kvp.matching_engine.problem import Bools, Ints, Pair, Problem, unique_ids
from kvp.rules.matching import (
    DEFAULT_FIT_WEIGHTS,
    DEFAULT_PREFERENCE_WEIGHT,
    LONG_TRAVEL_MINUTES,
    Component,
    FitWeights,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    component_value,
    infeasible_reason,
    points_milli,
)
from kvp.rules.texts import N_

PAIRS_PER_CHUNK = 2_000_000  # pairs scored at a time when every participant looks at every offer
TABLE_LIMIT = 4_000_000  # distinct key pairs up to which a dense table is used instead of sorting
UNKNOWN = -1  # travel minutes not known


def _keys(values: Sequence[Hashable]) -> Ints:
    """A small integer per distinct value, in order of first appearance."""
    seen: dict[Hashable, int] = {}
    return np.array([seen.setdefault(value, len(seen)) for value in values], dtype=np.int64)


def _spread(p_key: Ints, o_key: Ints, p_index: Ints, o_index: Ints, evaluate: Callable[[int, int], int]) -> Ints:
    """evaluate(participant, offer) for one pair per distinct (participant key, offer key), over all pairs."""
    if p_index.size == 0:
        return np.zeros(0, dtype=np.int64)
    width = int(o_key.max()) + 1
    combo = p_key[p_index] * width + o_key[o_index]
    size = (int(p_key.max()) + 1) * width
    if size <= TABLE_LIMIT:
        first = np.full(size, -1, dtype=np.int64)
        first[combo[::-1]] = np.arange(combo.size - 1, -1, -1, dtype=np.int64)  # the first pair of each combo
        present = np.flatnonzero(first >= 0)
        table = np.zeros(size, dtype=np.int64)
        table[present] = [evaluate(int(p_index[pair]), int(o_index[pair])) for pair in first[present].tolist()]
        result: Ints = table[combo]
        return result
    _, where, inverse = np.unique(combo, return_index=True, return_inverse=True)
    values = np.array([evaluate(int(p_index[pair]), int(o_index[pair])) for pair in where.tolist()], dtype=np.int64)
    spread: Ints = values[inverse]
    return spread


def score_pairs(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    p_index: Ints,
    o_index: Ints,
    weights: FitWeights = DEFAULT_FIT_WEIGHTS,
    minutes: Ints | None = None,
) -> tuple[Bools, Ints]:
    """For each pair (participants[p_index[k]], offers[o_index[k]]): whether the participant can take the offer,
    and the fit score in thousandths (0 where they cannot). `minutes` is one-way travel per pair, UNKNOWN (-1)
    where not known."""
    p_index = np.asarray(p_index, dtype=np.int64)
    o_index = np.asarray(o_index, dtype=np.int64)
    if minutes is None:
        minutes = np.full(p_index.size, UNKNOWN, dtype=np.int64)
    minutes = np.asarray(minutes, dtype=np.int64)
    if minutes.size != p_index.size or bool(np.any(minutes < UNKNOWN)):
        raise ValueError("travel minutes must be given per pair, at least 0, or -1 when not known")

    feasible = (
        _spread(
            _keys([p.holds for p in participants]),
            _keys([o.hard_requirements for o in offers]),
            p_index,
            o_index,
            lambda p, o: int(infeasible_reason(participants[p], offers[o]) is None),
        )
        == 1
    )

    def per_pair(component: Component, p_key: Ints, o_key: Ints) -> Ints:
        weight = weights.of(component)
        return _spread(
            p_key,
            o_key,
            p_index,
            o_index,
            lambda p, o: points_milli(component_value(component, participants[p], offers[o]), weight),
        )

    no_key = np.zeros(len(participants), dtype=np.int64)
    by_offer = np.arange(len(offers), dtype=np.int64)
    codes = _keys([o.occupation_code for o in offers])
    fit = per_pair(
        Component.NORWEGIAN, _keys([p._norwegian for p in participants]), _keys([o._norwegian for o in offers])
    )
    fit += per_pair(Component.DIGITAL, _keys([p._digital for p in participants]), _keys([o._digital for o in offers]))
    fit += per_pair(Component.GOAL, _keys([p.wanted_occupations for p in participants]), codes)
    fit += per_pair(Component.EXPERIENCE, _keys([p.experience for p in participants]), codes)
    fit += per_pair(Component.QUALIFICATION, no_key, by_offer)
    fit += per_pair(Component.EMPLOYER, no_key, by_offer)

    if participants and offers:
        travel_weight = weights.of(Component.TRAVEL)
        table = np.array(
            [
                points_milli(component_value(Component.TRAVEL, participants[0], offers[0], minute), travel_weight)
                for minute in range(LONG_TRAVEL_MINUTES + 1)
            ]
            + [points_milli(component_value(Component.TRAVEL, participants[0], offers[0], None), travel_weight)],
            dtype=np.int64,
        )
        fit += table[np.where(minutes == UNKNOWN, LONG_TRAVEL_MINUTES + 1, np.minimum(minutes, LONG_TRAVEL_MINUTES))]
    return feasible, np.where(feasible, fit, 0)


def build_problem(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    weights: FitWeights = DEFAULT_FIT_WEIGHTS,
    *,
    preference_weight: Decimal = DEFAULT_PREFERENCE_WEIGHT,
    candidates: dict[str, Sequence[str]] | None = None,
    travel: dict[Pair, int] | None = None,
) -> Problem:
    """The problem with a fit score for every feasible pair (E5, E8). `candidates` limits the offers looked at
    per participant id (e.g. those within reach; default: every offer); `travel` gives one-way minutes per
    (participant id, offer id) where known. A wish the participant cannot take raises MatchInputError
    ("… cannot take … because it requires …"), as does a wish for an offer not in `offers`."""
    participant_index = unique_ids([p.participant_id for p in participants], "participant")
    offer_index = unique_ids([o.offer_id for o in offers], "offer")
    for person in participants:
        for offer_id in person.preferences:
            if offer_id not in offer_index:
                raise MatchInputError(
                    "unknown_offer",
                    N_("Participant %(participant)s wishes for the offer %(offer)s, which is not in this match."),
                    {"participant": person.participant_id, "offer": offer_id},
                )
            reason = infeasible_reason(person, offers[offer_index[offer_id]])
            if reason is not None:
                raise reason.error()
    m = len(offers)
    given: dict[int, int] = {}
    for (person_id, offer_id), time in (travel or {}).items():
        if isinstance(time, bool) or not isinstance(time, int) or time < 0:
            raise ValueError("travel minutes must be a whole number of at least 0")
        if person_id in participant_index and offer_id in offer_index:
            given[participant_index[person_id] * m + offer_index[offer_id]] = time
    chunks: list[tuple[Ints, Ints]] = []
    if candidates is None:
        step = max(1, PAIRS_PER_CHUNK // max(m, 1))
        for first in range(0, len(participants), step):
            people = np.arange(first, min(first + step, len(participants)), dtype=np.int64)
            chunks.append((np.repeat(people, m), np.tile(np.arange(m, dtype=np.int64), people.size)))
    else:
        p_list: list[int] = []
        o_list: list[int] = []
        for person_id, offer_ids in candidates.items():
            if person_id not in participant_index:
                raise ValueError(f"the candidates name an unknown participant {person_id!r}")
            unknown = [offer_id for offer_id in offer_ids if offer_id not in offer_index]
            if unknown:
                raise ValueError(f"the candidates name an unknown offer {unknown[0]!r}")
            mine = sorted({offer_index[offer_id] for offer_id in offer_ids})
            p_list.extend([participant_index[person_id]] * len(mine))
            o_list.extend(mine)
        chunks.append((np.array(p_list, dtype=np.int64), np.array(o_list, dtype=np.int64)))
    kept_p: list[Ints] = []
    kept_o: list[Ints] = []
    kept_fit: list[Ints] = []
    for p_index, o_index in chunks:
        minutes = np.full(p_index.size, UNKNOWN, dtype=np.int64)
        if given:
            keys = p_index * m + o_index
            for position, key in enumerate(keys.tolist()):
                if key in given:
                    minutes[position] = given[key]
        feasible, fit = score_pairs(participants, offers, p_index, o_index, weights, minutes)
        kept_p.append(p_index[feasible])
        kept_o.append(o_index[feasible])
        kept_fit.append(fit[feasible])
    return Problem.from_arrays(
        participants,
        offers,
        np.concatenate(kept_p) if kept_p else np.zeros(0, dtype=np.int64),
        np.concatenate(kept_o) if kept_o else np.zeros(0, dtype=np.int64),
        np.concatenate(kept_fit) if kept_fit else np.zeros(0, dtype=np.int64),
        preference_weight=preference_weight,
    )
