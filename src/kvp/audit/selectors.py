from __future__ import annotations

import datetime

from django.db.models import Model, QuerySet

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent


def access_log_for_participant(participant: Model) -> QuerySet[AuditEvent]:
    """Innsyn: who else has read or changed this participant's data, newest first."""
    return (
        AuditEvent.objects.filter(participant_id=participant.pk)
        .exclude(actor__participant__pk=participant.pk)
        .select_related("actor")
    )


def audit_search(
    *,
    leader: User,
    participant: Model | None = None,
    actor: User | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    action: str = "",
) -> QuerySet[AuditEvent]:
    """The office's audit events matching the filters (leaders only; the caller checks the role)."""
    if leader.office_id is None:
        return AuditEvent.objects.none()
    events = AuditEvent.objects.filter(participant__office_id=leader.office_id).select_related("actor", "participant")
    if not leader.may_view_shielded:
        events = events.filter(participant__shielded=False)
    if participant is not None:
        events = events.filter(participant_id=participant.pk)
    if actor is not None:
        events = events.filter(actor=actor)
    if date_from is not None:
        events = events.filter(at__date__gte=date_from)
    if date_to is not None:
        events = events.filter(at__date__lte=date_to)
    if action:
        events = events.filter(action=action)
    return events
