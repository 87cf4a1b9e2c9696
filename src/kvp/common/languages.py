"""The interface's languages: which are offered to whom, and which one a request is shown in.

A request's language is, in order: the language the person chose in the menu or, for a participant, the one
remembered on their profile (kept in the session from login); else Django's own choice (the language cookie
`set_language` writes, then the browser's Accept-Language); always one offered to the person's audience —
participants and visitors get `KVP_PARTICIPANT_LANGUAGES`, staff `KVP_STAFF_LANGUAGES`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import get_language_info

SESSION_KEY = "kvp_language"


def is_staff_audience(user: Any) -> bool:
    """Staff see the staff languages; participants and visitors the participant languages."""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "participant_id", None) is None


def offered_languages(user: Any) -> list[str]:
    """The codes offered to `user`'s audience, in menu order."""
    offered = settings.KVP_STAFF_LANGUAGES if is_staff_audience(user) else settings.KVP_PARTICIPANT_LANGUAGES
    return [code for code in settings.KVP_INTERFACE_LANGUAGES if code in offered]


def menu_languages(user: Any) -> list[tuple[str, str]]:
    """(code, the language's name in itself) for the language menu."""
    return [(code, get_language_info(code)["name_local"]) for code in offered_languages(user)]


def participant_language(preferred: str) -> str:
    """The language to write to a participant in: their preferred one when it is offered, else the site's."""
    return preferred if preferred in settings.KVP_PARTICIPANT_LANGUAGES else str(settings.LANGUAGE_CODE)


def request_language(request: HttpRequest) -> str:
    """The language `request` is shown in (see the module's docstring)."""
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    chosen = session.get(SESSION_KEY) if session is not None else None
    candidates = [chosen, translation.get_language_from_request(request)]
    for candidate in candidates:
        if candidate and candidate in settings.KVP_INTERFACE_LANGUAGES:
            # Audience checked only past the common case, so most pages pay no query for it.
            if candidate in settings.KVP_STAFF_LANGUAGES and candidate in settings.KVP_PARTICIPANT_LANGUAGES:
                return str(candidate)
            if candidate in offered_languages(user):
                return str(candidate)
    return str(settings.LANGUAGE_CODE)
