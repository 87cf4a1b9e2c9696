from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.audit.services import audit_list_record, audit_record
from kvp.common.versioning import lock_version
from kvp.notices.services import notices_send
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.audit_types import COUNSELLOR, PARTICIPANT, TRANSFER_REQUEST
from kvp.participants.models import AccessReason, Participant, TransferRequest
from kvp.participants.notify import shielded_registration_notices
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


def participant_create(*, actor: User, national_id: str, **fields: Any) -> Participant:
    """Register a participant at the actor's office, assigned to the actor if a counsellor.

    A number already registered where the actor may not look (another office, a shielded person) gets one
    answer whatever holds it, so the form tells nobody where a person is or whether they are shielded; the
    attempt becomes a transfer request to the office that follows the person up.

    A shielded person registered by a counsellor without the shielded-persons grant is registered all the same,
    for a colleague with the grant to follow up (decision 0015); the counsellor gets the answer they would get if
    the number were already registered, so registering tells them nothing either."""
    if not actor.is_counsellor or actor.office_id is None:
        raise ValidationError(_("Only a counsellor at an office can register participants."))
    number = national_id_clean(national_id)
    existing = Participant.objects.filter(national_id=number).first()
    if existing is not None and _may_find(actor, existing):
        raise ValidationError(
            {
                "national_id": ValidationError(
                    _("A participant with this national identity number is already registered."), code="duplicate"
                )
            }
        )
    passed_on = bool(fields.get("shielded")) and not actor.may_view_shielded
    if existing is not None:
        transfer_request_create(actor=actor, participant=existing)
        raise ValidationError({"national_id": PASSED_ON if passed_on else HELD_ELSEWHERE}, code="held_elsewhere")
    _only_editable(fields)
    if passed_on:
        _participant_register(actor, actor.office_id, number, fields, counsellor=shielded_counsellor(actor.office_id))
        raise ValidationError({"national_id": PASSED_ON}, code="held_elsewhere")
    return _participant_register(actor, actor.office_id, number, fields, counsellor=actor)


HELD_ELSEWHERE = gettext_lazy(
    "This person cannot be registered here. Your request has been sent to the office responsible, "
    "which will contact you."
)


PASSED_ON = gettext_lazy(
    "Only colleagues with the grant for shielded persons can follow up this person. The registration has been "
    "passed to them, and they will contact you."
)


def shielded_counsellor(office_id: int) -> User | None:
    """The counsellor at the office with the shielded-persons grant who follows up the fewest participants; None
    when nobody there has the grant (the office's leaders are told to arrange one)."""
    return (
        User.objects.filter(
            office_id=office_id, is_counsellor=True, may_view_shielded=True, is_active=True, participant__isnull=True
        )
        .annotate(load=Count("assigned_participants"))
        .order_by("load", "pk")
        .first()
    )


def _may_find(actor: User, participant: Participant) -> bool:
    """Whether a search by number at the actor's office would find the participant (as participant_search)."""
    return participant.office_id == actor.office_id and (not participant.shielded or actor.may_view_shielded)


@transaction.atomic
def _participant_register(
    actor: User, office_id: int, number: str, fields: dict[str, Any], *, counsellor: User | None
) -> Participant:
    participant = Participant(office_id=office_id, national_id=number, counsellor=counsellor, **fields)
    participant.full_clean()
    participant.save()
    if counsellor != actor:
        transaction.on_commit(lambda: notices_send(shielded_registration_notices(participant)))
    audit_record(
        actor=actor,
        participants=[participant],
        action=AuditEvent.Action.CREATE,
        object_type=PARTICIPANT,
        basis=Basis.ASSIGNED if counsellor == actor else Basis.REGISTERED,
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


@transaction.atomic
def transfer_request_create(*, actor: User, participant: Participant) -> TransferRequest:
    """Ask the office following `participant` up to hand them over to `actor`; one open request per pair."""
    request, _created = TransferRequest.objects.get_or_create(
        participant=participant,
        requested_by=actor,
        status=TransferRequest.Status.PENDING,
        defaults={"from_office_id": actor.office_id, "to_office_id": participant.office_id},
    )
    audit_record(
        actor=actor,
        participants=[participant],
        action=AuditEvent.Action.SEARCH,
        object_type=TRANSFER_REQUEST,
        object_id=str(request.pk),
        basis=Basis.SEARCH,
    )
    return request


@transaction.atomic
def transfer_request_decide(*, leader: User, request: TransferRequest, accept: bool) -> TransferRequest:
    """The leader of the office following the participant up accepts (the participant moves to the requesting
    office and counsellor) or declines. Both are logged."""
    request = TransferRequest.objects.select_for_update().select_related("participant").get(pk=request.pk)
    if request.status != TransferRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."), code="decided")
    participant = request.participant
    if participant.office_id != leader.office_id:  # moved since the request was made
        raise ValidationError(_("The participant is no longer followed up by your office."), code="moved")
    request.status = TransferRequest.Status.ACCEPTED if accept else TransferRequest.Status.DECLINED
    request.decided_by = leader
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    if accept:
        Participant.objects.filter(pk=participant.pk).update(
            office_id=request.from_office_id, counsellor_id=request.requested_by_id
        )
    audit_record(
        actor=leader,
        participants=[participant],
        action=AuditEvent.Action.UPDATE,
        object_type=TRANSFER_REQUEST,
        object_id=str(request.pk),
        basis=Basis.LEADER,
    )
    return request


def transfer_requests_for_leader(leader: User) -> list[TransferRequest]:
    """Open requests for the leader's office (shielded persons only with the grant); listing them is logged."""
    requests = TransferRequest.objects.filter(
        to_office_id=leader.office_id, status=TransferRequest.Status.PENDING
    ).select_related("participant", "requested_by", "from_office")
    if not leader.may_view_shielded:
        requests = requests.filter(participant__shielded=False)
    shown = list(requests)
    audit_list_record(
        actor=leader,
        participants=[request.participant for request in shown],
        object_type=TRANSFER_REQUEST,
        basis=Basis.LEADER,
    )
    return shown


def participant_language_remember(*, participant_id: str, language: str) -> None:
    """The participant chose `language` in the menu: their preferred language from now on. Only that field is
    written, so a counsellor's open edit form keeps its version."""
    Participant.objects.filter(pk=participant_id).update(preferred_language=language)
