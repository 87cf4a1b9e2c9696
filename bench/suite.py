"""Runs the chosen benchmarks and prints each table as soon as it is measured. Needs Django set up."""

from __future__ import annotations

from collections.abc import Callable

from bench.barriers import barrier_scan
from bench.database import fresh_database
from bench.language_check import language_check_benchmark
from bench.load import load_benchmark
from bench.matching import matching_benchmark
from bench.matching_fairness import matching_fairness_benchmark
from bench.matching_run import matching_run_benchmark
from bench.overview import overview_benchmark
from bench.pages import audit_search, participant_detail, participant_list
from bench.report import Outcome, Write, print_outcome
from bench.scale import QUICK, Scale
from bench.seeding import demo_seeding
from bench.world import World, build_world

PAGES: dict[str, Callable[[World, Scale], Outcome]] = {
    "list": participant_list,
    "detail": participant_detail,
    "audit": audit_search,
}


def run(names: list[str], scale: Scale, write: Write) -> list[Outcome]:
    outcomes: list[Outcome] = []
    pages = [name for name in names if name in PAGES]
    if pages:
        with fresh_database("kvp_bench"):
            world = build_world(scale)
            for name in pages:
                outcomes.append(PAGES[name](world, scale))
                print_outcome(outcomes[-1], write)
    if "seeding" in names:
        outcomes.append(demo_seeding(scale))
        print_outcome(outcomes[-1], write)
    if "barriers" in names:
        with fresh_database("kvp_bench_barriers"):
            outcomes.append(barrier_scan(scale))
        print_outcome(outcomes[-1], write)
    if "matching" in names:
        outcomes.append(matching_benchmark(quick=scale is QUICK))
        print_outcome(outcomes[-1], write)
    if "matching_fairness" in names:
        outcomes.append(matching_fairness_benchmark(quick=scale is QUICK))
        print_outcome(outcomes[-1], write)
    if "matching_run" in names:
        with fresh_database("kvp_bench_matching"):
            outcomes.append(matching_run_benchmark(quick=scale is QUICK))
        print_outcome(outcomes[-1], write)
    if "overview" in names:
        with fresh_database("kvp_bench_overview"):
            outcomes.append(overview_benchmark(scale))
        print_outcome(outcomes[-1], write)
    if "load" in names:
        outcomes.append(load_benchmark(quick=scale is QUICK))
        print_outcome(outcomes[-1], write)
    if "language_check" in names:
        outcomes.append(language_check_benchmark(quick=scale is QUICK))
        print_outcome(outcomes[-1], write)
    return outcomes
