"""Benchmark 4: `kvp demo` at scale. Seconds per participant should stay flat (the work is linear) and memory
nearly so (rows are written in batches of 2,000 participants). Each run seeds a fresh database in its own process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from bench.report import Outcome, Row
from bench.scale import Scale
from bench.terminal import status

BASELINE_TIME_RUNS = 3  # the baseline run is short, so the median of three steadies the ratio
REPO = Path(__file__).resolve().parent.parent
MIB = 2**20


def seed_in_subprocess(participants: int, *, memory: bool = False) -> float:
    """Seconds `kvp demo --participants N` took, or with `memory` its peak Python memory in bytes."""
    what = "memory traced" if memory else "timed"
    status(f"kvp demo --participants {participants:,} in a fresh database, {what}")
    worker = [sys.executable, "-m", "bench.seed_worker", str(participants), *(["--memory"] if memory else [])]
    result = subprocess.run(worker, cwd=REPO, stdout=subprocess.PIPE, text=True, check=True)  # noqa: S603
    return float(result.stdout.strip().splitlines()[-1])


def demo_seeding(scale: Scale) -> Outcome:
    small, large = scale.seeding_baseline, scale.seeding_large
    baseline_seconds = statistics.median(seed_in_subprocess(small) for _ in range(BASELINE_TIME_RUNS))
    large_seconds = seed_in_subprocess(large)
    baseline_peak, large_peak = seed_in_subprocess(small, memory=True), seed_in_subprocess(large, memory=True)
    return Outcome(
        name="seeding",
        title="kvp demo: time per participant and peak memory",
        baseline=f"{small:,} participants (time: median of {BASELINE_TIME_RUNS} runs)",
        large=f"{large:,} participants",
        rows=[
            Row("time per participant", "µs", baseline_seconds * 1e6 / small, large_seconds * 1e6 / large, target=1.5),
            Row("peak Python memory", "MiB", baseline_peak / MIB, large_peak / MIB, target=3.0),
        ],
    )
