"""The language menu's target: Django's own `set_language`, remembering the choice for the rest of the session and,
for a participant, on their profile, so that their notices, letters' explanations and plan follow it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from kvp.common.languages import SESSION_KEY, offered_languages
from kvp.participants.services import participant_language_remember


@require_POST
def language_choose(request: HttpRequest) -> HttpResponse:
    response = set_language(request)
    language = request.POST.get("language", "")
    if language in offered_languages(request.user):
        request.session[SESSION_KEY] = language
        participant_id = getattr(request.user, "participant_id", None)
        if participant_id is not None:
            participant_language_remember(participant_id=participant_id, language=language)
    return response
