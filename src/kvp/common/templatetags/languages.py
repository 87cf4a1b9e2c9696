"""The language menu, and the language of parts of a page (WCAG 3.1.2).

`{% language_menu %}`: the languages offered to the viewer, each named in itself, posting to `set_language`.
`{% written_in language fallback %}`: ` lang="…" dir="auto"` for an element holding text a person wrote (a goal, a
message, a note, an offer's description), in the language it was written in or, where that is not recorded, the
author's (`fallback`).
Legal text kept in Norwegian (a decision letter) carries the letter's `lang` on its element, with a plain
explanation in the reader's language before it (programme/decision.html).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from kvp.common.languages import menu_languages

register = template.Library()


@register.inclusion_tag("common/_language_menu.html", takes_context=True)
def language_menu(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    current = get_language()
    languages = menu_languages(context.get("user"))
    return {
        "languages": languages,
        "current": current,
        "current_name": dict(languages).get(current, current),
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def written_in(language: str | None = None, fallback: str | None = None) -> SafeString:
    """Without arguments: text staff wrote, in the site's language."""
    code = language or fallback or str(settings.LANGUAGE_CODE)
    return format_html(' lang="{}" dir="auto"', code)
