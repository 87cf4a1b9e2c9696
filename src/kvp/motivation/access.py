"""Loading a check-in for the participant who answers it (their own pages only; a read logged)."""

from __future__ import annotations

import uuid

from kvp.accounts.models import User
from kvp.motivation.audit_types import CHECKIN
from kvp.motivation.models import CheckIn
from kvp.participants.access import ParticipantAccess, get_participant_object_for_user


def get_checkin_for_user(user: User, checkin_id: uuid.UUID) -> tuple[CheckIn, ParticipantAccess]:
    return get_participant_object_for_user(user, CheckIn.objects.all(), checkin_id, what=CHECKIN, own=True)
