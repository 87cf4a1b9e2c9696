"""Fit scores for many pairs at once, exactly as `kvp.rules.matching.fit_milli` gives them (E5, E8).

Each component depends on a few facts only: the Norwegian component on the offer's need and the
participant's level, the goal on the offer's occupation and one wanted occupation at a time (the best
counts), feasibility on each of the offer's hard prerequisites and what the participant holds of its kind,
and so on. So every participant and offer gets a key per fact, the rule itself (`component_value`, `met`) is
evaluated once per distinct pair of keys that occurs, and numpy spreads the results over all pairs. The rules
stay in one place; only the bookkeeping is vectorised.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Hashable, Sequence
from decimal import Decimal

import numpy as np

from kvp.matching_engine.problem import Bools, Ints, Pair, Problem, unique_ids
from kvp.rules import occupations
from kvp.rules.matching import (
    DEFAULT_FIT_WEIGHTS,
    DEFAULT_PREFERENCE_WEIGHT,
    LONG_TRAVEL_MINUTES,
    ZERO,
    Component,
    FitWeights,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    component_value,
    experience_value,
    infeasible_reason,
    points_milli,
)
from kvp.rules.prerequisites import Prerequisite, PrerequisiteKind, met
from kvp.rules.texts import N_

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


def _hard_tables(participants: Sequence[MatchParticipant], offers: Sequence[MatchOffer]) -> tuple[Ints, Bools]:
    """Each offer's key among the distinct sets of hard requirements, and a table whether each participant meets
    each such set (E5). `met` is asked once per distinct need and distinct holds of the need's kind."""
    set_key = _keys([o.hard_requirements for o in offers])
    distinct: dict[tuple[Prerequisite, ...], int] = {}
    for offer in offers:
        distinct.setdefault(offer.hard_requirements, len(distinct))
    by_kind: list[dict[PrerequisiteKind, frozenset[Prerequisite]]] = []
    for person in participants:
        held: dict[PrerequisiteKind, set[Prerequisite]] = {}
        for item in person.holds:
            held.setdefault(item.kind, set()).add(item)
        by_kind.append({kind: frozenset(items) for kind, items in held.items()})
    meets: dict[Prerequisite, Bools] = {}
    keys_of_kind: dict[PrerequisiteKind, tuple[Ints, list[frozenset[Prerequisite]]]] = {}
    table = np.ones((max(len(distinct), 1), len(participants)), dtype=np.bool_)
    for requirements, row in distinct.items():
        for need in requirements:
            if need not in meets:
                if need.kind not in keys_of_kind:
                    held_sets = [held.get(need.kind, frozenset()) for held in by_kind]
                    found: dict[frozenset[Prerequisite], int] = {}
                    keys = np.array([found.setdefault(items, len(found)) for items in held_sets], dtype=np.int64)
                    keys_of_kind[need.kind] = (keys, list(found))
                keys, sets = keys_of_kind[need.kind]
                meets[need] = np.array([met(items, need) for items in sets], dtype=np.bool_)[keys]
            table[row] &= meets[need]
    return set_key, table


def feasible_pairs(participants: Sequence[MatchParticipant], offers: Sequence[MatchOffer]) -> tuple[Ints, Ints]:
    """Every (participant index, offer index) whose hard prerequisites the participant meets (E5), by
    participant, then offer."""
    if not participants or not offers:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    set_key, table = _hard_tables(participants, offers)
    able = table[set_key]  # offers × participants
    o_index, p_index = np.nonzero(able)
    order = np.lexsort((o_index, p_index))
    return p_index[order].astype(np.int64), o_index[order].astype(np.int64)


def _distinct(combo: Ints, size: int) -> tuple[Ints, Ints]:
    """The distinct values of `combo` (all below `size`), sorted, and each element's place among them."""
    if size <= TABLE_LIMIT:
        seen = np.zeros(size, dtype=np.bool_)
        seen[combo] = True
        distinct = np.flatnonzero(seen)
        place = np.zeros(size, dtype=np.int64)
        place[distinct] = np.arange(distinct.size, dtype=np.int64)
        return distinct, place[combo]
    distinct, inverse = np.unique(combo, return_inverse=True)
    return distinct, inverse


def _best_over_items(
    items: Sequence[Sequence[Hashable]],
    o_key: Ints,
    p_index: Ints,
    o_index: Ints,
    evaluate_item: Callable[[Hashable, int], int],
    evaluate_none: Callable[[int, int], int],
) -> Ints:
    """For a component that takes the best over a participant's items (wanted occupations, experiences): the
    rule evaluated once per distinct (item, offer key), its maximum over the items of each distinct (items,
    offer key) that occurs, and `evaluate_none` where a participant has no items."""
    if p_index.size == 0:
        return np.zeros(0, dtype=np.int64)
    tuple_key = _keys([tuple(mine) for mine in items])
    tuples = list(dict.fromkeys(tuple(mine) for mine in items))
    holder = np.zeros(len(tuples), dtype=np.int64)  # a participant with each tuple
    holder[tuple_key[::-1]] = np.arange(len(items) - 1, -1, -1, dtype=np.int64)
    offer_of = np.zeros(int(o_key.max()) + 1, dtype=np.int64)  # an offer with each key
    offer_of[o_key[::-1]] = np.arange(o_key.size - 1, -1, -1, dtype=np.int64)
    width = offer_of.size
    distinct, place = _distinct(tuple_key[p_index] * width + o_key[o_index], len(tuples) * width)
    t_of, k_of = distinct // width, distinct % width
    counts = np.array([len(mine) for mine in tuples], dtype=np.int64)
    values = np.zeros(distinct.size, dtype=np.int64)
    empty = np.flatnonzero(counts[t_of] == 0)
    values[empty] = [
        evaluate_none(int(holder[t]), int(offer_of[k])) for t, k in zip(t_of[empty], k_of[empty], strict=True)
    ]
    some = np.flatnonzero(counts[t_of] > 0)
    if some.size:
        flat = [item for mine in tuples for item in mine]
        item_key = _keys(flat)
        representatives = list(dict.fromkeys(flat))
        starts = np.concatenate(([0], np.cumsum(counts)))
        repeat = counts[t_of[some]]
        first = np.cumsum(repeat) - repeat
        combo_of = np.repeat(some, repeat)
        entry = starts[t_of[combo_of]] + np.arange(combo_of.size) - np.repeat(first, repeat)
        items_key = item_key[entry]
        pairs, where = _distinct(items_key * width + k_of[combo_of], (len(representatives)) * width)
        scored = np.array(
            [evaluate_item(representatives[key // width], int(offer_of[key % width])) for key in pairs.tolist()],
            dtype=np.int64,
        )
        values[some] = np.maximum.reduceat(scored[where], first)
    result: Ints = values[place]
    return result


def _experience_points(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    p_index: Ints,
    o_index: Ints,
    weight: Decimal,
) -> Ints:
    """The experience component (E4, E8) per pair: the best over the participant's experiences of
    `experience_value(same_field(offer, experience), years)`, each rule asked once per distinct pair of codes
    and per distinct (field level, years); neutral for offers without an occupation."""
    codes = [o.occupation_code for o in offers]
    neutral = (
        points_milli(component_value(Component.EXPERIENCE, participants[0], offers[codes.index("")]), weight)
        if "" in codes
        else 0
    )
    counts = np.array([len(p.experience) for p in participants], dtype=np.int64)
    flat = [e for p in participants for e in p.experience]
    starts = np.concatenate(([0], np.cumsum(counts)))
    with_code = np.array([bool(code) for code in codes], dtype=np.bool_)[o_index]
    result = np.where(with_code, 0, neutral).astype(np.int64)
    pairs = np.flatnonzero(with_code & (counts[p_index] > 0))
    if pairs.size:
        repeat = counts[p_index[pairs]]
        first = np.cumsum(repeat) - repeat
        pair_of = np.repeat(pairs, repeat)
        entry = starts[p_index[pair_of]] + np.arange(pair_of.size) - np.repeat(first, repeat)
        item_codes = [e.occupation_code for e in flat]
        code_key, offer_code_key = _keys(item_codes), _keys(codes)
        levels = _spread(
            code_key,
            offer_code_key,
            entry,
            o_index[pair_of],
            lambda e, o: occupations.same_field(codes[o], item_codes[e]),
        )
        years_key = _keys([e.years for e in flat])
        points = _spread(
            levels,
            years_key,
            np.arange(entry.size, dtype=np.int64),
            entry,
            lambda k, e: points_milli(experience_value(int(levels[k]), flat[e].years) or ZERO, weight),
        )
        result[pairs] = np.maximum.reduceat(points, first)
    return result


def score_pairs(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    p_index: Ints,
    o_index: Ints,
    weights: FitWeights = DEFAULT_FIT_WEIGHTS,
    minutes: Ints | None = None,
    *,
    known_feasible: bool = False,
) -> tuple[Bools, Ints]:
    """For each pair (participants[p_index[k]], offers[o_index[k]]): whether the participant can take the offer,
    and the fit score in thousandths (0 where they cannot). `minutes` is one-way travel per pair, UNKNOWN (-1)
    where not known; `known_feasible` skips the check for pairs that come from `feasible_pairs`."""
    p_index = np.asarray(p_index, dtype=np.int64)
    o_index = np.asarray(o_index, dtype=np.int64)
    if minutes is None:
        minutes = np.full(p_index.size, UNKNOWN, dtype=np.int64)
    minutes = np.asarray(minutes, dtype=np.int64)
    if minutes.size != p_index.size or bool(np.any(minutes < UNKNOWN)):
        raise ValueError("travel minutes must be given per pair, at least 0, or -1 when not known")
    if p_index.size == 0:
        return np.zeros(0, dtype=np.bool_), np.zeros(0, dtype=np.int64)

    if known_feasible:
        feasible: Bools = np.ones(p_index.size, dtype=np.bool_)
    else:
        set_key, table = _hard_tables(participants, offers)
        feasible = table[set_key[o_index], p_index]

    def per_pair(component: Component, p_key: Ints, o_key: Ints) -> Ints:
        weight = weights.of(component)
        return _spread(
            p_key,
            o_key,
            p_index,
            o_index,
            lambda p, o: points_milli(component_value(component, participants[p], offers[o]), weight),
        )

    def best_over(
        component: Component, items: Sequence[Sequence[Hashable]], stand_in: Callable[..., MatchParticipant]
    ) -> Ints:
        weight = weights.of(component)
        one_each = functools.cache(stand_in)  # one stand-in per distinct item
        return _best_over_items(
            items,
            codes,
            p_index,
            o_index,
            lambda item, o: points_milli(component_value(component, one_each(item), offers[o]), weight),
            lambda p, o: points_milli(component_value(component, participants[p], offers[o]), weight),
        )

    no_key = np.zeros(len(participants), dtype=np.int64)
    by_offer = np.arange(len(offers), dtype=np.int64)
    codes = _keys([o.occupation_code for o in offers])
    fit = per_pair(
        Component.NORWEGIAN, _keys([p._norwegian for p in participants]), _keys([o._norwegian for o in offers])
    )
    fit += per_pair(Component.DIGITAL, _keys([p._digital for p in participants]), _keys([o._digital for o in offers]))
    # E1, E4: the goal and experience take the best of the participant's occupations; each is weighed alone.
    fit += best_over(
        Component.GOAL,
        [p.wanted_occupations for p in participants],
        lambda code: MatchParticipant("stand-in", frozenset(), (code,)),
    )
    fit += _experience_points(participants, offers, p_index, o_index, weights.of(Component.EXPERIENCE))
    fit += per_pair(Component.QUALIFICATION, no_key, by_offer)
    fit += per_pair(Component.EMPLOYER, no_key, by_offer)

    travel_weight = weights.of(Component.TRAVEL)
    travel = np.array(
        [
            points_milli(component_value(Component.TRAVEL, participants[0], offers[0], minute), travel_weight)
            for minute in range(LONG_TRAVEL_MINUTES + 1)
        ]
        + [points_milli(component_value(Component.TRAVEL, participants[0], offers[0], None), travel_weight)],
        dtype=np.int64,
    )
    fit += travel[np.where(minutes == UNKNOWN, LONG_TRAVEL_MINUTES + 1, np.minimum(minutes, LONG_TRAVEL_MINUTES))]
    return feasible, np.where(feasible, fit, 0)


def build_problem(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    weights: FitWeights = DEFAULT_FIT_WEIGHTS,
    *,
    preference_weight: Decimal = DEFAULT_PREFERENCE_WEIGHT,
    candidates: dict[str, Sequence[str]] | None = None,
    travel: dict[Pair, int] | None = None,
    exclude: Collection[Pair] = (),
) -> Problem:
    """The problem with a fit score for every feasible pair (E5, E8). `candidates` limits the offers looked at
        per participant id (e.g. those within reach; default: every offer they can take); `exclude` leaves out pairs
    (e.g. offers the participant has already applied for or done); `travel` gives one-way minutes per
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
    if candidates is None:
        p_index, o_index = feasible_pairs(participants, offers)
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
        p_index, o_index = np.array(p_list, dtype=np.int64), np.array(o_list, dtype=np.int64)
    keys = p_index * m + o_index
    if exclude:
        left_out = [
            participant_index[p] * m + offer_index[o] for p, o in exclude if p in participant_index and o in offer_index
        ]
        kept = ~np.isin(keys, np.array(left_out, dtype=np.int64))
        p_index, o_index, keys = p_index[kept], o_index[kept], keys[kept]
    minutes = np.full(p_index.size, UNKNOWN, dtype=np.int64)
    if given:
        for position, key in enumerate(keys.tolist()):
            if key in given:
                minutes[position] = given[key]
    feasible, fit = score_pairs(
        participants, offers, p_index, o_index, weights, minutes, known_feasible=candidates is None
    )
    return Problem.from_arrays(
        participants, offers, p_index[feasible], o_index[feasible], fit[feasible], preference_weight=preference_weight
    )
