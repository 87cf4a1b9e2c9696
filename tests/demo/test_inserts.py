"""The demo's fast path refuses what the model or the transition rule refuses, before anything is inserted."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from kvp.demo.generator import ParticipantRows, Sizes, build_office, build_staff, participant_rows, seeded
from kvp.demo.inserts import insert_validated, validate_case_steps
from kvp.followup.models import Meeting
from kvp.rules.case_status import CaseStatus

TODAY = datetime.date(2026, 3, 2)


def someone_with_a_history() -> ParticipantRows:
    sizes = Sizes(120)
    office = build_office()
    staff = build_staff(seeded(3, "staff"), office, sizes, "hash")
    rows = participant_rows(
        seeded(3, "participants"), office=office, staff=staff, sizes=sizes, today=TODAY, password_hash="hash"
    )
    return next(item for item in rows if item.meetings and len(item.cases) == 1 and len(item.events) >= 3)


@pytest.mark.django_db
def test_it_inserts_nothing_when_a_row_breaks_the_model() -> None:
    meetings = someone_with_a_history().meetings
    meetings[-1].channel = "carrier pigeon"

    with pytest.raises(ValidationError) as refused:
        insert_validated(Meeting, meetings)

    assert "channel" in refused.value.message_dict
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_it_refuses_interpreter_details_the_meeting_service_refuses() -> None:
    meetings = someone_with_a_history().meetings
    meetings[0].interpreter_language, meetings[0].interpreter_form = "", ""
    meetings[0].interpreter_booking_reference = "TOLK-123456"

    with pytest.raises(ValidationError) as refused:
        insert_validated(Meeting, meetings)

    assert "interpreter_language" in refused.value.message_dict
    assert not Meeting.objects.exists()


def test_it_accepts_the_case_steps_the_generator_draws() -> None:
    rows = someone_with_a_history()

    validate_case_steps(rows.cases, rows.events)


def test_it_refuses_a_step_the_transition_rule_forbids() -> None:
    rows = someone_with_a_history()
    rows.events[1].to_status = CaseStatus.EXTENDED  # straight from the application

    with pytest.raises(ValidationError) as refused:
        validate_case_steps(rows.cases, rows.events)

    assert refused.value.code == "step"


def test_it_refuses_a_case_without_its_application() -> None:
    rows = someone_with_a_history()

    with pytest.raises(ValidationError) as refused:
        validate_case_steps(rows.cases, rows.events[1:])

    assert refused.value.code == "no_application"


def test_it_refuses_a_case_whose_last_step_is_not_its_status() -> None:
    rows = someone_with_a_history()
    rows.cases[0].status = CaseStatus.APPLIED

    with pytest.raises(ValidationError) as refused:
        validate_case_steps(rows.cases, rows.events)

    assert refused.value.code == "status"
