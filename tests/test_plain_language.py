"""The participant's pages read easily in bokmål: LIX at most 40 (tests/lix.py), for the catalogue's messages
the participant reads (tests/participant_catalogue.py) and for each participant page as it is shown.

Many participants read Norwegian at level A1–B1; 40 is the upper end of "easy" (everyday text). A page's
lists to choose from (occupations, measures) are left out of its measure: they are scanned for one entry, not
read as sentences."""

from __future__ import annotations

import pytest

from tests.access import Endpoint
from tests.conftest import World
from tests.lix import lix
from tests.participant_catalogue import bokmal, participant_messages
from tests.participant_pages import PAGES, participant_page

EASY = 40
ENOUGH_TO_MEASURE = 10  # fewer messages than this say little about a source's readability on their own


def test_the_participants_messages_read_easily() -> None:
    found = participant_messages()
    every = list(dict.fromkeys(key for keys in found.values() for key in keys))
    assert lix(bokmal(every)) <= EASY
    hard = {name: round(lix(bokmal(keys)), 1) for name, keys in found.items() if len(keys) >= ENOUGH_TO_MEASURE}
    assert {name: value for name, value in hard.items() if value > EASY} == {}


@pytest.mark.parametrize("endpoint", PAGES, ids=lambda e: e.name)
def test_each_participant_page_reads_easily(world: World, endpoint: Endpoint) -> None:
    shown = participant_page(world, endpoint)
    assert lix([shown.prose]) <= EASY, shown.prose


def test_lix_counts_words_sentences_and_long_words() -> None:
    # 5 words (the placeholder is none), 2 sentences, 1 long word ("vedtaket"): 5/2 + 100 * 1/5
    assert lix(["Du fikk vedtaket. Les det %(day)s!"]) == pytest.approx(5 / 2 + 100 / 5)
    assert lix(["Lagre", "Send"]) == 1
