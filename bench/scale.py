"""How big the large and the baseline cases are, in a full run and in a quick one (`--quick`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

NAMES = ("list", "detail", "audit", "seeding")
TODAY = datetime.date(2026, 3, 2)  # the date demo histories lead up to: fixed, so every run builds the same data


@dataclass(frozen=True)
class Scale:
    large_office: int  # participants; each has 10 audit events, so the audit benchmark compares 10x these
    baseline_office: int
    history_audit_events: int  # on the participant page's long history
    seeding_large: int  # participants seeded by `kvp demo` in a fresh database
    seeding_baseline: int
    repeats: int  # timed requests per page and case


FULL = Scale(
    large_office=20_000,
    baseline_office=200,
    history_audit_events=3_000,
    seeding_large=20_000,
    seeding_baseline=1_000,
    repeats=15,
)
QUICK = Scale(
    large_office=2_000,
    baseline_office=200,
    history_audit_events=3_000,
    seeding_large=4_000,
    seeding_baseline=1_000,
    repeats=9,
)
