"""The interface language of each request, after authentication so that it can follow the person (languages.py)."""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from kvp.common.languages import request_language


class InterfaceLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (Content-Language, Vary), choosing the language by `request_language`."""

    def process_request(self, request: HttpRequest) -> None:
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
