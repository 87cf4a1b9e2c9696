from collections.abc import Iterator

import pytest
import time_machine
from django.urls import reverse

from kvp.audit.models import AuditEvent
from kvp.followup.audit_types import MEETING
from kvp.followup.meetings import meeting_note_save
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion
from kvp.wording.models import WordingOutcome
from tests.conftest import World, client_for
from tests.followup.meeting_builders import NOW, counsellors, held, planned


@pytest.fixture(autouse=True)
def _now() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def publish(world: World, meeting: Meeting, text: str) -> None:
    note = MeetingNote.objects.filter(meeting=meeting).first()
    meeting_note_save(
        actor=world.counsellor,
        access=counsellors(world),
        meeting=meeting,
        text=text,
        expected_version=note.version if note else 1,
        publish=True,
        correction_reason="Rettet dato" if note else "",
    )


def test_the_counsellor_books_a_meeting_with_a_somali_phone_interpreter(world: World) -> None:
    data = {
        "starts_at": "2026-12-03T10:00",
        "duration_minutes": 60,
        "channel": "in_person",
        "topic": "Kartlegging",
        "interpreter_language": "so",
        "interpreter_form": "phone",
        "interpreter_booked": "on",
        "interpreter_booking_reference": "TOLK-1",
    }
    response = client_for(world.counsellor).post(reverse("meeting_create", args=[world.participant.pk]), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.interpreter_form, meeting.interpreter_booked, meeting.interpreter_booking_reference) == (
        "phone",
        True,
        "TOLK-1",
    )


def test_the_participant_page_shows_meetings_with_interpreter_and_notes_state(world: World) -> None:
    coming = planned(world, topic="Neste samtale")
    done = held(world, topic="Kartlegging med tolk")
    publish(world, done, "Referat")
    page = client_for(world.counsellor).get(reverse("participant_detail", args=[world.participant.pk]))
    content = page.content.decode()
    assert reverse("meeting_detail", args=[coming.pk]) in content
    assert reverse("meeting_edit", args=[coming.pk]) in content
    assert reverse("meeting_note", args=[done.pk]) in content
    assert "TOLK-4411" in content  # staff see the booking reference
    assert [row.meeting for row in page.context["upcoming"]] == [coming]


def test_a_leader_sees_the_meetings_without_links_to_change_them(world: World) -> None:
    coming = planned(world)
    content = client_for(world.leader).get(reverse("participant_detail", args=[world.participant.pk])).content.decode()
    assert reverse("meeting_detail", args=[coming.pk]) in content
    assert reverse("meeting_edit", args=[coming.pk]) not in content


def test_the_meeting_page_is_a_meeting_read_in_the_audit_trail(world: World) -> None:
    meeting = planned(world)
    assert client_for(world.counsellor).get(reverse("meeting_detail", args=[meeting.pk])).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_type=MEETING, actor=world.counsellor
    ).exists()


def test_the_counsellor_moves_a_meeting(world: World) -> None:
    meeting = planned(world)
    data = {
        "starts_at": "2026-12-01T13:00",
        "duration_minutes": 45,
        "channel": "video",
        "place": "",
        "topic": "Oppfølging",
        "interpreter_language": "so",
        "interpreter_form": "video",
        "interpreter_booked": "on",
        "version": 1,
    }
    response = client_for(world.counsellor).post(reverse("meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.channel, meeting.interpreter_form, meeting.version) == ("video", "video", 2)


def test_a_stale_edit_is_refused_and_changes_nothing(world: World) -> None:
    meeting = planned(world)
    data = {"starts_at": "2026-12-01T13:00", "duration_minutes": 45, "channel": "video", "topic": "X", "version": 7}
    response = client_for(world.counsellor).post(reverse("meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.version == 1


def test_the_counsellor_drafts_then_publishes_notes(world: World) -> None:
    meeting = held(world)
    client = client_for(world.counsellor)
    url = reverse("meeting_note", args=[meeting.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"text": "Utkast", "version": 1, "draft": "1"})
    assert MeetingNote.objects.get().draft_text == "Utkast"
    assert not MeetingNoteVersion.objects.exists()
    assert client.post(url, {"text": "Ferdig referat", "version": 2, "publish": "1"}).status_code == 302
    assert MeetingNoteVersion.objects.get().text == "Ferdig referat"


def test_published_notes_are_checked_for_wording_and_a_draft_is_not_counted(world: World) -> None:
    meeting = held(world)
    client = client_for(world.counsellor)
    url = reverse("meeting_note", args=[meeting.pk])
    blame = "Han hevder at han var syk."
    client.post(url, {"text": blame, "version": 1, "draft": "1"})
    assert not WordingOutcome.objects.exists()
    assert 'hx-post="/tekst/sjekk/"' in client.get(url).content.decode()
    client.post(url, {"text": blame, "version": 2, "publish": "1"})
    outcome = WordingOutcome.objects.get()
    assert (outcome.source, outcome.kept_as_written) == ("meeting_notes", True)
    assert "blame" in outcome.categories


def test_the_notes_page_has_the_textarea_in_its_own_partial(world: World) -> None:
    meeting = held(world)
    response = client_for(world.counsellor).get(reverse("meeting_note", args=[meeting.pk]))
    assert "followup/_note_textarea.html" in [template.name for template in response.templates]


def test_a_draft_is_not_shown_to_the_participant_and_a_published_note_is(world: World) -> None:
    meeting = held(world)
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Hemmelig utkast",
                      expected_version=1)  # fmt: skip
    client = client_for(world.participant_user)
    assert "Hemmelig utkast" not in client.get(reverse("my_meeting", args=[meeting.pk])).content.decode()
    assert "Hemmelig utkast" not in client.get(reverse("my_page")).content.decode()
    meeting_note_save(actor=world.counsellor, access=counsellors(world), meeting=meeting, text="Delt referat",
                      expected_version=2, publish=True)  # fmt: skip
    assert reverse("my_meeting", args=[meeting.pk]) in client.get(reverse("my_page")).content.decode()
    response = client.get(reverse("my_meeting", args=[meeting.pk]))
    assert "Delt referat" in response.content.decode()
    assert "27. november 2026" in response.content.decode()  # the date published


def test_the_participant_sees_a_correction_and_the_earlier_text(world: World) -> None:
    meeting = held(world)
    publish(world, meeting, "Start 1. desember")
    publish(world, meeting, "Start 2. desember")
    content = client_for(world.participant_user).get(reverse("my_meeting", args=[meeting.pk])).content.decode()
    assert "Start 2. desember" in content
    assert "Start 1. desember" in content
    assert "Rettet dato" in content


def test_my_page_shows_upcoming_meetings_with_the_interpreter(world: World) -> None:
    meeting = planned(world, place="Møterom Drammen")
    cancelled = planned(world, topic="Avlyst")
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    response = client_for(world.participant_user).get(reverse("my_page"))
    content = response.content.decode()
    assert response.context["upcoming"] == [meeting]
    assert "Møterom Drammen" in content
    assert "TOLK-4411" not in content  # the booking reference is for staff


def test_the_participant_says_they_cannot_come(world: World) -> None:
    meeting = planned(world)
    client = client_for(world.participant_user)
    response = client.post(reverse("my_meeting_cannot_come", args=[meeting.pk]), {"text": "Syk barn"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.cannot_come_at == NOW
    assert client.post(reverse("my_meeting_cannot_come", args=[meeting.pk]), {}).status_code == 400


def test_the_participant_cannot_open_someone_elses_meeting(world: World) -> None:
    from tests import factories

    other = factories.participant(world.office, world.counsellor, with_login=True)
    meeting = planned(world)
    assert client_for(other.user).get(reverse("my_meeting", args=[meeting.pk])).status_code == 404


def test_the_counsellor_records_an_outcome_and_cancels(world: World) -> None:
    done = held(world)
    client = client_for(world.counsellor)
    data = {"outcome": "held", "interpreter_used": "no", "version": 1}
    assert client.post(reverse("meeting_outcome", args=[done.pk]), data).status_code == 302
    done.refresh_from_db()
    assert done.interpreter_used is False
    coming = planned(world)
    client.post(reverse("meeting_cancel", args=[coming.pk]), {"reason": "Flyttet", "version": 1})
    coming.refresh_from_db()
    assert coming.status == "cancelled"
