"""A deployment check on the database (`kvp check --deploy --database default`): no account that `kvp demo`
seeded, whose password is published, is left where the app runs under production settings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX as UNUSABLE_PREFIX
from django.contrib.auth.hashers import check_password
from django.core import checks
from django.db import DatabaseError
from django.db.models import Count

from kvp.accounts.models import User
from kvp.demo.generator import PASSWORD


@checks.register(checks.Tags.database, deploy=True)
def check_no_demo_accounts(
    app_configs: Sequence[AppConfig] | None, databases: Sequence[str] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    if not databases or not settings.PRODUCTION:
        return []
    try:
        # The demo hashes its password once for all its accounts; real accounts never share a (salted) hash.
        # Unusable passwords ("!" and a random string) and empty ones are not the demo's.
        usable = User.objects.exclude(password="").exclude(password__startswith=UNUSABLE_PREFIX)
        shared = usable.values("password").annotate(users=Count("pk")).filter(users__gt=1).exists()
        superusers = User.objects.filter(is_superuser=True, is_active=True).values_list("password", flat=True)
        published = any(check_password(PASSWORD, encoded) for encoded in superusers)
    except DatabaseError:
        return []  # no tables yet: nothing seeded
    if not (shared or published):
        return []
    return [
        checks.Error(
            "The database holds accounts seeded by `kvp demo`, whose password is published.",
            hint="Never move a demo database to production: start from an empty database and create the users.",
            id="kvp.E002",
        )
    ]
