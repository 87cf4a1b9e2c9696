"""Every page a participant sees, built with the data that shows the most on it, and the text they read there.

The pages are the access matrix's GET rows that answer the participant with 200 (tests/access.py), less the
machine ones (API, health probes, PDFs), plus the pages a participant reaches only through links (an approved
decision). Each is built in its own world: the endpoint's own object, and around it an offer with
prerequisites, a place offered, a meeting soon, a message from the counsellor and a check-in due.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from django.urls import reverse
from django.utils import timezone

from kvp.catalogue.models import Offer
from kvp.dialog.services import thread_start
from kvp.followup.models import Meeting
from kvp.plans.models import Mapping
from kvp.programme.models import Decision
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.access import Endpoint
from tests.catalogue.builders import offer, provider
from tests.conftest import World, client_for
from tests.dialog.builders import counsellors
from tests.motivation.builders import waiting
from tests.test_access_matrix import ENDPOINTS, _case_for

OFFER_TITLE = "Praksis som tømrer"
MACHINE_PAGES = {"healthz", "readyz", "decision_letter_pdf", "interim_notice_pdf", "plan_pdf", "my_attachment"}


def _approved_grant(world: World) -> Decision:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ASSESSED)
    return factories.decision(case, world.counsellor, Decision.Kind.GRANT)


def _an_offer_with_rules(world: World) -> Any:
    builder = provider(world.office, world.leader, name="Drammen Bygg AS")
    offer(builder, world.leader, measure_type="work_practice", title="Praksis på lager", mentor_available=True)
    return offer(
        builder,
        world.leader,
        title=OFFER_TITLE,
        prerequisites=["driving_licence", "job_guarantee", "work_experience_years:5"],
        occupation_code="7115",
    )


EXTRA = [
    Endpoint(
        "decision_detail (approved grant)",
        "get",
        lambda w, c: reverse("decision_detail", args=[c.pk]),
        {"participant": 200},
        setup=_approved_grant,
    ),
    Endpoint(
        "offer_detail (with prerequisites)",
        "get",
        lambda w, c: reverse("offer_detail", args=[c.pk]),
        {"participant": 200},
        setup=_an_offer_with_rules,
    ),
]

PAGES = [
    endpoint
    for endpoint in ENDPOINTS
    if endpoint.method == "get"
    and not endpoint.api
    and endpoint.expected["participant"] == 200
    and endpoint.name not in MACHINE_PAGES
] + EXTRA


def around(world: World) -> None:
    """What usually surrounds a participant: the work they want, an offer with rules in the catalogue, a
    meeting soon, a message from the counsellor, a check-in due."""
    Mapping.objects.update_or_create(
        participant=world.participant, defaults={"wanted_occupations": ["7115"], "norwegian_speaking": "a2"}
    )
    if not Offer.objects.filter(title=OFFER_TITLE).exists():
        _an_offer_with_rules(world)
    Meeting.objects.create(
        participant=world.participant,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        topic="Oppfølging",
        organiser=world.counsellor,
    )
    thread_start(actor=world.counsellor, access=counsellors(world), subject="Møte", text="Passer det?", language="nb")
    waiting(world.participant, timezone.localdate())


class _Text(HTMLParser):
    """The text a reader sees inside <main>: no tags, attributes, scripts or styles; with `choices=False`, not
    the options of a list to choose from either (scanned for one's own, not read as prose)."""

    def __init__(self, *, choices: bool = True) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._in_main = False
        self._hidden = 0
        self._skipped = set() if choices else {"option"}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self._in_main = True
        elif tag in {"script", "style", "template"} | self._skipped:
            self._hidden += 1
        elif tag in {"p", "li", "h1", "h2", "h3", "dt", "dd", "td", "th", "br", "summary", "label", "option"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main = False
        elif tag in {"script", "style", "template"} | self._skipped:
            self._hidden -= 1
        elif tag in {"p", "li", "h1", "h2", "h3", "dt", "dd", "td", "th", "summary", "label", "option"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_main and not self._hidden:
            self.parts.append(data)


def visible_text(html: str, *, choices: bool = True) -> str:
    parser = _Text(choices=choices)
    parser.feed(html)
    return "".join(parser.parts)


@dataclass(frozen=True)
class Shown:
    name: str
    html: str
    text: str
    prose: str  # the text without the options of lists to choose from


def participant_page(world: World, endpoint: Endpoint) -> Shown:
    """The page as the participant gets it, in the world the endpoint needs."""
    found = endpoint.setup(world) if endpoint.setup else _case_for(endpoint, world)
    around(world)
    response = client_for(world.participant_user).get(endpoint.url(world, found))
    assert response.status_code == 200, (endpoint.name, response.status_code)
    html = response.content.decode()
    return Shown(endpoint.name, html, visible_text(html), visible_text(html, choices=False))


PageBuilder = Callable[[World, Endpoint], Shown]
