"""Backups: the database and the attachments in one archive, taken while KVP runs, and put back in place.

SQLite is copied page by page with its online backup API: one consistent snapshot while writers go on, and
a file that keeps what a plain SQL dump loses (the audit trail's append-only triggers, and CHECK constraints
that call functions Django registers on each connection). PostgreSQL is dumped with pg_dump's custom format
(triggers and functions included) and put back with pg_restore in one transaction. The database is copied
before the attachments, so every attachment a copied row names is in the archive."""

from __future__ import annotations

import datetime
import glob
import importlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Manifest:
    engine: str
    created_at: str
    attachments: int


def backup_create(path: Path, *, using: str = "default") -> Manifest:
    """Write an archive of database `using` and the attachments to `path` (replaced only once complete)."""
    engine = connections[using].vendor
    if engine not in DATABASE_FILES:
        raise BackupError(f"cannot back up a {engine} database")
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".kvp-backup-") as work:
        database = Path(work) / DATABASE_FILES[engine]
        if engine == "sqlite":
            _sqlite_copy(Path(connections[using].settings_dict["NAME"]), database)
            with closing(_sqlite(database)) as copy:
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no write-ahead log
        else:
            _pg_dump(connections[using].settings_dict, database)
        media = Path(settings.MEDIA_ROOT)
        attachments = sum(1 for item in media.rglob("*") if item.is_file()) if media.is_dir() else 0
        manifest = Manifest(engine, datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"), attachments)
        (Path(work) / MANIFEST).write_text(json.dumps(manifest.__dict__), encoding="utf-8")
        unfinished = Path(work) / "archive.tar.gz"
        with tarfile.open(unfinished, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            archive.add(database, arcname=database.name)
            if media.is_dir():
                archive.add(media, arcname=MEDIA)
        os.replace(unfinished, path)
    return manifest


def backup_restore(path: Path, *, using: str = "default") -> Manifest:
    """Replace database `using` and the attachments with the archive's. The server should be stopped."""
    engine = connections[using].vendor
    with tempfile.TemporaryDirectory(prefix="kvp-restore-") as work:
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(work, filter="data")
            manifest = Manifest(**json.loads((Path(work) / MANIFEST).read_text(encoding="utf-8")))
        except (OSError, tarfile.TarError, ValueError, TypeError) as error:
            raise BackupError(f"{path} is not a KVP backup: {error}") from error
        if manifest.engine != engine:
            raise BackupError(f"the backup is of a {manifest.engine} database, this one is {engine}")
        connections[using].close()
        database = Path(work) / DATABASE_FILES[engine]
        if engine == "sqlite":
            _sqlite_copy(database, Path(connections[using].settings_dict["NAME"]))
        else:
            _pg_restore(connections[using].settings_dict, database)
        _replace_media(Path(work) / MEDIA, Path(settings.MEDIA_ROOT))
    return manifest


def sqlite_integrity(path: Path) -> str:
    """SQLite's own check of the whole file: "ok", or what is wrong."""
    with closing(_sqlite(path)) as db:
        return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check").fetchall())


def _sqlite(path: Path) -> sqlite3.Connection:
    """A plain connection with the SQL functions Django registers on its own (CHECK constraints call them)."""
    timeout = float(settings.DATABASES["default"].get("OPTIONS", {}).get("timeout", 20))
    connection = sqlite3.connect(path, timeout=timeout)
    importlib.import_module("django.db.backends.sqlite3._functions").register(connection)
    return connection


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy a live SQLite database with the online backup API (a consistent snapshot; writers are not held
    up in WAL mode), then check the copy."""
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(_sqlite(source)) as origin, closing(_sqlite(target)) as copy:
        origin.backup(copy)
    result = sqlite_integrity(target)
    if result != "ok":
        raise BackupError(f"the copy fails its integrity check: {result}")


def _replace_media(restored: Path, media: Path) -> None:
    """Put the archive's attachments where the current ones are, removing the current ones only after."""
    media.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(dir=media.parent, prefix=".media-restored-"))
    if restored.is_dir():
        shutil.copytree(restored, staged, dirs_exist_ok=True)
    replaced = media.with_name(f".media-replaced-{os.getpid()}")
    if media.exists():
        media.rename(replaced)
    staged.rename(media)
    shutil.rmtree(replaced, ignore_errors=True)


def postgres_program(name: str) -> str:
    """pg_dump or pg_restore: from KVP_PG_BIN, else the newest installed PostgreSQL, else the PATH (a newer
    client reads and writes an older server's dumps, not the other way round)."""
    if settings.KVP_PG_BIN:
        return str(Path(settings.KVP_PG_BIN) / name)
    installed = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    if installed:
        return max(installed, key=lambda found: int(re.findall(r"/(\d+)/bin/", found)[0]))
    on_path = shutil.which(name)
    if on_path is None:
        raise BackupError(f"{name} not found: install PostgreSQL's client programs or set KVP_PG_BIN")
    return on_path


def _pg_connection(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    options = [
        f"--{option}={settings_dict[key]}"
        for option, key in (("host", "HOST"), ("port", "PORT"), ("username", "USER"))
        if settings_dict.get(key)
    ]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return [*options, f"--dbname={settings_dict['NAME']}"], env


def _run(command: list[str], env: dict[str, str]) -> None:
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if finished.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {finished.stderr.strip()}")


def _pg_dump(settings_dict: dict[str, Any], target: Path) -> None:
    connection, env = _pg_connection(settings_dict)
    program = postgres_program("pg_dump")
    _run([program, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", *connection], env)


def _pg_restore(settings_dict: dict[str, Any], source: Path) -> None:
    connection, env = _pg_connection(settings_dict)
    program = postgres_program("pg_restore")
    options = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
    _run([program, *options, *connection, str(source)], env)
