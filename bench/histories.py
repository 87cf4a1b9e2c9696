"""Two participants of one counsellor for the participant page, showing the same content: one with a short
history, one with a long one.

Both have four programmes (the page shows every case) and at least the 20 meetings and 20 notes the page
shows. The long history has ten times the meetings and notes and thousands of audit events, none of which
the page shows, so it should cost about the same. Meetings and notes copy the demo office's texts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import cycle, islice, pairwise

from django.utils import timezone

from bench.offices import BenchOffice
from bench.scale import TODAY
from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.followup.models import CaseNote, Meeting
from kvp.participants.audit_types import PARTICIPANT
from kvp.participants.models import Participant
from kvp.programme.models import Case, CaseEvent
from kvp.rules.access import Basis
from kvp.rules.case_status import CaseStatus, EndReason
from kvp.rules.identity import make_synthetic

ENDED_PROGRAMMES = 3  # before the current one
SHOWN = 20  # meetings and notes the participant page shows
LONG_FACTOR = 10  # the long history has ten times as many
PROGRAMME = (CaseStatus.APPLIED, CaseStatus.ASSESSED, CaseStatus.GRANTED, CaseStatus.ACTIVE, CaseStatus.ENDED)
STEP_DAYS = (0, 30, 45, 60, 425)  # after the application; a programme of 12 months
BIRTH_DATE = datetime.date(1990, 5, 17)


@dataclass(frozen=True)
class Histories:
    counsellor: User
    short: Participant
    long: Participant
    short_summary: str
    long_summary: str


def build_histories(large: BenchOffice, *, audit_events: int) -> Histories:
    office = large.office
    counsellor = User.objects.filter(office=office, is_counsellor=True).order_by("username").first()
    assert counsellor is not None
    short, long = (_participant(large, counsellor, number) for number in _free_national_ids(2))
    for participant, items, accesses in ((short, SHOWN, 5), (long, SHOWN * LONG_FACTOR, audit_events)):
        for number in range(ENDED_PROGRAMMES + 1):
            applied = TODAY - datetime.timedelta(days=270 + 1000 * (ENDED_PROGRAMMES - number))
            _programme(participant, counsellor, applied, steps=len(PROGRAMME) if number < ENDED_PROGRAMMES else 4)
        _meetings_and_notes(participant, counsellor, items)
        _accesses(participant, accesses)
    cases = f"{ENDED_PROGRAMMES + 1} cases"
    return Histories(
        counsellor=counsellor,
        short=short,
        long=long,
        short_summary=f"{cases}, {SHOWN} meetings and notes, 5 audit events",
        long_summary=f"{cases}, {SHOWN * LONG_FACTOR} meetings and notes, {audit_events:,} audit events",
    )


def _free_national_ids(count: int) -> list[str]:
    candidates = (make_synthetic(birth_date=BIRTH_DATE, individual=individual) for individual in range(500))
    free = (number for number in candidates if number and not Participant.objects.filter(national_id=number).exists())
    return list(islice(free, count))


def _participant(large: BenchOffice, counsellor: User, national_id: str) -> Participant:
    return Participant.objects.create(
        office=large.office,
        counsellor=counsellor,
        national_id=national_id,
        first_name="Amina",
        last_name="Hassan",
        phone="412 34 567",
        street_address="Bragernes torg 1",
        postal_code="3017",
        postal_town="Drammen",
        preferred_language="so",
        needs_interpreter=True,
        interpreter_language="so",
    )


def _programme(participant: Participant, counsellor: User, applied: datetime.date, *, steps: int) -> None:
    """A case that has gone through the first `steps` statuses of a programme, with its events."""
    days = [applied + datetime.timedelta(days=offset) for offset in STEP_DAYS]
    ended = steps == len(PROGRAMME)
    case = Case.objects.create(
        participant=participant,
        status=PROGRAMME[steps - 1],
        end_reason=EndReason.COMPLETED_WORK if ended else "",
        applied_on=applied,
        received_by=counsellor,
        decided_on=days[2] if steps > 2 else None,
        starts_on=days[3] if steps > 3 else None,
        ends_on=days[4] if steps > 3 else None,
        ended_on=days[4] if ended else None,
    )
    statuses = ("", *PROGRAMME[:steps])
    CaseEvent.objects.bulk_create(
        CaseEvent(case=case, at=_moment(day), actor=counsellor, from_status=before, to_status=after)
        for day, (before, after) in zip(days, pairwise(statuses), strict=False)
    )


def _meetings_and_notes(participant: Participant, counsellor: User, count: int) -> None:
    demo_meetings = Meeting.objects.filter(participant__office=participant.office_id).order_by("pk")[:count]
    Meeting.objects.bulk_create(
        Meeting(
            participant=participant,
            starts_at=_moment(TODAY + datetime.timedelta(days=7 - 14 * number)),
            duration_minutes=meeting.duration_minutes,
            channel=meeting.channel,
            place=meeting.place,
            interpreter_language="so",
            topic=meeting.topic,
            status=Meeting.Status.PLANNED if number == 0 else Meeting.Status.HELD,
            organiser=counsellor,
        )
        for number, meeting in enumerate(demo_meetings)
    )
    demo_notes = CaseNote.objects.filter(participant__office=participant.office_id).order_by("pk")[:count]
    CaseNote.objects.bulk_create(
        CaseNote(participant=participant, author=counsellor, title=note.title, text=note.text) for note in demo_notes
    )


def _accesses(participant: Participant, count: int) -> None:
    """`count` reads by the office's staff in turn (the page shows the latest five by others)."""
    staff = User.objects.filter(office=participant.office_id).order_by("pk")[:50]
    AuditEvent.objects.bulk_create(
        (
            AuditEvent(
                actor=user,
                actor_roles=user.role_codes,
                actor_office_name=participant.office.name,
                participant=participant,
                action=AuditEvent.Action.VIEW,
                object_type=PARTICIPANT,
                object_id=str(participant.pk),
                basis=Basis.LEADER if user.is_leader else Basis.REASON,
            )
            for user in islice(cycle(staff), count)
        ),
        batch_size=1000,
    )


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_default_timezone())
