"""Check-in panels for pages others own: `{% load motivation_tags %}` then `{% motivation_panel participant %}`
on the participant page (staff) or `{% my_checkin_panel %}` on My page (the participant)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from kvp.motivation.selectors import checkin_panel
from kvp.motivation.services import open_checkin
from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant

register = template.Library()


@register.inclusion_tag("motivation/_panel.html", takes_context=True)
def motivation_panel(context: dict[str, Any], participant: Participant) -> dict[str, Any]:
    """Scores per need over time (chart and table), the latest answer to "what would help?", and alerts. On a
    page that has loaded the participant through the access helper (`access` in the context); showing the
    answers is logged as a read of the check-ins."""
    access: ParticipantAccess | None = context.get("access")
    if access is None or access.participant.pk != participant.pk:
        return {"shown": False}
    panel = checkin_panel(user=context["request"].user, access=access, today=timezone.localdate())
    return {"shown": True, "participant": participant, "history": panel.history, "alerts": panel.alerts}


@register.inclusion_tag("motivation/_my_page_panel.html", takes_context=True)
def my_checkin_panel(context: dict[str, Any]) -> dict[str, Any]:
    """The participant's own: a check-in waiting for them, or a button to answer one now."""
    participant: Participant | None = context.get("participant")
    if participant is None:
        return {"shown": False}
    return {
        "shown": True,
        "waiting": open_checkin(participant.pk, timezone.localdate()),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("motivation/_icon.html")
def checkin_icon(name: str) -> dict[str, Any]:
    """One of the instrument's answer icons (kvp.rules.motivation.ICONS), drawn inline and hidden from screen
    readers: the answer's text says the same."""
    return {"name": name}
