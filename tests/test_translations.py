"""Every user-facing string has a bokmål translation, and the compiled catalogue matches it."""

import gettext
import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.PACKAGE_DIR) / "locale" / "nb" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^(#, fuzzy\n)?msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)', re.M
)


def joined(lines: str) -> str:
    return "".join(re.findall(r'"(.*)"', lines)).encode().decode("unicode_escape").encode("latin-1").decode()


def entries() -> list[tuple[bool, str, list[str]]]:
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    found = []
    for fuzzy, msgid, msgstrs in ENTRY.findall(text + "\n"):
        translations = [joined(part) for part in re.split(r"msgstr(?:\[\d\])? ", msgstrs) if part.strip()]
        found.append((bool(fuzzy), joined(msgid), translations))
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
