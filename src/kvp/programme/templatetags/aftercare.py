"""After-care (E16) on the participant page: `{% load aftercare %}{% aftercare_panel participant access %}`."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.programme.selectors import aftercare_rows

register = template.Library()


@register.inclusion_tag("programme/_aftercare_panel.html")
def aftercare_panel(participant: Participant, access: ParticipantAccess | None = None) -> dict[str, Any]:
    """One line per follow-up after the programme on the participant page (the page's read is logged)."""
    can_write = bool(access and access.can_write)
    rows = aftercare_rows(participant=participant, can_write=can_write, today=timezone.localdate())
    return {"participant": participant, "rows": rows}
