"""Every read of personal data in a request is audited before the response leaves the server."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from kvp.audit.services import audit_reads_batched, audit_write_pending

logger = logging.getLogger(__name__)


class AuditBatchMiddleware:
    """Collects the request's read events and writes them in one short transaction at its end. If they
    cannot be written the response, which may show the data read, is dropped and the user gets a 503."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit_reads_batched() as pending:
            response = self.get_response(request)
            try:
                audit_write_pending(pending)
            except DatabaseError:
                # Logged without the error's text, which may quote the rows' values.
                logger.error("audit events not written (%d); response withheld", len(pending))
                response.close()
                return HttpResponse(
                    _("The service is busy. Please try again in a moment."),
                    status=503,
                    headers={"Retry-After": "5"},
                    content_type="text/plain; charset=utf-8",
                )
        return response
