"""The demo meetings' interpreters and notes (kvp.demo.meetings)."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from kvp.accounts.models import Office
from kvp.demo.history import workday
from kvp.demo.places import OFFICE_UNIT_NUMBER
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def office(db: None) -> Office:
    call_command("demo", today=TODAY, stdout=StringIO(), stderr=StringIO())
    return Office.objects.get(unit_number=OFFICE_UNIT_NUMBER)


def test_every_interpreter_has_a_form_and_held_meetings_record_its_use(office: Office) -> None:
    with_interpreter = Meeting.objects.exclude(interpreter_language="")
    assert with_interpreter.exists()
    assert not with_interpreter.filter(interpreter_form="").exists()
    assert not Meeting.objects.filter(interpreter_language="").exclude(interpreter_form="").exists()
    held = with_interpreter.filter(status=Meeting.Status.HELD)
    assert held.exists()
    assert not held.exclude(interpreter_used=True).exists()
    assert not held.filter(interpreter_booked=False).exists()
    phone_at_office = with_interpreter.filter(channel="in_person", interpreter_form="phone")
    assert set(phone_at_office.values_list("interpreter_language", flat=True)) <= {"so", "ti", "prs"}


def test_participants_who_log_in_have_published_notes_and_a_draft(office: Office) -> None:
    versions = MeetingNoteVersion.objects.select_related("note__meeting__participant")
    assert versions.exists()
    assert all(version.note.meeting.participant.user_id is not None for version in versions)
    assert all(version.note.meeting.status == Meeting.Status.HELD for version in versions)
    assert not MeetingNote.objects.filter(meeting__participant__user__isnull=True).exists()
    corrected = versions.filter(number=2)
    assert corrected.count() == 1
    assert corrected.get().correction_reason
    drafts = MeetingNote.objects.exclude(draft_text="")
    assert not drafts.filter(versions__isnull=False).exists()  # a draft from a meeting with nothing published


def test_demo_days_avoid_weekends_holidays_and_the_closed_eves() -> None:
    today = datetime.date(2026, 11, 27)
    assert workday(datetime.date(2026, 12, 24), today) == datetime.date(2026, 12, 28)  # 25-27 closed too
    assert workday(datetime.date(2026, 5, 17), today) == datetime.date(2026, 5, 15)  # a Sunday and 17 May
    assert workday(datetime.date(2026, 11, 26), today) == datetime.date(2026, 11, 26)
