"""The demo office comes with the demo counsellor's reminders and categories, and its stored alerts."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from kvp.overview.alerts import alerts_refresh
from kvp.overview.models import Alert, Category, Reminder

TODAY = datetime.date(2026, 3, 2)


@pytest.mark.django_db
def test_it_seeds_reminders_categories_and_alerts() -> None:
    call_command("demo", today=TODAY, stdout=StringIO(), stderr=StringIO())
    assert Reminder.objects.count() == 7
    assert set(Reminder.objects.values_list("created_by__username", flat=True)) == {"Z990101"}
    assert set(Reminder.objects.values_list("participant__counsellor__username", flat=True)) == {"Z990101"}
    assert Category.objects.filter(counsellor__username="Z990101").exists()
    kinds = set(Alert.objects.values_list("kind", flat=True))
    assert {"no_contact", "practice_loop"} <= kinds
    again = alerts_refresh(today=TODAY)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
