# noqa: N999 - the command's name has a hyphen: kvp load-instrument
"""`kvp load-instrument PATH`: validate a check-in instrument (YAML) and keep it as data.

An office uses an instrument only if it has the rights to it; the definition's `rights` field says on what
terms. With --office the office uses it for new check-ins; earlier check-ins keep the instrument they were
asked with (key and version are stored on every answer). --check validates without storing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.accounts.models import Office
from kvp.motivation.instruments import check_languages, instrument_store
from kvp.rules.motivation import InstrumentError, load_instrument


class Command(BaseCommand):
    help = "Validate a motivation check-in instrument (YAML) and store it; --office puts it in use there."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the instrument's YAML file")
        parser.add_argument("--office", default="", help="the NAV unit number of the office that will use it")
        parser.add_argument("--check", action="store_true", help="only validate; store nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            instrument = load_instrument(text)
            check_languages(instrument)
        except InstrumentError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        summary = (
            f"{instrument.key} version {instrument.version}: {len(instrument.scale_items)} scale items, "
            f"{len(instrument.open_items)} open, languages {', '.join(instrument.languages)}"
        )
        if options["check"]:
            self.stdout.write(f"Valid: {summary}")
            return
        office = None
        if options["office"]:
            office = Office.objects.filter(unit_number=options["office"]).first()
            if office is None:
                raise CommandError(f"No office with unit number {options['office']}.")
        try:
            instrument_store(definition=text, office=office, loaded_by="kvp load-instrument")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        where = f"; in use at {office.name}" if office else "; not in use at any office yet (use --office)"
        self.stdout.write(self.style.SUCCESS(f"Loaded {summary}{where}."))
        unreviewed = [code for code in instrument.languages if instrument.needs_review(code)]
        if unreviewed:
            self.stdout.write(f"Not yet reviewed by a translator: {', '.join(unreviewed)}. {instrument.review_note}")
