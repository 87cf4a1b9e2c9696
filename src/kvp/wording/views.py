"""The respectful-language check while a counsellor writes (htmx, debounced), and the leader's aggregate
page (E12). The checked text is neither stored nor logged."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kvp.accounts.decorators import require_leader, require_staff
from kvp.accounts.requests import AuthedRequest
from kvp.wording.checking import MAX_CHARS, CheckRefused, check, language_or_default, parse_categories
from kvp.wording.selectors import office_summary
from kvp.wording.services import CHOICE, FIELD, KEPT, LANGUAGE, SEEN


def result_context(*, text: str, lang: str, seen: frozenset[str], choice: str, field_name: str) -> dict[str, Any]:
    """What the result partial shows: the text with marks, or a calm state; the hints carried forward."""
    lang = language_or_default(lang)
    context: dict[str, Any] = {
        "lang": lang,
        "choice": choice,
        "state": "empty",
        "result": None,
        "field_name": field_name,
    }
    if text.strip():
        if len(text) > MAX_CHARS:
            context["state"] = "too_long"
        else:
            try:
                result = check(text, lang)
            except CheckRefused:
                context["state"] = "unavailable"
            else:
                context["result"] = result
                context["state"] = "remarks" if result.remarks else "clear"
                seen = seen | result.categories
    context["seen"] = ",".join(sorted(seen))
    context["max_chars"] = MAX_CHARS
    return context


@never_cache
@login_required
@require_staff
@require_POST
def wording_check(request: AuthedRequest) -> HttpResponse:
    """POST text (in the field named by `wording_field`) and language; answers with the result partial."""
    data = request.POST
    field_name = data.get(FIELD) or "text"
    text = data.get(field_name) or ""
    action = data.get("wording_action", "")
    choice = KEPT if action == "keep" else "" if action == "undo" else data.get(CHOICE, "")
    context = result_context(
        text=text,
        lang=data.get(LANGUAGE, ""),
        seen=parse_categories(data.get(SEEN, "")),
        choice=choice,
        field_name=field_name,
    )
    return render(request, "wording/result.html", context | {"oob": True})


@login_required
@require_leader
def wording_summary(request: AuthedRequest) -> HttpResponse:
    """The office's remarks per category and month, for reflection: not per person, small numbers hidden."""
    office = request.user.office
    if office is None:  # require_leader has checked; this tells the type checker
        raise PermissionDenied
    return render(request, "wording/summary.html", {"summary": office_summary(office, today=timezone.localdate())})
