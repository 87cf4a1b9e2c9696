"""Small random matching problems and a brute-force solver to check the engine against."""

from __future__ import annotations

import itertools
import math
import random
from decimal import Decimal

import highspy
import numpy as np

from kvp.matching_engine.lp import lp_model
from kvp.matching_engine.problem import Problem
from kvp.rules.matching import MatchOffer, MatchParticipant
from kvp.rules.measures import MeasureType

KINDS = (MeasureType.WORK_PRACTICE, MeasureType.NORWEGIAN_COURSE, MeasureType.EDUCATION)


def tiny(
    seed: int,
    *,
    participants: int = 4,
    offers: int = 4,
    kinds: int = 2,
    max_capacity: int = 2,
    density: float = 0.6,
    preference_weight: Decimal = Decimal(2),
) -> Problem:
    """A random problem: random kinds, capacities (0 allowed), feasible pairs, fits, wishes and groups."""
    rng = random.Random(seed)  # noqa: S311 - a fixed, reproducible test instance
    catalogue = [
        MatchOffer(
            offer_id=f"o{j}",
            kind=rng.choice(KINDS[:kinds]),
            capacity=rng.randint(0, max_capacity),
            formal_qualification=rng.choice(("", "Fagbrev")),
        )
        for j in range(offers)
    ]
    arcs = [
        (i, j, rng.randrange(0, 5000)) for i in range(participants) for j in range(offers) if rng.random() < density
    ]
    people = []
    for i in range(participants):
        mine = [f"o{j}" for p, j, _ in arcs if p == i]
        rng.shuffle(mine)
        people.append(
            MatchParticipant(
                participant_id=f"p{i}",
                holds=frozenset(),
                preferences=tuple(mine[: rng.randint(0, min(3, len(mine)))]),
                group=rng.choice(("a", "b")),
            )
        )
    return Problem(people, catalogue, arcs, preference_weight=preference_weight)


def brute_force(problem: Problem, floors: dict[str, Decimal] | None = None) -> int | None:
    """The best total weight over every assignment (each (participant, kind) takes one of its arcs or none),
    meeting the floors if given; None if no assignment meets them."""
    groups: dict[int, list[int]] = {}
    for arc, pk in enumerate(problem.arc_pk.tolist()):
        groups.setdefault(pk, []).append(arc)
    choices = [[-1, *arcs] for arcs in groups.values()]
    assert math.prod(len(c) for c in choices) <= 300_000, "too large for brute force"
    sizes = np.bincount(problem.participant_group, minlength=len(problem.groups))
    required = {
        problem.groups.index(g): math.ceil(f * int(sizes[problem.groups.index(g)])) for g, f in (floors or {}).items()
    }
    best: int | None = None
    for pick in itertools.product(*choices):
        arcs = [a for a in pick if a >= 0]
        taken = np.bincount(problem.arc_offer[arcs], minlength=len(problem.offers)) if arcs else 0
        if np.any(taken > problem.capacity):
            continue
        if required:
            qualified = {int(problem.arc_participant[a]) for a in arcs if problem.qualifying[problem.arc_offer[a]]}
            counts = np.bincount([int(problem.participant_group[p]) for p in qualified], minlength=len(problem.groups))
            if any(counts[g] < need for g, need in required.items()):
                continue
        total = int(problem.arc_weight[arcs].sum()) if arcs else 0
        if best is None or total > best:
            best = total
    return best


def exact_fair_optimum(problem: Problem, required: dict[str, int]) -> int | None:
    """The best total weight meeting the floors (group -> participants needing a qualifying offer) by HiGHS's
    MIP over the whole problem; None when no assignment meets them."""
    model = lp_model(problem)
    people = len(problem.participants)
    y = model.add_columns(np.zeros(people), np.zeros(people), np.ones(people))
    model.integer[y] = True
    rows = model.add_rows(np.full(people, -highspy.kHighsInf), np.zeros(people))
    model.matrix.add(rows, y, np.ones(people))  # y_p ≤ p's qualifying offers
    qualifying = np.flatnonzero(problem.qualifying[problem.arc_offer])
    model.matrix.add(rows[problem.arc_participant[qualifying]], qualifying, -np.ones(qualifying.size))
    for group, need in required.items():
        (row,) = model.add_rows(np.array([float(need)]), np.array([highspy.kHighsInf]))
        members = y[problem.participant_group == problem.groups.index(group)]
        model.matrix.add(np.full(members.size, row), members, np.ones(members.size))
    highs = model.highs(integer=True)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return round(highs.getInfo().objective_function_value)
