from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from kvp.participants.access import ReasonRequired, audit_reads_by_writing_views, reads_by_writing_views

# An invalid form shown again (400), a stale version (409), a refused request body (422): pages that show
# the data the view loaded for writing.
SHOWN_AGAIN = {400, 409, 422}


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


class AuditShownWritesMiddleware:
    """A view that loads a participant for writing logs the write through its service; when it answers with
    a page instead (the edit form, the form shown again with errors), that page is a read, logged here.
    Listed last, so the records are written inside any per-request handling of the audit trail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with reads_by_writing_views() as loaded:
            response = self.get_response(request)
            if loaded and (response.status_code < 300 or response.status_code in SHOWN_AGAIN):
                audit_reads_by_writing_views(loaded)
        return response
