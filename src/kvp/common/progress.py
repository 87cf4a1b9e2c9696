"""A one-line progress bar for long work in the terminal: `Participants [#####.....]  50% 60000/120000`."""

from __future__ import annotations

from collections.abc import Callable


class ProgressBar:
    def __init__(self, write: Callable[[str], None], *, label: str, total: int, width: int = 30) -> None:
        self.write = write
        self.label = label
        self.total = max(total, 1)
        self.width = width
        self.done = 0
        self.shown_percent = -1

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        percent = self.done * 100 // self.total
        if percent != self.shown_percent:  # redraw at most a hundred times
            self.shown_percent = percent
            filled = self.done * self.width // self.total
            bar = "#" * filled + "." * (self.width - filled)
            self.write(f"\r{self.label} [{bar}] {percent:3d}% {self.done}/{self.total}")

    def finish(self) -> None:
        self.write("\n")
