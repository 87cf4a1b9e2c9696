"""The exact solver: the matching as a min-cost flow, solved by OR-Tools' SimpleMinCostFlow.

Network: each (participant, kind) node supplies one unit (at most one offer per kind); it flows along an
arc of cost −weight to an offer the participant can take, and from the offer to the sink within the offer's
capacity, or straight to the sink at cost 0 (a bypass, so nobody is forced into a place). A min-cost flow
minimises −weight, i.e. maximises the total weight; flows are integral, so the optimum is a matching, and
OR-Tools proves it optimal.

The network falls apart into independent pieces: kinds never share an offer, and participants only reach
the offers within their travel area. Each connected component (found with numpy, by label propagation with
pointer jumping) is solved as its own flow; that is the same optimum, and about twice as fast as one large
network, because the solver's cost scaling works on small pieces. The fairness floors solve the same network
again and again with other arc costs, and then only the components whose costs changed.

Nodes and arcs are added in the problem's canonical order (participants by id, offers by kind and id), so the same
inputs give the same result. All arrays are built with numpy; the only Python loop is over components.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow  # type: ignore[import-untyped]

from kvp.matching_engine.problem import Assignment, Int32s, Ints, Problem

Progress = Callable[[str, int, int], None]  # (stage "build" | "solve" | "extract", done, total)
SINK = 0


class SolverError(RuntimeError):
    """The solver did not find an optimum (it always should: the bypass arcs keep every flow feasible)."""


def _runs(values: Ints) -> Ints:
    """Where each run of equal values starts (values grouped, e.g. sorted)."""
    if values.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))


def components(problem: Problem) -> Ints:
    """A component label per arc: the smallest offer index reachable through shared (participant, kind) nodes."""
    if problem.arc_count == 0:
        return np.zeros(0, dtype=np.int64)
    pk_starts = _runs(problem.arc_pk)
    label = np.arange(len(problem.offers), dtype=np.int64)
    while True:
        pk_label = np.minimum.reduceat(label[problem.arc_offer], pk_starts)
        new = label.copy()
        np.minimum.at(new, problem.arc_offer, pk_label[problem.arc_pk])
        while True:  # pointer jumping: follow labels to their root
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, label):
            return label[problem.arc_offer]
        label = new


def _stable_order(labels: Ints, bound: int) -> Ints:
    """argsort, stable; a radix sort when the labels fit in 16 bits."""
    if bound <= np.iinfo(np.int16).max:
        return np.argsort(labels.astype(np.int16), kind="stable")
    return np.argsort(labels, kind="stable")


@dataclass(frozen=True)
class Network:
    """The flow network of a problem, component by component: component c owns the network arcs
    seg_start[c]:seg_start[c + 1] (its matching arcs first, then its offers' arcs to the sink, then its bypass
    arcs) and the problem's arcs order[comp_starts[c]:comp_starts[c + 1]], in the same order."""

    order: Ints  # the problem's arcs, component by component
    comp_starts: Ints  # where each component's arcs start in `order` (one more entry: the end)
    seg_start: Ints  # where each component's network arcs start (one more entry: the total)
    comp_pk: Ints  # (participant, kind) nodes per component
    tails: Int32s
    heads: Int32s
    capacities: Ints
    costs: Ints  # −weight on the matching arcs, 0 elsewhere
    arc_at: Ints  # the network arc of each arc in `order`
    numbers: Int32s  # 0, 1, 2, ... as far as the largest component needs (node and arc numbers)
    ones: Ints

    @property
    def count(self) -> int:
        return int(self.comp_pk.size)

    def solve(self, comp: int, costs: Ints) -> tuple[Ints, int]:
        """Component `comp` with `costs` for its network arcs: its chosen problem arcs and the optimal cost."""
        first, last = int(self.seg_start[comp]), int(self.seg_start[comp + 1])
        pk_count = int(self.comp_pk[comp])
        arcs = int(self.comp_starts[comp + 1] - self.comp_starts[comp])
        network = min_cost_flow.SimpleMinCostFlow()
        network.add_arcs_with_capacity_and_unit_cost(
            self.tails[first:last], self.heads[first:last], self.capacities[first:last], costs
        )
        network.set_nodes_supplies(self.numbers[1 : pk_count + 1], self.ones[:pk_count])
        network.set_node_supply(SINK, -pk_count)
        status = network.solve()
        if status != network.OPTIMAL:
            raise SolverError(f"the min-cost flow solver stopped with status {status}")
        flows = np.asarray(network.flows(self.numbers[:arcs]))
        return self.order[int(self.comp_starts[comp]) + np.flatnonzero(flows)], int(network.optimal_cost())


def build_network(problem: Problem) -> Network:
    """The problem's network, split into its connected components."""
    label = components(problem)
    order = _stable_order(label, len(problem.offers))  # component by component, canonical order within each
    arc_comp_label = label[order]
    comp_starts = _runs(arc_comp_label)
    comp_count = int(comp_starts.size)
    comp_of_arc = (
        np.cumsum(np.concatenate(([True], arc_comp_label[1:] != arc_comp_label[:-1]))) - 1 if order.size else order
    )
    comp_ends = np.append(comp_starts[1:], order.size)

    # (participant, kind) nodes: numbered 1.. within each component.
    pk = problem.arc_pk[order]
    pk_global = np.cumsum(np.concatenate(([True], pk[1:] != pk[:-1]))) - 1 if order.size else order
    pk_first = pk_global[comp_starts]
    local_pk = pk_global - pk_first[comp_of_arc]
    comp_pk = np.diff(np.append(pk_first, pk_global[-1] + 1 if order.size else 0))

    # Offers with arcs, component by component, in canonical order within each.
    arc_offer = problem.arc_offer[order]
    offer_comp = np.full(len(problem.offers), -1, dtype=np.int64)
    offer_comp[arc_offer] = comp_of_arc
    offers = np.flatnonzero(offer_comp >= 0)
    offers = offers[np.lexsort((problem.offer_rank[offers], offer_comp[offers]))]
    offers_comp = offer_comp[offers]
    offer_starts = np.searchsorted(offers_comp, np.arange(comp_count + 1))
    local_offer = np.empty(len(problem.offers), dtype=np.int64)
    local_offer[offers] = np.arange(offers.size) - offer_starts[offers_comp]

    # One contiguous segment per component: its arcs, its offers' arcs to the sink, its bypass arcs.
    comp_arcs = comp_ends - comp_starts
    comp_offers = np.diff(offer_starts)
    seg_start = np.concatenate(([0], np.cumsum(comp_arcs + comp_offers + comp_pk)))
    total = int(seg_start[-1])
    tails = np.empty(total, dtype=np.int32)
    heads = np.zeros(total, dtype=np.int32)  # offers' and bypass arcs end at the sink
    capacities = np.ones(total, dtype=np.int64)
    costs = np.zeros(total, dtype=np.int64)
    arc_at = seg_start[comp_of_arc] + np.arange(order.size) - comp_starts[comp_of_arc]
    tails[arc_at] = 1 + local_pk
    heads[arc_at] = 1 + comp_pk[comp_of_arc] + local_offer[arc_offer]
    costs[arc_at] = -problem.arc_weight[order]
    at = seg_start[offers_comp] + comp_arcs[offers_comp] + local_offer[offers]
    tails[at] = 1 + comp_pk[offers_comp] + local_offer[offers]
    capacities[at] = problem.capacity[offers]
    pk_run = _runs(pk_global)
    pk_comp = comp_of_arc[pk_run]
    at = seg_start[pk_comp] + comp_arcs[pk_comp] + comp_offers[pk_comp] + pk_global[pk_run] - pk_first[pk_comp]
    tails[at] = 1 + pk_global[pk_run] - pk_first[pk_comp]
    largest = int(max(comp_pk.max(), comp_arcs.max())) + 1 if comp_count else 1
    return Network(
        order=order,
        comp_starts=np.append(comp_starts, order.size),
        seg_start=seg_start,
        comp_pk=comp_pk,
        tails=tails,
        heads=heads,
        capacities=capacities,
        costs=costs,
        arc_at=arc_at,
        numbers=np.arange(largest, dtype=np.int32),
        ones=np.ones(largest, dtype=np.int64),
    )


def solve_flow(problem: Problem, progress: Progress | None = None) -> Assignment:
    """The optimal assignment by min-cost flow; `progress` hears of each stage and of the components solved."""
    started = time.perf_counter()
    if progress:
        progress("build", 0, 1)
    network = build_network(problem)
    comp_count = network.count
    if progress:
        progress("solve", 0, comp_count)
    chosen: list[Ints] = []
    cost = 0
    step = max(1, comp_count // 100)
    for comp in range(comp_count):
        arcs, comp_cost = network.solve(comp, network.costs[network.seg_start[comp] : network.seg_start[comp + 1]])
        chosen.append(arcs)
        cost += comp_cost
        if progress and (comp + 1) % step == 0:
            progress("solve", comp + 1, comp_count)

    if progress:
        progress("extract", 0, 1)
    arcs_chosen = np.sort(np.concatenate(chosen)) if chosen else np.zeros(0, dtype=np.int64)
    assignment = problem.assignment(
        arcs_chosen, solver="OR-Tools min-cost flow", seconds=0.0, proven_optimal=True, bound=-cost
    )
    if assignment.objective != -cost:
        raise SolverError("the flow's cost and the chosen pairs' weights disagree")
    if progress:
        progress("extract", 1, 1)
    return dataclasses.replace(assignment, seconds=time.perf_counter() - started)
