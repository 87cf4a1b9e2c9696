from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from kvp.accounts.models import User
from kvp.programme.models import AftercareContact, AftercareFollowUp
from kvp.reports.caseloads import counsellors_over_cap, office_caseloads
from kvp.reports.models import CaseloadSnapshot

TODAY = datetime.date(2026, 3, 2)


@pytest.mark.django_db
def test_the_demo_has_after_care_due_and_recorded_and_a_counsellor_above_the_cap() -> None:
    call_command("demo", today=TODAY, stdout=StringIO(), stderr=StringIO())
    follow_ups = AftercareFollowUp.objects.all()
    assert follow_ups.filter(status="done").exists()
    assert follow_ups.filter(status="open", due_on__lte=TODAY).exists()  # due now, for the worklist
    assert follow_ups.filter(status="open", attempts__gt=0).exists()  # not reached, to try again
    assert AftercareContact.objects.filter(situation="other_benefit").exclude(benefit="").exists()
    assert all(contact.contacted_on <= TODAY for contact in AftercareContact.objects.all())
    leader = User.objects.get(username="Z990107")
    assert leader.office_id is not None
    assert counsellors_over_cap(leader.office_id) >= 1
    counsellors = User.objects.filter(is_counsellor=True).count()
    assert CaseloadSnapshot.objects.count() == 12 * counsellors
    rows = office_caseloads(leader.office_id, TODAY).rows
    assert all(month.active is not None for row in rows for month in row.months)
