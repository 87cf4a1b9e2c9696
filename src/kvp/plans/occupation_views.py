"""The occupations matching a search, as the picker's list of options (an htmx partial)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kvp.accounts.decorators import is_staff
from kvp.accounts.requests import AuthedRequest
from kvp.plans.occupation_picker import FIELD, FIELD_NAME, LONGEST_QUERY, QUERY, options_context


@login_required
@require_GET
def occupation_search_view(request: AuthedRequest) -> HttpResponse:
    """Reads no personal data (the list of occupations only), so it leaves no audit record."""
    if not (is_staff(request.user) or request.user.participant_id is not None):
        raise PermissionDenied
    field = request.GET.get(FIELD, "")
    if not FIELD_NAME.match(field):
        return HttpResponseBadRequest()
    context = options_context(
        name=field,
        query=request.GET.get(QUERY, "")[:LONGEST_QUERY],
        multiple=bool(request.GET.get("multiple")),
        kept=request.GET.getlist(field),
    )
    return render(request, "plans/occupation_options.html", {"results": context})
