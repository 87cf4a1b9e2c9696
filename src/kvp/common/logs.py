"""Logging without personal data. Every line can be JSON (python-json-logger) with a fixed set of fields; a
request's line names its route's pattern, never its path or query, and its user by a pseudonym; anything
shaped like an e-mail address or a national identity number in a message is blanked before it is written."""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac
from pythonjsonlogger.json import JsonFormatter

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NATIONAL_ID = re.compile(r"(?<!\d)\d{6}\s?\d{5}(?!\d)")  # fødselsnummer and D-number, with or without a space
REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")  # what a proxy's X-Request-ID may be to be kept
# The fields a JSON line may hold: a library's record can carry more (Django's the request itself, whose text
# has the path and query), and an unlisted field is dropped rather than trusted.
FIELDS = ("time", "level", "logger", "message", "request_id", "user", "method", "route", "status", "ms", "exc_info")

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
requests_logger = logging.getLogger("kvp.requests")


def redact(text: str) -> str:
    return NATIONAL_ID.sub("[id]", ADDRESS.sub("[address]", text))


class RedactAddresses(logging.Filter):
    """Blanks e-mail addresses and national identity numbers in the formatted message (arguments included)
    and in an exception's text, which may quote them (an SMTP error, a unique constraint's detail)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class RequestContext(logging.Filter):
    """Gives every record made while a request is handled that request's id, so its lines can be found."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class PrivateJsonFormatter(JsonFormatter):
    """One JSON object per line with only the fields in FIELDS."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger", "asctime": "time"})
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s", *args, **kwargs)

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in log_data.items() if key in FIELDS and value not in ("", None)}


def user_pseudonym(user_pk: object) -> str:
    """A stable id for one user in the logs that says nothing about them: an HMAC of the key with the site's
    secret, so the lines of one user can be followed but not traced to a person without the secret."""
    return salted_hmac("kvp.logs.user", str(user_pk)).hexdigest()[:16]


def _logged_user(request: HttpRequest) -> str:
    """The pseudonym of the request's user if the request loaded them; never loads the session for it."""
    user = getattr(request, "_cached_user", None)  # set by django.contrib.auth's lazy user once it is loaded
    if user is None:
        return ""
    return user_pseudonym(user.pk) if user.is_authenticated else "anonymous"


class RequestLogMiddleware:
    """One line per request: its id (the proxy's X-Request-ID if well formed, else a new one, echoed in the
    response), method, route pattern, status, milliseconds and the user's pseudonym."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            match = request.resolver_match
            requests_logger.info(
                "request",
                extra={
                    "method": request.method,
                    "route": f"/{match.route}" if match else "(no route)",
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "user": _logged_user(request),
                },
            )
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response
