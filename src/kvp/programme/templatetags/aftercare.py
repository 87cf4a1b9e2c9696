"""After-care (E16) on other apps' pages: the participant page's panel and the worklist's section."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_record
from kvp.participants.access import ParticipantAccess
from kvp.participants.models import Participant
from kvp.programme.aftercare import followups_of, followups_shown_to, is_shown
from kvp.programme.audit_types import AFTERCARE
from kvp.programme.models import BENEFIT_LABELS, SITUATION_LABELS
from kvp.rules.access import Basis
from kvp.rules.aftercare import Benefit, Situation

register = template.Library()


def _situation(situation: str, benefit: str = "") -> str:
    text = str(SITUATION_LABELS[Situation(situation)]) if situation else ""
    if benefit:
        text += f" ({BENEFIT_LABELS[Benefit(benefit)]})"
    return text


@register.inclusion_tag("programme/_aftercare_panel.html")
def aftercare_panel(participant: Participant, access: ParticipantAccess | None = None) -> dict[str, Any]:
    """One line per follow-up after the programme on the participant page (the page's read is logged)."""
    today = timezone.localdate()
    rows = []
    for follow_up in followups_of(participant):
        contacts = list(follow_up.contacts.all())
        rows.append(
            {
                "follow_up": follow_up,
                "situation": _situation(follow_up.situation, contacts[-1].benefit if contacts else ""),
                "due_now": is_shown(follow_up, participant.office_id, today),
                "overdue": follow_up.status == "open" and follow_up.due_on < today,
            }
        )
    return {"participant": participant, "rows": rows, "can_write": bool(access and access.can_write)}


@register.inclusion_tag("programme/_aftercare_worklist.html")
def aftercare_worklist(user: User) -> dict[str, Any]:
    """The counsellor's follow-ups after the programme that are due (the worklist logs what it lists)."""
    today = timezone.localdate()
    follow_ups = list(followups_shown_to(user, today))
    if follow_ups:
        audit_record(
            actor=user,
            participants=list({item.case.participant_id: item.case.participant for item in follow_ups}.values()),
            action=AuditEvent.Action.LIST,
            object_type=AFTERCARE,
            basis=Basis.ASSIGNED,
        )
    return {"follow_ups": follow_ups, "today": today}
