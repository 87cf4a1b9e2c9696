"""Load test (`python -m bench load`, or KVP_BENCH_LOAD=1 with `make bench`): a real server (gunicorn on
loopback) on the demo office seeded with 20,000 participants, and 100 counsellors and 400 participants using it
at once for 60 seconds (bench/load_driver.py has the mix). Reports requests per second, the p50, p95 and p99 of
the response times and the errors. Targets: no errors; p95 ≤ 300 ms on PostgreSQL.

The seeded database is kept between runs (seeding 20,000 participants takes minutes): on SQLite as a file in
var/bench-cache/, on PostgreSQL as a template database; each run works on a copy of it, migrated to the code's
latest migrations. The cache's name carries a hash of the demo generator's code, so a changed generator seeds
anew."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.database import BENCH_DATABASE_URL
from bench.load_driver import Sample, drive
from bench.report import Outcome, Row
from bench.scale import TODAY
from bench.terminal import status

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "var" / "bench-cache"
SEED = 2026
P95_BUDGET_MS = 300.0
WORKERS = int(os.environ.get("KVP_BENCH_LOAD_WORKERS", "3"))  # gunicorn processes, four threads each


@dataclass(frozen=True)
class LoadSize:
    office: int  # participants seeded
    counsellors: int
    participants: int
    seconds: int


FULL_LOAD = LoadSize(office=20_000, counsellors=100, participants=400, seconds=60)
QUICK_LOAD = LoadSize(office=2_000, counsellors=20, participants=80, seconds=20)


def _generator_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "kvp" / "demo").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


class Place:
    """Where a database lives: an SQLite file, or a database on the PostgreSQL server in KVP_BENCH_DATABASE_URL."""

    def __init__(self, server: str | None, directory: Path) -> None:
        self.server = server
        self.directory = directory

    def url(self, name: str) -> str:
        if self.server is None:
            return f"sqlite:///{name}"
        parts = urllib.parse.urlsplit(self.server)
        return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))

    def _admin(self, statement: str) -> None:
        import psycopg

        assert self.server is not None
        with psycopg.connect(self.url("postgres").replace("postgres://", "postgresql://"), autocommit=True) as db:
            db.execute(statement)

    def _exists(self, name: str) -> bool:
        import psycopg

        with psycopg.connect(self.url("postgres").replace("postgres://", "postgresql://")) as db:
            return db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None

    def cached(self, size: LoadSize) -> str:
        """The seeded cache's name (a file or a database), seeding it first if there is none."""
        key = f"load_{size.office}_{_generator_hash()}"
        if self.server is None:
            path = CACHE / f"{key}.sqlite3"
            if not path.exists():
                CACHE.mkdir(parents=True, exist_ok=True)
                partial = path.with_suffix(".partial")
                partial.unlink(missing_ok=True)
                self._seed(str(partial), size)
                with closing(sqlite3.connect(partial)) as db:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                partial.rename(path)
            return str(path)
        if not self._exists(key):
            self._admin(f'CREATE DATABASE "{key}_partial"')
            self._seed(f"{key}_partial", size)
            self._admin(f'ALTER DATABASE "{key}_partial" RENAME TO "{key}"')
        return key

    def _seed(self, name: str, size: LoadSize) -> None:
        status(f"seeding the demo office with {size.office:,} participants (kept for later runs)")
        run_kvp(self.url(name), self.directory, "migrate", "--noinput", "-v0")
        run_kvp(
            self.url(name),
            self.directory,
            "demo",
            f"--participants={size.office}",
            f"--seed={SEED}",
            f"--today={TODAY.isoformat()}",
            "-v0",
        )

    @contextmanager
    def copy(self, cached: str) -> Iterator[str]:
        """A database for one run, starting as the cache, migrated; dropped afterwards."""
        if self.server is None:
            path = self.directory / "load.sqlite3"
            with closing(sqlite3.connect(cached)) as source, closing(sqlite3.connect(path)) as target:
                source.backup(target)
            name = str(path)
        else:
            name = "kvp_bench_load"
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{cached}"')
        try:
            run_kvp(self.url(name), self.directory, "migrate", "--noinput", "-v0")
            yield name
        finally:
            if self.server is not None:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(url: str, directory: Path) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": url,
        "KVP_DATA_DIR": str(directory),
        "DJANGO_SETTINGS_MODULE": "kvp.settings",
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)]),
        "KVP_DEBUG": "false",
        "KVP_ALLOWED_HOSTS": "127.0.0.1",
        "KVP_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def run_kvp(url: str, directory: Path, *args: str) -> str:
    return run_python(url, directory, "-m", "kvp", *args)


def run_python(url: str, directory: Path, *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, *args], env=environment(url, directory), cwd=REPO, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(url: str, directory: Path) -> Iterator[str]:
    """gunicorn on a free loopback port; its base URL. Its log (one JSON line per request) is in `directory`."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "kvp.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={WORKERS}",
        "--threads=4",
        "--preload",
        "--timeout=60",
        "--graceful-timeout=5",
    ]
    with open(directory / "server.log", "ab") as log:
        process = subprocess.Popen(  # noqa: S603
            command, env=environment(url, directory), cwd=REPO, stdout=log, stderr=log, start_new_session=True
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, (directory / "server.log").read_text()[-3000:]
            try:
                with closing(socket.create_connection(("127.0.0.1", port), timeout=1)):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start within two minutes"
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


async def _driven(base: str, people: dict[str, object], seconds: int) -> tuple[list[Sample], float, list[float]]:
    """The samples, the seconds they took, and the one-minute load average every five seconds meanwhile."""
    loads: list[float] = []

    async def watch() -> None:
        while True:
            loads.append(os.getloadavg()[0])
            await asyncio.sleep(5)

    watcher = asyncio.create_task(watch())
    try:
        samples, elapsed = await drive(base, people, seconds, warm_up=2 * WORKERS)
    finally:
        watcher.cancel()
    return samples, elapsed, loads


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def load_benchmark(*, quick: bool) -> Outcome:
    size = QUICK_LOAD if quick else FULL_LOAD
    server_url = os.environ.get(BENCH_DATABASE_URL)
    engine = "PostgreSQL" if server_url else "SQLite"
    with tempfile.TemporaryDirectory(prefix="kvp-bench-load-") as scratch:
        directory = Path(scratch)
        (directory / "media").mkdir()
        place = Place(server_url, directory)
        cached = place.cached(size)
        with place.copy(cached) as name:
            status(f"signing in {size.counsellors} counsellors and {size.participants} participants")
            people = json.loads(
                run_python(
                    place.url(name), directory, "-m", "bench.load_users", str(size.counsellors), str(size.participants)
                )
            )
            with server(place.url(name), directory) as base:
                status(f"{size.counsellors + size.participants} people using the server for {size.seconds} s")
                samples, elapsed, loads = asyncio.run(_driven(base, people, size.seconds))
            errors = [sample for sample in samples if not sample.ok]
            if errors:
                kept = directory / "server.log"
                shutil.copy(kept, CACHE / "last-load-server.log")
    return _outcome(engine, size, samples, errors, elapsed, loads)


def _outcome(
    engine: str, size: LoadSize, samples: list[Sample], errors: list[Sample], elapsed: float, loads: list[float]
) -> Outcome:
    times = [sample.ms for sample in samples]
    p50, p95, p99 = (percentile(times, share) for share in (0.50, 0.95, 0.99))
    rows = [Row("errors", "", 0, len(errors), equal=True)]
    if engine == "PostgreSQL":
        rows.append(Row("p95 response time", "ms", P95_BUDGET_MS, p95))
    by_action: dict[str, list[float]] = {}
    for sample in samples:
        by_action.setdefault(sample.action, []).append(sample.ms)
    notes = [
        f"{engine}: {len(samples):,} requests in {elapsed:.0f} s = {len(samples) / elapsed:.1f} requests/s; "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, {len(errors)} errors",
        f"load average (1 min) during the run: {min(loads):.1f} to {max(loads):.1f} on {os.cpu_count()} cores",
        *(
            f"  {action}: {len(values):,} requests, p50 {percentile(values, 0.5):.0f} ms, "
            f"p95 {percentile(values, 0.95):.0f} ms, max {max(values):.0f} ms"
            for action, values in sorted(by_action.items())
        ),
    ]
    if errors:
        statuses = statistics.multimode([f"{e.action} {e.status}" for e in errors])
        notes.append(
            f"most frequent errors: {', '.join(statuses)} (the server's log: var/bench-cache/last-load-server.log)"
        )
    return Outcome(
        name="load",
        title=f"{size.counsellors} counsellors and {size.participants} participants for {size.seconds} s ({engine})",
        baseline="the targets: no errors; p95 ≤ 300 ms on PostgreSQL",
        large=f"the demo office of {size.office:,} participants, gunicorn with {WORKERS} processes of 4 threads",
        rows=rows,
        notes=tuple(notes),
    )
