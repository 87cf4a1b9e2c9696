"""A language is offered only with a complete catalogue for its audience; the rule for what participants see holds;
review state, export and import, and the glossaries (kvp.common.catalogues, `kvp translations`)."""

from __future__ import annotations

import csv
import datetime
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from kvp.common import catalogues
from kvp.common.management.commands.translations import export_catalogue, import_catalogue
from tests.conftest import World, client_for
from tests.test_access_matrix import ENDPOINTS, _case_for

OFFERED = [
    *((language, "participant") for language in settings.KVP_PARTICIPANT_LANGUAGES),
    *((language, "staff") for language in settings.KVP_STAFF_LANGUAGES),
]
TRANSLATED = [code for code in settings.KVP_INTERFACE_LANGUAGES if code not in catalogues.SOURCE_LANGUAGES]


def test_the_interface_has_exactly_the_nine_languages_and_offers_only_those() -> None:
    assert settings.KVP_INTERFACE_LANGUAGES == ["nb", "nn", "en", "ar", "so", "ti", "prs", "uk", "pl"]
    offered = {*settings.KVP_PARTICIPANT_LANGUAGES, *settings.KVP_STAFF_LANGUAGES}
    assert offered <= set(settings.KVP_INTERFACE_LANGUAGES)
    assert set(settings.KVP_STAFF_LANGUAGES) <= {"nb", "nn", "en"}
    assert {code for code, _name in settings.LANGUAGES} == offered


@pytest.mark.parametrize(("language", "audience"), OFFERED)
def test_every_offered_language_is_complete_for_its_audience(language: str, audience: str) -> None:
    """Fails on a missing, fuzzy or placeholder-mismatched translation of a message the audience sees."""
    assert [(problem.problem, problem.key) for problem in catalogues.problems(language, audience)] == []


def test_an_incomplete_catalogue_is_found_incomplete() -> None:
    """Polish has no translations yet: offering it to participants would fail the test above."""
    found = catalogues.problems("pl", "participant")
    assert len(found) > 1000
    assert {problem.problem for problem in found} == {"missing", "fuzzy"}  # three drafts of the meeting reminder


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Hei %(name)s"), ""),
        (polib.POEntry(msgid="Hello %(name)s", msgstr=""), "missing"),
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Hei %(name)s", flags=["fuzzy"]), "fuzzy"),
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Hei %(navn)s"), "placeholders"),
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Hei"), "placeholders"),
        (
            polib.POEntry(msgid="%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "én dag", 1: "%(n)s dager"}),
            "",
        ),
        (
            polib.POEntry(msgid="%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "%(m)s", 1: "%(n)s"}),
            "placeholders",
        ),
        (polib.POEntry(msgid="%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "dag", 1: ""}), "missing"),
    ],
)
def test_an_entry_is_usable_only_translated_not_fuzzy_and_with_the_same_placeholders(
    entry: polib.POEntry, problem: str
) -> None:
    assert catalogues.entry_problem(entry) == problem


def test_the_rule_knows_where_every_message_is_written() -> None:
    """Each message in the catalogue is found in the code or templates, so the participant-facing rule sees it."""
    sources = catalogues.message_sources()
    unknown = [catalogues.key_of(entry) for entry in catalogues.master_entries()]
    assert [key for key in unknown if key not in sources] == []


def test_staff_only_messages_are_left_out_of_the_participants_share_and_shared_ones_kept() -> None:
    assert not catalogues.participant_facing(("", "Caseloads"))
    assert catalogues.participant_facing(("", "My page"))
    assert catalogues.participant_facing(("", "Skip to content"))
    assert catalogues.is_staff_only("templates/reports/caseloads.html")
    assert not catalogues.is_staff_only("templates/plans/plan.html")


def test_a_review_holds_for_the_translation_reviewed_only() -> None:
    entry = polib.POEntry(msgid="Messages", msgstr="Meldingar")
    changed = polib.POEntry(msgid="Messages", msgstr="Meldinger")
    assert catalogues.fingerprint(entry) != catalogues.fingerprint(changed)
    assert catalogues.fingerprint(entry) == catalogues.fingerprint(polib.POEntry(msgid="Messages", msgstr="Meldingar"))


@pytest.fixture
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for language in ("nb", "so"):
        shutil.copytree(catalogues.LOCALE / language, tmp_path / language)
    monkeypatch.setattr(catalogues, "LOCALE", tmp_path)
    return tmp_path


def test_a_translators_file_goes_out_and_comes_back_with_its_review(locale_copy: Path) -> None:
    exported = export_catalogue("pl")
    assert len(exported) == len(catalogues.master_entries())
    my_page = next(entry for entry in exported if entry.msgid == "My page")
    assert "nb: Min side" in my_page.comment
    assert "participants see this" in my_page.comment
    my_page.msgstr = "Moja strona"
    wrong = next(entry for entry in exported if entry.msgid == "Hello, %(name)s")
    wrong.msgstr = "Witamy"  # the placeholder is lost: refused
    result = import_catalogue("pl", exported)
    assert [entry.msgid for entry in result.usable] == ["My page"]
    assert result.refused == [("", "Hello, %(name)s")]
    catalogues.record_reviews("pl", result.usable, "A. Translator", datetime.date(2026, 12, 7))
    assert catalogues.status("pl").reviewed == 1
    saved = catalogues.language_entries("pl")
    assert saved[("", "My page")].msgstr == "Moja strona"
    compiled = polib.mofile(str(catalogues.catalogue_path("pl").with_suffix(".mo")))
    assert {entry.msgid for entry in compiled} >= {"My page"}
    # The drafts already there stay drafts, left out of the compiled catalogue.
    assert all("fuzzy" in entry.flags for key, entry in saved.items() if key != ("", "My page"))
    assert "Reminder: you have a meeting with NAV" not in {entry.msgid for entry in compiled}


def test_the_command_reports_each_languages_share(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("translations", "status")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:]] == settings.KVP_INTERFACE_LANGUAGES
    assert lines[1].split()[1] == "yes"  # bokmål is offered


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_language_has_a_glossary_of_the_programmes_terms(language: str) -> None:
    terms = [row["id"] for row in csv.DictReader((catalogues.LOCALE / "glossary.csv").open(encoding="utf-8"))]
    rows = list(csv.DictReader((catalogues.LOCALE / language / "glossary.csv").open(encoding="utf-8")))
    assert [row["id"] for row in rows] == terms
    offered = language in {*settings.KVP_PARTICIPANT_LANGUAGES, *settings.KVP_STAFF_LANGUAGES}
    if offered or language == "nn":
        assert all(row["translation"].strip() for row in rows)


def test_no_page_a_participant_opens_renders_a_staff_only_template(world: World) -> None:
    """The rule's list of staff-only templates holds: checked on every page the access matrix opens to them."""
    client = client_for(world.participant_user)
    rendered: set[str] = set()
    for endpoint in ENDPOINTS:
        if endpoint.method != "get" or endpoint.api or endpoint.expected["participant"] != 200:
            continue
        with transaction.atomic():  # each endpoint's own case, as in the access matrix
            case = endpoint.setup(world) if endpoint.setup else _case_for(endpoint, world)
            response = client.get(endpoint.url(world, case))
            rendered |= {template.name for template in response.templates if template.name}
            transaction.set_rollback(True)
    assert "participants/my_page.html" in rendered
    assert [name for name in sorted(rendered) if catalogues.is_staff_only(f"templates/{name}")] == []
