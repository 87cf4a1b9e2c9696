"""Fairness floors: for each floored group g, at least ceil(floor_g × size_g) of its participants get
a formally qualifying offer (E3), while the total weight stays as large as possible.

The group is an administrator-chosen, non-protected attribute (such as education level); origin,
nationality, ethnicity and religion are never inputs. The floors make the problem a MIP, solved by HiGHS:

    maximise Σ weight_a · x_a
    subject to the matching's rows (one offer per participant and kind, capacities),
               y_p ≤ Σ_{qualifying arcs a of p} x_a          for each participant p in a floored group,
               Σ_{p in g} y_p ≥ required_g                    for each floored group g,
               x_a ∈ {0, 1},  0 ≤ y_p ≤ 1.

(y_p may stay continuous: for integral x the largest feasible Σ y_p counts the participants with a qualifying
offer.) The LP relaxation is solved first: its optimum is an upper bound on any assignment meeting the
floors, and the result reports the gap to it. HiGHS stops at MIP_GAP of its own bound.
"""

from __future__ import annotations

import dataclasses
import math
import time
from dataclasses import dataclass
from decimal import Decimal

import highspy
import numpy as np

from kvp.matching_engine.lp import INTEGRALITY_TOLERANCE, Model, lp_model
from kvp.matching_engine.problem import Assignment, Problem, required_per_group
from kvp.rules.matching import MatchInputError
from kvp.rules.texts import N_

MIP_GAP = 1e-4  # HiGHS's relative gap to stop at; the target is 0.1 % of the LP bound
TIME_LIMIT = 60.0  # seconds; the result says whether the gap was reached


@dataclass(frozen=True)
class FairResult:
    assignment: Assignment  # bound: the LP relaxation's optimum, rounded down
    lp_bound: float  # the LP relaxation's optimum: no assignment meeting the floors weighs more
    mip_bound: float  # HiGHS's final bound (at most lp_bound)
    gap: float  # (lp_bound - objective) / lp_bound
    lp_seconds: float
    mip_seconds: float
    required: dict[str, int]  # participants with a qualifying offer each floored group must get
    achieved: dict[str, int]


def _floored_model(problem: Problem, required: dict[str, int]) -> Model:
    model = lp_model(problem)
    floored = [problem.groups.index(group) for group, count in required.items() if count > 0]
    qualifying_arc = problem.qualifying[problem.arc_offer]
    in_floor = np.isin(problem.participant_group[problem.arc_participant], floored)
    arcs = np.flatnonzero(qualifying_arc & in_floor)
    people, row_of_arc = np.unique(problem.arc_participant[arcs], return_inverse=True)
    y = model.add_columns(np.zeros(people.size), np.zeros(people.size), np.ones(people.size))
    link = model.add_rows(np.full(people.size, -highspy.kHighsInf), np.zeros(people.size))
    model.matrix.add(link[row_of_arc], arcs.astype(np.int64), -np.ones(arcs.size))
    model.matrix.add(link, y, np.ones(people.size))
    groups = [problem.groups.index(group) for group in required]
    floor_rows = model.add_rows(
        np.array([float(count) for count in required.values()]), np.full(len(required), highspy.kHighsInf)
    )
    person_group = problem.participant_group[people]
    for row, group in zip(floor_rows.tolist(), groups, strict=True):
        members = np.flatnonzero(person_group == group)
        model.matrix.add(np.full(members.size, row, dtype=np.int64), y[members], np.ones(members.size))
    return model


def _check_reachable(problem: Problem, required: dict[str, int]) -> None:
    """A clear error when a group has too few participants who can take any qualifying offer at all, or when
    the floors together need more qualifying places than there are."""
    qualifying_arc = problem.qualifying[problem.arc_offer] & (problem.capacity[problem.arc_offer] > 0)
    can = np.unique(problem.arc_participant[qualifying_arc])
    reachable = np.bincount(problem.participant_group[can], minlength=len(problem.groups))
    for group, count in required.items():
        possible = int(reachable[problem.groups.index(group)])
        if count > possible:
            raise MatchInputError(
                "infeasible_floor",
                N_(
                    "The floor for the group %(group)s needs %(required)s participants with a qualifying offer, "
                    "but only %(possible)s of them can take any qualifying offer."
                ),
                {"group": group, "required": str(count), "possible": str(possible)},
            )
    places = int(problem.capacity[problem.qualifying].sum())
    if sum(required.values()) > places:
        raise MatchInputError(
            "infeasible_floors",
            N_("The floors need %(required)s qualifying places together, but there are only %(places)s."),
            {"required": str(sum(required.values())), "places": str(places)},
        )


def solve_fair(
    problem: Problem, floors: dict[str, Decimal], *, time_limit: float = TIME_LIMIT, always_mip: bool = False
) -> FairResult:
    """The best assignment meeting the floors (group -> share of its participants, 0..1). MatchInputError for
    an unknown group, a share outside 0..1, or floors that cannot all be met. When the LP relaxation's
    optimum is integral it is the answer; `always_mip` runs the MIP anyway (for checks)."""
    started = time.perf_counter()
    required = required_per_group(problem, floors)
    _check_reachable(problem, required)
    model = _floored_model(problem, required)

    relaxation = model.highs(integer=False)
    relaxation.run()
    status = relaxation.getModelStatus()
    if status == highspy.HighsModelStatus.kInfeasible:
        raise _infeasible(required)
    if status != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS stopped the LP relaxation with {relaxation.modelStatusToString(status)}")
    lp_bound = float(relaxation.getInfo().objective_function_value)
    x = np.asarray(relaxation.getSolution().col_value, dtype=np.float64)[: problem.arc_count]
    lp_seconds = time.perf_counter() - started

    if not always_mip and np.all(np.minimum(np.abs(x), np.abs(1 - x)) <= INTEGRALITY_TOLERANCE):
        chosen = np.flatnonzero(x > 0.5)  # the relaxation is integral: it is the optimum
        mip_bound = lp_bound
    else:
        mip = model.highs(integer=True)
        mip.setOptionValue("mip_rel_gap", MIP_GAP)
        mip.setOptionValue("time_limit", float(time_limit))
        mip.run()
        status = mip.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            raise _infeasible(required)
        info = mip.getInfo()
        if int(info.primal_solution_status) != 2:  # no feasible solution found within the time limit
            raise RuntimeError(f"HiGHS found no assignment meeting the floors ({mip.modelStatusToString(status)})")
        x = np.asarray(mip.getSolution().col_value, dtype=np.float64)[: problem.arc_count]
        chosen = np.flatnonzero(x > 0.5)
        mip_bound = float(info.mip_dual_bound)
    seconds = time.perf_counter() - started
    bound = math.floor(lp_bound + 1e-9 * abs(lp_bound) + 1e-6)  # the weights are integers
    assignment = problem.assignment(
        chosen, solver="HiGHS MIP with fairness floors", seconds=seconds, proven_optimal=False, bound=bound
    )
    if assignment.objective >= min(bound, math.floor(mip_bound + 1e-9 * abs(mip_bound) + 1e-6)):
        assignment = dataclasses.replace(assignment, proven_optimal=True)
    qualified = np.unique(problem.arc_participant[chosen[problem.qualifying[problem.arc_offer[chosen]]]])
    got = np.bincount(problem.participant_group[qualified], minlength=len(problem.groups))
    achieved = {group: int(got[problem.groups.index(group)]) for group in required}
    return FairResult(
        assignment=assignment,
        lp_bound=lp_bound,
        mip_bound=mip_bound,
        gap=(lp_bound - assignment.objective) / lp_bound if lp_bound else 0.0,
        lp_seconds=lp_seconds,
        mip_seconds=seconds - lp_seconds,
        required=required,
        achieved=achieved,
    )


def _infeasible(required: dict[str, int]) -> MatchInputError:
    return MatchInputError(
        "infeasible_floors",
        N_("The fairness floors cannot all be met with these offers and places (%(required)s)."),
        {"required": ", ".join(f"{group}: {count}" for group, count in required.items())},
    )
