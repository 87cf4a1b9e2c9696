"""The participant's own plan in the browser: mapping on a phone, a goal, two proposals; the
counsellor answers them from the worklist, adds a work practice, sees the checks; both agree; the PDF."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from kvp.plans.models import Mapping, Proposal
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World
from tests.e2e.test_counsellor_and_participant import log_in
from tests.i18n import nb

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DECLINE_REASON = (
    "Fagbrev som praksiskandidat krever fem års praksis i faget. Vi dokumenterer gartnererfaringen din først."
)


def save_section(page: Page, section: str) -> None:
    page.locator(f"#{section}").get_by_role("button", name=nb("Save"), exact=True).click()
    expect(page.get_by_text(nb("Saved."))).to_be_visible()


def participant_fills_in_mapping(page: Page) -> None:
    page.get_by_role("link", name=nb("About me"), exact=True).click()
    page.get_by_label(nb("What are you good at? What have you done that you are proud of?")).fill(
        "Jeg har dyrket grønnsaker og stelt hager i femten år. Jeg er flink med planter og med folk."
    )
    page.get_by_label(nb("Family"), exact=True).check()
    page.get_by_label(nb("Working in my trade")).check()
    # The work they want, found by typing an everyday word; the matches come while they type.
    page.get_by_label(nb("What work would you like to do?")).press_sequentially("hage", delay=50)
    page.get_by_label("Gartnere", exact=True).focus()
    page.keyboard.press("Space")  # by keyboard
    save_section(page, "about")
    expect(page.locator("#about").get_by_label("Gartnere", exact=True)).to_be_checked()

    page.get_by_text(nb("Add work experience")).click()
    work = page.locator("form[action$='/kartlegging/arbeid/ny/']")
    work.get_by_label(nb("Occupation or kind of work")).fill("Gartner")
    search = work.get_by_label(nb("Which occupation is closest?"))
    search.fill("hagearbeid")
    search.press("Enter")
    work.get_by_label("Hjelpearbeidere i gartneri mv.").check()
    work.get_by_label(nb("Years")).fill("15")
    work.get_by_label(nb("Country")).select_option(label="Somalia")
    work.get_by_role("button", name=nb("Add")).click()
    expect(page.get_by_text("Gartner", exact=True)).to_be_visible()

    page.get_by_text(nb("Add education")).click()
    education = page.locator("form[action$='/kartlegging/utdanning/ny/']")
    education.get_by_label(nb("Level")).select_option(label=nb("Lower secondary school"))
    education.get_by_label(nb("Recognised in Norway?")).select_option(label=nb("Not applied for yet"))
    education.get_by_role("button", name=nb("Add")).click()
    expect(page.get_by_text(nb("Saved."))).to_be_visible()

    skills = page.locator("#skills")
    skills.get_by_label(nb("Digital skills")).select_option(label=nb("basic: phone, messages and video"))
    skills.get_by_label(nb("Driving licence")).select_option(label=nb("No driving licence"))
    save_section(page, "skills")
    page.get_by_label(nb("What must the plan take into account? (health, care for children or family)")).fill(
        "Henter barn i barnehagen kl. 15.30."
    )
    save_section(page, "accommodations")


def participant_proposes(page: Page, kind: str, text: str) -> None:
    page.get_by_role("link", name=nb("Propose an activity or a change")).click()
    page.get_by_label(nb("What kind of activity?")).select_option(label=nb(kind))
    page.get_by_label(nb("What do you propose, and why?")).fill(text)
    page.get_by_role("button", name=nb("Send proposal")).click()
    expect(
        page.get_by_text(nb("Your proposal is sent. Your counsellor must answer it, with a reason."))
    ).to_be_visible()


def counsellor_answers(page: Page, kind: str, *, accept: bool) -> None:
    page.get_by_role("link", name=nb("My tasks")).click()
    page.get_by_role("link", name=f"Amina Hassan: {nb(kind)}").click()
    if accept:
        page.get_by_label(nb("Accept"), exact=True).check()
        page.get_by_label(nb("Provider or workplace")).fill("Drammen voksenopplæring")
        page.get_by_label(nb("Hours per week")).fill("15")
        page.get_by_label(nb("Formal qualification it gives")).fill("Norskprøven B1")
    else:
        page.get_by_label(nb("Decline"), exact=True).check()
        page.get_by_label(nb("Reason (the participant reads it)")).fill(DECLINE_REASON)
    page.get_by_role("button", name=nb("Save answer")).click()
    expect(page.get_by_text(nb("Your answer is saved. The participant sees it in their plan."))).to_be_visible()


def test_the_participant_and_counsellor_make_and_agree_the_plan(
    browser: Browser, live_server: object, world: World
) -> None:
    base_url = str(live_server)
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)

    phone = browser.new_page(locale="nb-NO", viewport=PHONE, is_mobile=True, has_touch=True)
    log_in(phone, base_url, world.participant_user.username)
    participant_fills_in_mapping(phone)
    mapping = Mapping.objects.get(participant=world.participant)
    assert mapping.wanted_occupations == ["6113"]
    assert [row.occupation_code for row in mapping.work_experience.all()] == ["9214"]
    phone.get_by_role("link", name=nb("My plan")).first.click()
    phone.get_by_text(nb("Add a goal")).click()
    phone.get_by_label(nb("Your goal, in your own words")).fill("Jeg vil jobbe som gartner igjen, med fast lønn.")
    phone.get_by_role("button", name=nb("Save goal")).click()
    expect(phone.get_by_text(nb("The goal is added to the plan."))).to_be_visible()
    participant_proposes(phone, "Vocational Norwegian", "Jeg vil lære norsk som brukes i gartneri og på lager.")
    participant_proposes(phone, "Trade certificate route", "Jeg har femten års erfaring og vil ta fagbrev.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling

    # Two weeks pass without an answer.
    Proposal.objects.update(answer_due=datetime.date.today() - datetime.timedelta(days=1))

    desk = browser.new_page(locale="nb-NO")
    log_in(desk, base_url, world.counsellor.username)
    desk.get_by_role("link", name=nb("My tasks")).click()
    expect(desk.get_by_text(nb("Overdue"))).to_have_count(2)
    counsellor_answers(desk, "Vocational Norwegian", accept=True)
    counsellor_answers(desk, "Trade certificate route", accept=False)

    desk.get_by_role("link", name=nb("Add activity")).click()
    desk.get_by_label("Type", exact=True).select_option(label=nb("Work practice"))
    desk.get_by_label(nb("Title")).fill("Arbeidstrening i gartneri")
    desk.get_by_label(nb("Provider or workplace")).fill("Lier vekstsenter")
    desk.get_by_label(nb("Hours per week")).fill("15")
    desk.get_by_label(nb("The participant mostly works alone")).check()
    desk.get_by_label(nb("Counts as language practice")).check()
    desk.get_by_role("button", name=nb("Save"), exact=True).click()
    expect(desk.get_by_text(nb("The activity is added to the plan."))).to_be_visible()

    checks = desk.locator("section", has=desk.get_by_role("heading", name=nb("Checks of the plan")))
    expect(checks.get_by_text("forskrift § 1 tredje ledd")).to_be_visible()  # 30 of 37.5 hours a week
    expect(checks.get_by_text("E14")).to_be_visible()  # a solitary placement is no language practice
    desk.get_by_role("button", name=nb("I agree to this plan")).click()
    expect(
        desk.get_by_text(nb("Your confirmation is saved. The plan is agreed when both have confirmed."))
    ).to_be_visible()

    phone.reload()
    expect(phone.get_by_text(DECLINE_REASON)).to_be_visible()
    phone.get_by_role("button", name=nb("I agree to this plan")).click()
    expect(phone.get_by_text(nb("The plan is agreed."))).to_be_visible()
    expect(phone.locator("#plan-state").get_by_text(nb("Agreed"), exact=True)).to_be_visible()
    expect(phone.get_by_role("heading", name="Arbeidstrening i gartneri")).to_be_visible()

    pdf_url = phone.get_by_role("link", name=nb("Plan as PDF")).get_attribute("href")
    response = phone.request.get(f"{base_url}{pdf_url}")
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_without_javascript_a_search_reloads_the_page_with_the_matches(
    browser: Browser, live_server: object, world: World
) -> None:
    phone = browser.new_page(locale="nb-NO", viewport=PHONE, is_mobile=True, java_script_enabled=False)
    log_in(phone, str(live_server), world.participant_user.username)
    phone.get_by_role("link", name=nb("About me"), exact=True).click()
    about = phone.locator("#about")
    about.get_by_label(nb("What work would you like to do?")).fill("vaskehjelp")
    about.get_by_role("button", name=nb("Search"), exact=True).click()
    assert "vaskehjelp" in phone.url
    about.get_by_label("Renholdere i private hjem").check()
    save_section(phone, "about")
    assert Mapping.objects.get(participant=world.participant).wanted_occupations == ["9111"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
