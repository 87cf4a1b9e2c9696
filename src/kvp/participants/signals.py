"""A participant who logs in gets the language remembered on their profile (kvp.common.languages)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kvp.common.languages import SESSION_KEY


def remember_language_at_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    participant = getattr(user, "participant", None)
    if request is None or participant is None:
        return
    if participant.preferred_language in settings.KVP_PARTICIPANT_LANGUAGES:
        request.session[SESSION_KEY] = participant.preferred_language
