from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Model

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.objects import require_object_type

# The audit events of reads made during the current request, written together when it ends
# (kvp.audit.middleware). None outside a request: events are then written at once.
_pending_reads: ContextVar[list[AuditEvent] | None] = ContextVar("audit_pending_reads", default=None)


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
    """Append one audit event per participant whose data `actor` read or wrote.

    Inside a transaction (every write) the events are written in it, so they stand or fall with the change.
    Outside one, during a request, they wait for the end of the request and go in one short transaction with
    the request's other reads, so a page that reads does not queue for the write lock once per event."""
    require_object_type(object_type)
    office_name = actor.office.name if actor.office_id and actor.office else ""
    events = [
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
    ]
    pending = _pending_reads.get()
    if pending is not None and not transaction.get_connection(AuditEvent.objects.db).in_atomic_block:
        pending.extend(events)
    else:
        AuditEvent.objects.bulk_create(events)


@contextmanager
def audit_reads_batched() -> Iterator[list[AuditEvent]]:
    """Collect the audit events of reads made in the block instead of writing them; the caller must write
    them with `audit_write_pending` before it lets the data read go out."""
    pending: list[AuditEvent] = []
    token = _pending_reads.set(pending)
    try:
        yield pending
    finally:
        _pending_reads.reset(token)


def audit_write_pending(pending: list[AuditEvent]) -> None:
    """Write collected audit events in one short transaction, as multi-row INSERTs (raises if they are not written)."""
    if pending:
        with transaction.atomic(using=AuditEvent.objects.db):
            AuditEvent.objects.bulk_create(pending)
        pending.clear()
