"""`kvp backup PATH`: the database and the attachments in one archive, while KVP runs (see kvp.common.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.common.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Write the database and the attachments to one archive (a .tar.gz file), while KVP runs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the archive to write (replaced if it exists)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_create(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{options['path']}: {manifest.engine} database and {manifest.attachments} attachments")
