from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Iterator

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Browser, sync_playwright

from kvp.programme.models import Rate
from tests.conftest import empty_audit_trail

CHROMIUM = "/usr/bin/chromium"
# Flags for a closed network and running as root in CI (see the machine notes).
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        if os.environ.get("KVP_REQUIRE_E2E"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium for the browser tests")
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _empty_audit_trail_before_flush(transactional_db: None) -> Iterator[None]:
    """Browser tests commit; the flush after them must not trip the append-only triggers. The trail
    is emptied with the triggers briefly lifted, so the flush finds no audit rows to delete. The flush
    also empties the rates a data migration seeded, so they are seeded again before each test."""
    if not Rate.objects.exists():
        importlib.import_module("kvp.programme.migrations.0003_seed_rates").seed(django_apps, None)
    yield
    empty_audit_trail()
