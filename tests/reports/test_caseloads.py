import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.dialog.models import Message, Thread
from kvp.followup.models import Meeting
from kvp.reports.caseloads import counsellors_over_cap, office_caseloads, snapshot_caseloads
from kvp.reports.models import CaseloadSnapshot
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World, client_for

d = datetime.date


def active(world: World, count: int, counsellor: object = None) -> None:
    for _ in range(count):
        person = factories.participant(world.office, counsellor or world.counsellor)
        factories.case(person, world.counsellor, CaseStatus.ACTIVE)


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_current_timezone())


def test_it_counts_only_participants_in_the_programme(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    applied = factories.participant(world.office, world.counsellor)
    factories.case(applied, world.counsellor)  # assessed, not started: not active
    today = timezone.localdate()
    data = office_caseloads(world.office.pk, today)
    mine = next(row for row in data.rows if row.counsellor == world.counsellor)
    assert mine.active == 1
    assert not mine.over_cap


def test_the_cap_warns_when_exceeded_not_when_reached(world: World) -> None:
    factories.parameter_value("caseload.office_cap", "3", world.administrator)
    active(world, 3)
    snapshot_caseloads(timezone.localdate())
    assert counsellors_over_cap(world.office.pk) == 0
    active(world, 1)
    assert counsellors_over_cap(world.office.pk) == 0  # the banner reads the daily job's count
    snapshot_caseloads(timezone.localdate())
    assert counsellors_over_cap(world.office.pk) == 1
    page = client_for(world.leader).get(reverse("caseloads"))
    assert page.status_code == 200
    assert page.context["data"].over_cap[0].counsellor == world.counsellor
    other_page = client_for(world.leader).get(reverse("participant_list"))
    assert reverse("caseloads") in other_page.content.decode()  # the banner links to the caseload page


def test_intensity_counts_held_meetings_and_messages_per_participant(world: World) -> None:
    active(world, 2)
    today = timezone.localdate()
    this_month = today.replace(day=1)
    person = world.participant
    for status in (Meeting.Status.HELD, Meeting.Status.HELD, Meeting.Status.CANCELLED):
        Meeting.objects.create(
            participant=person, starts_at=at(this_month), topic="Oppfølging", organiser=world.counsellor, status=status
        )
    thread = Thread.objects.create(
        participant=person, subject="Hei", language="nb", waiting_for="nobody", created_by=world.counsellor
    )
    Message.objects.create(thread=thread, author=world.counsellor, text="Hei", language="nb")
    Message.objects.create(thread=thread, author=world.participant_user, text="Hei", language="nb")
    data = office_caseloads(world.office.pk, today)
    mine = next(row for row in data.rows if row.counsellor == world.counsellor)
    assert (mine.this_month.contacts, mine.this_month.intensity) == (3, Decimal("1.5"))


def test_history_comes_from_monthly_snapshots(world: World) -> None:
    active(world, 2)
    today = timezone.localdate()
    first = today.replace(day=1)
    last_month = (first - datetime.timedelta(days=1)).replace(day=1)
    CaseloadSnapshot.objects.create(
        office=world.office, counsellor=world.counsellor, month=last_month, active_participants=17, taken_on=last_month
    )
    mine = next(row for row in office_caseloads(world.office.pk, today).rows if row.counsellor == world.counsellor)
    assert len(mine.months) == 12
    assert mine.last_month is not None
    assert mine.last_month.active == 17
    assert mine.last_month.over_cap
    assert mine.months[0].active is None  # not counted then
    assert mine.this_month.active == 2


def test_the_snapshot_is_idempotent_and_follows_changes(world: World) -> None:
    active(world, 2)
    today = d(2026, 11, 27)
    written = snapshot_caseloads(today)
    assert written == 3  # the counsellor, the colleague (0) and the outsider at the other office (0)
    assert snapshot_caseloads(today) == 0
    row = CaseloadSnapshot.objects.get(counsellor=world.counsellor)
    assert (row.month, row.active_participants) == (d(2026, 11, 1), 2)
    active(world, 1)
    assert snapshot_caseloads(d(2026, 11, 28)) == 1
    row.refresh_from_db()
    assert row.active_participants == 3
    assert snapshot_caseloads(d(2026, 12, 1)) == 3  # a new month gets new rows
    assert CaseloadSnapshot.objects.count() == 6


def test_the_snapshot_refuses_a_non_date_and_stores_nothing(world: World) -> None:
    with pytest.raises(TypeError, match="today must be a date"):
        snapshot_caseloads(datetime.datetime(2026, 11, 27, 10))  # type: ignore[arg-type]
    assert not CaseloadSnapshot.objects.exists()


def test_a_counsellor_sees_only_their_own_numbers(world: World) -> None:
    active(world, 2)
    page = client_for(world.colleague).get(reverse("caseloads"))
    assert page.status_code == 200
    assert [row.counsellor for row in page.context["data"].rows] == [world.colleague]
    leader_page = client_for(world.leader).get(reverse("caseloads"))
    assert {row.counsellor for row in leader_page.context["data"].rows} == {world.counsellor, world.colleague}
    assert "data:image/svg+xml;base64," in leader_page.content.decode()
