"""The respectful-language check in the app (E12): the htmx endpoint, the widget on the
case-note form, the outcome records (no text, no participant, no writer) and the leader's aggregate page.

These use H1's real checker (kvp.rules.language_check) with real sentences."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kvp.accounts.models import Office
from kvp.followup.models import CaseNote
from kvp.wording import checking
from kvp.wording.models import WordingOutcome
from kvp.wording.selectors import office_summary
from kvp.wording.services import record_from_post, record_wording_outcome
from tests.conftest import World, client_for

BLAME = "Han hevder at han var syk, som vanlig."
NEUTRAL = "Tolk er bestilt til møtet."


def check(world: World, text: str, **extra: str) -> dict[str, object]:
    response = client_for(world.counsellor).post(
        reverse("wording_check"), {"wording_field": "text", "text": text, "wording_lang": "nb"} | extra
    )
    assert response.status_code == 200
    assert response.context is not None
    return {key: response.context[key] for key in ("state", "seen", "choice", "result")}


def test_it_marks_blame_and_explains_it(world: World) -> None:
    context = check(world, BLAME)
    assert context["state"] == "remarks"
    assert "blame" in str(context["seen"]).split(",")
    response = client_for(world.counsellor).post(
        reverse("wording_check"), {"wording_field": "text", "text": BLAME, "wording_lang": "nb"}
    )
    assert b"<mark" in response.content


def test_it_is_calm_about_a_neutral_note(world: World) -> None:
    context = check(world, NEUTRAL)
    assert context["state"] == "clear"
    assert context["seen"] == ""


def test_it_carries_what_was_seen_and_the_choice_to_keep(world: World) -> None:
    rewritten = check(world, NEUTRAL, wording_seen="blame")
    assert rewritten["seen"] == "blame"
    kept = check(world, BLAME, wording_action="keep")
    assert kept["choice"] == "kept"
    assert check(world, BLAME, wording_choice="kept", wording_action="undo")["choice"] == ""


@pytest.mark.parametrize("text", ["", " \n ", "x" * 20_001, "\x00\x07 ٱلسلام 你好"])
def test_it_never_fails_on_odd_text(world: World, text: str) -> None:
    assert check(world, text)["state"] in {"empty", "too_long", "clear", "remarks", "unavailable"}


def test_it_stores_nothing_when_checking(world: World) -> None:
    check(world, BLAME)
    assert not WordingOutcome.objects.exists()


def test_a_note_with_remarks_kept_is_recorded_without_text_or_people(world: World) -> None:
    response = client_for(world.counsellor).post(
        reverse("note_create", args=[world.participant.pk]),
        {"title": "Fravær", "text": BLAME, "wording_lang": "nb", "wording_choice": "kept"},
    )
    assert response.status_code == 302
    assert CaseNote.objects.count() == 1
    outcome = WordingOutcome.objects.get()
    assert (outcome.office, outcome.source, outcome.kept_as_written) == (world.office, "case_note", True)
    assert "blame" in outcome.categories
    assert outcome.month.day == 1
    names = {field.name for field in WordingOutcome._meta.get_fields()}
    assert names == {"id", "office", "source", "categories", "kept_as_written", "month"}


def test_a_note_rewritten_after_remarks_is_recorded_as_rewritten(world: World) -> None:
    client_for(world.counsellor).post(
        reverse("note_create", args=[world.participant.pk]),
        {"title": "Fravær", "text": "Han var syk mandag og ga beskjed.", "wording_seen": "blame"},
    )
    outcome = WordingOutcome.objects.get()
    assert (outcome.categories, outcome.kept_as_written) == (["blame"], False)


def test_a_neutral_note_leaves_no_record(world: World) -> None:
    client_for(world.counsellor).post(
        reverse("note_create", args=[world.participant.pk]), {"title": "Møte", "text": NEUTRAL}
    )
    assert CaseNote.objects.count() == 1
    assert not WordingOutcome.objects.exists()


def test_the_note_form_carries_the_widget(world: World) -> None:
    page = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    assert b'name="wording_lang"' in page.content
    assert b"delay:600ms" in page.content


@pytest.mark.parametrize(
    ("office", "source", "categories", "code"),
    [
        (None, "case_note", ["blame"], "office"),
        ("office", "tweet", ["blame"], "source"),
        ("office", "case_note", [], "no_categories"),
        ("office", "case_note", ["rudeness"], "category"),
    ],
)
def test_it_refuses_bad_outcomes_and_stores_nothing(
    world: World, office: str | None, source: str, categories: list[str], code: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        record_wording_outcome(world.office if office else None, source, categories, kept_as_written=True)
    assert raised.value.code == code
    assert raised.value.messages[0]
    assert not WordingOutcome.objects.exists()


def test_a_bad_hint_never_blocks_saving(world: World) -> None:
    assert record_from_post(office=world.office, source="case_note", text=NEUTRAL, data={"wording_seen": "x,y"}) is None
    assert not WordingOutcome.objects.exists()


def _outcomes(office: Office, month: datetime.date, count: int, *, kept: int) -> None:
    for number in range(count):
        record_wording_outcome(office, "case_note", ["blame"], number < kept, today=month)


def test_the_leader_sees_counts_with_small_numbers_hidden(world: World) -> None:
    today = datetime.date(2026, 11, 20)
    _outcomes(world.office, datetime.date(2026, 11, 3), 10, kept=5)
    _outcomes(world.office, datetime.date(2026, 10, 3), 2, kept=2)
    _outcomes(world.office, datetime.date(2025, 10, 3), 9, kept=9)  # older than 12 months
    _outcomes(world.other_office, datetime.date(2026, 11, 3), 9, kept=9)
    summary = office_summary(world.office, today=today)
    assert [row.month for row in summary.months][-1] == datetime.date(2026, 11, 1)
    assert len(summary.months) == 12
    november, october = summary.months[-1], summary.months[-2]
    assert (november.texts.value, november.texts.suppressed, november.kept_percent) == (10, False, 50)
    assert (october.texts.value, october.texts.suppressed, october.kept_percent) == (2, True, None)
    assert summary.texts.value == 12
    assert summary.kept_percent is not None  # 7 of 12 kept: both may be shown
    assert dict(summary.totals)  # every category has a label


def test_the_leader_page_shows_the_office_not_persons(world: World) -> None:
    response = client_for(world.leader).get(reverse("wording_summary"))
    assert response.status_code == 200
    assert response.context["summary"].office == world.office


@pytest.mark.parametrize(
    ("lang", "text", "label", "suggestion"),
    [
        ("nb", "Hun påstår at hun var syk.", "Moralisering eller tvil", "oppgir"),
        ("nn", "Ho påstår at ho var sjuk.", "Moralisering eller tvil", "opplyser"),
        ("en", "She claims she was ill.", "Moralising or blame", "says"),
    ],
)
def test_the_remarks_are_in_the_notes_language_whatever_the_page_language(
    lang: str, text: str, label: str, suggestion: str
) -> None:
    with translation.override("en" if lang != "en" else "nb"):
        (remark,) = checking.check(text, lang).remarks
    assert (remark.label, remark.suggestion) == (label, suggestion)
    assert dict(checking.category_labels(lang))["blame"] == label


def test_the_explanations_differ_in_each_of_the_checkers_languages() -> None:
    texts = {"nb": "Hun påstår at hun var syk.", "nn": "Ho påstår at ho var sjuk.", "en": "She claims she was ill."}
    assert len({checking.check(text, lang).remarks[0].explanation for lang, text in texts.items()}) == 3


def test_it_offers_the_checkers_languages() -> None:
    from kvp.rules.language_check import SUPPORTED_LANGUAGES

    assert checking.SUPPORTED_LANGUAGES == SUPPORTED_LANGUAGES
