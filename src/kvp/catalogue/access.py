"""Loading catalogue data for a user: an offer as the catalogue shows it to them; a participation, a provider
change or a discrimination incident through the participant's access (checked, a read logged); an incident only
for staff at the provider's office."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kvp.accounts.decorators import is_staff
from kvp.accounts.models import User
from kvp.catalogue.audit_types import INCIDENT, PARTICIPATION
from kvp.catalogue.incidents import may_record_incidents
from kvp.catalogue.models import Incident, Offer, Participation, ProviderChange
from kvp.catalogue.selectors import offers_for
from kvp.participants.access import ParticipantAccess, get_participant_for_user


def get_incident_for_user(
    user: User, incident_id: uuid.UUID, *, for_write: bool = False
) -> tuple[Incident, ParticipantAccess | None]:
    if not is_staff(user):
        raise PermissionDenied
    incident = get_object_or_404(
        Incident.objects.select_related("provider", "recorded_by"), pk=incident_id, provider__office_id=user.office_id
    )
    access = None
    if incident.participant_id is not None:
        access = get_participant_for_user(user, incident.participant_id, what=INCIDENT, for_write=for_write)
    elif for_write and not may_record_incidents(user):
        raise PermissionDenied
    return incident, access


def get_participation_for_user(
    user: User, participant_id: uuid.UUID, participation_id: uuid.UUID, *, for_write: bool = False
) -> tuple[Participation, ParticipantAccess]:
    """A participation of the participant in the URL, after their access is checked (404 for another's)."""
    access = get_participant_for_user(user, participant_id, what=PARTICIPATION, for_write=for_write)
    return get_object_or_404(Participation, pk=participation_id, participant=access.participant), access


def get_provider_change_for_user(
    user: User, participant_id: uuid.UUID, change_id: uuid.UUID, *, for_write: bool = False
) -> tuple[ProviderChange, ParticipantAccess]:
    access = get_participant_for_user(user, participant_id, what=PARTICIPATION, for_write=for_write)
    change = get_object_or_404(ProviderChange, pk=change_id, participation__participant=access.participant)
    return change, access


def get_offer_for_user(user: User, offer_id: uuid.UUID) -> Offer:
    """An offer the user may see in the catalogue (404 otherwise)."""
    return get_object_or_404(offers_for(user), pk=offer_id)
