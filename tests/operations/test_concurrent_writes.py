"""Eight browsers at once against a real server: messages, case notes, edits of the same participants and
reads that are audited. No server errors, and every write the server acknowledged is in the database."""

from __future__ import annotations

import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from tests.operations.live import Answer, Browser, Databases, Server, Site

ROUNDS = 12  # per browser; each round posts a message, a note and an edit, and reads two pages
CONFLICT = "Noen andre har endret dette etter at du åpnet det"
VERSION = re.compile(r'name="version" value="(\d+)"')


@dataclass
class Edit:
    participant: str
    seen_version: int
    phone: str
    answer: Answer


@dataclass
class Outcome:
    """What one browser did and what the server answered."""

    notes: list[tuple[str, Answer]] = field(default_factory=list)
    messages: list[tuple[str, Answer]] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    reads: list[tuple[str, Answer]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # no answer at all


def edit_form(person: dict[str, Any], number: int, version: int, phone: str) -> dict[str, str]:
    return {
        "first_name": f"Person{person['index']}",
        "last_name": f"Nr{number}",
        "phone": phone,
        "preferred_language": "so",
        "version": str(version),
    }


def browse(browser: Browser, counsellor: dict[str, Any], number: int, who: int) -> Outcome:
    outcome = Outcome()
    for round_number in range(ROUNDS):
        person = counsellor["participants"][round_number % 2] | {"index": round_number % 2}
        token = f"b{number}-{who}-{round_number}"
        try:
            note = browser.post(
                reverse("note_create", args=[person["id"]]), {"title": token, "text": "Samtale om neste uke."}
            )
            outcome.notes.append((token, note))
            message = browser.post(
                reverse("dialog_reply", args=[person["thread"]]), {"text": f"Melding {token}", "language": "nb"}
            )
            outcome.messages.append((token, message))
            opened = browser.get(reverse("participant_edit", args=[person["id"]]))
            found = VERSION.search(opened.body)
            if found is None:
                outcome.failures.append(f"edit page {opened.status}")
                continue
            phone = f"4{number}{who}{round_number:05d}"
            saved = browser.post(
                reverse("participant_edit", args=[person["id"]]), edit_form(person, number, int(found[1]), phone)
            )
            outcome.edits.append(Edit(person["id"], int(found[1]), phone, saved))
            outcome.reads.append(("view", browser.get(reverse("participant_detail", args=[person["id"]]))))
            outcome.reads.append(("list", browser.get(reverse("participant_list"))))
        except OSError as error:
            outcome.failures.append(repr(error))
    return outcome


def unexpected(outcomes: list[Outcome]) -> list[str]:
    """Every answer that is neither the acknowledgement nor, for an edit, the conflict message."""
    found = []
    for outcome in outcomes:
        found += [f"note {a.status}" for _t, a in outcome.notes if a.status != 302]
        found += [f"message {a.status}" for _t, a in outcome.messages if a.status != 302]
        found += [
            f"edit {e.answer.status}"
            for e in outcome.edits
            if e.answer.status != 302 and not (e.answer.status == 200 and CONFLICT in e.answer.body)
        ]
        found += [f"{kind} {a.status}" for kind, a in outcome.reads if a.status != 200]
        found += outcome.failures
    return found


def check_nothing_acknowledged_is_lost(site: Site, outcomes: list[Outcome], seeded: dict[str, Any]) -> None:
    titles = {row[0] for row in site.rows("SELECT title FROM followup_casenote")}
    assert [t for o in outcomes for t, a in o.notes if a.status == 302 and t not in titles] == []
    texts = {row[0] for row in site.rows("SELECT text FROM dialog_message")}
    assert [t for o in outcomes for t, a in o.messages if a.status == 302 and f"Melding {t}" not in texts] == []
    # Every saved edit started from the version the one before it left: the last one saved is what is stored.
    rows = site.rows("SELECT id, version, phone FROM participants_participant")
    stored = {str(pk).replace("-", ""): (version, phone) for pk, version, phone in rows}
    saved: dict[str, list[Edit]] = {}
    for edit in (e for o in outcomes for e in o.edits if e.answer.status == 302):
        saved.setdefault(edit.participant.replace("-", ""), []).append(edit)
    for participant, edits in saved.items():
        versions = sorted(edit.seen_version for edit in edits)
        assert versions == list(range(1, len(edits) + 1))
        assert stored[participant] == (len(edits) + 1, max(edits, key=lambda e: e.seen_version).phone)
    # Every read that was answered is in the audit trail.
    events = Counter(site.rows("SELECT actor_id, action FROM audit_auditevent WHERE action IN ('view', 'list')"))
    for number, counsellor in enumerate(seeded["counsellors"]):
        reads = Counter(kind for o in outcomes[2 * number : 2 * number + 2] for kind, a in o.reads if a.status == 200)
        assert events[(counsellor["id"], "view")] >= reads["view"]
        assert events[(counsellor["id"], "list")] >= reads["list"]  # one event per list shown


def simultaneous_saves(server: Server, counsellor: dict[str, Any]) -> list[Edit]:
    """Both of a counsellor's browsers open the same participant, then save at the same moment."""
    person = counsellor["participants"][0] | {"index": 0}
    browsers = [Browser(server, session) for session in counsellor["sessions"]]
    url = reverse("participant_edit", args=[person["id"]])
    versions = [int(VERSION.search(browser.get(url).body)[1]) for browser in browsers]  # type: ignore[index]
    start = threading.Barrier(2)

    def save(which: int) -> Edit:
        phone, form = f"9900000{which}", edit_form(person, 0, versions[which], f"9900000{which}")
        start.wait()
        return Edit(person["id"], versions[which], phone, browsers[which].post(url, form))

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(save, [0, 1]))


def simultaneous_match_runs(server: Server, counsellor: dict[str, Any]) -> list[Answer]:
    """Two counsellors' "Share out places" at the same moment: both are shown the one run that starts."""
    browsers = [Browser(server, session) for session in counsellor["sessions"]]
    form = {"mode": "optimal", "period_start": "2026-12-01", "period_end": "2027-01-31", "wish_weight": "1"}
    start = threading.Barrier(2)

    def run(browser: Browser) -> Answer:
        start.wait()
        return browser.post(reverse("match_runs"), form)

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(run, browsers))


def test_concurrent_browsers_get_no_server_error_and_lose_no_acknowledged_write(live_databases: Databases) -> None:
    site = live_databases.copy("concurrent")
    seeded = live_databases.seeded
    with site.server() as server:
        browsers = [
            (Browser(server, session), counsellor, number, who)
            for number, counsellor in enumerate(seeded["counsellors"])
            for who, session in enumerate(counsellor["sessions"])
        ]
        with ThreadPoolExecutor(len(browsers)) as pool:
            outcomes = list(pool.map(lambda args: browse(*args), browsers))
        both = simultaneous_saves(server, seeded["counsellors"][0])
        runs = simultaneous_match_runs(server, seeded["counsellors"][1])
        finished = Browser(server, seeded["counsellors"][1]["sessions"][0]).job_outcome(runs[0].location)
        errors = server.server_errors()

    print(f"{len(browsers)} browsers: {Counter(a.status for o in outcomes for _k, a in o.reads)} reads, ", end="")
    print(Counter(e.answer.status for o in outcomes for e in o.edits), "edits")
    posts = sum(len(o.notes) + len(o.messages) + len(o.edits) for o in outcomes)
    assert posts == len(browsers) * ROUNDS * 3
    assert unexpected(outcomes) == [], errors[-3000:]
    assert sorted(edit.answer.status for edit in both) == [200, 302]
    assert CONFLICT in next(edit.answer.body for edit in both if edit.answer.status == 200)
    check_nothing_acknowledged_is_lost(site, [*outcomes, Outcome(edits=both)], seeded)
    assert [answer.status for answer in runs] == [302, 302]
    assert runs[0].location == runs[1].location
    assert site.rows("SELECT count(*) FROM common_job") == [(1,)]
    assert finished.status == 302, finished.body[-2000:]
    assert site.rows("SELECT count(*) FROM matching_matchrun") == [(1,)]
