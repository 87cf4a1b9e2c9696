import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from kvp.audit.models import AuditEvent
from kvp.followup.models import Meeting
from kvp.programme.models import Case, CaseEvent, Interruption
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for
from tests.i18n import CONFLICT, nb

TODAY = datetime.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(datetime.datetime(2026, 11, 27, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def move(world: World, case: Case, **data: object) -> tuple[int, str]:
    response = client_for(world.counsellor).post(
        reverse("case_transition", args=[case.pk]), {"version": case.version, **data}
    )
    return response.status_code, response.content.decode()


def test_it_runs_a_case_from_application_to_end(world: World) -> None:
    client = client_for(world.counsellor)
    client.post(reverse("case_create", args=[world.participant.pk]), {"applied_on": "2026-01-05"})
    case = Case.objects.get(participant=world.participant)
    steps = [
        {"target": "assessed", "effective_on": "2026-01-20"},
        {"target": "granted", "effective_on": "2026-02-01", "period_end": "2027-01-31"},
        {"target": "active", "effective_on": "2026-02-02"},
        {
            "target": "extended",
            "effective_on": "2026-11-01",
            "period_end": "2027-07-31",
            "comment": "Særlige grunner: fagprøven er i juli 2027.",
        },
        {"target": "ended", "effective_on": "2026-11-20", "end_reason": "completed_work", "comment": "Fast jobb"},
    ]
    for step in steps:
        status, content = move(world, case, **step)
        assert status == 302, content
        case.refresh_from_db()
    assert case.status == CaseStatus.ENDED
    assert case.end_reason == "completed_work"
    assert (case.decided_on, case.starts_on, case.ends_on, case.ended_on) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 2, 2),
        datetime.date(2027, 7, 31),
        datetime.date(2026, 11, 20),
    )
    assert [e.to_status for e in CaseEvent.objects.filter(case=case)] == [
        "applied", "assessed", "granted", "active", "extended", "ended",
    ]  # fmt: skip
    assert AuditEvent.objects.filter(participant=world.participant, object_type="case").count() == 6


def test_it_refuses_a_transition_the_status_does_not_allow_and_changes_nothing(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.APPLIED)
    status, content = move(world, case, target="active", effective_on="2026-10-01")
    assert status == 400
    expected = nb("A case with status “%(current)s” cannot become “%(target)s”.") % {
        "current": nb("Applied"),
        "target": nb("Active"),
    }
    assert expected in content
    case.refresh_from_db()
    assert case.status == CaseStatus.APPLIED
    assert case.version == 1
    assert CaseEvent.objects.filter(case=case).count() == 1


def test_it_refuses_a_grant_without_a_period(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    status, _ = move(world, case, target="granted", effective_on="2026-10-01")
    assert status == 400
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSED


def test_it_refuses_impossible_dates(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)  # applied 1 September 2026
    status, _ = move(world, case, target="granted", effective_on="2026-08-01", period_end="2027-08-01")
    assert status == 400
    status, _ = move(world, case, target="granted", effective_on="2026-10-01", period_end="2026-09-30")
    assert status == 400
    case.refresh_from_db()
    assert (case.status, case.decided_on, case.ends_on) == (CaseStatus.ASSESSED, None, None)


def test_it_refuses_an_application_dated_in_the_future(world: World) -> None:
    url = reverse("case_create", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, {"applied_on": "2026-12-24"})
    assert response.status_code == 400
    assert nb("The application date cannot be in the future.") in response.content.decode()
    assert not Case.objects.exists()


def test_it_allows_only_one_open_case(world: World) -> None:
    factories.case(world.participant, world.counsellor)
    url = reverse("case_create", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, {"applied_on": "2026-11-02"})
    assert response.status_code == 400
    assert Case.objects.count() == 1


def test_it_refuses_a_stale_form(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    move(world, case, target="granted", effective_on="2026-10-01", period_end="2027-10-01")
    status, content = move(world, case, target="refused", effective_on="2026-10-02")
    assert status == 400
    stored_status = f"Status: {nb('Granted')}"  # the same word in bokmål
    assert escape(nb(CONFLICT).split("%(changes)s")[0] + stored_status) in content
    case.refresh_from_db()
    assert case.status == CaseStatus.GRANTED


def test_it_ends_a_case_before_start_only_as_withdrawn_moved_or_died(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    status, _ = move(world, case, target="ended", effective_on="2026-10-01", end_reason="completed_work")
    assert status == 400
    status, _ = move(world, case, target="ended", effective_on="2026-10-01", end_reason="withdrawn")
    assert status == 302


def test_it_plans_follow_up_at_3_6_and_12_months_after_the_programme(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # started 1.6.2026
    status, _ = move(world, case, target="ended", effective_on="2026-11-20", end_reason="completed_work")
    assert status == 302
    planned = Meeting.objects.filter(participant=world.participant).order_by("starts_at")
    assert [meeting.starts_at.date() for meeting in planned] == [
        datetime.date(2027, 2, 22),  # 20 February 2027 is a Saturday
        datetime.date(2027, 5, 20),
        datetime.date(2027, 11, 22),  # 20 November 2027 is a Saturday
    ]
    assert all(meeting.status == Meeting.Status.PLANNED for meeting in planned)


def test_it_plans_no_follow_up_when_an_application_is_withdrawn(world: World) -> None:
    case = factories.case(world.participant, world.counsellor)
    move(world, case, target="ended", effective_on="2026-10-01", end_reason="withdrawn")
    assert not Meeting.objects.exists()


SPECIAL_REASONS = (
    "Beyond %(years)s years the programme is extended only for special reasons: write them in the comment."
)
AT_MOST = "With the extension, the programme can last at most %(years)s years."


def test_it_refuses_an_extension_without_a_special_reason(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # 1.6.2026 - 31.5.2028
    status, content = move(world, case, target="extended", effective_on="2026-11-20", period_end="2028-12-31")
    assert status == 400
    assert nb(SPECIAL_REASONS) % {"years": 2} in content
    case.refresh_from_db()
    assert (case.status, case.ends_on) == (CaseStatus.ACTIVE, datetime.date(2028, 5, 31))


def test_it_prolongs_to_two_years_without_a_special_reason_and_asks_for_one_from_the_next_day(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    Case.objects.filter(pk=case.pk).update(ends_on=datetime.date(2027, 5, 31))  # granted for one year
    case.refresh_from_db()
    status, content = move(world, case, target="extended", effective_on="2026-11-20", period_end="2028-06-01")
    assert status == 400
    assert nb(SPECIAL_REASONS) % {"years": 2} in content
    status, content = move(world, case, target="extended", effective_on="2026-11-20", period_end="2028-05-31")
    assert status == 302, content
    case.refresh_from_db()
    assert case.ends_on == datetime.date(2028, 5, 31)


def test_it_refuses_an_extension_past_three_years(world: World) -> None:
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    status, content = move(world, case, target="extended", effective_on="2026-11-20", period_end="2029-06-01",
                           comment="Særlige grunner")  # fmt: skip
    assert status == 400
    assert nb(AT_MOST) % {"years": 3} in content
    status, _ = move(world, case, target="extended", effective_on="2026-11-20", period_end="2029-05-31",
                     comment="Særlige grunner")  # fmt: skip
    assert status == 302


@pytest.mark.parametrize(("extend", "latest_end"), [("ja", "2029-06-12"), ("nei", "2029-05-31")])
def test_interruption_days_move_the_maximum_only_when_the_rule_says_they_do_not_count(
    world: World, extend: str, latest_end: str
) -> None:
    factories.parameter_value("duration.interruptions_extend_programme", extend, world.administrator)
    case = factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)  # 1.6.2026 - 31.5.2028
    twelve_days = (datetime.date(2026, 9, 1), datetime.date(2026, 9, 12))
    Interruption.objects.create(case=case, starts_on=twelve_days[0], ends_on=twelve_days[1], reason="Kort dom",
                                registered_by=world.counsellor)  # fmt: skip
    day_after = (datetime.date.fromisoformat(latest_end) + datetime.timedelta(days=1)).isoformat()
    status, content = move(world, case, target="extended", effective_on="2026-11-20", period_end=day_after,
                           comment="Særlige grunner")  # fmt: skip
    assert status == 400
    assert nb(AT_MOST) % {"years": 3} in content
    status, content = move(world, case, target="extended", effective_on="2026-11-20", period_end=latest_end,
                           comment="Særlige grunner")  # fmt: skip
    assert status == 302, content
