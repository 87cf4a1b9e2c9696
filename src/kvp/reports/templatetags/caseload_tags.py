from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from kvp.reports.caseloads import caseload_rules, counsellors_over_cap

register = template.Library()


@register.inclusion_tag("reports/_cap_banner.html")
def caseload_banner(user: Any) -> dict[str, Any]:
    """A warning on the leader's pages when counsellors follow more participants than the cap (E7)."""
    if not getattr(user, "is_leader", False) or user.office_id is None or user.participant_id is not None:
        return {"count": 0}
    return {
        "count": counsellors_over_cap(user.office_id),
        "cap": caseload_rules(user.office_id, on=timezone.localdate()).office_cap,
    }
