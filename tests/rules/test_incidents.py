"""The rules for recording a discrimination incident (E12)."""

from __future__ import annotations

import datetime

import pytest

from kvp.rules.incidents import IncidentFacts, incident_problems

TODAY = datetime.date(2026, 11, 20)
HAPPENED = datetime.date(2026, 11, 2)


def facts(**overrides: object) -> IncidentFacts:
    values: dict[str, object] = {"happened_on": HAPPENED, "today": TODAY, "has_participant": True, "consent": "yes"}
    return IncidentFacts(**(values | overrides))  # type: ignore[arg-type]


def fields(found: list[tuple[str, str]]) -> list[str]:
    return [field for field, _message in found]


def test_it_accepts_a_plain_open_incident() -> None:
    assert incident_problems(facts()) == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"happened_on": TODAY + datetime.timedelta(days=1)}, "happened_on"),
        ({"employer_talk_on": TODAY + datetime.timedelta(days=1)}, "employer_talk_on"),
        ({"ombud_advice_on": HAPPENED - datetime.timedelta(days=1)}, "ombud_advice_on"),
        ({"resolved": True, "resolved_on": None, "outcome": "Beklaget."}, "resolved_on"),
        ({"resolved": True, "resolved_on": TODAY, "outcome": "  "}, "outcome"),
        ({"resolved": False, "resolved_on": TODAY}, "resolved_on"),
        ({"consent": "not_asked", "employer_talk_on": TODAY}, "employer_talk_on"),
        ({"consent": "no", "employer_talk_on": TODAY}, "employer_talk_on"),
    ],
)
def test_it_names_the_field_that_is_wrong(overrides: dict[str, object], field: str) -> None:
    assert field in fields(incident_problems(facts(**overrides)))


def test_it_lets_us_talk_with_the_employer_with_consent_or_without_a_named_participant() -> None:
    assert incident_problems(facts(employer_talk_on=TODAY)) == []
    assert incident_problems(facts(has_participant=False, consent="not_asked", employer_talk_on=TODAY)) == []


def test_it_gives_advice_on_the_ombud_without_consent() -> None:
    assert incident_problems(facts(consent="no", ombud_advice_on=TODAY)) == []


def test_it_accepts_a_resolved_incident_with_date_and_outcome() -> None:
    assert incident_problems(facts(resolved=True, resolved_on=TODAY, outcome="Arbeidsgiver beklaget.")) == []
