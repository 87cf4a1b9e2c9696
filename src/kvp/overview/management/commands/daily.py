"""`kvp daily`: the daily jobs (stored alerts, and what else kvp.overview.daily lists). Idempotent."""

from __future__ import annotations

import datetime
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from kvp.overview.daily import DAILY_JOBS, run_daily


class Command(BaseCommand):
    help = "Run the daily jobs: refresh the stored alerts for every open case, and the others listed. Safe to rerun."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None, help="The date to run for, YYYY-MM-DD."
        )

    def handle(self, *args: Any, today: datetime.date | None, **options: Any) -> None:
        day = today or timezone.localdate()
        write = self._write_progress if options["verbosity"] > 0 else None
        for number, summary in enumerate(run_daily(today=day, write=write), start=1):
            self.stdout.write(f"[{number}/{len(DAILY_JOBS)}] {summary}")

    def _write_progress(self, text: str) -> None:
        self.stderr.write(text, ending="")
        self.stderr.flush()
