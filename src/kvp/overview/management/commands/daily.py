"""`kvp daily`: the daily jobs (stored alerts, and what else kvp.overview.daily lists). Idempotent."""

from __future__ import annotations

import datetime
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kvp.overview.daily import run_daily


class Command(BaseCommand):
    help = (
        "Run the daily jobs: refresh the stored alerts for every open case, and the others listed. Safe to rerun. "
        "Every job runs even when one fails; the command then exits with an error naming the failed ones."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None, help="The date to run for, YYYY-MM-DD."
        )

    def handle(self, *args: Any, today: datetime.date | None, **options: Any) -> None:
        day = today or timezone.localdate()
        write = self._write_progress if options["verbosity"] > 0 else None
        results = run_daily(today=day, write=write)
        for number, result in enumerate(results, start=1):
            self.stdout.write(f"[{number}/{len(results)}] {result.job}: {result.summary}")
        failed = [result.job for result in results if result.failed]
        if failed:
            raise CommandError(f"{len(failed)} of {len(results)} daily jobs failed: {', '.join(failed)}")

    def _write_progress(self, text: str) -> None:
        self.stderr.write(text, ending="")
        self.stderr.flush()
