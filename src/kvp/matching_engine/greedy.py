"""The first-come greedy baseline: participants in arrival order (the order the problem was given
them in) each take, for every kind, their best offer (highest weight: fit plus wish) that still has a place.
Ties go to the offer with the smaller id. It is what a busy office does by hand; the benchmark compares it
with the optimum."""

from __future__ import annotations

import time

import numpy as np

from kvp.matching_engine.problem import Assignment, Problem


def solve_greedy(problem: Problem) -> Assignment:
    started = time.perf_counter()
    order = np.lexsort(
        (problem.offer_rank[problem.arc_offer], -problem.arc_weight, problem.arc_kind, problem.arc_participant)
    )
    left = problem.capacity.tolist()
    chosen: list[int] = []
    people = problem.arc_participant[order].tolist()
    kinds = problem.arc_kind[order].tolist()
    offers = problem.arc_offer[order].tolist()
    last: tuple[int, int] = (-1, -1)  # the (participant, kind) that last got a place
    for arc, person, kind, offer in zip(order.tolist(), people, kinds, offers, strict=True):
        if (person, kind) == last or left[offer] <= 0:
            continue
        left[offer] -= 1
        chosen.append(arc)
        last = (person, kind)
    return problem.assignment(
        chosen, solver="first-come greedy", seconds=time.perf_counter() - started, proven_optimal=False, bound=None
    )
