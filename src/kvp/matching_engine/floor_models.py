"""The two small HiGHS models of the fairness search with several floors.

The cutting-plane model of the bound: φ(λ) = F(λ) − Σ_g λ_g R_g is convex in the floors' prices λ (F is a
maximum of functions linear in λ), and each flow solved gives a cut φ(λ) ≥ φ_i + s_i·(λ − λ_i). The next
prices minimise the cuts' maximum within a box around the best prices so far (a trust region), so that all
prices move together rather than one at a time, which swings when the groups compete for the same places.

The MIP over the undecided participants: the flows solved at prices near the best bound agree on most
participants and differ on a few (those the floors' prices are balanced on). The agreed part is kept, and the
few are placed exactly, over the offers any of those flows gave them, within the places left and the floors
still short. With an assignment meeting the floors among the flows, the MIP is feasible.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np

from kvp.matching_engine.lp import Columns, Floats, Model
from kvp.matching_engine.problem import Bools, Ints, Problem


@dataclass(frozen=True)
class Cut:
    """The bound φ(λ) ≥ value + slope·(λ − at) for all prices λ."""

    at: Floats
    value: float
    slope: Floats


def next_prices(cuts: list[Cut], centre: Floats, radius: float) -> tuple[Floats, float]:
    """The prices minimising the cuts' maximum within `radius` of `centre` (and at least 0), and that minimum."""
    k = centre.size
    infinity = highspy.kHighsInf
    model = Model(
        cost=np.concatenate(([-1.0], np.zeros(k))),  # maximise −t
        lower=np.concatenate(([-infinity], np.maximum(centre - radius, 0.0))),
        upper=np.concatenate(([infinity], centre + radius)),
        integer=np.zeros(k + 1, dtype=np.bool_),
        row_lower=np.array([cut.value - float(cut.slope @ cut.at) for cut in cuts]),
        row_upper=np.full(len(cuts), infinity),
        matrix=Columns.empty(),
        arc_count=0,
    )
    rows = np.arange(len(cuts), dtype=np.int64)
    model.matrix.add(rows, np.zeros(len(cuts), dtype=np.int64), np.ones(len(cuts)))  # t − s_i·λ ≥ φ_i − s_i·λ_i
    for number in range(k):
        slopes = np.array([cut.slope[number] for cut in cuts])
        model.matrix.add(rows, np.full(len(cuts), number + 1, dtype=np.int64), -slopes)
    highs = model.highs(integer=False)
    highs.run()
    solution = np.asarray(highs.getSolution().col_value, dtype=np.float64)
    return solution[1:], float(solution[0])


def place_undecided(
    problem: Problem,
    flows: list[Ints],
    member: Ints,
    need: Ints,
    time_limit: float,
    slack: float,
) -> Ints | None:
    """An assignment meeting the floors (`member`: each participant's floor or −1; `need` per floor): the
    arcs every flow in `flows` agrees on, and the rest placed by a MIP within `time_limit` seconds. None when
    the MIP finds no such assignment in time; it stops once proven within `slack` (weight) of its optimum."""
    n = len(problem.participants)
    chosen = [np.zeros(problem.arc_count, dtype=np.bool_) for _ in flows]
    for mask, arcs in zip(chosen, flows, strict=True):
        mask[arcs] = True
    used = np.logical_or.reduce(chosen)
    differs = np.zeros(n, dtype=np.bool_)
    for mask in chosen[1:]:
        differs[problem.arc_participant[mask != chosen[0]]] = True
    fixed = chosen[0] & ~differs[problem.arc_participant]
    free = np.flatnonzero(used & differs[problem.arc_participant])  # the undecided participants' candidate arcs
    places = problem.capacity - np.bincount(problem.arc_offer[fixed], minlength=len(problem.offers))
    qualified = _qualified(problem, fixed)
    held = np.bincount(member[qualified & (member >= 0)], minlength=need.size)
    short = np.maximum(need - held, 0)
    if not free.size:
        return np.flatnonzero(fixed) if not short.any() else None
    picked = _solve_mip(problem, free, places, member, short, qualified, time_limit, slack)
    return None if picked is None else np.sort(np.concatenate((np.flatnonzero(fixed), picked)))


def _qualified(problem: Problem, arcs: Bools) -> Bools:
    """Participants given a qualifying offer by the arcs marked."""
    qualified = np.zeros(len(problem.participants), dtype=np.bool_)
    qualified[problem.arc_participant[arcs & problem.qualifying[problem.arc_offer]]] = True
    return qualified


def _solve_mip(
    problem: Problem,
    free: Ints,
    places: Ints,
    member: Ints,
    short: Ints,
    qualified: Bools,
    time_limit: float,
    slack: float,
) -> Ints | None:
    """x per candidate arc, y per undecided participant of a short floor (1: qualified): maximise the weight,
    one offer per participant and kind, the places left per offer, y_p ≤ Σ p's qualifying x, Σ_g y ≥ short."""
    count = free.size
    infinity = highspy.kHighsInf
    pk, pk_row = np.unique(problem.arc_pk[free], return_inverse=True)
    offers, offer_row = np.unique(problem.arc_offer[free], return_inverse=True)
    people = np.unique(problem.arc_participant[free])
    people = people[(member[people] >= 0) & ~qualified[people]]
    people = people[short[member[people]] > 0]
    model = Model(
        cost=problem.arc_weight[free].astype(np.float64),
        lower=np.zeros(count),
        upper=np.ones(count),
        integer=np.ones(count, dtype=np.bool_),
        row_lower=np.full(pk.size + offers.size, -infinity),
        row_upper=np.concatenate((np.ones(pk.size), places[offers].astype(np.float64))),
        matrix=Columns.empty(),
        arc_count=count,
    )
    arcs = np.arange(count, dtype=np.int64)
    model.matrix.add(pk_row, arcs, np.ones(count))
    model.matrix.add(pk.size + offer_row, arcs, np.ones(count))
    y = model.add_columns(np.zeros(people.size), np.zeros(people.size), np.ones(people.size))
    model.integer[y] = True
    person_row = model.add_rows(np.full(people.size, -infinity), np.zeros(people.size))
    model.matrix.add(person_row, y, np.ones(people.size))  # y_p − Σ qualifying x ≤ 0
    position = np.searchsorted(people, problem.arc_participant[free])
    position = np.minimum(position, max(people.size - 1, 0))
    counted = problem.qualifying[problem.arc_offer[free]]
    if people.size:
        counted &= people[position] == problem.arc_participant[free]
    model.matrix.add(person_row[position[counted]], arcs[counted], -np.ones(int(counted.sum())))
    floors = np.flatnonzero(short)
    floor_row = model.add_rows(short[floors].astype(np.float64), np.full(floors.size, infinity))
    row_of_floor = np.full(short.size, -1, dtype=np.int64)
    row_of_floor[floors] = floor_row
    model.matrix.add(row_of_floor[member[people]], y, np.ones(people.size))
    highs = model.highs(integer=True)
    highs.setOptionValue("time_limit", max(time_limit, 0.01))
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", slack)
    highs.run()
    if highs.getInfo().primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
        return None
    x = np.asarray(highs.getSolution().col_value, dtype=np.float64)[:count]
    return free[x > 0.5]
