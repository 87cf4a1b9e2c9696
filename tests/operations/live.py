"""A real KVP server for tests that need one: gunicorn on a free loopback port, on its own database (a file on
SQLite, a database of its own on the configured PostgreSQL server), never the test transaction."""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

import kvp

SRC = Path(kvp.__file__).resolve().parents[1]
ROOT = SRC.parent
GUNICORN = ["--workers=2", "--threads=4", "--preload", "--timeout=60", "--graceful-timeout=2", "--log-level=error"]
ENGINE = "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Site:
    """A data directory and a database for real KVP processes."""

    data_dir: Path
    database: str  # a file path on SQLite, a database name on PostgreSQL

    @property
    def url(self) -> str:
        if ENGINE == "sqlite":
            return f"sqlite:///{self.database}"
        default = settings.DATABASES["default"]
        user = urllib.parse.quote(default["USER"] or "")
        password = f":{urllib.parse.quote(default['PASSWORD'])}" if default["PASSWORD"] else ""
        return f"postgres://{user}{password}@{default['HOST'] or '127.0.0.1'}:{default['PORT'] or 5432}/{self.database}"

    @property
    def env(self) -> dict[str, str]:
        return os.environ | {
            "DATABASE_URL": self.url,
            "KVP_DATA_DIR": str(self.data_dir),
            "DJANGO_SETTINGS_MODULE": "kvp.settings",
            "PYTHONPATH": os.pathsep.join([str(SRC), str(ROOT)]),
            "KVP_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "KVP_ALLOWED_HOSTS": "127.0.0.1",
            "KVP_LOG_LEVEL": "ERROR",
        }

    def run(self, *args: str) -> str:
        """`python *args` against this site; its standard output."""
        done = subprocess.run(  # noqa: S603
            [sys.executable, *args], env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def kvp(self, *args: str) -> str:
        return self.run("-m", "kvp", *args)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """A read straight from the database, as another program would see it."""
        if ENGINE == "sqlite":
            with closing(sqlite3.connect(self.database)) as db:
                return db.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as db:
            return db.execute(sql).fetchall()  # type: ignore[arg-type]

    @contextmanager
    def server(self) -> Iterator[Server]:
        server = Server(self)
        try:
            yield server
        finally:
            server.stop()


class Server:
    """gunicorn with two worker processes of four threads each: eight requests at once, as from an office."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        command = [sys.executable, "-m", "gunicorn", "kvp.wsgi", f"--bind=127.0.0.1:{self.port}", *GUNICORN]
        log = open(self.site.data_dir / "server.log", "ab")  # noqa: SIM115 - the server keeps it open
        self.process = subprocess.Popen(  # noqa: S603
            command, env=self.site.env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.site.data_dir / "server.log").read_text()[-3000:]
            try:
                if Browser(self, "").get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError("the server did not start within a minute")

    def kill(self) -> None:
        """SIGKILL to the server and its workers at once: nothing gets to clean up."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def server_errors(self) -> str:
        return (self.site.data_dir / "server.log").read_text(errors="replace")


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    body: str


@dataclass
class Browser:
    """One signed-in browser: its session cookie and a CSRF token, posting forms like the pages do."""

    server: Server
    session: str
    csrf: str = field(default_factory=lambda: secrets.token_hex(16))  # 32 characters, like Django's secret

    def _send(self, method: str, path: str, body: str = "") -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        headers = {"Cookie": f"sessionid={self.session}; csrftoken={self.csrf}", "X-CSRFToken": self.csrf}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body.encode(), headers=headers)
            response = connection.getresponse()
            return Answer(response.status, response.getheader("Location") or "", response.read().decode())
        finally:
            connection.close()

    def get(self, path: str) -> Answer:
        return self._send("GET", path)

    def post(self, path: str, data: dict[str, str]) -> Answer:
        return self._send("POST", path, urllib.parse.urlencode(data))

    def job_outcome(self, job_path: str, seconds: float = 60) -> Answer:
        """Reloads a background job's page until it is done (a redirect to what it made) or has failed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            answer = self.get(job_path)
            if answer.status != 200 or 'role="alert"' in answer.body:
                return answer
            time.sleep(0.2)
        raise AssertionError(f"the job at {job_path} did not finish within {seconds} s")


class Databases:
    """Creates the live tests' databases from one migrated and seeded template, and drops them afterwards."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: list[str] = []
        self.template = self.new("template")
        self.seeded: dict[str, Any] = json.loads(self.template.run("-m", "tests.operations.seed"))

    def new(self, name: str) -> Site:
        data_dir = self.root / name
        (data_dir / "media").mkdir(parents=True)
        if ENGINE == "sqlite":
            return Site(data_dir, str(data_dir / "kvp.sqlite3"))
        database = f"kvp_live_{name}_{secrets.token_hex(4)}"
        self._admin(f'CREATE DATABASE "{database}"')
        self.made.append(database)
        return Site(data_dir, database)

    def copy(self, name: str) -> Site:
        """A new site whose database starts as the template's."""
        if ENGINE == "sqlite":
            site = self.new(name)
            with (
                closing(sqlite3.connect(self.template.database)) as template,
                closing(sqlite3.connect(site.database)) as db,
            ):
                template.backup(db)
            return site
        data_dir = self.root / name
        (data_dir / "media").mkdir(parents=True)
        database = f"kvp_live_{name}_{secrets.token_hex(4)}"
        self._admin(f'CREATE DATABASE "{database}" TEMPLATE "{self.template.database}"')
        self.made.append(database)
        return Site(data_dir, database)

    def drop_all(self) -> None:
        for database in self.made:
            self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def _admin(self, statement: str) -> None:
        import psycopg

        default = settings.DATABASES["default"]
        with psycopg.connect(
            dbname="postgres",
            user=default["USER"] or None,
            password=default["PASSWORD"] or None,
            host=default["HOST"] or None,
            port=default["PORT"] or None,
            autocommit=True,
        ) as admin:
            admin.execute(statement)  # type: ignore[arg-type]
