"""Loading a meeting for a user: through the participant's access (checked, a read logged). Staff use the
staff pages; a participant reaches only their own meetings, on their own pages."""

from __future__ import annotations

import uuid

from kvp.accounts.models import User
from kvp.followup.audit_types import MEETING
from kvp.followup.models import Meeting
from kvp.participants.access import ParticipantAccess, get_participant_object_for_user


def get_meeting_for_user(
    user: User, meeting_id: uuid.UUID, *, for_write: bool = False, own: bool = False
) -> tuple[Meeting, ParticipantAccess]:
    return get_participant_object_for_user(
        user,
        Meeting.objects.select_related("organiser"),
        meeting_id,
        what=MEETING,
        for_write=for_write,
        own=own,
    )
