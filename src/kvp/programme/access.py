"""Loading a case and what hangs on it (decisions, appeals, absences) for a user: through the participant's
access, checked and a read logged, as kvp.participants.access does for the participant."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kvp.accounts.models import User
from kvp.participants.access import ParticipantAccess, get_participant_for_user, get_participant_object_for_user
from kvp.programme.audit_types import CASE
from kvp.programme.models import Absence, Appeal, Case, Decision


def get_case_for_user(
    user: User, case_id: uuid.UUID, *, for_write: bool = False, self_service: bool = False
) -> tuple[Case, ParticipantAccess]:
    cases = Case.objects.select_related("participant__office", "participant__counsellor")
    return get_participant_object_for_user(
        user, cases, case_id, what=CASE, for_write=for_write, self_service=self_service
    )


def get_decision_for_user(
    user: User, decision_id: uuid.UUID, *, for_write: bool = False
) -> tuple[Decision, ParticipantAccess]:
    """Staff with access to the participant; the participant themself only once the decision is approved."""
    decision = get_object_or_404(Decision.objects.select_related("case__participant", "made_by"), pk=decision_id)
    participant_id = decision.case.participant_id
    if user.participant_id is not None and not for_write:
        if decision.status != Decision.Status.APPROVED:
            raise PermissionDenied
        return decision, get_participant_for_user(user, participant_id, what=CASE, self_service=True)
    return decision, get_participant_for_user(user, participant_id, what=CASE, for_write=for_write)


def get_appeal_for_user(
    user: User, appeal_id: uuid.UUID, *, for_write: bool = False
) -> tuple[Appeal, ParticipantAccess]:
    appeals = Appeal.objects.select_related("decision__case")
    return get_participant_object_for_user(
        user, appeals, appeal_id, what=CASE, participant_field="decision__case__participant", for_write=for_write
    )


def get_absence_for_user(
    user: User, absence_id: uuid.UUID, *, for_write: bool = False, own: bool = False
) -> tuple[Absence, ParticipantAccess]:
    absences = Absence.objects.select_related("case")
    return get_participant_object_for_user(
        user,
        absences,
        absence_id,
        what=CASE,
        participant_field="case__participant",
        for_write=for_write,
        own=own,
    )
