"""Every user-facing string has a bokmål translation, and the compiled catalogue matches it. The other
catalogues hold current messages only, and their compiled catalogues leave drafts (fuzzy) out. Completeness per
offered language and review state: tests/common/test_catalogues.py."""

import gettext
import re
from pathlib import Path
from typing import NamedTuple

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from kvp.common.catalogues import entry_problem, language_entries
from kvp.followup.reminders import BODY, SUBJECT

LOCALE = Path(settings.PACKAGE_DIR) / "locale"
CATALOGUE = LOCALE / "nb" / "LC_MESSAGES"
NOTICE_LANGUAGES = sorted(path.name for path in LOCALE.iterdir() if path.is_dir() and path.name != "nb")
PLACEHOLDER = re.compile(r"%\(\w+\)s")
ENTRY = re.compile(
    r'^(?:#, (.*)\n)?(?:#\|.*\n)*(?:msgctxt (".*")\n)?msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?'
    r'((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)',
    re.M,
)


class Entry(NamedTuple):
    fuzzy: bool
    context: str
    msgid: str
    translations: list[str]


def joined(lines: str) -> str:
    return "".join(re.findall(r'"(.*)"', lines)).encode().decode("unicode_escape").encode("latin-1").decode()


def entries(language: str = "nb") -> list[Entry]:
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    found = []
    for flags, context, msgid, msgstrs in ENTRY.findall(text + "\n"):
        translations = [joined(part) for part in re.split(r"msgstr(?:\[\d\])? ", msgstrs) if part.strip()]
        found.append(Entry("fuzzy" in flags.split(", "), joined(context), joined(msgid), translations))
    return [entry for entry in found if entry.msgid]  # skip the header


def compiled(language: str) -> gettext.GNUTranslations:
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def compiled_text(catalogue: gettext.GNUTranslations, entry: Entry) -> str:
    if entry.context:
        return catalogue.pgettext(entry.context, entry.msgid)
    return catalogue.gettext(entry.msgid)


def test_it_translates_every_message_to_bokmal() -> None:
    problems = [entry.msgid for entry in entries() if entry.fuzzy or not all(entry.translations)]
    assert problems == []
    assert len(entries()) > 250


def test_it_ships_a_compiled_catalogue_with_the_same_messages() -> None:
    catalogue = compiled("nb")
    singular = [entry for entry in entries() if len(entry.translations) == 1]
    assert all(
        compiled_text(catalogue, entry) != entry.msgid or entry.msgid.lower() in SAME_IN_BOTH for entry in singular
    )


def test_the_notice_languages_are_the_ones_expected_and_django_knows_them() -> None:
    assert NOTICE_LANGUAGES == ["ar", "nn", "pl", "prs", "so", "ti", "uk"]
    assert all(get_language_info(language)["name"] for language in NOTICE_LANGUAGES)
    assert [language for language in NOTICE_LANGUAGES if get_language_info(language)["bidi"]] == ["ar", "prs"]


@pytest.mark.parametrize("language", NOTICE_LANGUAGES)
def test_a_catalogue_holds_current_messages_and_compiles_no_drafts(language: str) -> None:
    """A catalogue may still be incomplete (a language is offered only when complete: tests/common/test_catalogues.py),
    but what it translates is usable, and only what is usable and not a draft is compiled."""
    found = entries(language)
    assert found
    assert {(entry.context, entry.msgid) for entry in found} <= {(entry.context, entry.msgid) for entry in entries()}
    catalogue = compiled(language)
    by_key = language_entries(language)
    for entry in found:
        if not all(entry.translations):
            continue
        assert entry_problem(by_key[(entry.context or "", entry.msgid)]) in {"", "fuzzy"}, (language, entry.msgid)
        if len(entry.translations) == 1:
            assert (compiled_text(catalogue, entry) == entry.translations[0]) is not entry.fuzzy, (language, entry)


@pytest.mark.parametrize("language", NOTICE_LANGUAGES)
def test_every_notice_language_has_the_meeting_reminder_reviewed_or_as_a_draft(language: str) -> None:
    assert {SUBJECT, BODY} <= {entry.msgid for entry in entries(language) if all(entry.translations)}


def test_the_texts_that_follow_a_documents_language_are_all_in_nynorsk() -> None:
    """Letters and the language check's remarks are written in the document's language, which may be nynorsk."""
    needed = {
        (entry.context, entry.msgid) for entry in entries() if entry.context in {"decision letter", "language check"}
    }
    assert len(needed) > 50
    assert needed <= {(entry.context, entry.msgid) for entry in entries("nn") if not entry.fuzzy}


# Words spelt the same in English and bokmål (compared without case).
SAME_IN_BOTH = {
    "api",
    "administrator",
    "parameter",
    "status",
    "dari",
    "pashto",
    "somali",
    "swahili",
    "tamil",
    "thai",
    "urdu",
    "plan",
    "dialog",
    "type",
    "start",
    "send",
    "plan: %(name)s",
    "mentor",
    "%(minutes)s min",
    "%(amount)s kr",
}
