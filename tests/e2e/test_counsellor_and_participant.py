"""A counsellor logs in and opens a participant; the participant then sees that read."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests import factories
from tests.conftest import World

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(factories.PASSWORD)
    page.get_by_role("button", name="Logg inn").click()


def test_it_lets_a_counsellor_open_a_participant_and_the_participant_see_it(
    browser: Browser, live_server: object, world: World, tmp_path: Path
) -> None:
    base_url = str(live_server)
    counsellor = browser.new_page(locale="nb-NO")
    log_in(counsellor, base_url, world.counsellor.username)
    expect(counsellor.get_by_role("heading", name="Mine deltakere")).to_be_visible()
    counsellor.get_by_role("link", name="Hassan, Amina").click()
    expect(counsellor.get_by_role("heading", name="Amina Hassan", level=1)).to_be_visible()
    counsellor.screenshot(path=tmp_path / "participant.png", full_page=True)
    # The design system's stylesheet is served and applied.
    assert counsellor.evaluate("getComputedStyle(document.querySelector('.aksel-heading')).fontWeight") != "400"

    participant = browser.new_page(locale="nb-NO")
    log_in(participant, base_url, world.participant_user.username)
    expect(participant.get_by_role("heading", name="Hei, Amina")).to_be_visible()
    # Two reads: the counsellor saw Amina in the list, then opened her page.
    expect(participant.get_by_text("Kari Nordmann, NAV Testby")).to_have_count(2)
