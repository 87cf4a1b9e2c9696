"""The overview's panel on the participant page: `{% load overview_tags %}{% overview_panel participant access %}`:
the stored alerts, the reminders (huskelapp) and the viewer's own colour category."""

from __future__ import annotations

from typing import Any

from django import template

from kvp.overview.alerts import alerts_by_participant
from kvp.overview.forms import CategoryForm, ReminderForm
from kvp.overview.models import Category, Reminder
from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.rules.practice_flags import FlagCode

register = template.Library()
# The participant page shows these live in their own panels (flags, motivation), so not again here.
SHOWN_LIVE_ON_THE_PAGE = (*(code.value for code in FlagCode), "motivation_")


@register.inclusion_tag("overview/_panel.html", takes_context=True)
def overview_panel(context: dict[str, Any], participant: Participant, access: ParticipantAccess) -> dict[str, Any]:
    """For a page that has checked access to `participant`; forms only for those who may write."""
    request = context.get("request")
    user = getattr(request, "user", None)
    mine = Category.objects.filter(participant=participant, counsellor=user).first() if user is not None else None
    return {
        "participant": participant,
        "can_write": access.can_write,
        "alerts": [
            alert
            for alert in alerts_by_participant([participant.pk]).get(str(participant.pk), [])
            if not alert.kind.startswith(SHOWN_LIVE_ON_THE_PAGE)
        ],
        "reminders": list(
            Reminder.objects.filter(participant=participant, done_at__isnull=True).select_related("created_by")
        ),
        "reminder_form": ReminderForm(auto_id="reminder_%s") if access.can_write else None,
        "category_form": CategoryForm(initial={"colour": mine.colour if mine else ""}, auto_id="category_%s")
        if access.can_write
        else None,
        "category": mine,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
