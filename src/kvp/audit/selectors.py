from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Model, Q, QuerySet
from django.db.models.functions import TruncDate

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent


def access_log_for_participant(participant: Model) -> QuerySet[AuditEvent]:
    """Innsyn: who else has read or changed this participant's data, or seen them in a list, newest first."""
    return (
        AuditEvent.objects.about(participant.pk).exclude(actor__participant__pk=participant.pk).select_related("actor")
    )


def access_by_others(participant: Model, *, viewer: User) -> QuerySet[AuditEvent]:
    """What staff other than `viewer` did with the participant's data or saw of them in lists, newest first."""
    return AuditEvent.objects.about(participant.pk).exclude(actor=viewer).select_related("actor")


def reads_and_writes_for_participant(participant: Model) -> QuerySet[AuditEvent]:
    """The access log without list views, which `list_appearances_for_participant` sums up."""
    return access_log_for_participant(participant).exclude(action=AuditEvent.Action.LIST)


def list_appearances_for_participant(participant: Model) -> QuerySet[AuditEvent, dict[str, Any]]:
    """How many lists showed the participant, per staff member and day, newest first: a counsellor opens
    their overview many times a day, and one line per view would bury every other entry."""
    return (
        access_log_for_participant(participant)
        .filter(action=AuditEvent.Action.LIST)
        .values("actor_id", "actor__first_name", "actor__last_name", "actor_office_name", day=TruncDate("at"))
        .annotate(lists=Count("id"))
        .order_by("-day", "actor__last_name", "actor__first_name", "actor_id")
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
    """The office's audit events matching the filters (leaders only; the caller checks the role and that
    `participant` is one the leader may see). The office's lists are those its staff were shown; without the
    shielded-persons grant, reads of shielded persons are left out, and a list event never names anyone here."""
    if leader.office_id is None:
        return AuditEvent.objects.none()
    events = AuditEvent.objects.select_related("actor", "participant")
    if participant is not None:
        events = events.about(participant.pk)
    else:
        events = events.filter(
            Q(participant__office_id=leader.office_id) | Q(participant__isnull=True, actor_office_id=leader.office_id)
        )
    if not leader.may_view_shielded:
        events = events.exclude(participant__shielded=True)
    if actor is not None:
        events = events.filter(actor=actor)
    if date_from is not None:
        events = events.filter(at__date__gte=date_from)
    if date_to is not None:
        events = events.filter(at__date__lte=date_to)
    if action:
        events = events.filter(action=action)
    return events
