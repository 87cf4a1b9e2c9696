"""What a benchmark found: rows of baseline, large, ratio and target, printed as a table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Write = Callable[[str], None]


@dataclass(frozen=True)
class Row:
    """One measured quantity. It passes when large / baseline is at most `target`, or exactly 1 when `equal`."""

    metric: str
    unit: str
    baseline: float
    large: float
    target: float = 1.0
    equal: bool = False

    @property
    def ratio(self) -> float:
        return self.large / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool:
        return self.baseline == self.large if self.equal else self.ratio <= self.target

    def cells(self) -> list[str]:
        target = "equal" if self.equal else f"≤ {self.target:.1f}"
        return [
            self.metric,
            f"{_number(self.baseline)} {self.unit}".rstrip(),
            f"{_number(self.large)} {self.unit}".rstrip(),
            f"{self.ratio:.2f}",
            target,
            "PASS" if self.passed else "FAIL",
        ]


@dataclass(frozen=True)
class Outcome:
    name: str
    title: str
    baseline: str  # what the baseline case is, e.g. "office of 200"
    large: str
    rows: list[Row]
    notes: tuple[str, ...] = ()  # what else the run found, printed under the table

    @property
    def passed(self) -> bool:
        return all(row.passed for row in self.rows)


def _number(value: float) -> str:
    if value == int(value) and abs(value) >= 10:
        return f"{int(value):,}"
    return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"


def print_outcome(outcome: Outcome, write: Write) -> None:
    header = ["", "baseline", "large", "ratio", "target", "result"]
    table = [header, *(row.cells() for row in outcome.rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(header))]
    write(f"\n{outcome.name}: {outcome.title}")
    write(f"  baseline: {outcome.baseline}")
    write(f"  large:    {outcome.large}")
    for line in table:
        write("  " + "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    for note in outcome.notes:
        write(f"  {note}")


def print_summary(outcomes: list[Outcome], seconds: float, write: Write) -> None:
    failed = [outcome.name for outcome in outcomes if not outcome.passed]
    verdict = f"FAIL: {', '.join(failed)}" if failed else "all targets met"
    write(f"\n{len(outcomes)} benchmark(s) in {seconds:.0f} s: {verdict}")
