"""Scheduling check-ins (the daily job), answering them, and optional ones."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kvp.audit.models import AuditEvent
from kvp.motivation.models import CheckIn
from kvp.motivation.services import checkin_answer, checkin_start_optional, schedule_due_checkins
from kvp.rules.case_status import CaseStatus
from tests import factories
from tests.conftest import World
from tests.motivation.builders import answered, answers, placement, waiting
from tests.plans.builders import access_for

START = datetime.date(2026, 6, 1)  # the running case's start (tests.factories.case)


def test_it_schedules_monthly_check_ins_for_running_programmes_only(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    waiting_for_decision = factories.participant(world.office, world.counsellor, first_name="Yonas")
    factories.case(waiting_for_decision, world.counsellor, CaseStatus.ASSESSED)
    assert schedule_due_checkins(START + datetime.timedelta(days=29)) == 0
    on = START + datetime.timedelta(days=30)
    assert schedule_due_checkins(on) == 1
    (checkin,) = CheckIn.objects.all()
    assert (checkin.participant_id, checkin.reason, checkin.due_on) == (world.participant.pk, "monthly", on)
    assert (checkin.instrument_key, checkin.instrument_version) == ("kvp-basic-needs", 1)


def test_it_is_idempotent(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    placement(world.participant, world.leader, datetime.date(2026, 9, 1))
    today = datetime.date(2026, 9, 15)
    assert schedule_due_checkins(today) == 1  # the placement's, which is also the month's
    assert schedule_due_checkins(today) == 0
    assert schedule_due_checkins(today + datetime.timedelta(days=1)) == 0
    assert list(CheckIn.objects.values_list("reason", flat=True)) == ["placement"]


def test_it_asks_two_weeks_into_each_placement_and_then_monthly_from_it(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    answered(world.participant, datetime.date(2026, 9, 1))
    place = placement(world.participant, world.leader, datetime.date(2026, 9, 10))
    assert schedule_due_checkins(datetime.date(2026, 9, 23)) == 0
    assert schedule_due_checkins(datetime.date(2026, 9, 24)) == 1
    checkin = CheckIn.objects.get(reason="placement")
    assert (checkin.participation_id, checkin.due_on) == (place.pk, datetime.date(2026, 9, 24))
    assert schedule_due_checkins(datetime.date(2026, 10, 23)) == 0
    assert schedule_due_checkins(datetime.date(2026, 10, 24)) == 1


def test_its_thresholds_are_parameters(world: World) -> None:
    factories.case(world.participant, world.counsellor, CaseStatus.ACTIVE)
    factories.parameter_value("motivation.interval_days", "10", world.administrator)
    assert schedule_due_checkins(START + datetime.timedelta(days=10)) == 1


def test_the_participant_answers_and_the_scores_are_kept(world: World) -> None:
    checkin = waiting(world.participant, datetime.date(2026, 10, 1))
    user = world.participant_user
    done = checkin_answer(
        actor=user,
        access=access_for(user, world.participant),
        checkin_id=checkin.pk,
        language="so",
        answers=answers(4, say_in_plan=1, listened_to=2),
        open_answers={"what_would_help": "  Koorso darawal  "},
    )
    assert done.is_answered
    assert done.language == "so"
    assert done.scores["autonomy"] == "1.5"
    assert Decimal(done.scores["competence"]) == 4
    assert done.open_answers == {"what_would_help": "Koorso darawal"}
    event = AuditEvent.objects.get(action="update", object_type="checkin")
    assert event.object_id == str(checkin.pk)


def test_it_refuses_missing_answers_and_changes_nothing(world: World) -> None:
    checkin = waiting(world.participant, datetime.date(2026, 10, 1))
    user = world.participant_user
    given = answers(3)
    del given["belong"]
    with pytest.raises(ValidationError) as caught:
        checkin_answer(
            actor=user,
            access=access_for(user, world.participant),
            checkin_id=checkin.pk,
            language="nb",
            answers=given,
            open_answers={},
        )
    assert set(caught.value.error_dict) == {"belong"}
    checkin.refresh_from_db()
    assert not checkin.is_answered


@pytest.mark.parametrize(("language", "code"), [("de", "language"), ("nb", "answered")])
def test_it_refuses_another_language_and_a_second_answer(world: World, language: str, code: str) -> None:
    checkin = answered(world.participant, datetime.date(2026, 10, 1)) if code == "answered" else None
    checkin = checkin or waiting(world.participant, datetime.date(2026, 10, 1))
    user = world.participant_user
    with pytest.raises(ValidationError) as caught:
        checkin_answer(
            actor=user,
            access=access_for(user, world.participant),
            checkin_id=checkin.pk,
            language=language,
            answers=answers(3),
            open_answers={},
        )
    assert caught.value.code == code


def test_staff_cannot_answer_for_the_participant(world: World) -> None:
    checkin = waiting(world.participant, datetime.date(2026, 10, 1))
    with pytest.raises(ValidationError) as caught:
        checkin_answer(
            actor=world.counsellor,
            access=access_for(world.counsellor, world.participant),
            checkin_id=checkin.pk,
            language="nb",
            answers=answers(3),
            open_answers={},
        )
    assert caught.value.code == "not_self"


def test_an_optional_check_in_reuses_the_one_waiting(world: World) -> None:
    user = world.participant_user
    access = access_for(user, world.participant)
    today = datetime.date(2026, 10, 5)
    first = checkin_start_optional(actor=user, access=access, today=today)
    assert first.reason == "optional"
    assert first.due_on == today
    assert checkin_start_optional(actor=user, access=access, today=today) == first
    scheduled = waiting(world.participant, datetime.date(2026, 10, 6))
    assert checkin_start_optional(actor=user, access=access, today=datetime.date(2026, 10, 6)) == scheduled
