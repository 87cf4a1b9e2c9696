"""Fit scores for many pairs at once, exactly as `kvp.rules.matching.fit_milli` gives them (E5, E8).

The fit (kvp.rules.fit) is a sum of parts, each reading a few facts of the participant and of the offer: the
Norwegian gap the offer's need and the participant's level, the goal the offer's occupation and the wanted
ones, and so on. So every participant and offer gets a key per part, the part itself is evaluated once per
distinct pair of keys that occurs, and numpy spreads the results over all pairs; feasibility likewise per
hard prerequisite and what the participant holds of its kind. The rules stay in one place; only the
bookkeeping is vectorised.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from decimal import Decimal

import numpy as np

from kvp.matching_engine.problem import Bools, Ints, Pair, Problem, unique_ids
from kvp.rules.fit import (
    DEFAULT_FIT_RULES,
    LONG_TRAVEL_MINUTES,
    PARTS,
    FitRules,
    OfferFacts,
    Part,
    Profile,
    milli,
    part_reasons,
    travel_reason,
)
from kvp.rules.matching import (
    DEFAULT_PREFERENCE_WEIGHT,
    MatchInputError,
    MatchOffer,
    MatchParticipant,
    infeasible_reason,
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


def score_pairs(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    p_index: Ints,
    o_index: Ints,
    rules: FitRules = DEFAULT_FIT_RULES,
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

    profiles = [p.profile for p in participants]
    facts = [o.facts for o in offers]
    fit = np.zeros(p_index.size, dtype=np.int64)
    for part in PARTS:
        p_key = _keys([part.of_participant(profile, rules) for profile in profiles])
        o_key = _keys([part.of_offer(offer, rules) for offer in facts])
        fit += _spread(p_key, o_key, p_index, o_index, _points(part, profiles, facts, rules))

    travel = np.array([_travel_milli(minute, rules) for minute in range(LONG_TRAVEL_MINUTES + 1)] + [0], dtype=np.int64)
    fit += travel[np.where(minutes == UNKNOWN, LONG_TRAVEL_MINUTES + 1, np.minimum(minutes, LONG_TRAVEL_MINUTES))]
    return feasible, np.where(feasible, fit, 0)


def _points(part: Part, profiles: list[Profile], facts: list[OfferFacts], rules: FitRules) -> Callable[[int, int], int]:
    """The part's weight in thousandths for participant p and offer o."""

    def points(p: int, o: int) -> int:
        reasons = part_reasons(part, profiles[p], facts[o], rules)
        return milli(sum((reason.weight for reason in reasons), Decimal(0)))

    return points


def _travel_milli(minutes: int, rules: FitRules) -> int:
    reason = travel_reason(minutes, rules)
    return milli(reason.weight) if reason else 0


def build_problem(
    participants: Sequence[MatchParticipant],
    offers: Sequence[MatchOffer],
    rules: FitRules = DEFAULT_FIT_RULES,
    *,
    preference_weight: Decimal = DEFAULT_PREFERENCE_WEIGHT,
    candidates: dict[str, Sequence[str]] | None = None,
    travel: dict[Pair, int] | None = None,
    exclude: Collection[Pair] = (),
    one_place_each: bool = False,
) -> Problem:
    """The problem with a fit score for every feasible pair (E5, E8). `candidates` limits the offers looked at
        per participant id (e.g. those within reach; default: every offer they can take); `exclude` leaves out pairs
    (e.g. offers the participant has already applied for or done); `one_place_each` allows one offer per
        participant in all instead of one of each kind; `travel` gives one-way minutes per
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
        participants, offers, p_index, o_index, rules, minutes, known_feasible=candidates is None
    )
    return Problem.from_arrays(
        participants,
        offers,
        p_index[feasible],
        o_index[feasible],
        fit[feasible],
        preference_weight=preference_weight,
        one_place_each=one_place_each,
    )
