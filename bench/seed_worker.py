"""One `kvp demo` run in a fresh database, in a process of its own: `python -m bench.seed_worker N [--memory]`.

Prints one number on stdout: the command's wall time in seconds (without Python and Django start-up or
migrations), or with --memory the peak of memory allocated by Python while it ran (tracemalloc), in bytes.
Tracing slows Python down about fourfold, so time and memory are measured in separate runs.

Peak resident memory would say little here: hashing the demo password with argon2 takes 100 MiB of C
memory for a moment, more than seeding 20,000 participants needs, and tracemalloc does not see it.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.database import configure, fresh_database
from bench.scale import TODAY

SEED = 2026


def main(participants: int, *, memory: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="kvp-bench-seed-") as directory:
        configure(Path(directory))
        from django.core.management import call_command

        with fresh_database(f"kvp_bench_seed_{participants}"):
            if memory:
                tracemalloc.start()
            start = time.perf_counter()
            call_command(
                "demo", participants=participants, seed=SEED, today=TODAY, stdout=io.StringIO(), stderr=sys.stderr
            )
            seconds = time.perf_counter() - start
            peak_bytes = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    print(peak_bytes if memory else seconds)


if __name__ == "__main__":
    main(int(sys.argv[1]), memory="--memory" in sys.argv[2:])
