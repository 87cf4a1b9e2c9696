"""Demo offices for the page benchmarks, several in one database, built by the demo generator (kvp.demo).

`kvp demo` seeds one office, NAV Drammen; the benchmarks need a small and a large office side by side, so
that both are measured on the same database. Each office gets its own name, unit number and username
prefix, and national identity numbers already used by another office are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from django.contrib.auth.hashers import make_password
from django.db import transaction

from bench.scale import TODAY
from bench.terminal import progress
from kvp.accounts.models import ROLE_COUNSELLOR, ROLE_LEADER, Office, User
from kvp.audit.models import AuditEvent, listed_key
from kvp.demo import places
from kvp.demo.generator import ParticipantRows, Sizes, build_staff, participant_rows, seeded
from kvp.demo.inserts import ROWS_PER_INSERT, insert_validated
from kvp.demo.seeding import PARTICIPANTS_PER_BATCH, Batch
from kvp.participants.models import Participant
from kvp.rules.access import Basis

SPARE = 100  # drawn beyond the wanted number, to replace participants whose national id another office has
AUDIT_EVENTS_PER_PARTICIPANT = 10
AUDIT_ACTIONS = (AuditEvent.Action.LIST, AuditEvent.Action.VIEW, AuditEvent.Action.VIEW, AuditEvent.Action.UPDATE)


@dataclass(frozen=True)
class BenchOffice:
    office: Office
    leader: User
    participants: int
    searched: Participant  # on the list's last page, with the office's usual number of audit events


def seed_office(*, unit: str, participants: int, seed: int, used_ids: set[str]) -> BenchOffice:
    """An office with `participants` demo participants and their histories, and an audit trail for each."""
    with transaction.atomic():
        office = Office.objects.create(
            name=f"NAV Bench {unit}",
            unit_number=unit,
            municipality_number=places.MUNICIPALITY_NUMBER,
            municipality_name=places.MUNICIPALITY_NAME,
        )
        staff = build_staff(seeded(seed, "staff"), office, Sizes(participants), make_password(None))
        for user in staff.users:
            user.username = f"{unit}-{user.username}"
        insert_validated(User, staff.users)
        rows = participant_rows(
            seeded(seed, "participants"),
            office=office,
            staff=staff,
            sizes=Sizes(participants + SPARE),
            today=TODAY,
            password_hash=make_password(None),
        )
        _write(islice(_unique(rows, used_ids, unit), participants), participants, label=f"Office {unit}")
        _audit_trail(office, staff.leader, label=f"Audit {unit}")
    searched = Participant.objects.filter(office=office, shielded=False).order_by("-last_name", "-first_name").first()
    assert searched is not None
    return BenchOffice(office=office, leader=staff.leader, participants=participants, searched=searched)


def _unique(rows: Iterator[ParticipantRows], used_ids: set[str], unit: str) -> Iterator[ParticipantRows]:
    for item in rows:
        if item.participant.national_id in used_ids:
            continue
        used_ids.add(item.participant.national_id)
        if item.login is not None:
            item.login.username = f"{unit}-{item.login.username}"
        yield item


def _write(rows: Iterator[ParticipantRows], total: int, *, label: str) -> None:
    bar = progress(label, total)
    batch = Batch()
    for item in rows:
        batch.add(item)
        if batch.participants == PARTICIPANTS_PER_BATCH:
            bar.advance(batch.write())
    bar.advance(batch.write())
    bar.finish()


def _audit_trail(office: Office, leader: User, *, label: str) -> None:
    """AUDIT_EVENTS_PER_PARTICIPANT reads and writes of each participant, by their counsellor or the leader."""
    people = list(Participant.objects.filter(office=office).values_list("pk", "counsellor_id"))
    bar = progress(label, len(people) * AUDIT_EVENTS_PER_PARTICIPANT)
    for start in range(0, len(people), ROWS_PER_INSERT):
        events = [
            AuditEvent(
                actor_id=counsellor_id or leader.pk,
                actor_roles=ROLE_COUNSELLOR if counsellor_id else ROLE_LEADER,
                actor_office_name=office.name,
                action=action,
                object_type="participant",
                basis=Basis.ASSIGNED if counsellor_id else Basis.LEADER,
                # a list event names the participant among those listed; the others, the participant read
                **(
                    {"listed": listed_key(participant_id), "actor_office": office}
                    if action == AuditEvent.Action.LIST
                    else {"participant_id": participant_id, "object_id": str(participant_id)}
                ),
            )
            for participant_id, counsellor_id in people[start : start + ROWS_PER_INSERT]
            for action in (AUDIT_ACTIONS[number % len(AUDIT_ACTIONS)] for number in range(AUDIT_EVENTS_PER_PARTICIPANT))
        ]
        AuditEvent.objects.bulk_create(events, batch_size=ROWS_PER_INSERT)
        bar.advance(len(events))
    bar.finish()
