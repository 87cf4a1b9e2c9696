"""Progress on stderr, so that the result tables on stdout stay clean when they are piped or saved."""

from __future__ import annotations

import sys

from kvp.common.progress import ProgressBar


def to_terminal(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def status(text: str) -> None:
    to_terminal(f"{text}\n")


def progress(label: str, total: int) -> ProgressBar:
    """The demo's own progress bar."""
    return ProgressBar(to_terminal, label=label.ljust(16), total=total)
