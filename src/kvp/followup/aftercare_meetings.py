"""Follow-up after the programme: when a case ends for a reason that calls for it, the participant's counsellor
gets phone meetings at the months the after-care rules name (E16). Booked on the programme's signal."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.followup.models import Meeting
from kvp.programme.aftercare import aftercare_rules
from kvp.programme.models import Case
from kvp.rules.dates import add_months
from kvp.rules.deadlines import next_working_day


def after_care_meetings_book(
    sender: object, *, case: Case, actor: User, ended_on: datetime.date, **kwargs: Any
) -> None:
    if case.starts_on is None:
        return
    counsellor = case.participant.counsellor or actor
    Meeting.objects.bulk_create(
        Meeting(
            participant=case.participant,
            starts_at=datetime.datetime.combine(
                next_working_day(add_months(ended_on, months)),
                datetime.time(10),
                tzinfo=timezone.get_current_timezone(),
            ),
            duration_minutes=30,
            channel=Meeting.Channel.PHONE,
            topic=_("Follow-up %(months)s months after the programme") % {"months": months},
            organiser=counsellor,
        )
        for months in aftercare_rules(case.participant.office_id, on=ended_on).months
    )
