from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from kvp.parameters.selectors import read_once


class RulesPerRequestMiddleware:
    """Read the rule parameters at most once per request, and never keep them past it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with read_once():
            return self.get_response(request)
