"""`kvp restore PATH`: replace the database and the attachments with a backup's (see kvp.common.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.common.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and the attachments with those in a backup made by `kvp backup`. Stop KVP first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="an archive written by `kvp backup`")
        parser.add_argument("--noinput", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["noinput"]:
            answer = input("This replaces the database and every attachment with the backup's. Type 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("nothing restored")
        try:
            manifest = backup_restore(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored the {manifest.engine} database and {manifest.attachments} attachments "
            f"from {manifest.created_at}; run `kvp migrate` if this KVP is newer than the backup"
        )
