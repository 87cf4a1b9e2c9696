"""The load test's virtual users: each a coroutine with its own signed-in HTTP client that repeats a realistic
action and waits a person's thinking time, until the time is up. Bounded: no action starts after the deadline,
and each request gives up after REQUEST_TIMEOUT seconds."""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

REQUEST_TIMEOUT = 30.0
# Seconds between one person's clicks: a counsellor at work in a busy office, a participant on a phone.
COUNSELLOR_THINK = (5.0, 15.0)
PARTICIPANT_THINK = (15.0, 45.0)


@dataclass(frozen=True)
class Sample:
    action: str
    ok: bool
    ms: float
    status: int  # 0: no answer


@dataclass(frozen=True)
class Action:
    """One thing a person does: a page read (answered 200) or a form posted (answered with a redirect)."""

    name: str
    weight: int
    method: str
    path: Callable[[dict[str, Any], random.Random], str]
    form: Callable[[random.Random], dict[str, str]] | None = None

    @property
    def expected(self) -> int:
        return 302 if self.method == "POST" else 200


def _own(person: dict[str, Any], rng: random.Random) -> str:
    return str(rng.choice(person["participants"]))


COUNSELLOR: list[Action] = [
    Action("overview", 25, "GET", lambda p, r: "/oversikt/"),
    Action("participant list", 15, "GET", lambda p, r: "/deltakere/"),
    Action("participant page", 30, "GET", lambda p, r: f"/deltakere/{_own(p, r)}/"),
    Action("conversations", 10, "GET", lambda p, r: f"/deltakere/{_own(p, r)}/dialog/"),
    Action("worklist", 10, "GET", lambda p, r: "/arbeidsliste/"),
    Action(
        "write a note",
        10,
        "POST",
        lambda p, r: f"/deltakere/{_own(p, r)}/notater/ny/",
        lambda r: {"title": "Oppfølgingssamtale", "text": f"Snakket om neste uke ({r.randrange(10**6)})."},
    ),
]
PARTICIPANT: list[Action] = [
    Action("my page", 40, "GET", lambda p, r: "/meg/"),
    Action("my conversations", 25, "GET", lambda p, r: "/meg/dialog/"),
    Action("my wishes", 15, "GET", lambda p, r: f"/deltakere/{p['id']}/onsker/"),
    Action("who has seen my data", 10, "GET", lambda p, r: "/meg/innsyn/"),
    Action(
        "send a message",
        10,
        "POST",
        lambda p, r: "/meg/dialog/ny/",
        lambda r: {
            "subject": "Spørsmål",
            "text": f"Hei, jeg lurer på timen min ({r.randrange(10**6)}).",
            "language": "nb",
        },
    ),
]


async def _person(
    client: httpx.AsyncClient,
    person: dict[str, Any],
    actions: list[Action],
    think: tuple[float, float],
    deadline: float,
    samples: list[Sample],
    rng: random.Random,
) -> None:
    csrf = secrets.token_hex(16)
    # The person's own cookies on a client shared by all: one client each would spend seconds setting up.
    headers = {"Cookie": f"sessionid={person['session']}; csrftoken={csrf}", "X-CSRFToken": csrf}
    await asyncio.sleep(rng.uniform(0, think[1]))  # people arrive over their first think time, not all at once
    while time.monotonic() < deadline:
        action = rng.choices(actions, weights=[a.weight for a in actions])[0]
        started = time.perf_counter()
        try:
            if action.form is None:
                response = await client.get(action.path(person, rng), headers=headers)
            else:
                response = await client.post(action.path(person, rng), data=action.form(rng), headers=headers)
            status = response.status_code
        except httpx.HTTPError:
            status = 0
        ms = (time.perf_counter() - started) * 1000
        samples.append(Sample(action.name, status == action.expected, ms, status))
        await asyncio.sleep(min(rng.uniform(*think), max(0.0, deadline - time.monotonic())))


async def _warm_up(client: httpx.AsyncClient, people: dict[str, Any], rounds: int) -> None:
    """Each page read `rounds` times, unmeasured, so that every server process has loaded what it loads on
    first use (a server in service is warm); `rounds` at once, by different people."""
    rng = random.Random(0)  # noqa: S311 - not secrets
    for group, actions in (("counsellors", COUNSELLOR), ("participants", PARTICIPANT)):
        for action in (a for a in actions if a.form is None):
            await asyncio.gather(
                *(
                    client.get(action.path(person, rng), headers={"Cookie": f"sessionid={person['session']}"})
                    for person in people[group][:rounds]
                )
            )


async def drive(
    base_url: str, people: dict[str, Any], seconds: float, *, warm_up: int = 0, seed: int = 2026
) -> tuple[list[Sample], float]:
    """Every counsellor and participant at once for `seconds`, after a warm-up; every request's outcome, and the
    seconds from the start until the last answer."""
    rng = random.Random(seed)  # noqa: S311 - people's choices, not secrets
    samples: list[Sample] = []
    kinds = [(p, COUNSELLOR, COUNSELLOR_THINK) for p in people["counsellors"]]
    kinds += [(p, PARTICIPANT, PARTICIPANT_THINK) for p in people["participants"]]
    # A new connection per request: a kept-alive one the server closes while idle fails the next POST sent on it.
    limits = httpx.Limits(max_connections=len(kinds), max_keepalive_connections=0)
    async with httpx.AsyncClient(
        base_url=base_url, timeout=REQUEST_TIMEOUT, follow_redirects=False, limits=limits
    ) as client:
        await _warm_up(client, people, warm_up)
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _person(client, person, actions, think, deadline, samples, random.Random(rng.random()))  # noqa: S311
                for person, actions, think in kinds
            )
        )
    return samples, time.monotonic() - started
