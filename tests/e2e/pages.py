"""Walking the pages a person can reach, and checking each one with axe-core (WCAG 2.1 A/AA, and 2.2's 24 px
target size) at a phone's and a desktop's width: the language attributes, nothing wider than the phone."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import Browser, Error, Page

from kvp.demo.generator import PASSWORD

AXE = (Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = f"""axe.run(document, {{runOnly: {{type: 'tag', values: {TAGS}}}}})
  .then(result => result.violations.flatMap(
    v => v.nodes.map(n => `${{v.id}}: ${{n.target.join(' ')}} (${{v.help}})`)))"""
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ARTEFACTS = Path(os.environ.get("KVP_ARTEFACT_DIR", Path(settings.PROJECT_DIR) / "var" / "artefacts"))
# Not pages: downloads, the API, Django's own administration, leaving.
SKIPPED = re.compile(r"^/(admin|api|static)/|/pdf/|/fil/|/vedlegg/|/logg-ut/|\.(pdf|csv|json)$")
IDS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+")


def seed_demo() -> None:
    call_command("demo", participants=6, stdout=StringIO(), stderr=StringIO())


def logged_in(browser: Browser, base_url: str, username: str, *, locale: str = "nb-NO") -> Page:
    page = browser.new_page(locale=locale, viewport=PHONE)
    page.goto(f"{base_url}/logg-inn/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def route(path: str) -> str:
    """The page's route: ids left out, so that each kind of page is visited once."""
    return IDS.sub("…", path)


def screenshot_name(url: str) -> str:
    return route(urlparse(url).path).strip("/").replace("/", "-").replace("…", "x") or "start"


def walk(page: Page, base_url: str, starts: list[str], visit: Callable[[Page], None], *, limit: int = 80) -> list[str]:
    """Visit the same-site pages reachable by links from `starts`, one per route, breadth first; their paths."""
    queue, seen, reached = [f"{base_url}{path}" for path in starts], set[str](), []
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path = urlparse(url).path
        if route(path) in seen or SKIPPED.search(path):
            continue
        seen.add(route(path))
        try:
            response = page.goto(url)
        except Error:  # a download
            continue
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        reached.append(path)
        links = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        visit(page)
        queue += [link.split("#")[0] for link in links if urlparse(link).netloc == urlparse(base_url).netloc]
    return reached


def problems_on(page: Page, *, widths: tuple[dict[str, int], ...] = (PHONE, DESKTOP)) -> list[str]:
    """What is wrong with the page now open, at each width (axe's violations, overflow, missing lang/dir)."""
    found = []
    path = urlparse(page.url).path
    language = page.evaluate("document.documentElement.lang")
    direction = page.evaluate("document.documentElement.dir")
    expected = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
    if language not in settings.KVP_INTERFACE_LANGUAGES or direction != expected:
        found.append(f"{path}: <html lang={language!r} dir={direction!r}>")
    for viewport in widths:
        page.set_viewport_size(viewport)
        if viewport == PHONE:
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                found.append(f"{path}: {width} px wide on a {PHONE['width']} px phone")
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(AXE)
        found += [f"{path} at {viewport['width']} px: {violation}" for violation in page.evaluate(AXE_RUN)]
    page.set_viewport_size(PHONE)
    return found
