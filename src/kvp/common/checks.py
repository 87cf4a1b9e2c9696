"""Deployment checks (`kvp check --deploy`): the data files are readable by the server's user only."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks


def data_paths() -> list[Path]:
    """The SQLite database (when it is one), the media folder and the data folder holding them."""
    paths = [Path(settings.DATA_DIR), Path(settings.MEDIA_ROOT)]
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        paths.append(Path(database["NAME"]))
    return paths


@checks.register(checks.Tags.security, deploy=True)
def check_data_permissions(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for path in data_paths():
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            errors.append(
                checks.Error(
                    f"{path} can be read or written by other users of the machine.",
                    hint=f"chmod {'700' if path.is_dir() else '600'} {path}",
                    id="kvp.E001",
                )
            )
    return errors
