"""Meeting panels for pages others own: `{% load meeting_tags %}{% meetings_panel participant %}` on the staff's
participant page, `{% my_meetings_panel participant %}` on the participant's own page. The pages have already
checked access to `participant` and logged the read."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from kvp.followup.selectors import meetings_for_participant, meetings_for_staff
from kvp.participants.models import Participant

register = template.Library()


@register.inclusion_tag("followup/_meetings_panel.html", takes_context=True)
def meetings_panel(context: dict[str, Any], participant: Participant) -> dict[str, Any]:
    """Planned and earlier meetings with interpreter and notes state; links to change them for the counsellor."""
    access = context.get("access")
    panel = meetings_for_staff(
        participant=participant, can_write=bool(access is not None and access.can_write), now=timezone.now()
    )
    return {
        "participant": participant,
        "upcoming": panel.upcoming,
        "earlier": panel.earlier,
        "meeting_form": context.get("meeting_form"),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }


@register.inclusion_tag("followup/_my_meetings_panel.html", takes_context=True)
def my_meetings_panel(context: dict[str, Any], participant: Participant) -> dict[str, Any]:
    """The participant's upcoming meetings (time, place or form, interpreter) and the notes published to them."""
    own = meetings_for_participant(participant=participant, now=timezone.now())
    return {"participant": participant, "upcoming": own.upcoming, "notes": own.notes, "request": context.get("request")}
