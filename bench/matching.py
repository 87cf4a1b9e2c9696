"""Benchmark: batch matching at national scale. Pure computation, no database.

One run on one seeded instance (bench.matching_instance: 10,000 participants, 3,000 offers with about
12,000 places, about 50 feasible offers each; `--quick`: 2,000 × 600):

- the exact solver (OR-Tools min-cost flow) against HiGHS solving the same LP (the reference optimum): the
  objectives must be equal, and the flow at least 20× faster (median of alternating runs, each from the
  problem to an assignment, model building included);
- the first-come greedy baseline and the stable (deferred-acceptance) matching as fractions of the optimum,
  and the share of participants with wishes who get one of their first three, for each;
- (the fairness-floor variant has its own benchmark on several shapes and seeds: `bench.matching_fairness`);
- 3× the instance (30,000 × 9,000) solved by the flow in under 5 s.

The database part of a run (load, store proposals) is timed by the app's own benchmark around
`kvp.matching_engine.solve_problem`.

    .venv/bin/python -m bench.matching [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.matching_instance import national_instance
from bench.report import Outcome, Row, Write, print_outcome
from bench.terminal import status
from kvp.matching_engine.flow import solve_flow
from kvp.matching_engine.greedy import solve_greedy
from kvp.matching_engine.lp import solve_lp
from kvp.matching_engine.problem import Assignment, Problem, summarise
from kvp.matching_engine.stable import solve_stable

SPEEDUP = 20.0  # the flow at least this many times faster than HiGHS's LP
BUDGET_SECONDS = 5.0  # the 3× instance


@dataclass(frozen=True)
class Size:
    participants: int
    offers: int
    repeats: int  # timed runs of each solver (after one warm-up)


FULL = Size(10_000, 3_000, repeats=5)
QUICK = Size(2_000, 600, repeats=3)


@dataclass(frozen=True)
class AtLeast(Row):
    """Passes when large / baseline is at least `target`."""

    @property
    def passed(self) -> bool:
        return self.ratio >= self.target

    def cells(self) -> list[str]:
        cells = super().cells()
        cells[4] = f"≥ {self.target:g}"
        return cells


@dataclass(frozen=True)
class AtMost(Row):
    """Passes when large / baseline is at most `target`; shows the target exactly."""

    def cells(self) -> list[str]:
        cells = super().cells()
        cells[4] = f"≤ {self.target:g}"
        return cells


@dataclass(frozen=True)
class Info(Row):
    """Shown, not judged."""

    @property
    def passed(self) -> bool:
        return True

    def cells(self) -> list[str]:
        cells = super().cells()
        cells[4] = "(shown)"
        cells[5] = ""
        return cells


def _alternating_medians(first: Callable[[], float], second: Callable[[], float], repeats: int) -> tuple[float, float]:
    """Median seconds each call reports over `repeats` alternating runs, after one warm-up each."""
    first()
    second()
    times: tuple[list[float], list[float]] = ([], [])
    for index in range(repeats):
        for which in (0, 1) if index % 2 == 0 else (1, 0):
            times[which].append((first, second)[which]())
    return statistics.median(times[0]), statistics.median(times[1])


def _top3(problem: Problem, assignment: Assignment) -> float:
    return summarise(problem, assignment).top3_share


def matching_benchmark(*, quick: bool = False) -> Outcome:
    size = QUICK if quick else FULL
    status(f"Matching: generating {size.participants:,} participants × {size.offers:,} offers")
    instance = national_instance(size.participants, size.offers)
    problem = instance.problem
    places = int(problem.capacity.sum())
    status(
        f"  {problem.arc_count:,} feasible pairs of {instance.candidates:,} looked at, {places:,} places; "
        f"fit scores in {instance.fit_seconds:.1f} s"
    )

    status(f"Matching: OR-Tools min-cost flow and HiGHS LP, {size.repeats} alternating runs each")
    flows: list[Assignment] = []
    lps: list[float] = []

    def flow() -> float:
        flows.append(solve_flow(problem))
        return flows[-1].seconds

    def lp() -> float:
        result = solve_lp(problem)
        lps.append(result.objective)
        return result.seconds

    flow_seconds, lp_seconds = _alternating_medians(flow, lp, size.repeats)
    optimum = flows[-1]
    if any(run.pairs != optimum.pairs for run in flows):
        raise RuntimeError("the flow gave different assignments on the same instance")
    untuned = solve_lp(problem, presolve=False)

    status("Matching: greedy and stable baselines")
    greedy = solve_greedy(problem)
    stable = solve_stable(problem)

    triple = Size(3 * size.participants, 3 * size.offers, repeats=3)
    status(f"Matching: generating 3× ({triple.participants:,} × {triple.offers:,}) and solving it")
    large = national_instance(triple.participants, triple.offers).problem
    solve_flow(large)  # warm-up
    large_seconds = statistics.median(solve_flow(large).seconds for _ in range(triple.repeats))

    rows: list[Row] = [
        Row("objective: flow = HiGHS LP", "", round(lps[-1]), optimum.objective, equal=True),
        AtLeast("speed: HiGHS LP ÷ flow", "s", flow_seconds, lp_seconds, target=SPEEDUP),
        Info("  HiGHS LP without presolve", "s", flow_seconds, untuned.seconds),
        Info("greedy ÷ optimum (objective)", "", optimum.objective, greedy.objective),
        Info("stable ÷ optimum (objective)", "", optimum.objective, stable.objective),
        Info("top-3 wish share: greedy ÷ exact", "", _top3(problem, optimum), _top3(problem, greedy)),
        Info("top-3 wish share: stable ÷ exact", "", _top3(problem, optimum), _top3(problem, stable)),
        AtMost("3× instance: flow time ÷ 5 s", "s", BUDGET_SECONDS, large_seconds, target=1.0),
    ]
    return Outcome(
        name="matching",
        title="batch matching: exact flow vs HiGHS LP, baselines, 3× scale",
        baseline=(
            f"{size.participants:,} participants × {size.offers:,} offers, {places:,} places, "
            f"{problem.arc_count:,} feasible pairs; times are medians of {size.repeats} runs"
        ),
        large=f"3× ({triple.participants:,} × {triple.offers:,}, {large.arc_count:,} pairs)",
        rows=rows,
    )


def say(text: str) -> None:
    print(text, flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.matching", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 × 600 instead of 10,000 × 3,000")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    outcome = matching_benchmark(quick=args.quick)
    write: Write = say
    print_outcome(outcome, write)
    write(f"\nmatching in {time.perf_counter() - started:.0f} s: {'all targets met' if outcome.passed else 'FAIL'}")
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
