"""`kvp match`: run a match for an office from the terminal, with a progress bar per stage."""

from __future__ import annotations

import datetime
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.accounts.models import Office, User
from kvp.common.progress import ProgressBar
from kvp.matching.models import MatchRun
from kvp.matching.runs import may_run, run_match


class Command(BaseCommand):
    help = "Propose places for an office's participants in the programme (proposals only; people decide)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--office", required=True, help="the NAV unit number, e.g. 3301")
        parser.add_argument("--as", dest="ident", required=True, help="NAV ident of the leader or counsellor")
        parser.add_argument("--from", dest="start", default="", help="offers starting from (YYYY-MM-DD; today)")
        parser.add_argument("--to", dest="end", default="", help="offers starting until (YYYY-MM-DD; +60 days)")
        parser.add_argument("--mode", choices=MatchRun.Mode.values, default=MatchRun.Mode.OPTIMAL)
        parser.add_argument("--kinds", default="", help="measure types to share out, comma-separated (all)")
        parser.add_argument("--wish-weight", default="1", help="0 = fit only; 1 = default weight of wishes")
        parser.add_argument("--floor", type=int, default=None, help="least %% qualifying offers per education level")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(unit_number=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with unit number {options['office']}.")
        user = User.objects.filter(username=options["ident"]).first()
        if user is None or not may_run(user, office):
            raise CommandError(f"{options['ident']} is not a leader or counsellor at {office.name}.")
        try:
            start = datetime.date.fromisoformat(options["start"]) if options["start"] else datetime.date.today()
            end = datetime.date.fromisoformat(options["end"]) if options["end"] else start + datetime.timedelta(60)
            weight = Decimal(options["wish_weight"])
        except (ValueError, InvalidOperation) as error:
            raise CommandError(f"Bad date or weight: {error}") from error
        bars: dict[str, ProgressBar] = {}
        shown: list[str] = []

        def write(text: str) -> None:
            sys.stderr.write(text)

        def progress(stage: str, done: int, total: int) -> None:
            if shown and shown[-1] != stage and bars[shown[-1]].done < bars[shown[-1]].total:
                bars[shown[-1]].advance(bars[shown[-1]].total)  # the stage is over when the next begins
                bars[shown[-1]].finish()
            if stage not in bars:
                shown.append(stage)
            bar = bars.setdefault(stage, ProgressBar(write, label=f"{stage:8}", total=total))
            bar.advance(done - bar.done)
            if done >= total:
                bar.finish()

        try:
            run = run_match(
                actor=user,
                office=office,
                mode=options["mode"],
                period_start=start,
                period_end=end,
                kinds=[kind for kind in options["kinds"].split(",") if kind],
                wish_weight=weight,
                qualifying_floor=options["floor"],
                progress=progress,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        results = run.results
        self.stdout.write(
            f"Run {run.pk}: {results['pairs']} places proposed for {results['participants']} participants "
            f"({results['unfilled']} of {results['places']} places left); first wish {results['top1_share']:.0%}, "
            f"one of the first three {results['top3_share']:.0%}; "
            f"{'proven optimal' if results['proven_optimal'] else 'not proven optimal'} ({results['solver']}); "
            f"times {results['seconds']}"
        )
