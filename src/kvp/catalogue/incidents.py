"""Discrimination incidents at employers and providers (E12): counsellors record and follow them up,
leaders see them per employer, and an employer with an unresolved incident is shown as such.

A participant named in an incident is loaded only through get_participant_for_user (what=INCIDENT):
only their counsellor writes, and every read and write is in the audit trail."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.catalogue.audit_types import INCIDENT
from kvp.catalogue.models import Incident, Provider
from kvp.common.versioning import lock_version
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.rules.incidents import IncidentFacts, incident_problems

INCIDENT_FIELDS = (
    "happened_on", "what_happened", "witnesses", "consent", "employer_talk_on", "employer_talk_note",
    "ombud_advice_on", "outcome", "status", "resolved_on",
)  # fmt: skip
TEXT_FIELDS = ("what_happened", "witnesses", "employer_talk_note", "outcome")


def may_record_incidents(user: User) -> bool:
    """Counsellors record incidents at their office's employers and providers."""
    return bool(user.is_authenticated and user.participant_id is None and user.is_counsellor and user.office_id)


def _require_writer(actor: User, provider: Provider, access: ParticipantAccess | None) -> None:
    if not may_record_incidents(actor) or provider.office_id != actor.office_id:
        raise PermissionDenied
    if access is not None:
        access.require_write()
        if access.participant.office_id != provider.office_id:
            raise ValidationError(
                {"provider": _("Choose an employer or provider at the participant's office.")}, code="office"
            )


def _validate(incident: Incident, today: datetime.date) -> None:
    for name in TEXT_FIELDS:
        setattr(incident, name, str(getattr(incident, name) or "").strip())
    if not incident.what_happened:
        raise ValidationError({"what_happened": _("Say what happened.")}, code="required")
    if incident.consent not in Incident.Consent.values:
        raise ValidationError({"consent": _("Choose whether the participant has agreed that we act.")})
    if incident.status not in Incident.Status.values:
        raise ValidationError({"status": _("Choose open or resolved.")})
    problems = incident_problems(
        IncidentFacts(
            happened_on=incident.happened_on,
            today=today,
            has_participant=incident.participant_id is not None,
            consent=incident.consent,
            employer_talk_on=incident.employer_talk_on,
            ombud_advice_on=incident.ombud_advice_on,
            resolved=incident.status == Incident.Status.RESOLVED,
            resolved_on=incident.resolved_on,
            outcome=incident.outcome,
        )
    )
    if problems:
        errors: dict[str, list[str]] = {}
        for field, message in problems:
            errors.setdefault(field, []).append(_(message))
        raise ValidationError(errors, code="incident")
    incident.full_clean()


def _audit(actor: User, access: ParticipantAccess | None, incident: Incident, action: AuditEvent.Action) -> None:
    if access is not None:
        audit_access(actor, access, action=action, what=INCIDENT, object_id=str(incident.pk))


@transaction.atomic
def incident_record(
    *,
    actor: User,
    provider: Provider,
    fields: dict[str, Any],
    access: ParticipantAccess | None = None,
    today: datetime.date | None = None,
) -> Incident:
    """Record an incident; with `access`, it concerns that participant (their counsellor records it)."""
    _require_writer(actor, provider, access)
    incident = Incident(provider=provider, participant=access.participant if access else None, recorded_by=actor)
    for name in INCIDENT_FIELDS:
        if name in fields:
            setattr(incident, name, fields[name])
    _validate(incident, today or timezone.localdate())
    incident.save()
    _audit(actor, access, incident, AuditEvent.Action.CREATE)
    return incident


@transaction.atomic
def incident_update(
    *,
    actor: User,
    incident: Incident,
    fields: dict[str, Any],
    seen_version: int,
    access: ParticipantAccess | None = None,
    provider: Provider | None = None,
    today: datetime.date | None = None,
) -> Incident:
    """Follow an incident up (talk with the employer, Ombud advice, outcome, resolved). Refused if someone
    else changed it since the page was loaded."""
    if (incident.participant_id is None) != (access is None) or (
        access is not None and access.participant.pk != incident.participant_id
    ):
        raise PermissionDenied
    _require_writer(actor, incident.provider, access)  # before a conflict shows what the incident holds
    locked = lock_version(
        Incident.objects.select_related("provider"),
        seen_version=seen_version,
        submitted=fields | ({"provider": provider} if provider is not None else {}),
        pk=incident.pk,
    )
    _require_writer(actor, locked.provider, access)
    if provider is not None:
        _require_writer(actor, provider, access)
        locked.provider = provider
    for name in INCIDENT_FIELDS:
        if name in fields:
            setattr(locked, name, fields[name])
    locked.updated_at = timezone.now()
    _validate(locked, today or timezone.localdate())
    locked.save()
    _audit(actor, access, locked, AuditEvent.Action.UPDATE)
    return locked
