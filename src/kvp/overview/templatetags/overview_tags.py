"""The overview's panel on the participant page: `{% load overview_tags %}{% overview_panel participant access %}`:
the stored alerts, the reminders (huskelapp) and the viewer's own colour category."""

from __future__ import annotations

from typing import Any

from django import template

from kvp.overview.forms import CategoryForm, ReminderForm
from kvp.overview.selectors import participant_follow_up
from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant

register = template.Library()


@register.inclusion_tag("overview/_panel.html", takes_context=True)
def overview_panel(context: dict[str, Any], participant: Participant, access: ParticipantAccess) -> dict[str, Any]:
    """For a page that has checked access to `participant`; forms only for those who may write."""
    request = context["request"]
    panel = participant_follow_up(participant=participant, user=request.user, can_write=access.can_write)
    return {
        "participant": participant,
        "panel": panel,
        "reminder_form": ReminderForm(auto_id="reminder_%s") if panel.can_write else None,
        "category_form": CategoryForm(
            initial={"colour": panel.category.colour if panel.category else ""}, auto_id="category_%s"
        )
        if panel.can_write
        else None,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
