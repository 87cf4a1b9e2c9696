"""`{% wording_check form.text %}`: the respectful-language check under a textarea (E12). One line in any
form's template; the form's view calls kvp.wording.services.record_from_post after saving."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField

from kvp.wording.checking import language_or_default, parse_categories
from kvp.wording.services import CHOICE, LANGUAGE, SEEN
from kvp.wording.views import result_context

register = template.Library()

LANGUAGES = (("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English"))


@register.inclusion_tag("wording/widget.html")
def wording_check(field: BoundField, lang: str | None = None) -> dict[str, Any]:
    """The language choice, the live result region and the hidden hints, for the textarea `field`.
    `lang` is the form's language (bokmål if not given); the writer may pick another."""
    form = field.form
    data = form.data if form.is_bound else {}
    chosen = language_or_default(data.get(LANGUAGE) or lang)
    context = result_context(
        text=str(field.value() or "") if form.is_bound else "",
        lang=chosen,
        seen=parse_categories(data.get(SEEN) or ""),
        choice=data.get(CHOICE) or "",
        field_name=field.html_name,
    )
    return context | {"field_id": field.auto_id or field.html_name, "languages": LANGUAGES}
