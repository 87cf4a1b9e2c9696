"""Stored alerts: the refresh and `kvp daily` (idempotent), and alert sources plugging in."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from io import StringIO

from django.core.management import call_command

from kvp.followup.models import Meeting
from kvp.overview.alerts import ALERT_SOURCES, alerts_by_participant, alerts_refresh
from kvp.overview.models import Alert
from kvp.plans.models import Activity, Plan
from kvp.programme.models import Absence, Case, Decision
from kvp.rules.case_status import CaseStatus
from kvp.rules.followup_alerts import AlertFact
from tests import factories
from tests.conftest import World
from tests.overview.builders import NOW, TODAY, running_case

DAY = datetime.timedelta(days=1)


def _kinds() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for participant_id, kind in Alert.objects.values_list("participant_id", "kind"):
        found.setdefault(str(participant_id), set()).add(kind)
    return found


def test_it_stores_no_contact_and_end_alerts_for_open_cases(world: World) -> None:
    running_case(world.participant, world.counsellor, ends_on=TODAY + 30 * DAY)
    result = alerts_refresh(today=TODAY)
    assert _kinds() == {str(world.participant.pk): {"no_contact", "end_without_transition"}}
    assert result.created == 2
    alert = Alert.objects.get(kind="end_without_transition")
    assert alert.since == TODAY + 30 * DAY - 60 * DAY
    assert alert.params["params"]["days"] == 30
    assert alert.evidence == "E16"


def test_it_changes_nothing_when_run_twice(world: World) -> None:
    running_case(world.participant, world.counsellor, ends_on=TODAY + 30 * DAY)
    alerts_refresh(today=TODAY)
    before = list(Alert.objects.values())
    again = alerts_refresh(today=TODAY)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
    assert list(Alert.objects.values()) == before


def test_it_keeps_since_and_updates_the_values_the_next_day(world: World) -> None:
    running_case(world.participant, world.counsellor)
    alerts_refresh(today=TODAY)
    first = Alert.objects.get(kind="no_contact")
    since, days = first.since, first.params["params"]["days"]
    result = alerts_refresh(today=TODAY + DAY)
    alert = Alert.objects.get(kind="no_contact")
    assert result.updated == 1
    assert alert.since == since
    assert alert.params["params"]["days"] == days + 1


def test_it_removes_alerts_when_the_condition_ends(world: World) -> None:
    case = running_case(world.participant, world.counsellor, ends_on=TODAY + 30 * DAY)
    alerts_refresh(today=TODAY)
    Meeting.objects.create(
        participant=world.participant, starts_at=NOW - DAY, topic="x", organiser=world.counsellor,
        status=Meeting.Status.HELD,
    )  # fmt: skip
    plan = Plan.objects.create(case=case, participant=world.participant)
    Activity.objects.create(
        plan=plan, measure_type="wage_subsidy", title="Lønnstilskudd", hours_per_week=30,
        starts_on=TODAY, ends_on=TODAY + 200 * DAY, origin="counsellor",
    )  # fmt: skip
    result = alerts_refresh(today=TODAY)
    assert result.removed == 2
    assert not Alert.objects.exists()


def test_it_removes_alerts_of_ended_cases(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    alerts_refresh(today=TODAY)
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ENDED, end_reason="completed_work")
    assert alerts_refresh(today=TODAY).removed == 1
    assert not Alert.objects.exists()


def test_it_alerts_a_deduction_that_needs_its_own_decision(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    grant = factories.decision(case, world.counsellor, Decision.Kind.GRANT)
    Decision.objects.filter(pk=grant.pk).update(reserve_deduction=False)
    Absence.objects.create(
        case=case, starts_on=datetime.date(2026, 11, 23), ends_on=datetime.date(2026, 11, 24), kind="other",
        documentation="none", registered_by=world.counsellor, registered_at=NOW - 8 * DAY,
    )  # fmt: skip
    alerts_refresh(today=TODAY)
    alert = Alert.objects.get(kind="deduction_pending")
    assert alert.params["params"] == {"days": 2, "count": 1, "ready": 1}


def test_it_alerts_a_deduction_on_a_case_without_a_recorded_grant(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    Absence.objects.create(
        case=case, starts_on=datetime.date(2026, 11, 23), ends_on=datetime.date(2026, 11, 23), kind="other",
        documentation="none", registered_by=world.counsellor, registered_at=NOW - 8 * DAY,
    )  # fmt: skip
    alerts_refresh(today=TODAY)
    assert Alert.objects.filter(kind="deduction_pending").exists()


def test_it_has_no_deduction_alert_when_the_grant_reserved_it(world: World) -> None:
    case = running_case(world.participant, world.counsellor)
    factories.decision(case, world.counsellor, Decision.Kind.GRANT)
    Absence.objects.create(
        case=case, starts_on=datetime.date(2026, 11, 23), ends_on=datetime.date(2026, 11, 24), kind="other",
        documentation="none", registered_by=world.counsellor,
    )  # fmt: skip
    alerts_refresh(today=TODAY)
    assert not Alert.objects.filter(kind="deduction_pending").exists()


def test_it_takes_alerts_from_another_source(world: World) -> None:
    running_case(world.participant, world.counsellor)

    def motivation(ids: Sequence[str], today: datetime.date) -> dict[str, list[AlertFact]]:
        return {
            pk: [AlertFact(kind="motivation_drop", since=today, message="Autonomy fell by %(drop)s", evidence="SDT",
                           params={"drop": 2})]
            for pk in ids
        }  # fmt: skip

    alerts_refresh(today=TODAY, sources=[*ALERT_SOURCES, motivation])
    shown = alerts_by_participant([world.participant.pk])[str(world.participant.pk)]
    assert {alert.kind for alert in shown} == {"no_contact", "motivation_drop"}
    assert next(alert.text for alert in shown if alert.kind == "motivation_drop") == "Autonomy fell by 2"


def test_the_daily_command_is_idempotent(world: World) -> None:
    running_case(world.participant, world.counsellor)
    out = StringIO()
    call_command("daily", "--today", TODAY.isoformat(), stdout=out, stderr=StringIO())
    assert "1 new" in out.getvalue()
    before = list(Alert.objects.values())
    out = StringIO()
    call_command("daily", "--today", TODAY.isoformat(), stdout=out, stderr=StringIO())
    assert "0 new, 0 changed, 0 removed" in out.getvalue()
    assert list(Alert.objects.values()) == before
