"""The translation catalogues: which messages each audience sees, whether a catalogue is complete, and its review
state (docs/languages.md).

Bokmål's catalogue (`locale/nb`) lists every message (`kvp makemessages`); each other language's catalogue holds the
messages translated so far. A message is *participant-facing* unless every place it is written is staff-only
(`STAFF_ONLY`: templates and modules participants never see — tests/common/test_catalogues.py checks that no page a
participant opens renders a staff-only template). A language may be offered to participants once every
participant-facing message has a translation that is neither empty nor fuzzy and keeps the message's placeholders;
to staff once every message has.

Review: a qualified translator's check of one translation is kept beside the catalogue in `reviews.tsv`
(fingerprint, date, reviewer), the fingerprint covering the message and its translation, so that a changed text or
a changed translation is unreviewed again. Fuzzy means only what gettext means by it: a guess to be checked, left
out of the compiled catalogue.
"""

from __future__ import annotations

import ast
import datetime
import functools
import hashlib
import io
import re
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation.template import templatize

PACKAGE = Path(settings.PACKAGE_DIR)
LOCALE = PACKAGE / "locale"
MASTER = "nb"  # the catalogue that lists every message

# Sources only staff see (paths relative to the package; a directory covers everything in it).
STAFF_ONLY = (
    "templates/audit/search.html",
    "templates/catalogue/barriers.html",
    "templates/catalogue/incident_detail.html",
    "templates/catalogue/incident_flag.html",
    "templates/catalogue/incident_form.html",
    "templates/catalogue/incident_rows.html",
    "templates/catalogue/incidents.html",
    "templates/catalogue/offer_form.html",
    "templates/catalogue/participations.html",
    "templates/catalogue/provider_form.html",
    "templates/catalogue/providers.html",
    "templates/_staff_nav.html",
    "templates/common/sources.html",
    "templates/dialog/_participant_link.html",
    "templates/dialog/_worklist.html",
    "templates/dialog/list.html",
    "templates/dialog/thread.html",
    "templates/followup/_meetings_panel.html",
    "templates/followup/_meeting_row.html",
    "templates/followup/_note_textarea.html",
    "templates/followup/form.html",
    "templates/followup/meeting_detail.html",
    "templates/followup/meeting_edit.html",
    "templates/followup/meeting_note.html",
    "templates/matching/run.html",
    "templates/matching/runs.html",
    "templates/motivation/_alerts.html",
    "templates/motivation/_panel.html",
    "templates/overview/",
    "templates/parameters/",
    "templates/participants/_interpreter_need.html",
    "templates/participants/access_reason.html",
    "templates/participants/create.html",
    "templates/participants/detail.html",
    "templates/participants/edit.html",
    "templates/participants/list.html",
    "templates/participants/search.html",
    "templates/participants/transfer_requests.html",
    "templates/plans/worklist.html",
    "templates/programme/_aftercare_panel.html",
    "templates/programme/_aftercare_worklist.html",
    "templates/programme/aftercare.html",
    "templates/programme/case_form.html",
    "templates/programme/decision_form.html",
    "templates/programme/eligibility.html",
    "templates/programme/kostra.html",
    "templates/programme/transition_form.html",
    "templates/reports/aftercare_outcomes.html",
    "templates/reports/caseloads.html",
    "templates/staff/",
    "templates/wording/",
    "accounts/admin.py",
    "accounts/adminconfig.py",
    "accounts/adminsite.py",
    "demo/",
    "matching_engine/",
    "overview/",
    "parameters/",
    "participants/audit_forms.py",
    "reports/",
    "staff/",
    "wording/",
)

# The translation functions whose first string arguments are (context, message); rules mark theirs N_ and NC_.
_CALLS = {
    "_": False,
    "gettext": False,
    "gettext_lazy": False,
    "gettext_noop": False,
    "ngettext": False,
    "ngettext_lazy": False,
    "N_": False,
    "pgettext": True,
    "pgettext_lazy": True,
    "npgettext": True,
    "npgettext_lazy": True,
    "NC_": True,
}
_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sd]|\{\w*\}")

Key = tuple[str, str]  # (context, message id)


def _call_arguments(tokens: list[tokenize.TokenInfo], start: int) -> tuple[list[str | None], int]:
    """The arguments of the call whose "(" is at `start`: each a string if it is only string literals, else None."""
    depth, index = 0, start
    arguments: list[list[tokenize.TokenInfo]] = [[]]
    while index < len(tokens):
        token = tokens[index]
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
            if depth == 0:
                break
        elif depth == 1 and token.string == ",":
            arguments.append([])
        elif depth == 1 and token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
            arguments[-1].append(token)
        index += 1
    strings: list[str | None] = [
        "".join(ast.literal_eval(part.string) for part in argument)
        if argument and all(part.type == tokenize.STRING for part in argument)
        else None
        for argument in arguments
    ]
    return strings, index


def messages_in(source: str) -> Iterator[Key]:
    """The (context, message id) of each translation call in Python `source`."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for index, token in enumerate(tokens[:-1]):
        if token.type != tokenize.NAME or token.string not in _CALLS or tokens[index + 1].string != "(":
            continue
        if index and tokens[index - 1].string == "def":
            continue
        arguments, _end = _call_arguments(tokens, index + 1)
        with_context = _CALLS[token.string]
        wanted = arguments[:2] if with_context else ["", *arguments[:1]]
        if len(wanted) == 2 and wanted[0] is not None and wanted[1]:
            yield (wanted[0], wanted[1])


def _python_of(path: Path) -> str:
    if path.suffix == ".py":
        return path.read_text(encoding="utf-8")
    # Django's own conversion for xgettext; indentation means nothing in a template, so it is dropped.
    converted = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    return "\n".join(line.lstrip() for line in converted.splitlines())


def _sources() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix == ".html" or (path.suffix == ".py" and "migrations" not in path.parts):
            yield path


@functools.cache
def message_sources() -> dict[Key, frozenset[str]]:
    """Each message in the code and templates, with the files (relative to the package) it is written in."""
    found: dict[Key, set[str]] = {}
    for path in _sources():
        for key in messages_in(_python_of(path)):
            found.setdefault(key, set()).add(path.relative_to(PACKAGE).as_posix())
    return {key: frozenset(files) for key, files in found.items()}


def is_staff_only(source: str) -> bool:
    return any(source == entry or (entry.endswith("/") and source.startswith(entry)) for entry in STAFF_ONLY)


def participant_facing(key: Key) -> bool:
    """Whether participants may see the message: it is written somewhere not staff-only (or nowhere known)."""
    sources = message_sources().get(key, frozenset())
    return not sources or not all(is_staff_only(source) for source in sources)


def catalogue_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def key_of(entry: polib.POEntry) -> Key:
    return (entry.msgctxt or "", entry.msgid)


def master_entries() -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(catalogue_path(MASTER))) if not entry.obsolete]


def translations_of(entry: polib.POEntry) -> list[str]:
    """The translation, or each plural form's (one empty string when there is none yet)."""
    if entry.msgid_plural:
        return list(entry.msgstr_plural.values()) or [""]
    return [entry.msgstr]


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Problem:
    key: Key
    problem: str  # "missing", "fuzzy" or "placeholders"


def entry_problem(entry: polib.POEntry | None) -> str:
    """What keeps a translation from being shown: "" when it is usable."""
    if entry is None or not all(translations_of(entry)):
        return "missing"
    if "fuzzy" in entry.flags:
        return "fuzzy"
    wanted = placeholders(entry.msgid)
    wanted_plural = placeholders(entry.msgid_plural) if entry.msgid_plural else wanted
    # A plural form may leave the number out ("one message"), never use a placeholder the message lacks.
    if any(not set(placeholders(text)) <= set(wanted_plural) for text in translations_of(entry)):
        return "placeholders"
    if not entry.msgid_plural and placeholders(entry.msgstr) != wanted:
        return "placeholders"
    return ""


def language_entries(language: str) -> dict[Key, polib.POEntry]:
    path = catalogue_path(language)
    if not path.exists():
        return {}
    return {key_of(entry): entry for entry in polib.pofile(str(path)) if not entry.obsolete}


def needed(audience: str) -> list[Key]:
    """The messages a language needs to be offered to `audience` ("participant" or "staff")."""
    keys = [key_of(entry) for entry in master_entries()]
    return [key for key in keys if participant_facing(key)] if audience == "participant" else keys


def problems(language: str, audience: str) -> list[Problem]:
    """What keeps `language` from being offered to `audience`; empty when it may be."""
    if language == "en":  # the message ids
        return []
    found = language_entries(language)
    return [Problem(key, problem) for key in needed(audience) if (problem := entry_problem(found.get(key))) != ""]


# Review state


def fingerprint(entry: polib.POEntry) -> str:
    text = "\x04".join([entry.msgctxt or "", entry.msgid, entry.msgid_plural or "", *translations_of(entry)])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def reviews_path(language: str) -> Path:
    return LOCALE / language / "reviews.tsv"


def reviewed_fingerprints(language: str) -> set[str]:
    path = reviews_path(language)
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")}


def record_reviews(language: str, entries: Iterable[polib.POEntry], reviewer: str, on: datetime.date) -> int:
    """Record that `reviewer` checked these translations; returns how many were new."""
    known = reviewed_fingerprints(language)
    new = [fingerprint(entry) for entry in entries if fingerprint(entry) not in known]
    path = reviews_path(language)
    header = "" if path.exists() else "# fingerprint\tdate\treviewer (kvp translations import --reviewed-by)\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(header + "".join(f"{code}\t{on.isoformat()}\t{reviewer}\n" for code in sorted(set(new))))
    return len(set(new))


@dataclass(frozen=True)
class Status:
    language: str
    messages: int
    complete: int  # usable translations (not missing, fuzzy or with wrong placeholders)
    reviewed: int  # usable and reviewed
    participant_messages: int
    participant_complete: int


def status(language: str) -> Status:
    found = language_entries(language)
    reviewed = reviewed_fingerprints(language)
    keys = needed("staff")
    usable = [key for key in keys if language == "en" or entry_problem(found.get(key)) == ""]
    facing = [key for key in keys if participant_facing(key)]
    by_definition = language in SOURCE_LANGUAGES
    return Status(
        language=language,
        messages=len(keys),
        complete=len(usable),
        reviewed=len(usable) if by_definition else sum(fingerprint(found[key]) in reviewed for key in usable),
        participant_messages=len(facing),
        participant_complete=len(set(facing) & set(usable)),
    )


# English is the message ids and bokmål the team's own text: both are reviewed by definition.
SOURCE_LANGUAGES = {"en", "nb"}
