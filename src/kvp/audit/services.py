from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Model

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent, listed_key
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
    """Append one audit event per participant whose data `actor` read or wrote (a list: `audit_list_record`).

    Inside a transaction (every write) the events are written in it, so they stand or fall with the change.
    Outside one, during a request, they wait for the end of the request and go in one short transaction with
    the request's other reads, so a page that reads does not queue for the write lock once per event."""
    if action == AuditEvent.Action.LIST:
        raise ValueError("a list is one event: use audit_list_record")
    _append(
        [
            _event(actor, action, object_type, basis, participant_id=participant.pk, object_id=object_id, reason=reason)
            for participant in participants
        ]
    )


def audit_list_record(*, actor: User, participants: Iterable[Model], object_type: str, basis: str) -> None:
    """Append one event for a list `actor` was shown, naming every participant in it (none for an empty list)."""
    keys = dict.fromkeys(listed_key(participant.pk) for participant in participants)
    if keys:
        _append([_event(actor, AuditEvent.Action.LIST, object_type, basis, listed=" ".join(keys))])


def _event(actor: User, action: str, object_type: str, basis: str, **fields: object) -> AuditEvent:
    require_object_type(object_type)
    participant_id = fields.get("participant_id")
    if participant_id is not None and not fields.get("object_id"):
        fields["object_id"] = str(participant_id)
    return AuditEvent(
        actor=actor,
        actor_roles=actor.role_codes,
        actor_office_id=actor.office_id,
        actor_office_name=actor.office.name if actor.office_id and actor.office else "",
        action=action,
        object_type=object_type,
        basis=basis,
        **fields,
    )


def _append(events: list[AuditEvent]) -> None:
    """Written in the current transaction, or with the request's other reads when it ends (see audit_record)."""
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
