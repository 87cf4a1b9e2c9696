"""A match in the browser: the participant wishes, the counsellor runs the match and accepts the
proposal, the participant confirms on the phone, and only then is an application made."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from kvp.catalogue.models import Participation
from tests.conftest import World
from tests.e2e.test_counsellor_and_participant import log_in
from tests.i18n import nb
from tests.matching.builders import END, START, offers
from tests.plans.builders import running_case

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_match_goes_from_wish_to_confirmed_place(browser: Browser, live_server: object, world: World) -> None:
    base_url = str(live_server)
    running_case(world.participant, world.counsellor)
    norwegian, practice, _later = offers(world)
    Participation.objects.create(participant=world.participant, offer=practice, created_by=world.counsellor)

    phone = browser.new_page(locale="nb-NO", viewport={"width": 390, "height": 844}, is_mobile=True)
    log_in(phone, base_url, world.participant_user.username)
    phone.goto(f"{base_url}/deltakere/{world.participant.pk}/onsker/")
    phone.get_by_label(nb("First wish")).select_option(label=f"{norwegian.title} – {norwegian.provider.name}")
    phone.get_by_role("button", name=nb("Save wishes")).click()
    expect(phone.get_by_text(nb("Your wishes are saved."))).to_be_visible()

    desk = browser.new_page(locale="nb-NO")
    log_in(desk, base_url, world.counsellor.username)
    desk.get_by_role("link", name=nb("Share out places")).click()
    desk.get_by_label(nb("Offers starting from")).fill(START.isoformat())
    desk.get_by_label(nb("Offers starting until")).fill(END.isoformat())
    desk.get_by_role("button", name=nb("Run the match")).click()
    # The match runs as a job: its page follows the progress and leads to the proposals when it is done.
    expect(desk.get_by_role("heading", name=nb("The match"))).to_be_visible()
    card = desk.locator("article", has=desk.get_by_role("heading", name=re.compile(norwegian.title)))
    expect(card).to_be_visible(timeout=60_000)
    expect(card.get_by_text(nb("Wish number %(rank)s") % {"rank": 1}, exact=False).first).to_be_visible()
    card.get_by_text(nb("Why this offer")).click()
    expect(card.get_by_text("(E3)")).to_be_visible()

    # Another offer is found by search; a change to one the participant has already applied for is refused.
    card.get_by_label(nb("Change to another offer")).check()
    card.get_by_label(nb("Search for another offer")).fill("lager")
    card.get_by_label(f"{practice.title} – {practice.provider.name}").check()
    card.get_by_role("button", name=nb("Save decision")).click()
    expect(
        desk.get_by_text(
            nb("The participant has already applied for this offer, takes part in it or has completed it.")
        )
    ).to_be_visible()
    card = desk.locator("article", has=desk.get_by_role("heading", name=re.compile(norwegian.title)))
    card.get_by_label(nb("Accept"), exact=True).check()
    card.get_by_role("button", name=nb("Save decision")).click()
    expect(desk.get_by_text(nb("Your decision is saved. The participant is asked to confirm."))).to_be_visible()
    assert not Participation.objects.exclude(offer=practice).exists()

    phone.reload()
    phone.get_by_role("button", name=nb("Yes, I want this place")).click()
    expect(phone.get_by_text(nb("Thank you. Your counsellor sees your answer."))).to_be_visible()
    assert Participation.objects.exclude(offer=practice).get().offer_id == norwegian.pk
