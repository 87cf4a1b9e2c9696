"""The data the page benchmarks share: a baseline office and a large one in one database, built once per run."""

from __future__ import annotations

from dataclasses import dataclass

from bench.histories import Histories, build_histories
from bench.offices import BenchOffice, seed_office
from bench.scale import Scale


@dataclass(frozen=True)
class World:
    baseline: BenchOffice
    large: BenchOffice
    histories: Histories  # in the large office


def build_world(scale: Scale) -> World:
    used_ids: set[str] = set()
    baseline = seed_office(unit="9001", participants=scale.baseline_office, seed=1, used_ids=used_ids)
    large = seed_office(unit="9002", participants=scale.large_office, seed=2, used_ids=used_ids)
    histories = build_histories(large, audit_events=scale.history_audit_events)
    return World(baseline=baseline, large=large, histories=histories)
