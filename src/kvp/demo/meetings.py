"""The demo meetings' interpreters and notes, added after the meetings are written (kvp.demo.story draws them).

Interpreters: a phone or video meeting has the interpreter on the same line; at the office, interpreters in
Somali, Tigrinya and Dari (few in the Drammen region) take part by phone and the others in person. Meetings held,
and planned meetings in the coming week, are booked; later ones not yet. The interpreter was used in every held
meeting. Set-based updates: fast for a large office.

Notes: the participants who can log in (deltaker01, …) get published notes from their held meetings of the last
half year (one of them corrected once), and a draft from their latest held meeting that they do not see.
"""

from __future__ import annotations

import datetime
import random

from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat, Substr, Upper
from django.utils import timezone

from kvp.accounts.models import Office
from kvp.demo.story import at, new_uuid
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion

REMOTE_LANGUAGES = ("so", "ti", "prs")  # interpreters join by phone
BOOKED_AHEAD = datetime.timedelta(days=7)
NOTES_SINCE = datetime.timedelta(days=183)
NOTE_TEXTS = {
    "Kartleggingssamtale": (
        "Vi gikk gjennom utdanning og arbeidserfaring og hva du ønsker å jobbe med. "
        "Du tar med vitnemål fra skolen til neste møte, så ser vi på godkjenning."
    ),
    "Oppstartsmøte og individuell plan": (
        "Vi laget planen sammen: norskopplæring tre dager i uken og arbeidspraksis to dager. "
        "Du får oversikt over timeplanen i meldinger. Neste møte om fem uker."
    ),
    "Trepartsmøte på praksisplassen": (
        "Møte med veileder på praksisplassen. Du trives, og arbeidsoppgavene passer. "
        "Vi avtalte at du får prøve flere oppgaver fra neste måned."
    ),
}
FOLLOW_UP_TEXT = (
    "Vi snakket om hvordan det går med kurs og praksis, og om hva som skal til for å nå målet ditt. "
    "Du ønsker mer språkpraksis; jeg undersøker muligheter og svarer i meldinger innen to uker."
)
CORRECTED = ("Neste møte om fem uker.", "Neste møte om fire uker.", "Riktig tid til neste møte.")
DRAFT_TEXT = "Utkast: gjennomgang av planen. Sjekk med kursleder om fremmøte før referatet deles."


def _interpreters(meetings: QuerySet[Meeting], today: datetime.date) -> None:
    """Form, booking and use of the interpreters, in a handful of UPDATEs."""
    with_interpreter = meetings.exclude(interpreter_language="")
    with_interpreter.filter(channel=Meeting.Channel.PHONE).update(interpreter_form=Meeting.InterpreterForm.PHONE)
    with_interpreter.filter(channel=Meeting.Channel.VIDEO).update(interpreter_form=Meeting.InterpreterForm.VIDEO)
    at_office = with_interpreter.filter(channel=Meeting.Channel.IN_PERSON)
    at_office.filter(interpreter_language__in=REMOTE_LANGUAGES).update(interpreter_form=Meeting.InterpreterForm.PHONE)
    at_office.exclude(interpreter_language__in=REMOTE_LANGUAGES).update(
        interpreter_form=Meeting.InterpreterForm.IN_PERSON
    )
    week_ahead = (
        datetime.datetime.combine(today, datetime.time(), tzinfo=timezone.get_default_timezone()) + BOOKED_AHEAD
    )
    with_interpreter.filter(~Q(status=Meeting.Status.PLANNED) | Q(starts_at__lt=week_ahead)).update(
        interpreter_booked=True,
        interpreter_booking_reference=Concat(
            Value("TOLK-"), Upper(Substr(Cast(F("id"), output_field=CharField()), 1, 6))
        ),
    )
    with_interpreter.filter(status=Meeting.Status.HELD).update(interpreter_used=True)


def _version(
    note: MeetingNote, number: int, text: str, when: datetime.datetime, reason: str = ""
) -> MeetingNoteVersion:
    return MeetingNoteVersion(
        note=note,
        number=number,
        text=text,
        correction_reason=reason,
        published_at=when,
        published_by_id=note.meeting.organiser_id,
    )


def _notes(rng: random.Random, office: Office, today: datetime.date) -> int:
    """Published notes (and one draft each) for the participants who log in; returns the notes made."""
    since = datetime.datetime.combine(today - NOTES_SINCE, datetime.time(), tzinfo=timezone.get_default_timezone())
    held = list(
        Meeting.objects.filter(
            participant__office=office,
            participant__user__isnull=False,
            status=Meeting.Status.HELD,
            starts_at__gte=since,
        ).order_by("participant_id", "starts_at")
    )
    latest = {meeting.participant_id: meeting for meeting in held}  # ordered: the last one wins
    notes: list[MeetingNote] = []
    versions: list[MeetingNoteVersion] = []
    corrected = False
    for meeting in held:
        note = MeetingNote(id=new_uuid(rng), meeting=meeting, draft_by_id=meeting.organiser_id)
        notes.append(note)
        published = at(rng, timezone.localtime(meeting.starts_at).date(), from_hour=15, to_hour=16)
        if latest[meeting.participant_id] is meeting:
            note.draft_text, note.draft_saved_at = DRAFT_TEXT, published
            continue
        text = NOTE_TEXTS.get(meeting.topic, FOLLOW_UP_TEXT)
        versions.append(_version(note, 1, text, published))
        if not corrected and CORRECTED[0] in text:
            later = published + datetime.timedelta(days=1)
            versions.append(_version(note, 2, text.replace(CORRECTED[0], CORRECTED[1]), later, CORRECTED[2]))
            corrected = True
        note.draft_saved_at = published
    MeetingNote.objects.bulk_create(notes)
    MeetingNoteVersion.objects.bulk_create(versions)
    return len(notes)


def seed_meeting_details(rng: random.Random, *, office: Office, today: datetime.date) -> int:
    """Interpreter details on the office's meetings, and notes for the participants who log in. Returns the
    number of meeting notes made."""
    _interpreters(Meeting.objects.filter(participant__office=office), today)
    return _notes(rng, office, today)
