"""What every response carries and what it never carries: a Content-Security-Policy without unsafe-inline (and
templates it does not break), flash messages kept server-side, logs without e-mail addresses."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from kvp.common.logs import RedactAddresses
from tests.conftest import World, client_for

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "kvp" / "templates"
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.django_db
def test_every_page_sends_a_content_security_policy_without_inline_code() -> None:
    policy = Client().get(reverse("login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_no_template_holds_inline_scripts_styles_or_handlers() -> None:
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0).strip()}"
        for path in TEMPLATES.rglob("*.html")
        for match in INLINE.finditer(path.read_text())
    ]
    assert found == []


def test_htmx_does_not_inject_its_indicator_styles() -> None:
    assert '"includeIndicatorStyles": false' in (TEMPLATES / "_head.html").read_text()


def test_flash_messages_naming_people_stay_out_of_cookies(world: World) -> None:
    client = client_for(world.counsellor)
    response = client.post(reverse("overview_filter_save"), {"name": "x" * 200, "query": ""})
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert "60" in client.get(reverse("overview")).content.decode()  # the message is still shown, from the session


def test_logs_carry_no_e_mail_addresses(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("kvp.test")
    logger.addFilter(RedactAddresses())
    try:
        try:
            raise OSError("550 no such user kari.nordmann@nav.example")
        except OSError:
            logger.exception("Notice to %s failed", "ola+kvp@nav.example")
    finally:
        logger.filters.clear()
    text = caplog.text
    assert "@nav.example" not in text
    assert "[address]" in text
