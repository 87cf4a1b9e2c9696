from __future__ import annotations

import datetime
import itertools
import re
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given, settings
from hypothesis import strategies as st

from kvp.accounts.models import Office, User
from kvp.audit.models import AuditEvent
from kvp.catalogue.audit_types import INCIDENT
from kvp.demo.checks import check_no_demo_accounts
from kvp.demo.generator import PASSWORD, Sizes, build_office, build_staff, participant_rows, seeded
from kvp.demo.history import CURRENT, EARLIER, History, case_history
from kvp.followup.models import CaseNote, Meeting
from kvp.participants.models import Participant
from kvp.programme.kostra import kostra_return
from kvp.programme.models import Case
from kvp.rules.case_status import OPEN_STATUSES, CaseStatus, EndReason, transition_problem
from kvp.rules.identity import parse_identity
from kvp.rules.kostra_checks import BLOCKING
from tests.conftest import World

TODAY = datetime.date(2026, 3, 2)


def seed(**options: object) -> str:
    out = StringIO()
    call_command("demo", today=TODAY, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def generated(seed_value: int, participants: int = 120) -> list[tuple[object, ...]]:
    """What the generator makes, without the database: people, numbers, histories and notes."""
    sizes = Sizes(participants)
    office = build_office()
    staff = build_staff(seeded(seed_value, "staff"), office, sizes, "hash")
    rows = participant_rows(
        seeded(seed_value, "participants"), office=office, staff=staff, sizes=sizes, today=TODAY, password_hash="hash"
    )
    return [
        (
            item.participant.national_id,
            item.participant.first_name,
            item.participant.last_name,
            item.participant.phone,
            item.participant.counsellor.username if item.participant.counsellor else None,
            [(case.status, case.applied_on, case.ends_on, case.ended_on) for case in item.cases],
            [note.text for note in item.notes],
            [meeting.starts_at for meeting in item.meetings],
        )
        for item in rows
    ]


def assert_dates_in_order(history: History | Case) -> None:
    applied, decided, starts, ends = history.applied_on, history.decided_on, history.starts_on, history.ends_on
    assert decided is None or applied <= decided
    assert starts is None or (decided is not None and decided <= starts)
    assert starts is None or (ends is not None and starts < ends)
    assert history.ended_on is None or (starts or applied) <= history.ended_on
    assert ends is None or ends - (starts or decided or applied) <= datetime.timedelta(days=3 * 366 + 60)


@pytest.mark.django_db
def test_it_seeds_one_office_with_its_staff_and_participants() -> None:
    output = seed()

    office = Office.objects.get()
    assert (office.name, office.municipality_number, office.municipality_name) == ("NAV Drammen", "3301", "Drammen")
    staff = User.objects.filter(office=office)
    assert staff.filter(is_counsellor=True).count() == 6
    assert staff.filter(is_leader=True).count() == 1
    assert staff.filter(is_administrator=True, is_counsellor=False).count() == 1
    assert all(re.fullmatch(r"[A-Z]\d{6}", user.username) for user in staff)
    assert list(staff.filter(may_view_shielded=True).values_list("is_counsellor", "is_leader")) == [
        (True, False),
        (False, True),
    ]
    assert Participant.objects.filter(office=office).count() == 120
    assert Participant.objects.filter(user__isnull=False).count() == 10
    assert "kvp-demo-2026" in output
    assert "deltaker01" in output


@pytest.mark.django_db
def test_it_gives_everyone_a_unique_valid_synthetic_national_id() -> None:
    seed(participants=500)

    numbers = list(Participant.objects.values_list("national_id", flat=True))
    assert len(set(numbers)) == len(numbers) == 500
    for number in numbers:
        identity = parse_identity(number, accept_synthetic=True, today=TODAY)
        age = (TODAY - identity.birth_date).days // 365.25
        assert identity.synthetic
        assert 19 <= age <= 64


def test_it_makes_the_same_office_from_the_same_seed() -> None:
    first = generated(2026)

    assert generated(2026) == first
    assert generated(7) != first


@pytest.mark.django_db
def test_it_keeps_case_dates_in_order_and_every_step_allowed() -> None:
    seed()

    cases = Case.objects.prefetch_related("events")
    assert {case.status for case in cases} == set(CaseStatus)
    assert len({case.end_reason for case in cases}) >= 5
    for case in cases:
        assert_dates_in_order(case)
        assert case.applied_on <= TODAY
        assert (case.status == CaseStatus.ENDED) == bool(case.end_reason)
        events = list(case.events.all())
        assert (events[0].from_status, events[0].to_status) == ("", CaseStatus.APPLIED)
        assert events[-1].to_status == case.status
        assert case.version == len(events)
        for previous, event in itertools.pairwise(events):
            assert event.from_status == previous.to_status
            assert event.at.date() <= TODAY
            reason = EndReason(case.end_reason) if event.to_status == CaseStatus.ENDED else None
            target = CaseStatus(event.to_status)
            assert transition_problem(current=CaseStatus(event.from_status), target=target, end_reason=reason) is None
    for case in cases.filter(status__in=[CaseStatus.ACTIVE, CaseStatus.EXTENDED]):
        assert case.starts_on is not None
        assert case.ends_on is not None
        assert case.starts_on <= TODAY < case.ends_on


@given(seed_value=st.integers(0, 10**6), today=st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31)))
@settings(max_examples=300)
def test_it_lays_out_histories_whose_dates_follow_each_other(seed_value: int, today: datetime.date) -> None:
    rng = seeded(seed_value, "test")
    current = case_history(rng, CURRENT, today=today, closed_by=today, spread_days=540)
    earlier = case_history(rng, EARLIER, today=today, closed_by=current.applied_on, spread_days=640)

    for history in (current, earlier):
        assert_dates_in_order(history)
        assert all(step.on.weekday() < 5 for step in history.steps)
        assert [step.on for step in history.steps] == sorted(step.on for step in history.steps)
        assert history.last_on <= today
    assert earlier.status not in OPEN_STATUSES
    assert earlier.last_on <= current.applied_on


@pytest.mark.django_db
def test_it_gives_an_interpreter_language_to_everyone_who_needs_an_interpreter() -> None:
    seed()

    needing = Participant.objects.filter(needs_interpreter=True)
    assert 0.25 <= needing.count() / 120 <= 0.55
    assert not needing.filter(interpreter_language="").exists()
    for person in needing:
        assert set(person.meetings.values_list("interpreter_language", flat=True)) <= {person.interpreter_language}


@pytest.mark.django_db
def test_it_shows_shielded_participants_only_to_counsellors_with_a_grant() -> None:
    seed()

    shielded = Participant.objects.filter(shielded=True)
    assert shielded.count() == 2
    assert all(person.counsellor and person.counsellor.may_view_shielded for person in shielded)
    assert not shielded.exclude(street_address="").exists()
    assert not shielded.filter(user__isnull=False).exists()


@pytest.mark.django_db
def test_it_plans_meetings_after_today_and_writes_notes_up_to_today() -> None:
    seed()

    assert Meeting.objects.filter(status=Meeting.Status.PLANNED).exists()
    for meeting in Meeting.objects.all():
        is_past = meeting.starts_at.date() <= TODAY
        assert is_past == (meeting.status != Meeting.Status.PLANNED)
        assert meeting.created_at.date() <= TODAY
    assert not CaseNote.objects.filter(created_at__date__gt=TODAY).exists()
    notes_per_person = [person.notes.count() for person in Participant.objects.all()]
    assert min(notes_per_person) >= 1
    assert max(notes_per_person) <= 6


@pytest.mark.django_db
def test_it_lets_demo_accounts_log_in_with_the_shared_password() -> None:
    seed()

    assert User.objects.get(username="Z990101").check_password(PASSWORD)
    assert User.objects.get(username="deltaker01").check_password(PASSWORD)


@pytest.mark.django_db
def test_it_audits_the_writes_it_makes_through_services_and_reads_nothing() -> None:
    """What the demo writes through a service is audited as a real write is (an incident the counsellor records);
    seeding reads no one's data on anyone's behalf, so it leaves no view, list, search or export events."""
    seed()

    events = AuditEvent.objects.select_related("actor", "participant")
    assert events.filter(action=AuditEvent.Action.CREATE, object_type=INCIDENT).exists()
    assert set(events.values_list("action", flat=True)) <= {AuditEvent.Action.CREATE, AuditEvent.Action.UPDATE}
    for event in events:
        assert event.actor.is_counsellor or event.actor.is_leader
        assert event.participant.office == event.actor.office


@pytest.mark.django_db
def test_it_does_nothing_when_the_office_already_exists() -> None:
    seed()
    counts = (User.objects.count(), Participant.objects.count(), Case.objects.count(), CaseNote.objects.count())

    output = seed()

    assert "already exists" in output
    assert (User.objects.count(), Participant.objects.count(), Case.objects.count(), CaseNote.objects.count()) == counts


@pytest.mark.django_db
def test_it_scales_counsellors_with_the_number_of_participants() -> None:
    seed(participants=500)

    assert Participant.objects.count() == 500
    counsellors = User.objects.filter(is_counsellor=True)
    assert counsellors.count() == 25
    caseloads = [counsellor.assigned_participants.count() for counsellor in counsellors]
    assert min(caseloads) >= 5
    assert max(caseloads) <= 45


def test_it_refuses_a_participant_count_out_of_range() -> None:
    with pytest.raises(CommandError, match="between 1 and"):
        call_command("demo", participants=0)


@pytest.mark.django_db
def test_it_refuses_to_run_under_production_settings(settings: Any) -> None:
    settings.KVP_ENV = "production"
    with pytest.raises(CommandError, match="never seeded under production"):
        seed()
    assert not User.objects.exists()


def test_the_deploy_check_finds_demo_accounts_in_a_production_database(world: World, settings: Any) -> None:
    """`kvp demo` refuses under production settings, but a database seeded elsewhere could still be moved there."""
    settings.PRODUCTION = True
    assert check_no_demo_accounts(None, databases=["default"]) == []
    demo_hash = make_password(PASSWORD)
    User.objects.filter(pk__in=[world.counsellor.pk, world.colleague.pk]).update(password=demo_hash)
    assert [error.id for error in check_no_demo_accounts(None, databases=["default"])] == ["kvp.E002"]


def test_the_deploy_check_finds_a_superuser_with_the_published_password(world: World, settings: Any) -> None:
    settings.PRODUCTION = True
    world.administrator.set_password(PASSWORD)
    world.administrator.save()
    assert [error.id for error in check_no_demo_accounts(None, databases=["default"])] == ["kvp.E002"]


@pytest.mark.django_db
def test_its_kostra_return_has_no_error_to_fix() -> None:
    seed(participants=60)
    kostra = kostra_return(year=2025, municipality=Office.objects.get().municipality_number)
    assert kostra.rows
    blocking = {p.check for row in kostra.rows for p in row.problems if p.severity in BLOCKING}
    assert not kostra.blocked, blocking
