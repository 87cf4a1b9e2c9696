"""Demo check-ins: histories for participants in a running programme, and the declined-proposal story."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from kvp.motivation.alerts import motivation_alerts_for
from kvp.motivation.models import CheckIn
from kvp.participants.models import Participant

TODAY = datetime.date(2026, 11, 2)


@pytest.mark.django_db
def test_a_demo_participant_s_autonomy_drops_after_a_declined_proposal() -> None:
    call_command("demo", today=TODAY, stdout=StringIO(), stderr=StringIO())
    assert CheckIn.objects.filter(answered_at__isnull=False).count() > 100
    assert CheckIn.objects.filter(answered_at__isnull=True, participant__user__isnull=False).exists()
    with_login = list(Participant.objects.filter(user__isnull=False).values_list("pk", flat=True))
    found = motivation_alerts_for(with_login, TODAY)
    story = [
        alert
        for alerts in found.values()
        for alert in alerts
        if alert.need == "autonomy"
        and alert.kind == "drop"
        and any(event.kind == "proposal_declined" for event in alert.events)
    ]
    assert story
