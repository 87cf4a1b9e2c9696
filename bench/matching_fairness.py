"""Benchmark: the fairness variant of the matching (`kvp.matching_engine.fairness.solve_fair`) on instances of
several shapes and seeds (`bench.matching_instance.SHAPES`), none of them the one it was developed on.

For each of five shapes, at 10,000 × 3,000 and at 30,000 × 9,000 (`--quick`: 2,000 × 600 and 6,000 × 1,800),
one instance from its own seed: the bare OR-Tools min-cost flow on the same instance (the baseline, measured
in the same run), then the fairness variant with the shape's floors. Judged: the time against the budget (5 s
and 15 s) and the certified gap against 0.1 % (the gap to the Lagrangian bound the run proves, no LP); shown:
the time as a multiple of the bare flow, and each floor's attainment (participants of the group with a
qualifying offer, against those the floor needs).

    .venv/bin/python -m bench matching_fairness [--quick]
"""

from __future__ import annotations

from decimal import Decimal

from bench.matching_instance import SHAPES, national_instance
from bench.report import Outcome, Row
from bench.terminal import status
from kvp.matching_engine.fairness import solve_fair
from kvp.matching_engine.flow import solve_flow

GAP = 0.001  # certified within 0.1 % of the bound
FORTY_FIVE = Decimal("0.45")
# Each shape's floors: binding (above what the unconstrained optimum gives the group) and reachable.
FLOORS = {
    "national": {"little": FORTY_FIVE},
    "over-subscribed": {"little": Decimal("0.20")},
    "sparse": {"little": FORTY_FIVE},
    "lumpy": {"little": FORTY_FIVE},
    "overlapping": {"little": FORTY_FIVE, "secondary": FORTY_FIVE},
}
# (participants, offers, time budget in seconds, first seed); seeds differ per size and shape
FULL = ((10_000, 3_000, 5.0, 101), (30_000, 9_000, 15.0, 201))
QUICK = ((2_000, 600, 5.0, 101), (6_000, 1_800, 15.0, 201))


class Budget(Row):
    """Time or gap within its limit: passes when large ÷ baseline (the limit) is at most 1."""

    def cells(self) -> list[str]:
        cells = super().cells()
        cells[4] = "≤ 1"
        return cells


class Shown(Row):
    @property
    def passed(self) -> bool:
        return True

    def cells(self) -> list[str]:
        cells = super().cells()
        cells[4], cells[5] = "(shown)", ""
        return cells


def matching_fairness_benchmark(*, quick: bool = False) -> Outcome:
    rows: list[Row] = []
    notes: list[str] = []
    for participants, offers, budget, first_seed in QUICK if quick else FULL:
        for number, shape in enumerate(SHAPES):
            seed = first_seed + number
            label = f"{participants // 1000}k {shape.name} s{seed}"
            status(f"Fairness: {label}: generating {participants:,} × {offers:,}")
            problem = national_instance(participants, offers, seed=seed, shape=shape).problem
            flow = solve_flow(problem)
            status(f"  bare flow {flow.seconds:.2f} s; fairness floors {FLOORS[shape.name]}")
            fair = solve_fair(problem, FLOORS[shape.name], time_limit=2 * budget)
            seconds = fair.assignment.seconds
            rows += [
                Budget(f"{label}: time ÷ {budget:g} s", "s", budget, seconds),
                Budget(f"{label}: certified gap ÷ 0.1 %", "", GAP, fair.gap),
                Shown(f"{label}: time ÷ bare flow", "s", flow.seconds, seconds),
            ]
            attained = ", ".join(f"{group} {fair.achieved[group]}/{fair.required[group]}" for group in fair.required)
            unmet = "; ".join(f"{s.group} {s.required - s.achieved} short" for s in fair.assignment.unmet)
            notes.append(
                f"{label}: {seconds:.2f} s ({flow.seconds:.2f} s bare flow), gap {fair.gap:.4%}, "
                f"{fair.iterations} flows, floors met {attained}{'; UNMET ' + unmet if unmet else ''}; "
                f"cost of the floors {1 - fair.assignment.objective / flow.objective:.3%}"
            )
    sizes = QUICK if quick else FULL
    return Outcome(
        name="matching_fairness",
        title="fairness floors by priced min-cost flow: time and certified gap on five shapes, two sizes",
        baseline="the time budget (5 s, 15 s) and the 0.1 % gap; the bare OR-Tools flow on the same instance",
        large=" and ".join(f"{p:,} × {o:,}" for p, o, _, _ in sizes) + ", one seed per shape and size",
        rows=rows,
        notes=tuple(notes),
    )
