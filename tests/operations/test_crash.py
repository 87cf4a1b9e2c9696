"""A server under a stream of writes is killed with SIGKILL at random moments: every write it acknowledged is
there afterwards, with its audit event, and the database passes its integrity check."""

from __future__ import annotations

import http.client
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from django.urls import reverse

from kvp.common.backup import sqlite_integrity
from tests.operations.live import ENGINE, Browser, Databases, Server

KILLS = 3
WRITERS = 4


def write_until_killed(
    browser: Browser, person: dict[str, Any], name: str, killed: threading.Event, acknowledged: list[str]
) -> None:
    """Case notes, one after the other, until the server stops answering; adds the acknowledged ones."""
    for number in range(10_000):
        title = f"{name}-{number}"
        try:
            answer = browser.post(reverse("note_create", args=[person["id"]]), {"title": title, "text": "Notat."})
        except (OSError, http.client.HTTPException):
            assert killed.is_set(), "the server stopped answering before it was killed"
            return
        assert answer.status == 302, answer.status
        acknowledged.append(title)
    raise AssertionError("the server was never killed")


def test_every_acknowledged_write_survives_sigkill(live_databases: Databases) -> None:
    site = live_databases.copy("crash")
    counsellor = live_databases.seeded["counsellors"][0]
    person = counsellor["participants"][0]
    acknowledged: list[str] = []
    server = Server(site)
    try:
        for kill in range(KILLS):
            killed = threading.Event()
            browsers = [Browser(server, counsellor["sessions"][n % 2]) for n in range(WRITERS)]
            this_round: list[str] = []
            with ThreadPoolExecutor(WRITERS) as pool:
                streams = [
                    pool.submit(write_until_killed, browser, person, f"k{kill}w{n}", killed, this_round)
                    for n, browser in enumerate(browsers)
                ]
                flowing = time.monotonic() + 60
                while len(this_round) < WRITERS and time.monotonic() < flowing:
                    time.sleep(0.05)
                time.sleep(random.uniform(0, 2))  # noqa: S311 - a random moment, not a secret
                killed.set()
                server.kill()
                for stream in streams:
                    stream.result()
            assert len(this_round) >= WRITERS  # writes were going on when it was killed
            acknowledged += this_round
            server.start()
        assert Browser(server, "").get("/readyz").status == 200
    finally:
        server.stop()

    print(f"{len(acknowledged)} acknowledged writes through {KILLS} kills")
    titles = {title for (title,) in site.rows("SELECT title FROM followup_casenote")}
    assert [title for title in acknowledged if title not in titles] == []
    notes = {str(pk).replace("-", "") for (pk,) in site.rows("SELECT id FROM followup_casenote")}
    audited = {
        object_id.replace("-", "")
        for (object_id,) in site.rows("SELECT object_id FROM audit_auditevent WHERE object_type = 'note'")
    }
    assert notes <= audited  # a note and its audit event are written together or not at all
    if ENGINE == "sqlite":  # PostgreSQL's server is not the process killed here
        assert sqlite_integrity(Path(site.database)) == "ok"
