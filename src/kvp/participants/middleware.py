from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from kvp.participants.access import ReasonRequired


class ReasonRequiredMiddleware:
    """Send a colleague who opens a participant not assigned to them to the reason form first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ReasonRequired) or request.path.startswith("/api/"):
            return None
        url = reverse("access_reason", args=[exception.participant_id])
        next_url = request.get_full_path() if request.method == "GET" else ""
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            url = f"{url}?next={next_url}"
        return HttpResponseRedirect(url)
