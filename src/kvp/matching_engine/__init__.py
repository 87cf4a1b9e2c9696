"""The matching engine: participants to offers with places, exactly and explainably. Pure Python with
numpy, OR-Tools and HiGHS; no Django. The app loads the inputs, calls `solve_problem`, and stores proposals.

    problem = build_problem(participants, offers, weights, preference_weight=..., travel=...)
    assignment = solve_problem(problem)                       # optimal (min-cost flow)
    assignment = solve_problem(problem, mode="stable")        # participant-proposing deferred acceptance
    assignment = solve_problem(problem, floors={"little": Decimal("0.4")})  # fairness floors (priced flow)
    summary = summarise(problem, assignment)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from kvp.matching_engine.fairness import FairResult, solve_fair
from kvp.matching_engine.flow import Progress, solve_flow
from kvp.matching_engine.greedy import solve_greedy
from kvp.matching_engine.lp import solve_lp
from kvp.matching_engine.problem import Assignment, Problem, Shortfall, Summary, summarise
from kvp.matching_engine.scoring import build_problem, score_pairs
from kvp.matching_engine.stable import blocking_pairs, solve_stable

Mode = Literal["optimal", "stable"]

__all__ = [
    "Assignment",
    "FairResult",
    "Mode",
    "Problem",
    "Progress",
    "Shortfall",
    "Summary",
    "blocking_pairs",
    "build_problem",
    "score_pairs",
    "solve_fair",
    "solve_flow",
    "solve_greedy",
    "solve_lp",
    "solve_problem",
    "solve_stable",
    "summarise",
]


def solve_problem(
    problem: Problem,
    *,
    mode: Mode = "optimal",
    floors: dict[str, Decimal] | None = None,
    progress: Progress | None = None,
) -> Assignment:
    """The run's assignment: the proven optimum by min-cost flow, the stable matching, or (with `floors`,
    group -> share 0..1) the best assignment meeting the fairness floors that the search finds in time (its
    `unmet` names any floor it has not met). Raises MatchInputError (kvp.rules.matching) for floors that
    cannot be met at all; floors apply to the optimal mode only."""
    if floors:
        if mode != "optimal":
            raise ValueError("fairness floors apply to the optimal mode only")
        if progress:
            progress("solve", 0, 1)
        result = solve_fair(problem, floors).assignment
        if progress:
            progress("solve", 1, 1)
        return result
    if mode == "stable":
        if progress:
            progress("solve", 0, 1)
        result = solve_stable(problem)
        if progress:
            progress("solve", 1, 1)
        return result
    if mode != "optimal":
        raise ValueError(f"unknown matching mode {mode!r}")
    return solve_flow(problem, progress)
