"""Every user-facing string has a bokmål translation, and the compiled catalogue matches it. The other
catalogues (the languages notices go out in) hold current messages only, and their compiled catalogues only
the reviewed translations: a draft (fuzzy) is never compiled."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

LOCALE = Path(settings.PACKAGE_DIR) / "locale"
CATALOGUE = LOCALE / "nb" / "LC_MESSAGES"
NOTICE_LANGUAGES = sorted(path.name for path in LOCALE.iterdir() if path.is_dir() and path.name != "nb")
PLACEHOLDER = re.compile(r"%\(\w+\)s")
ENTRY = re.compile(
    r'^(?:#, (.*)\n)?(?:#\|.*\n)*msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)',
    re.M,
)


def joined(lines: str) -> str:
    return "".join(re.findall(r'"(.*)"', lines)).encode().decode("unicode_escape").encode("latin-1").decode()


def entries(language: str = "nb") -> list[tuple[bool, str, list[str]]]:
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    found = []
    for flags, msgid, msgstrs in ENTRY.findall(text + "\n"):
        translations = [joined(part) for part in re.split(r"msgstr(?:\[\d\])? ", msgstrs) if part.strip()]
        found.append(("fuzzy" in flags.split(", "), joined(msgid), translations))
    return [entry for entry in found if entry[1]]  # skip the header


def test_it_translates_every_message_to_bokmal() -> None:
    problems = [msgid for fuzzy, msgid, translations in entries() if fuzzy or not all(translations)]
    assert problems == []
    assert len(entries()) > 250


def test_it_ships_a_compiled_catalogue_with_the_same_messages() -> None:
    with (CATALOGUE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    singular = {msgid for _fuzzy, msgid, translations in entries() if len(translations) == 1}
    assert all(compiled.gettext(msgid) != msgid or msgid.lower() in SAME_IN_BOTH for msgid in singular)


def test_the_notice_languages_are_the_ones_expected_and_django_knows_them() -> None:
    assert NOTICE_LANGUAGES == ["ar", "nn", "pl", "prs", "so", "ti", "uk"]
    assert all(get_language_info(language)["name"] for language in NOTICE_LANGUAGES)
    assert [language for language in NOTICE_LANGUAGES if get_language_info(language)["bidi"]] == ["ar", "prs"]


@pytest.mark.parametrize("language", NOTICE_LANGUAGES)
def test_a_notice_catalogue_holds_current_messages_and_compiles_only_reviewed_translations(language: str) -> None:
    found = entries(language)
    assert found
    assert {msgid for _fuzzy, msgid, _translations in found} <= {msgid for _f, msgid, _t in entries()}
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for fuzzy, msgid, translations in found:
        assert all(translations), msgid
        assert all(sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)) for text in translations)
        assert (compiled.gettext(msgid) == translations[0]) is not fuzzy, (language, msgid)


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
}
