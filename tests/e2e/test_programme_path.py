"""The whole path in the browser: application → assessment → eligibility → decision letter (PDF)
→ attendance → payment lines → end with reason."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import World
from tests.e2e.test_counsellor_and_participant import log_in
from tests.i18n import nb

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_runs_a_programme_from_application_to_end(browser: Browser, live_server: object, world: World) -> None:
    today = datetime.date.today().isoformat()
    page = browser.new_page(locale="nb-NO")
    log_in(page, str(live_server), world.counsellor.username)
    page.get_by_role("link", name="Hassan, Amina").click()

    page.get_by_label(nb("Application received")).fill(today)
    page.get_by_role("button", name=nb("Register application")).click()
    expect(page.get_by_text(nb("The application is registered."))).to_be_visible()

    page.get_by_role("link", name=nb("Conditions and decision")).click()
    page.get_by_label(nb("Work ability assessment (NAV-loven § 14 a)")).select_option("significantly_reduced")
    page.get_by_label(nb("Assessment date")).fill(today)
    for label in ("Needs close individual follow-up", "Lawful residence and fixed abode in Norway",
                  "The programme is suitable and necessary"):  # fmt: skip
        page.get_by_label(nb(label)).select_option("yes")
    page.get_by_role("button", name=nb("Save review")).click()
    expect(
        page.get_by_text(nb("The conditions appear to be met. The counsellor's judgement is still required."))
    ).to_be_visible()

    end = (datetime.date.today() + datetime.timedelta(days=364)).isoformat()
    page.get_by_label(nb("Programme start")).fill(today)
    page.get_by_label(nb("Programme end")).fill(end)
    page.get_by_label(nb("Reasons")).fill("Du fyller vilkårene i sosialtjenesteloven § 29.")
    page.get_by_role("button", name=nb("Make decision")).click()
    expect(page.get_by_role("heading", name="Vedtak om kvalifiseringsprogram")).to_be_visible()
    letter_path = page.get_by_role("link", name=nb("Download the letter (PDF)")).get_attribute("href")
    pdf = page.request.get(f"{live_server}{letter_path}")
    assert pdf.body().startswith(b"%PDF")

    page.goto(f"{live_server}/deltakere/{world.participant.pk}/")
    page.get_by_label(nb("New status")).select_option("active")
    page.get_by_label(nb("Date"), exact=True).fill(today)
    page.get_by_role("button", name=nb("Save status")).click()

    page.get_by_role("link", name=nb("Benefit and absence")).click()
    absence = page.get_by_role("region", name=nb("Absence"), exact=True)
    absence.get_by_label(nb("From"), exact=True).fill(today)
    absence.get_by_label(nb("To"), exact=True).fill(today)
    absence.get_by_label(nb("Kind"), exact=True).select_option("other")
    page.get_by_role("button", name=nb("Register absence")).click()
    expect(page.get_by_text(nb("Unexcused absence"), exact=True)).to_be_visible()
    expect(page.get_by_text(nb("Total before tax"))).to_be_visible()

    page.get_by_role("link", name=nb("Back to the participant")).click()
    page.get_by_label(nb("New status")).select_option("ended")
    page.get_by_label(nb("Date"), exact=True).fill(today)
    page.get_by_label(nb("End reason")).select_option("completed_work")
    page.get_by_role("button", name=nb("Save status")).click()
    expect(page.get_by_text(nb("Completed: in full-time work")).first).to_be_visible()
