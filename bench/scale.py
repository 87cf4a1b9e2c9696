"""How big the large and the baseline cases are, in a full run and in a quick one (`--quick`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

NAMES = (
    "list",
    "detail",
    "audit",
    "seeding",
    "barriers",
    "matching",
    "matching_fairness",
    "matching_run",
    "language_check",
    "overview",
    "load",
)
# The load test (bench/load.py) runs a server for a minute and seeds 20,000 participants on its first run: only
# when named, or with KVP_BENCH_LOAD=1, so that a plain `make bench` stays as long as it was.
OPTIONAL = ("load",)
TODAY = datetime.date(2026, 3, 2)  # the date demo histories lead up to: fixed, so every run builds the same data


@dataclass(frozen=True)
class Scale:
    large_office: int  # participants; each has 10 audit events, so the audit benchmark compares 10x these
    baseline_office: int
    history_audit_events: int  # on the participant page's long history
    seeding_large: int  # participants seeded by `kvp demo` in a fresh database
    seeding_baseline: int
    repeats: int  # timed requests per page and case
    barrier_offers: int  # current offers in the office the barrier scan reads
    barrier_participants: int  # participants with an open case in that office
    barrier_repeats: int  # timed runs of the barrier scan and of the plain scan


FULL = Scale(
    large_office=20_000,
    baseline_office=200,
    history_audit_events=3_000,
    seeding_large=20_000,
    seeding_baseline=1_000,
    repeats=15,
    barrier_offers=10_000,
    barrier_participants=100_000,
    barrier_repeats=3,
)
QUICK = Scale(
    large_office=2_000,
    baseline_office=200,
    history_audit_events=3_000,
    seeding_large=4_000,
    seeding_baseline=1_000,
    repeats=9,
    barrier_offers=1_000,
    barrier_participants=10_000,
    barrier_repeats=5,
)
