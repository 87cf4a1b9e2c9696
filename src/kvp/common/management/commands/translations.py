"""`kvp translations`: the catalogues for translators (docs/languages.md).

    kvp translations status                    each language: share complete and reviewed, for participants and all
    kvp translations export ar [-o ar.po]      every message, with what is translated so far, for a translator
    kvp translations import ar ar.po [--reviewed-by "Name, translator"]

The export is a gettext .po file, which translators' tools (Poedit, memoQ, Trados, Weblate; XLIFF through
translate-toolkit's po2xliff) read: each message with its bokmål text, whether participants see it, its place in
the glossary (`locale/<language>/glossary.csv`) and whether its translation is reviewed. The import takes the
translations back: an entry without a translation is skipped, one whose placeholders differ from the message's is
refused and named, a fuzzy one is kept as a draft; the catalogue is saved and compiled. With --reviewed-by, the
imported usable translations are recorded as reviewed by that person.
"""

from __future__ import annotations

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from kvp.common import catalogues


class Command(BaseCommand):
    help = "Translation catalogues: status, export for a translator, import a translator's file."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("status", help="Share of messages complete and reviewed per language.")
        export = actions.add_parser("export", help="Write a language's catalogue for a translator.")
        export.add_argument("language")
        export.add_argument("-o", "--output", help="The file to write (default: <language>.po)")
        imported = actions.add_parser("import", help="Read a translator's file into a language's catalogue.")
        imported.add_argument("language")
        imported.add_argument("file")
        imported.add_argument("--reviewed-by", default="", help="Record the imported translations as reviewed")

    def handle(self, *args: object, **options: str) -> None:
        action = options["action"]
        if action == "status":
            self._status()
            return
        language = options["language"]
        if language not in settings.KVP_INTERFACE_LANGUAGES or language in {"en", catalogues.MASTER}:
            raise CommandError(f"{language!r} is not a language translators work on")
        if action == "export":
            path = Path(options["output"] or f"{language}.po")
            export_catalogue(language).save(str(path))
            self.stdout.write(f"Wrote {path}")
        else:
            self._import(language, Path(options["file"]), options["reviewed_by"].strip())

    def _status(self) -> None:
        offered = set(settings.KVP_PARTICIPANT_LANGUAGES) | set(settings.KVP_STAFF_LANGUAGES)
        self.stdout.write("language  offered  participant-facing complete  all complete  reviewed")
        for language in settings.KVP_INTERFACE_LANGUAGES:
            found = catalogues.status(language)
            self.stdout.write(
                f"{language:<9} {'yes' if language in offered else 'no':<8} "
                f"{_share(found.participant_complete, found.participant_messages):>26}  "
                f"{_share(found.complete, found.messages):>12}  {_share(found.reviewed, found.messages):>8}"
            )

    def _import(self, language: str, path: Path, reviewer: str) -> None:
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        result = import_catalogue(language, polib.pofile(str(path)))
        for key in result.refused:
            self.stderr.write(f"Refused (placeholders differ from the message's): {key[1][:80]!r}")
        reviewed = 0
        if reviewer:
            reviewed = catalogues.record_reviews(language, result.usable, reviewer, timezone.localdate())
        self.stdout.write(
            f"{language}: {len(result.usable)} translations taken, {result.drafts} drafts, "
            f"{len(result.refused)} refused, {reviewed} newly recorded as reviewed"
        )


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "-"


def export_catalogue(language: str) -> polib.POFile:
    """Every message, in bokmål's order, with `language`'s translations so far and notes for the translator."""
    found = catalogues.language_entries(language)
    reviewed = catalogues.reviewed_fingerprints(language)
    exported = polib.POFile(wrapwidth=0)
    exported.metadata = _metadata(language)
    exported.header = (
        f"KVP, messages for translation into {language}. Keep every placeholder (%(name)s) as it is. "
        f"The programme's terms and their agreed translations: locale/{language}/glossary.csv."
    )
    for master in catalogues.master_entries():
        key = catalogues.key_of(master)
        current = found.get(key)
        entry = polib.POEntry(
            msgctxt=master.msgctxt,
            msgid=master.msgid,
            msgid_plural=master.msgid_plural,
            msgstr="" if master.msgid_plural or current is None else current.msgstr,
            msgstr_plural=dict(current.msgstr_plural) if current is not None and master.msgid_plural else {},
            flags=list(current.flags) if current is not None else [f for f in master.flags if f != "fuzzy"],
        )
        notes = [f"nb: {' | '.join(catalogues.translations_of(master))}"]
        notes.append("participants see this" if catalogues.participant_facing(key) else "staff only")
        if current is not None and catalogues.fingerprint(current) in reviewed:
            notes.append("reviewed")
        entry.comment = "\n".join(notes)
        exported.append(entry)
    return exported


class ImportResult:
    def __init__(self) -> None:
        self.usable: list[polib.POEntry] = []
        self.refused: list[catalogues.Key] = []
        self.drafts = 0


def import_catalogue(language: str, incoming: polib.POFile) -> ImportResult:
    """Take a translator's translations into `language`'s catalogue, save it and compile it."""
    result = ImportResult()
    translated = {}
    for entry in incoming:
        if entry.obsolete or not all(catalogues.translations_of(entry)):
            continue
        problem = catalogues.entry_problem(entry)
        if problem == "placeholders":
            result.refused.append(catalogues.key_of(entry))
            continue
        translated[catalogues.key_of(entry)] = entry
    path = catalogues.catalogue_path(language)
    existing = catalogues.language_entries(language)
    merged = polib.POFile(wrapwidth=0)
    merged.metadata = polib.pofile(str(path)).metadata if path.exists() else _metadata(language)
    merged.header = polib.pofile(str(path)).header if path.exists() else ""
    for master in catalogues.master_entries():
        key = catalogues.key_of(master)
        source = translated.get(key) or existing.get(key)
        if source is None:
            continue
        entry = polib.POEntry(
            msgctxt=master.msgctxt,
            msgid=master.msgid,
            msgid_plural=master.msgid_plural,
            msgstr=source.msgstr,
            msgstr_plural=dict(source.msgstr_plural),
            flags=[flag for flag in master.flags if flag != "fuzzy"] + (["fuzzy"] if "fuzzy" in source.flags else []),
            tcomment=existing[key].tcomment if key in existing else "",
        )
        merged.append(entry)
        if key in translated:
            if "fuzzy" in entry.flags:
                result.drafts += 1
            else:
                result.usable.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    merged.save(str(path))
    merged.save_as_mofile(str(path.with_suffix(".mo")))
    return result


def _metadata(language: str) -> dict[str, str]:
    metadata = dict(polib.pofile(str(catalogues.catalogue_path(catalogues.MASTER))).metadata)
    metadata["Language"] = language
    metadata["Language-Team"] = language
    existing = catalogues.catalogue_path(language)
    if existing.exists():
        metadata["Plural-Forms"] = polib.pofile(str(existing)).metadata.get("Plural-Forms", "")
    return metadata
