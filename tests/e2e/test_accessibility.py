"""Every page, participant's and staff's, passes axe-core (WCAG 2.1 A/AA and 24 px targets) at a phone's and a
desktop's width, is no wider than the phone, and says its language; the error pages too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from kvp.accounts.models import User
from kvp.participants.models import Participant
from tests.e2e.pages import logged_in, problems_on, seed_demo, walk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def username_of(persona: str) -> str:
    participant = Participant.objects.filter(user__username="deltaker01").select_related("counsellor").get()
    if persona == "participant":
        return "deltaker01"
    if persona == "counsellor":
        return participant.counsellor.username
    return User.objects.get(is_leader=True, username__startswith="Z99").username


@pytest.mark.parametrize(("persona", "starts", "least"), [
    ("participant", ["/", "/finnes-ikke/", "/oversikt/"], 15),
    ("counsellor", ["/", "/finnes-ikke/"], 20),
    ("leader", ["/"], 30),
])  # fmt: skip
def test_every_page_passes_axe_at_phone_and_desktop_width(
    browser: Browser, live_server: object, persona: str, starts: list[str], least: int
) -> None:
    seed_demo()
    page = logged_in(browser, str(live_server), username_of(persona))
    found: list[str] = []
    reached = walk(page, str(live_server), starts, lambda opened: found.extend(problems_on(opened)))
    assert len(reached) >= least, reached
    assert found == []
