"""Check-in panels for pages others own: `{% load motivation_tags %}` then `{% motivation_panel participant %}`
on the participant page (staff) or `{% my_checkin_panel %}` on My page (the participant)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.audit.models import AuditEvent
from kvp.motivation.alerts import COUNSELLOR_CHANGED, PLACEMENT_ENDED, PROPOSAL_DECLINED, motivation_alerts_for
from kvp.motivation.audit_types import CHECKIN
from kvp.motivation.selectors import history_for
from kvp.motivation.services import open_checkin
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.models import Participant
from kvp.rules.motivation import MotivationAlert

register = template.Library()

EVENT_LABELS = {
    PROPOSAL_DECLINED: gettext_lazy("Proposal declined"),
    PLACEMENT_ENDED: gettext_lazy("Placement ended without a job"),
    COUNSELLOR_CHANGED: gettext_lazy("New counsellor"),
}
PANEL_CHECKINS = 12  # the panel's chart shows about the last year


def alert_text(alert: MotivationAlert) -> str:
    """The alert's message in the reader's language, numbers formatted for them."""
    params: dict[str, Any] = {
        name: number_format(value, 1) if isinstance(value, Decimal) else value for name, value in alert.params.items()
    }
    params |= {name: _(label) for name, label in alert.labels.items()}
    return _(alert.message) % params


def alert_views(alerts: Sequence[MotivationAlert]) -> list[dict[str, Any]]:
    return [
        {
            "alert": alert,
            "text": alert_text(alert),
            "events": [
                {"on": event.on, "label": EVENT_LABELS.get(event.kind, event.kind), "title": event.title}
                for event in alert.events
            ],
        }
        for alert in alerts
    ]


@register.inclusion_tag("motivation/_panel.html", takes_context=True)
def motivation_panel(context: dict[str, Any], participant: Participant) -> dict[str, Any]:
    """Scores per need over time (chart and table), the latest answer to "what would help?", and alerts. On a
    page that has loaded the participant through the access helper (`access` in the context); showing the
    answers is logged as a read of the check-ins."""
    access: ParticipantAccess | None = context.get("access")
    if access is None or access.participant.pk != participant.pk:
        return {"shown": False}
    today = timezone.localdate()
    history = history_for(participant.pk, today, limit=PANEL_CHECKINS)
    alerts = motivation_alerts_for([participant.pk], today).get(participant.pk, []) if history.rows else []
    request = context.get("request")
    if history.rows and request is not None:
        audit_access(request.user, access, action=AuditEvent.Action.VIEW, what=CHECKIN)
    return {"shown": True, "participant": participant, "history": history, "alerts": alert_views(alerts)}


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
