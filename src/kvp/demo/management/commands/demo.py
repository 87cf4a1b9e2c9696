"""`kvp demo`: seed the demo office NAV Drammen with synthetic staff, participants and case histories."""

from __future__ import annotations

import datetime
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kvp.accounts.models import ROLE_PARTICIPANT, User, roles_label
from kvp.common.progress import ProgressBar
from kvp.demo.generator import MAX_PARTICIPANTS, PASSWORD
from kvp.demo.names import STAFF
from kvp.demo.places import OFFICE_NAME
from kvp.demo.seeding import Seeded, seed_demo


class Command(BaseCommand):
    help = (
        "Seed the demo office NAV Drammen: staff, participants with synthetic national ids, cases, meetings, "
        "notes, mappings, plans, and a catalogue of measures with the participants' places and wishes in it. Does "
        "nothing if the office exists. The same seed and --today give the same data."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--participants", type=int, default=120, help=f"Number of participants, 1-{MAX_PARTICIPANTS:,}."
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The date histories lead up to, YYYY-MM-DD (default: today).",
        )

    def handle(self, *args: Any, seed: int, participants: int, today: datetime.date | None, **options: Any) -> None:
        if settings.KVP_ENV == "production":
            raise CommandError("The demo data is never seeded under production settings (KVP_ENV=production).")
        if not 1 <= participants <= MAX_PARTICIPANTS:
            raise CommandError(f"--participants must be between 1 and {MAX_PARTICIPANTS:,}.")
        progress = ProgressBar(self._write_progress, label="Participants", total=participants)
        show_progress = options["verbosity"] > 0
        seeded = seed_demo(
            seed=seed,
            participants=participants,
            today=today or timezone.localdate(),
            on_progress=progress.advance if show_progress else lambda count: None,
        )
        if seeded is None:
            self.stdout.write("The demo office already exists; nothing was changed.")
        else:
            if show_progress:
                progress.finish()
            self._report(seeded)
        self._print_logins()

    def _write_progress(self, text: str) -> None:
        self.stderr.write(text, ending="")
        self.stderr.flush()

    def _report(self, seeded: Seeded) -> None:
        office = seeded.office
        counts = ", ".join(f"{count:,} {label}" for label, count in seeded.counts.items())
        self.stdout.write(f"Seeded {office.name} ({office.unit_number}): {len(seeded.staff.users):,} staff, {counts}.")
        generated = len(seeded.staff.users) - len(STAFF)
        if generated:
            self.stdout.write(f"Besides the named staff below: {generated:,} more counsellors, Z990201 upwards.")

    def _print_logins(self) -> None:
        """The demo logins, read back from the database so a second run shows them too."""
        staff = User.objects.filter(username__in=[member.username for member in STAFF]).order_by("username")
        logins = User.objects.filter(participant__office__name=OFFICE_NAME).order_by("username")
        rows = [(user.username, _staff_role(user), user.get_full_name()) for user in staff]
        rows += [(user.username, roles_label(ROLE_PARTICIPANT), str(user.participant)) for user in logins]
        if not rows:
            return
        width = max(len(row[1]) for row in rows)
        self.stdout.write("")
        self.stdout.write(f"{'Username':<11} {'Role':<{width}} Name")
        for username, role, name in rows:
            self.stdout.write(f"{username:<11} {role:<{width}} {name}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Password for every demo account: {PASSWORD}"))


def _staff_role(user: User) -> str:
    label = roles_label(",".join(code for code, flag in user.role_flags() if flag))
    if user.may_view_shielded:
        return f"{label}, {User._meta.get_field('may_view_shielded').verbose_name}"
    return label
