from __future__ import annotations

from typing import Any

from django import template

from kvp.reports.selectors import caseload_cap_banner

register = template.Library()


@register.inclusion_tag("reports/_cap_banner.html")
def caseload_banner(user: Any) -> dict[str, Any]:
    """A warning on the leader's pages when counsellors follow more participants than the cap (E7)."""
    if not user.is_authenticated:
        return {"count": 0}
    banner = caseload_cap_banner(user=user)
    return {"count": banner.count, "cap": banner.cap}
