"""The participant's pages in Arabic (right to left), Somali and Tigrinya on a 390 px phone: chosen in the menu,
remembered on the profile, the whole page mirrored for Arabic, the script's own font served by the app, axe-clean;
a screenshot of each page is saved as an artefact. The languages are offered here as if their catalogues were
complete: this checks the frame the translations go into."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings
from playwright.sync_api import Browser, Page

from kvp.participants.models import Participant
from tests.e2e.pages import ARTEFACTS, PHONE, logged_in, problems_on, screenshot_name, seed_demo, walk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OFFER_ALL = override_settings(
    KVP_PARTICIPANT_LANGUAGES=settings.KVP_INTERFACE_LANGUAGES,
    LANGUAGES=[(code, code) for code in settings.KVP_INTERFACE_LANGUAGES],
)
FONT_LOADED = 'async ([family, text]) => { await document.fonts.load(`16px "${family}"`, text); return document.fonts.check(`16px "${family}"`, text); }'  # noqa: E501


@OFFER_ALL
@pytest.mark.parametrize(("language", "name", "direction"), [
    ("ar", "العربيّة", "rtl"),
    ("so", "Soomaali", "ltr"),
    ("ti", "ትግርኛ", "ltr"),
])  # fmt: skip
def test_the_participants_pages_in_their_own_language_on_a_phone(
    browser: Browser, live_server: object, language: str, name: str, direction: str
) -> None:
    seed_demo()
    base_url = str(live_server)
    page = logged_in(browser, base_url, "deltaker01")
    page.locator(".kvp-lang__summary").click()
    shots = ARTEFACTS / "screenshots" / language
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / "language-menu.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # the open menu fits the phone
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [language, direction]
    assert Participant.objects.get(user__username="deltaker01").preferred_language == language
    # "Read aloud" is offered exactly where the browser can speak, and speaks the page's language.
    assert page.locator(".kvp-read-aloud button").is_visible() == page.evaluate("'speechSynthesis' in window")
    script = {"ar": ("Noto Sans Arabic Variable", "العربيّة"), "ti": ("Noto Sans Ethiopic Variable", "ትግርኛ")}
    if language in script:
        assert page.evaluate(FONT_LOADED, list(script[language]))

    found: list[str] = []

    def check(opened: Page) -> None:
        found.extend(problems_on(opened, widths=(PHONE,)))
        if opened.evaluate("document.documentElement.lang") != language:
            found.append(f"{opened.url}: not in {language}")
        opened.screenshot(path=shots / f"{screenshot_name(opened.url)}.png", full_page=True)

    reached = walk(page, base_url, ["/meg/"], check)
    assert len(reached) >= 12, reached
    assert found == []
    if direction == "rtl":  # mirrored: the site's name starts at the right
        page.goto(f"{base_url}/meg/")
        box = page.locator(".aksel-internalheader__title").bounding_box()
        assert box is not None
        assert box["x"] + box["width"] > PHONE["width"] - 40
