from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_record
from kvp.common.versioning import lock_version
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.audit_types import COUNSELLOR, PARTICIPANT
from kvp.participants.models import AccessReason, Participant
from kvp.rules.access import Basis
from kvp.rules.identity import IdentityError, InvalidIdentity, parse_identity

IDENTITY_MESSAGES = {
    IdentityError.LENGTH: gettext_lazy("A national identity number has exactly 11 digits."),
    IdentityError.NOT_DIGITS: gettext_lazy("A national identity number has digits only."),
    IdentityError.CHECKSUM: gettext_lazy(
        "This is not a valid national identity number: the check digits do not match."
    ),
    IdentityError.BIRTH_DATE: gettext_lazy(
        "This is not a valid national identity number: it does not contain a real date."
    ),
    IdentityError.FUTURE_BIRTH: gettext_lazy("This national identity number gives a birth date in the future."),
    IdentityError.SYNTHETIC_NOT_ALLOWED: gettext_lazy("Synthetic test numbers are not accepted in this environment."),
}

EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "email",
    "street_address",
    "postal_code",
    "postal_town",
    "preferred_language",
    "needs_interpreter",
    "interpreter_language",
    "country_of_birth",
    "shielded",
)


def _only_editable(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")


def national_id_clean(raw: str) -> str:
    """The compact number, or a ValidationError in the user's language saying what is wrong."""
    try:
        identity = parse_identity(raw, accept_synthetic=settings.KVP_ACCEPT_SYNTHETIC_IDS, today=timezone.localdate())
    except InvalidIdentity as exc:
        raise ValidationError(str(IDENTITY_MESSAGES[exc.error]), code=exc.error.value) from exc
    return identity.number


@transaction.atomic
def participant_create(*, actor: User, national_id: str, **fields: Any) -> Participant:
    """Register a participant at the actor's office, assigned to the actor if a counsellor."""
    if not actor.is_counsellor or actor.office_id is None:
        raise ValidationError(_("Only a counsellor at an office can register participants."))
    number = national_id_clean(national_id)
    if Participant.objects.filter(national_id=number).exists():
        raise ValidationError(
            {
                "national_id": ValidationError(
                    _("A participant with this national identity number is already registered."), code="duplicate"
                )
            }
        )
    _only_editable(fields)
    participant = Participant(office_id=actor.office_id, national_id=number, counsellor=actor, **fields)
    participant.full_clean()
    participant.save()
    audit_record(
        actor=actor,
        participants=[participant],
        action=AuditEvent.Action.CREATE,
        object_type=PARTICIPANT,
        basis=Basis.ASSIGNED,
    )
    return participant


@transaction.atomic
def participant_update(*, actor: User, access: ParticipantAccess, expected_version: int, **fields: Any) -> Participant:
    """Change contact and language details; refuses if someone saved in between (optimistic lock)."""
    access.require_write()
    _only_editable(fields)
    participant = lock_version(
        Participant.objects, seen_version=expected_version, submitted=fields, pk=access.participant.pk
    )
    for name, value in fields.items():
        setattr(participant, name, value)
    participant.full_clean()
    participant.save(update_fields=[*fields])
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=PARTICIPANT)
    return participant


@transaction.atomic
def participant_assign_counsellor(*, actor: User, access: ParticipantAccess, counsellor: User) -> Participant:
    """A leader (re)assigns the responsible counsellor within the office."""
    if access.basis is not Basis.LEADER:
        raise ValidationError(_("Only the office leader can reassign participants."))
    # Locked before its version is raised, so an edit saved at the same time waits and then sees the new version.
    participant = lock_version(Participant.objects, seen_version=None, pk=access.participant.pk)
    if not counsellor.is_counsellor or counsellor.office_id != participant.office_id or not counsellor.is_active:
        raise ValidationError(_("Choose an active counsellor at the participant's office."), code="counsellor")
    if participant.shielded and not counsellor.may_view_shielded:
        raise ValidationError(
            _("This participant is shielded: choose a counsellor with a grant to see shielded persons."),
            code="shielded",
        )
    participant.counsellor = counsellor
    participant.save(update_fields=["counsellor"])
    audit_record(
        actor=actor,
        participants=[participant],
        action=AuditEvent.Action.UPDATE,
        object_type=COUNSELLOR,
        basis=access.basis,
    )
    return participant


@transaction.atomic
def access_reason_record(*, actor: User, participant: Participant, reason: str) -> AccessReason:
    """A colleague records why they need to open a participant not assigned to them (logged)."""
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Write a reason of at least 10 characters, e.g. 'Covering for the counsellor today'.")},
            code="short",
        )
    at_office = actor.is_counsellor and actor.office_id == participant.office_id
    if not at_office or (participant.shielded and not actor.may_view_shielded):
        raise ValidationError(_("Only a counsellor at the participant's office can record a reason."))
    now = timezone.now()
    access_reason = AccessReason.objects.create(
        user=actor,
        participant=participant,
        reason=reason,
        expires_at=now + datetime.timedelta(hours=settings.KVP_ACCESS_REASON_HOURS),
    )
    return access_reason


def participant_search(*, actor: User, national_id: str) -> Participant | None:
    """Find a participant at the actor's office by national identity number; the hit is logged."""
    number = national_id_clean(national_id)
    if not actor.is_case_staff or actor.office_id is None:
        return None
    participant = Participant.objects.filter(national_id=number, office_id=actor.office_id).first()
    if participant is None or (participant.shielded and not actor.may_view_shielded):
        return None
    audit_record(
        actor=actor,
        participants=[participant],
        action=AuditEvent.Action.SEARCH,
        object_type=PARTICIPANT,
        basis=Basis.SEARCH,
    )
    return participant
