import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from kvp.audit.models import AuditEvent
from kvp.dialog.models import Thread
from kvp.followup.audit_types import MEETING
from kvp.followup.meetings import (
    meeting_cancel,
    meeting_cannot_come,
    meeting_note_save,
    meeting_record_outcome,
    meeting_update,
)
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion
from kvp.followup.services import meeting_create
from tests.conftest import World
from tests.followup.meeting_builders import HOUR, NOW, TOMORROW, counsellors, held, leaders, own, planned


@pytest.fixture(autouse=True)
def _now() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def codes(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    value = error.value
    if hasattr(value, "error_dict"):
        return set(value.error_dict)
    return {item.code or "" for item in value.error_list}


def meeting_writes(world: World) -> int:
    return AuditEvent.objects.filter(
        object_type=MEETING, action__in=[AuditEvent.Action.CREATE, AuditEvent.Action.UPDATE]
    ).count()


# Booking with an interpreter


def test_it_books_a_meeting_with_a_booked_phone_interpreter(world: World) -> None:
    meeting = planned(world)
    assert (meeting.interpreter_language, meeting.interpreter_form, meeting.interpreter_booked) == ("so", "phone", True)
    assert meeting.interpreter_booking_reference == "TOLK-4411"
    assert meeting.interpreter_used is None
    assert meeting_writes(world) == 1


def test_an_interpreter_takes_part_as_the_meeting_unless_told(world: World) -> None:
    meeting = planned(world, channel="video", interpreter_form="", interpreter_booked=False,
                      interpreter_booking_reference="")  # fmt: skip
    assert meeting.interpreter_form == "video"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"interpreter_language": "", "interpreter_form": "phone"}, "interpreter_language"),
        ({"interpreter_language": "", "interpreter_booked": True, "interpreter_form": ""}, "interpreter_language"),
        ({"interpreter_form": "by_pigeon"}, "interpreter_form"),
        ({"interpreter_booked": False, "interpreter_booking_reference": "TOLK-1"}, "interpreter_booked"),
    ],
)
def test_it_refuses_inconsistent_interpreter_details_and_saves_nothing(
    world: World, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        planned(world, **fields)
    assert field in codes(error)
    assert not Meeting.objects.exists()


# Edit and move


def test_it_moves_a_meeting_and_clears_the_participants_cannot_come(world: World) -> None:
    meeting = planned(world)
    Meeting.objects.filter(pk=meeting.pk).update(cannot_come_at=NOW, reminded_for=TOMORROW)
    later = TOMORROW + datetime.timedelta(days=3)
    moved = meeting_update(
        actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, starts_at=later
    )
    assert (moved.starts_at, moved.cannot_come_at, moved.version) == (later, None, 2)
    assert moved.reminded_for == TOMORROW  # of the old time: the new one is reminded again


def test_it_books_the_interpreter_later_with_a_reference(world: World) -> None:
    meeting = planned(world, interpreter_booked=False, interpreter_booking_reference="")
    meeting_update(
        actor=world.counsellor,
        access=counsellors(world),
        meeting=meeting,
        expected_version=1,
        interpreter_booked=True,
        interpreter_booking_reference=" HT-99 ",
    )
    meeting.refresh_from_db()
    assert (meeting.interpreter_booked, meeting.interpreter_booking_reference) == (True, "HT-99")


def test_it_refuses_a_stale_edit(world: World) -> None:
    meeting = planned(world)
    meeting_update(actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, place="A")
    with pytest.raises(ValidationError) as error:
        meeting_update(
            actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, place="B"
        )
    assert codes(error) == {"stale"}
    meeting.refresh_from_db()
    assert meeting.place == "A"


def test_it_refuses_to_move_a_meeting_into_the_past(world: World) -> None:
    meeting = planned(world)
    with pytest.raises(ValidationError) as error:
        meeting_update(
            actor=world.counsellor,
            access=counsellors(world),
            meeting=meeting,
            expected_version=1,
            starts_at=NOW - HOUR,
        )
    assert codes(error) == {"starts_at"}


def test_it_does_not_change_a_held_meeting(world: World) -> None:
    meeting = held(world)
    with pytest.raises(ValidationError) as error:
        meeting_update(
            actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, place="X"
        )
    assert codes(error) == {"not_planned"}


def test_a_leader_reads_but_does_not_change_meetings(world: World) -> None:
    meeting = planned(world)
    with pytest.raises(ValidationError) as error:
        meeting_cancel(actor=world.leader, access=leaders(world), meeting=meeting, expected_version=1)
    assert codes(error) == {"read_only"}
    meeting.refresh_from_db()
    assert meeting.status == "planned"


def test_it_refuses_a_meeting_of_another_participant(world: World) -> None:
    from tests import factories

    other = factories.participant(world.office, world.counsellor)
    meeting = meeting_create(
        actor=world.counsellor,
        access=counsellors(world).__class__(participant=other, basis=counsellors(world).basis, reason=""),
        starts_at=TOMORROW,
        topic="Annen",
    )
    with pytest.raises(ValidationError) as error:
        meeting_cancel(actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1)
    assert codes(error) == {"wrong_participant"}


# Cancel and outcome


def test_it_cancels_a_planned_meeting_with_a_reason(world: World) -> None:
    meeting = planned(world)
    meeting_cancel(actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1,
                   reason="Veileder syk")  # fmt: skip
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancel_reason, meeting.status_changed_at) == ("cancelled", "Veileder syk", NOW)
    with pytest.raises(ValidationError) as error:
        meeting_cancel(actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=2)
    assert codes(error) == {"not_planned"}


def test_it_records_a_held_meeting_and_whether_the_interpreter_was_used(world: World) -> None:
    meeting = planned(world, NOW + HOUR)
    with time_machine.travel(NOW + 2 * HOUR, tick=False):
        with pytest.raises(ValidationError) as error:
            meeting_record_outcome(
                actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, outcome="held"
            )
        assert codes(error) == {"interpreter_used"}
        meeting_record_outcome(
            actor=world.counsellor,
            access=counsellors(world),
            meeting=meeting,
            expected_version=1,
            outcome="held",
            interpreter_used=True,
        )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.interpreter_used) == ("held", True)


def test_it_does_not_record_an_outcome_before_the_meeting(world: World) -> None:
    meeting = planned(world)
    with pytest.raises(ValidationError) as error:
        meeting_record_outcome(
            actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, outcome="no_show"
        )
    assert codes(error) == {"not_started"}


def test_it_records_that_the_participant_did_not_come_and_may_correct_it(world: World) -> None:
    meeting = held(world, interpreter_language="", interpreter_form="", interpreter_booked=False,
                   interpreter_booking_reference="")  # fmt: skip
    meeting_record_outcome(
        actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=1, outcome="no_show"
    )
    meeting.refresh_from_db()
    assert meeting.status == "no_show"
    meeting_record_outcome(
        actor=world.counsellor, access=counsellors(world), meeting=meeting, expected_version=2, outcome="held"
    )
    meeting.refresh_from_db()
    assert meeting.status == "held"


# Notes


def test_a_draft_is_saved_and_published_as_version_one(world: World) -> None:
    meeting = held(world)
    note = meeting_note_save(
        actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Vi snakket om praksis.",
        expected_version=1,
    )  # fmt: skip
    assert (note.draft_text, note.versions.count()) == ("Vi snakket om praksis.", 0)
    note = meeting_note_save(
        actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Vi snakket om praksis i barnehage.",
        expected_version=2, publish=True,
    )  # fmt: skip
    (version,) = note.versions.all()
    assert (version.number, version.text, version.published_at, version.correction_reason) == (
        1,
        "Vi snakket om praksis i barnehage.",
        NOW,
        "",
    )
    assert note.draft_text == ""


def test_a_correction_is_a_new_version_that_keeps_the_earlier_text(world: World) -> None:
    meeting = held(world)
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Start 1. desember.",
                      expected_version=1, publish=True)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting,
                          text="Start 2. desember.", expected_version=2, publish=True)  # fmt: skip
    assert codes(error) == {"correction_reason"}
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Start 2. desember.",
                      expected_version=2, publish=True, correction_reason="Feil dato")  # fmt: skip
    texts = list(MeetingNoteVersion.objects.order_by("number").values_list("number", "text", "correction_reason"))
    assert texts == [(1, "Start 1. desember.", ""), (2, "Start 2. desember.", "Feil dato")]


def test_a_correction_must_change_the_text(world: World) -> None:
    meeting = held(world)
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Samme.",
                      expected_version=1, publish=True)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Samme.",
                          expected_version=2, publish=True, correction_reason="Ingenting")  # fmt: skip
    assert codes(error) == {"text"}
    assert MeetingNoteVersion.objects.count() == 1


def test_notes_of_a_planned_meeting_stay_a_draft(world: World) -> None:
    meeting = planned(world)
    with pytest.raises(ValidationError) as error:
        meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Agenda",
                          expected_version=1, publish=True)  # fmt: skip
    assert codes(error) == {"text"}
    assert not MeetingNoteVersion.objects.exists()


def test_it_refuses_empty_notes_and_stale_notes(world: World) -> None:
    meeting = held(world)
    with pytest.raises(ValidationError) as error:
        meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="  ",
                          expected_version=1)  # fmt: skip
    assert codes(error) == {"text"}
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="A",
                      expected_version=1)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="B",
                          expected_version=1)  # fmt: skip
    assert codes(error) == {"stale"}
    assert MeetingNote.objects.get().draft_text == "A"


def test_a_meeting_with_published_notes_was_held(world: World) -> None:
    meeting = held(world)
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Referat",
                      expected_version=1, publish=True)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        meeting_record_outcome(actor=world.counsellor, access=counsellors(world), meeting=meeting,
                               expected_version=1, outcome="no_show", interpreter_used=None)  # fmt: skip
    assert codes(error) == {"notes_published"}


# The participant cannot come


def test_the_participant_says_they_cannot_come_and_the_counsellor_gets_a_message(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = planned(world)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cannot_come(actor=world.participant_user, access=own(world), meeting=meeting, text="Jeg er syk.")
    meeting.refresh_from_db()
    assert meeting.cannot_come_at == NOW
    thread = Thread.objects.get()
    assert (thread.participant, thread.waiting_for, thread.language) == (world.participant, "counsellor", "so")
    assert "Jeg er syk." in thread.messages.get().text
    with pytest.raises(ValidationError) as error:
        meeting_cannot_come(actor=world.participant_user, access=own(world), meeting=meeting)
    assert codes(error) == {"already_told"}


def test_only_the_participant_says_they_cannot_come_and_only_before_the_meeting(world: World) -> None:
    meeting = planned(world)
    with pytest.raises(ValidationError) as error:
        meeting_cannot_come(actor=world.counsellor, access=counsellors(world), meeting=meeting)
    assert codes(error) == {"not_participant"}
    with time_machine.travel(TOMORROW, tick=False), pytest.raises(ValidationError) as error:
        meeting_cannot_come(actor=world.participant_user, access=own(world), meeting=meeting)
    assert codes(error) == {"not_upcoming"}
    assert not Thread.objects.exists()
