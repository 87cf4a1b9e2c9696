"""A participant's page never shows an ISO date, an internal code or an evidence code.

Dates are written out in the reader's language (kvp.common.formatting), codes become words, and the
evidence behind a recommendation or an alert (E1–E19, S1 …) is for staff. Walks every participant page
(tests/participant_pages.py) in bokmål.
"""

from __future__ import annotations

import re

import pytest

from tests.access import Endpoint
from tests.conftest import World
from tests.participant_pages import PAGES, participant_page

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# snake_case words (driving_licence, work_experience_years) and coded values (norwegian:b1, work_experience_years:5)
INTERNAL_CODE = re.compile(r"\b[a-z_]+:[a-z0-9]+\b|\b[a-z]+(?:_[a-z0-9]+)+\b")
EVIDENCE_CODE = re.compile(r"\b[ES]\d{1,2}\b")


@pytest.mark.parametrize("endpoint", PAGES, ids=lambda e: e.name)
def test_a_participant_page_speaks_in_words(world: World, endpoint: Endpoint) -> None:
    text = participant_page(world, endpoint).text
    found = {
        "ISO date": ISO_DATE.findall(text),
        "internal code": INTERNAL_CODE.findall(text),
        "evidence code": EVIDENCE_CODE.findall(text),
    }
    assert {kind: hits for kind, hits in found.items() if hits} == {}


def test_the_checks_catch_what_they_look_for() -> None:
    shown = "Starter 2027-01-11. Krever driving_licence og work_experience_years:5 (E12, S3)."
    assert ISO_DATE.findall(shown) == ["2027-01-11"]
    assert INTERNAL_CODE.findall(shown) == ["driving_licence", "work_experience_years:5"]
    assert EVIDENCE_CODE.findall(shown) == ["E12", "S3"]
