"""`{% cite value %}`: citation codes in `value` shown as their short titles.

Staff see "short title (E3)" with the code linking to its entry on the sources page; participants see the
short title alone, never the code. Text around the codes ("sotjl. § 42; E1") is kept and escaped."""

import re
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from kvp.common.sources import CODE, short_titles

register = template.Library()


def is_staff_viewer(user: Any) -> bool:
    """Staff are signed-in users who are not participants; only they see citation codes."""
    return bool(user is not None and user.is_authenticated and user.participant_id is None)


@register.simple_tag(takes_context=True)
def cite(context: template.Context, value: object) -> SafeString:
    user = context.get("user")
    staff = is_staff_viewer(user)
    titles = short_titles()
    page = reverse("sources")

    def one(match: re.Match[str]) -> str:
        code = match.group(0)
        title = titles.get(code)
        if title is None:
            return code
        if not staff:
            return escape(title)
        return format_html('{} (<a class="aksel-link" href="{}#{}">{}</a>)', title, page, code, code)

    text = escape(str(value or ""))
    return mark_safe(CODE.sub(one, text))  # noqa: S308 - every piece is escaped above
