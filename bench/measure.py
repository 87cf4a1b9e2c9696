"""The shared timing helper: requests to the baseline and the large case alternate, so noise hits both alike."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

WARMUP = 2


class BenchError(RuntimeError):
    """The benchmark could not measure what it meant to, e.g. a page did not answer 200."""


@dataclass(frozen=True)
class Page:
    """One page as a logged-in user opens it: GET, or POST when `data` is given."""

    client: Client
    path: str
    data: dict[str, str] | None = None

    def __call__(self) -> None:
        response = self.client.get(self.path) if self.data is None else self.client.post(self.path, self.data)
        if response.status_code != 200:
            raise BenchError(f"{self.path} answered {response.status_code}, not 200")


def query_count(call: Callable[[], None]) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries.captured_queries)


def median_seconds(
    baseline: Callable[[], None],
    large: Callable[[], None],
    *,
    repeats: int,
    warmup: int = WARMUP,
    before: Callable[[], object] | None = None,
) -> tuple[float, float]:
    """Median wall time of each call over `repeats` alternating runs, after `warmup` runs of each; `before`
    (e.g. gc.collect) runs untimed before each timed run."""
    for _ in range(warmup):
        baseline()
        large()
    calls = (baseline, large)
    timings: tuple[list[float], list[float]] = ([], [])
    for index in range(repeats):
        for which in (0, 1) if index % 2 == 0 else (1, 0):
            if before is not None:
                before()
            start = time.perf_counter()
            calls[which]()
            timings[which].append(time.perf_counter() - start)
    return statistics.median(timings[0]), statistics.median(timings[1])
