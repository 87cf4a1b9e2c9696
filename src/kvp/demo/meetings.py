"""The demo meetings' notes, added after the meetings are written (kvp.demo.story draws the meetings and books
their interpreters).

The participants who can log in (deltaker01, …) get published notes from their held meetings of the last
half year (one of them corrected once), and a draft from their latest held meeting that they do not see.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from kvp.accounts.models import Office
from kvp.demo.inserts import insert_validated
from kvp.demo.story import at, new_uuid
from kvp.followup.models import Meeting, MeetingNote, MeetingNoteVersion

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
    insert_validated(MeetingNote, notes)
    insert_validated(MeetingNoteVersion, versions)
    return len(notes)


def seed_meeting_details(rng: random.Random, *, office: Office, today: datetime.date) -> int:
    """Notes for the participants who log in; returns the number of meeting notes made."""
    return _notes(rng, office, today)
