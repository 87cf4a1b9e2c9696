"""The one way to load a participant for a user: checks need-to-know access and logs the read."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_list_record, audit_record
from kvp.participants.audit_types import PARTICIPANT
from kvp.participants.models import AccessReason, Participant, TransferRequest
from kvp.rules.access import Basis, Refusal, may_write, read_access

M = TypeVar("M", bound=Model)


class ReasonRequired(PermissionDenied):
    """A colleague must record a reason before opening this participant."""

    def __init__(self, participant_id: uuid.UUID) -> None:
        super().__init__("reason required")
        self.participant_id = participant_id


@dataclass(frozen=True)
class ParticipantAccess:
    participant: Participant
    basis: Basis
    reason: str

    @property
    def can_write(self) -> bool:
        return may_write(self.basis)

    @property
    def is_self(self) -> bool:
        """The participant acting on their own pages (their plan, mapping, proposals, messages)."""
        return self.basis is Basis.SELF

    @property
    def can_contribute(self) -> bool:
        """On pages both use (plan, wishes): the participant for themself, or the counsellor who may write."""
        return self.is_self or self.can_write

    def require_write(self) -> None:
        """Services call this first: only the counsellor following the case writes to it."""
        if not self.can_write:
            raise ValidationError(_("Only the participant's counsellor can change this."), code="read_only")


def current_access_reason(user: User, participant: Participant) -> AccessReason | None:
    return (
        AccessReason.objects.filter(user=user, participant=participant, expires_at__gt=timezone.now())
        .order_by("-created_at")
        .first()
    )


def check_participant_access(user: User, participant: Participant) -> ParticipantAccess:
    """Raise Http404, PermissionDenied or ReasonRequired unless `user` may read `participant`."""
    if not user.is_authenticated:
        raise PermissionDenied
    reason = current_access_reason(user, participant) if user.is_counsellor else None
    outcome = read_access(
        viewer=user.as_viewer(), subject=participant.as_subject(), has_recorded_reason=reason is not None
    )
    if outcome is Refusal.HIDDEN:
        raise Http404
    if outcome is Refusal.FORBIDDEN:
        raise PermissionDenied
    if outcome is Refusal.NEEDS_REASON:
        raise ReasonRequired(participant.pk)
    return ParticipantAccess(participant=participant, basis=outcome, reason=reason.reason if reason else "")


def get_participant_for_user(
    user: User,
    participant_id: uuid.UUID | str,
    *,
    what: str = PARTICIPANT,
    for_write: bool = False,
    self_service: bool = False,
) -> ParticipantAccess:
    """Load a participant `user` may see. A read is logged; a write is logged by its service.

    Staff pages and endpoints refuse participants; their own pages pass `self_service=True`, and there
    the participant may also write (their plan, mapping and messages): services decide what.
    """
    if user.participant_id is not None and not self_service:
        raise PermissionDenied
    participant = Participant.objects.select_related("office", "counsellor").filter(pk=participant_id).first()
    if participant is None:
        raise Http404
    access = check_participant_access(user, participant)
    if for_write:
        if not (access.can_write or access.is_self):
            raise PermissionDenied
        _remember_loaded_for_write(user, access, what)
        return access
    audit_access(user, access, action=AuditEvent.Action.VIEW, what=what)
    return access


def own_access(user: User, *, what: str, for_write: bool = False) -> ParticipantAccess:
    """The signed-in participant's own record, for their own pages (403 for staff)."""
    if user.participant_id is None:
        raise PermissionDenied
    return get_participant_for_user(user, user.participant_id, what=what, for_write=for_write, self_service=True)


def get_participant_object_for_user(
    user: User,
    objects: QuerySet[M],
    pk: uuid.UUID | str,
    *,
    what: str,
    participant_field: str = "participant",
    for_write: bool = False,
    self_service: bool = False,
    own: bool = False,
) -> tuple[M, ParticipantAccess]:
    """Load one object of a participant's data (a case, a meeting, a thread, …) through that participant's
    access, so the per-type helpers share one rule: 404 when it does not exist, then need-to-know access as in
    get_participant_for_user (a read logged as `what`; `self_service` lets the participant in as well). On a
    participant's own pages (`own`) only their own objects exist for them, and staff get 403."""
    if own:
        access = own_access(user, what=what, for_write=for_write)
        found = objects.filter(pk=pk, **{participant_field: access.participant}).first()
    else:
        participant_id = objects.filter(pk=pk).values_list(participant_field, flat=True).first()
        if participant_id is None:
            raise Http404
        access = get_participant_for_user(
            user, participant_id, what=what, for_write=for_write, self_service=self_service
        )
        found = objects.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found, access


def get_participant_for_reason(user: User, participant_id: uuid.UUID | str) -> Participant:
    """A participant at the counsellor's office for whom they may record an access reason."""
    if not user.is_counsellor or user.office_id is None:
        raise PermissionDenied
    participant = Participant.objects.filter(pk=participant_id, office_id=user.office_id).first()
    if participant is None or (participant.shielded and not user.may_view_shielded):
        raise Http404
    return participant


def get_transfer_request_for_user(user: User, request_id: uuid.UUID | str) -> TransferRequest:
    """A transfer request for the leader of the office it was sent to (a shielded person only with the grant)."""
    if not user.is_leader or user.office_id is None or user.participant_id is not None:
        raise PermissionDenied
    found = TransferRequest.objects.select_related("participant").filter(pk=request_id).first()
    if found is None or found.to_office_id != user.office_id:
        raise Http404
    if found.participant.shielded and not user.may_view_shielded:
        raise Http404
    return found


def audit_access(
    user: User, access: ParticipantAccess, *, action: AuditEvent.Action, what: str, object_id: str = ""
) -> None:
    """Record a read or write made on the basis `access` gives."""
    audit_record(
        actor=user,
        participants=[access.participant],
        action=action,
        object_type=what,
        object_id=object_id,
        basis=access.basis,
        reason=access.reason,
    )


@dataclass(frozen=True)
class _LoadedForWrite:
    user: User
    access: ParticipantAccess
    what: str


_loaded_for_write: ContextVar[list[_LoadedForWrite] | None] = ContextVar("loaded_for_write", default=None)


def _remember_loaded_for_write(user: User, access: ParticipantAccess, what: str) -> None:
    loaded = _loaded_for_write.get()
    if loaded is not None:
        loaded.append(_LoadedForWrite(user, access, what))


@contextmanager
def reads_by_writing_views() -> Iterator[list[_LoadedForWrite]]:
    """Collect the participants a request loads for writing. Its service logs a write that happens; when
    the request instead shows a page (an edit form, an invalid form shown again), the caller logs a read."""
    loaded: list[_LoadedForWrite] = []
    token = _loaded_for_write.set(loaded)
    try:
        yield loaded
    finally:
        _loaded_for_write.reset(token)


def audit_reads_by_writing_views(loaded: list[_LoadedForWrite]) -> None:
    seen: set[tuple[int, uuid.UUID, str]] = set()
    for item in loaded:
        key = (item.user.pk, item.access.participant.pk, item.what)
        if key not in seen:
            seen.add(key)
            audit_access(item.user, item.access, action=AuditEvent.Action.VIEW, what=item.what)


def audit_list_read(user: User, participants: list[Participant], *, what: str) -> None:
    """Record that `user` was shown `participants` in a list (one event naming them all), on the basis
    participants_visible_in_lists gives: the office's for a leader, their own for a counsellor."""
    audit_list_record(
        actor=user,
        participants=participants,
        object_type=what,
        basis=Basis.LEADER if user.is_leader else Basis.ASSIGNED,
    )


def participants_visible_in_lists(user: User) -> QuerySet[Participant]:
    """Participants a user may see listed: assigned ones for a counsellor, the office for a leader."""
    participants = Participant.objects.select_related("counsellor")
    if not user.is_authenticated or user.office_id is None or not user.is_case_staff:
        return participants.none()
    participants = participants.filter(office_id=user.office_id)
    if not user.may_view_shielded:
        participants = participants.filter(shielded=False)
    if user.is_leader:
        return participants
    return participants.filter(counsellor=user)
