"""`python -m bench [--quick] [NAME ...]`: run the benchmarks (all by default); exit 1 if a target is missed."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.database import BENCH_DATABASE_URL, configure
from bench.report import print_summary
from bench.scale import FULL, NAMES, OPTIONAL, QUICK


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    default = f"all but {', '.join(OPTIONAL)}, which KVP_BENCH_LOAD=1 adds"
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"{', '.join(NAMES)} (default: {default})")
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer requests (a smoke run)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    return args


def say(text: str) -> None:
    print(text, flush=True)  # flushed, so that tables and the progress bars on stderr keep their order


def main(argv: list[str]) -> int:
    args = parse(argv)
    with_load = os.environ.get("KVP_BENCH_LOAD", "") == "1"
    names = args.names or [name for name in NAMES if name not in OPTIONAL or with_load]
    scale = QUICK if args.quick else FULL
    started = time.perf_counter()
    server = os.environ.get(BENCH_DATABASE_URL)
    where = f"a new database on {server.split('@')[-1]}" if server else "SQLite in a temporary directory"
    say(f"Benchmarks {', '.join(names)} ({'quick' if args.quick else 'full'} sizes) on {where}")
    with tempfile.TemporaryDirectory(prefix="kvp-bench-") as directory:
        configure(Path(directory))
        from bench.suite import run

        outcomes = run(names, scale, say)
    print_summary(outcomes, time.perf_counter() - started, say)
    return 0 if all(outcome.passed for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
