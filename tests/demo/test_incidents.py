"""Demo discrimination incidents: a few realistic ones, one unresolved at an employer."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from kvp.catalogue.models import Incident
from kvp.catalogue.selectors import providers_with_unresolved_incidents
from kvp.rules.incidents import IncidentFacts, incident_problems

TODAY = datetime.date(2026, 3, 2)


@pytest.mark.django_db
def test_it_seeds_incidents_with_one_unresolved_at_an_employer() -> None:
    call_command("demo", today=TODAY, stdout=StringIO(), stderr=StringIO())
    incidents = list(Incident.objects.select_related("provider", "participant"))
    assert len(incidents) == 3
    unresolved = [incident for incident in incidents if incident.status == Incident.Status.OPEN]
    assert len(unresolved) == 1
    assert unresolved[0].provider.is_employer
    assert providers_with_unresolved_incidents() == {unresolved[0].provider_id}
    for incident in incidents:
        assert incident.participant is not None
        assert incident.recorded_by == incident.participant.counsellor
        assert incident.participant.first_name not in incident.what_happened
        facts = IncidentFacts(
            happened_on=incident.happened_on,
            today=TODAY,
            has_participant=True,
            consent=incident.consent,
            employer_talk_on=incident.employer_talk_on,
            ombud_advice_on=incident.ombud_advice_on,
            resolved=incident.status == Incident.Status.RESOLVED,
            resolved_on=incident.resolved_on,
            outcome=incident.outcome,
        )
        assert incident_problems(facts) == []
