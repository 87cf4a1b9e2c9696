"""Decision letters come from the gettext catalogues in bokmål or nynorsk, whatever the page language."""

import datetime

import pytest
from django.utils import translation

from kvp.programme.letters import build_letter, deduction_reasons, interim_letter

SNAPSHOT = {
    "kind": "deduction",
    "participant": "Amina Hassan",
    "national_id": "01018012345",
    "office": "NAV Drammen",
    "made_by": "Kari Nordmann",
    "applied_on_display": "01.09.2026",
    "decided_on_display": "02.11.2026",
    "withheld_display": "1 234 kr",
    "deduction_days": 2,
    "reasons": "x",
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "Kvalifiseringsstønaden din blir redusert med 1 234 kr for 2 dager med fravær uten gyldig grunn."),
        ("nn", "Kvalifiseringsstønaden din blir redusert med 1 234 kr for 2 dagar med fråvær utan gyldig grunn."),
    ],
)
def test_a_letter_is_written_in_its_own_language_whatever_the_page_language(language: str, expected: str) -> None:
    with translation.override("en"):
        letter = build_letter(SNAPSHOT | {"language": language})
    assert letter.sections[0][1] == expected
    assert letter.title == "Vedtak om trekk i kvalifiseringsstønaden"
    assert letter.signature[0] == {"nb": "Med vennlig hilsen", "nn": "Med venleg helsing"}[language]


def test_one_day_is_singular_and_the_reasons_list_the_dates() -> None:
    letter = build_letter(SNAPSHOT | {"language": "nn", "deduction_days": 1})
    assert " for 1 dag med " in letter.sections[0][1]
    reasons = deduction_reasons("nb", [datetime.date(2026, 10, 5), datetime.date(2026, 10, 6)])
    assert reasons == "Du var borte fra programmet uten gyldig grunn: 05.10.2026, 06.10.2026."


def test_the_interim_letter_fills_in_its_dates() -> None:
    letter = interim_letter(
        language="nn",
        participant="A",
        national_id="1",
        office="NAV Drammen",
        applied="01.09.2026",
        sent="02.10.2026",
        reason="vi ventar på legeerklæring",
        expected="01.11.2026",
        signed_by="K",
    )
    assert letter.title == "Førebels svar på søknaden din om kvalifiseringsprogram"
    assert letter.sections[0][1].startswith("Vi fekk søknaden din 01.09.2026. Vi har ikkje klart å behandle han enno")
    assert "innan 01.11.2026." in letter.sections[0][1]
