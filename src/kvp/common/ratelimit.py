"""Per-user rate limits on what a user creates (messages, threads, proposals, uploads).

Counted from the rows the user has already created in the window, inside the service's transaction: exact,
shared by every server process, and with no cache server to run (django-ratelimit needs memcached or Redis,
and refuses the local-memory, file and database caches as not shared or not atomic)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _


class RateLimited(ValidationError):
    """Too many of one kind of thing in the window: shown as the form's error, and HTTP 429 in the API."""


def rate_limit_check(kind: str, created: QuerySet[Model, Model], created_at: str) -> None:
    """Refuse one more `kind` when `created` (the user's own rows of that kind) holds the limit's count of rows
    with `created_at` inside the window; `settings.KVP_RATE_LIMITS[kind]` is (count, seconds)."""
    count, seconds = settings.KVP_RATE_LIMITS[kind]
    since = timezone.now() - datetime.timedelta(seconds=seconds)
    if created.filter(**{f"{created_at}__gte": since}).count() >= count:
        raise RateLimited(
            _("You have sent a lot in a short time. Wait a few minutes and try again."), code="rate_limited"
        )
