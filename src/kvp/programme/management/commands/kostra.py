"""`kvp kostra`: the yearly KOSTRA return of a municipality (form 11CF) from the terminal: the control
program's findings by journal number (never a name or identity number), and the file when none blocks it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.accounts.models import User
from kvp.programme.kostra import kostra_export, kostra_return, may_produce
from kvp.programme.kostra_views import problem_text
from kvp.rules.kostra_layout import UnknownLayout, layout_years


class Command(BaseCommand):
    help = "Check and write the yearly KOSTRA return (form 11CF) of a municipality's programmes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="the reporting year, e.g. 2026")
        parser.add_argument("--municipality", required=True, help="the municipality number, e.g. 3301")
        parser.add_argument("--as", dest="ident", required=True, help="NAV ident of a leader in the municipality")
        parser.add_argument("--output", default="", help="the file to write (kostra-11CF-<municipality>-<year>.txt)")

    def handle(self, *args: Any, **options: Any) -> None:
        year, municipality = options["year"], options["municipality"]
        user = User.objects.select_related("office").filter(username=options["ident"]).first()
        if user is None or not may_produce(user, municipality):
            raise CommandError(f"{options['ident']} is not a leader at an office in municipality {municipality}.")
        try:
            kostra = kostra_return(year=year, municipality=municipality)
        except UnknownLayout as error:
            known = ", ".join(str(item) for item in layout_years())
            raise CommandError(f"No record layout for {year}; known years: {known}.") from error
        for row in kostra.rows_with_problems:
            for problem in row.problems:
                self.stdout.write(f"{row.journal} {problem.check} {problem.severity.upper()}: {problem_text(problem)}")
        self.stdout.write(f"{len(kostra.rows)} records, {len(kostra.rows_with_problems)} with findings.")
        if kostra.blocked:
            raise CommandError("The return has errors to fix first; no file was written.")
        path = Path(options["output"] or f"kostra-{kostra.layout.form}-{municipality}-{year}.txt")
        path.write_bytes(kostra_export(actor=user, kostra=kostra))
        self.stdout.write(f"Wrote {path}.")
