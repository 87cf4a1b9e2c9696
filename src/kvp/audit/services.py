from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.objects import require_object_type


def audit_record(
    *,
    actor: User,
    participants: Iterable[Model],
    action: AuditEvent.Action,
    object_type: str,
    basis: str,
    object_id: str = "",
    reason: str = "",
) -> None:
    """Append one audit event per participant whose data `actor` read or wrote."""
    require_object_type(object_type)
    office_name = actor.office.name if actor.office_id and actor.office else ""
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            actor_roles=actor.role_codes,
            actor_office_name=office_name,
            participant_id=participant.pk,
            action=action,
            object_type=object_type,
            object_id=object_id or str(participant.pk),
            basis=basis,
            reason=reason,
        )
        for participant in participants
    )
