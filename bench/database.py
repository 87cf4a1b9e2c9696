"""The benchmarks' own database, never the one DATABASE_URL names.

SQLite in a temporary directory by default; with KVP_BENCH_DATABASE_URL (e.g. postgres://kvp@db/kvp) a
database of the bench's own is created on that server and dropped afterwards, the way Django's test
runner does it, so the user must be allowed to create databases.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import django

BENCH_DATABASE_URL = "KVP_BENCH_DATABASE_URL"


def configure(data_dir: Path) -> None:
    """Point the settings at `data_dir` and set Django up. Call before importing anything from kvp."""
    os.environ["KVP_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = os.environ.get(BENCH_DATABASE_URL) or f"sqlite:///{data_dir / 'unused.sqlite3'}"
    os.environ["KVP_DEBUG"] = "false"  # measure what production runs: no query log, no debug pages
    os.environ["DJANGO_SETTINGS_MODULE"] = "kvp.settings"
    django.setup()


@contextmanager
def fresh_database(name: str) -> Iterator[None]:
    """A new, migrated database for the block, dropped after it: `name` on the server, or a file in KVP_DATA_DIR."""
    from django.conf import settings
    from django.db import connection

    test_settings = connection.settings_dict["TEST"]
    test_settings["NAME"] = str(Path(settings.DATA_DIR) / f"{name}.sqlite3") if connection.vendor == "sqlite" else name
    original = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)
