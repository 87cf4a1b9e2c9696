"""Participant-proposing deferred acceptance (Gale and Shapley), for offices that prefer a stable matching to
the largest total (E1: the participant's own ranking leads).

Each participant proposes, separately for each kind, to the offers of that kind they can take: their wishes
first (by rank), then the rest by fit score (highest first), then by offer id. An offer keeps the applicants
with the highest fit scores up to its capacity, ties to the smaller participant id, and releases the rest,
who propose to their next offer. The result is the participant-optimal stable matching: no participant and
offer both prefer each other to what they got (`blocking_pairs` checks it). Both sides' rankings are strict,
so the result does not depend on the order of proposals.
"""

from __future__ import annotations

import heapq
import time
from collections import deque

import numpy as np

from kvp.matching_engine.problem import Assignment, Ints, Pair, Problem


def _participant_order(problem: Problem) -> Ints:
    """Arcs grouped by (participant, kind), each group in the participant's order of preference."""
    wish = np.where(problem.arc_rank > 0, problem.arc_rank, np.iinfo(np.int64).max)
    return np.lexsort(
        (
            problem.offer_rank[problem.arc_offer],
            -problem.arc_fit,
            wish,
            problem.arc_kind,
            problem.participant_rank[problem.arc_participant],
        )
    )


def solve_stable(problem: Problem) -> Assignment:
    started = time.perf_counter()
    order = _participant_order(problem)
    people = problem.participant_rank[problem.arc_participant[order]]
    kinds = problem.arc_kind[order]
    group_key = people * max(len(problem.kinds), 1) + kinds
    starts = np.flatnonzero(np.concatenate(([True], group_key[1:] != group_key[:-1]))) if order.size else order
    ends = np.append(starts[1:], order.size)
    sorted_arcs = order.tolist()
    arc_offer = problem.arc_offer.tolist()
    arc_fit = problem.arc_fit.tolist()
    arc_prank = problem.participant_rank[problem.arc_participant].tolist()
    capacity = problem.capacity.tolist()
    next_choice = starts.tolist()
    end_of = ends.tolist()
    held: list[list[tuple[int, int, int]]] = [[] for _ in problem.offers]  # min-heap: (fit, -rank, arc), worst first
    holding: list[int] = [-1] * len(next_choice)  # the arc each proposer holds
    free = deque(range(len(next_choice)))
    proposer_of: dict[int, int] = {}
    while free:
        proposer = free.popleft()
        while next_choice[proposer] < end_of[proposer]:
            arc = sorted_arcs[next_choice[proposer]]
            next_choice[proposer] += 1
            offer = arc_offer[arc]
            if capacity[offer] <= 0:
                continue
            entry = (arc_fit[arc], -arc_prank[arc], arc)
            heap = held[offer]
            if len(heap) < capacity[offer]:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                _, _, rejected = heapq.heapreplace(heap, entry)
                loser = proposer_of.pop(rejected)
                holding[loser] = -1
                free.append(loser)
            else:
                continue
            holding[proposer] = arc
            proposer_of[arc] = proposer
            break
    chosen = [arc for arc in holding if arc >= 0]
    return problem.assignment(
        chosen,
        solver="participant-proposing deferred acceptance",
        seconds=time.perf_counter() - started,
        proven_optimal=False,
        bound=None,
    )


def blocking_pairs(problem: Problem, assignment: Assignment) -> list[Pair]:
    """Pairs (participant, offer) that would both rather have each other: the participant prefers the offer
    to what they got of its kind (or got none), and the offer has a free place or prefers the participant
    to one it holds. Empty for a stable matching."""
    order = _participant_order(problem)
    position = np.empty(order.size, dtype=np.int64)
    position[order] = np.arange(order.size)  # smaller = preferred by the participant within its group
    chosen = problem.arc_indices(assignment.pairs)
    got: dict[tuple[int, int], int] = {}
    for arc in chosen.tolist():
        got[(int(problem.arc_participant[arc]), int(problem.arc_kind[arc]))] = arc
    taken = (
        np.bincount(problem.arc_offer[chosen], minlength=len(problem.offers))
        if chosen.size
        else np.zeros(len(problem.offers), dtype=np.int64)
    )
    worst: dict[int, tuple[int, int]] = {}
    for arc in chosen.tolist():
        offer = int(problem.arc_offer[arc])
        key = (int(problem.arc_fit[arc]), -int(problem.participant_rank[problem.arc_participant[arc]]))
        worst[offer] = min(worst.get(offer, key), key)
    found: list[Pair] = []
    for arc in range(problem.arc_count):
        person = int(problem.arc_participant[arc])
        offer = int(problem.arc_offer[arc])
        current = got.get((person, int(problem.arc_kind[arc])))
        if current == arc or problem.capacity[offer] <= 0:
            continue
        if current is not None and position[current] < position[arc]:
            continue  # the participant prefers what they have
        key = (int(problem.arc_fit[arc]), -int(problem.participant_rank[person]))
        if taken[offer] < problem.capacity[offer] or key > worst[offer]:
            found.append((problem.participants[person].participant_id, problem.offers[offer].offer_id))
    return sorted(found)
