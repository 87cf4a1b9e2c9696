"""An ended programme with its follow-ups, for the after-care tests and access rows."""

from __future__ import annotations

import datetime

from kvp.accounts.models import User
from kvp.participants.models import Participant
from kvp.programme.aftercare import aftercare_schedule_for_case
from kvp.programme.models import AftercareFollowUp, Case
from kvp.rules.case_status import CaseStatus, EndReason
from tests import factories


def ended_case(
    participant: Participant,
    counsellor: User,
    ended_on: datetime.date = datetime.date(2026, 8, 14),
    reason: EndReason = EndReason.COMPLETED_WORK,
) -> Case:
    case = factories.case(participant, counsellor, CaseStatus.ACTIVE)
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ENDED, ended_on=ended_on, end_reason=reason)
    case.refresh_from_db()
    aftercare_schedule_for_case(case)
    return case


def first_follow_up(participant: Participant, counsellor: User) -> AftercareFollowUp:
    """The 3-month follow-up of a programme that ended 14 August 2026: due 14 November 2026."""
    case = ended_case(participant, counsellor)
    return case.aftercare_followups.get(months=3)
