"""The one optimistic lock: an edit from an older version is refused with what changed; a current one raises
the version by exactly one, with the row locked inside the caller's transaction."""

from __future__ import annotations

import re

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from kvp.common.versioning import ChangedField, VersionConflict, lock_version
from kvp.participants.access import get_participant_for_user
from kvp.participants.audit_types import COUNSELLOR
from kvp.participants.models import Participant
from kvp.participants.services import participant_assign_counsellor, participant_update
from tests.conftest import World


def test_a_stale_version_raises_with_the_changed_fields_and_their_stored_values(world: World) -> None:
    Participant.objects.filter(pk=world.participant.pk).update(version=3, phone="412 34 567")
    submitted = {"phone": "400 00 000", "first_name": world.participant.first_name}
    with translation.override("nb"), transaction.atomic(), pytest.raises(VersionConflict) as raised:
        lock_version(Participant.objects, seen_version=2, submitted=submitted, pk=world.participant.pk)
    conflict = raised.value
    assert (conflict.code, conflict.stored_version) == ("stale", 3)
    assert conflict.changes == (ChangedField("phone", "Mobilnummer", "412 34 567"),)  # first_name is as sent
    assert "Mobilnummer: 412 34 567" in conflict.messages[0]
    assert Participant.objects.get(pk=world.participant.pk).version == 3


def test_the_current_version_is_raised_by_exactly_one(world: World) -> None:
    with transaction.atomic():
        locked = lock_version(Participant.objects, seen_version=1, pk=world.participant.pk)
    assert locked.version == 2
    assert Participant.objects.get(pk=world.participant.pk).version == 2


def test_a_check_without_a_bump_leaves_the_version(world: World) -> None:
    with transaction.atomic():
        lock_version(Participant.objects, seen_version=1, bump=False, pk=world.participant.pk)
    assert Participant.objects.get(pk=world.participant.pk).version == 1


@pytest.mark.django_db(transaction=True)
def test_it_needs_the_callers_transaction(world: World) -> None:
    with pytest.raises(TransactionManagementError):
        lock_version(Participant.objects, seen_version=1, pk=world.participant.pk)


# The version raised in the database (version + 1), and the write SQLite, which ignores FOR UPDATE, makes first
# to take the write lock (version = version).
BUMP = re.compile(r'^UPDATE "(\w+)" SET "version" = \(')
NO_OP_WRITE = re.compile(r'^UPDATE "(\w+)" SET "version" = "\1"\."version" ')


def _locks_then_bumps(queries: list[str]) -> bool:
    """A locking statement on the participant table comes before its version is raised."""
    table = Participant._meta.db_table
    locks = [
        i
        for i, sql in enumerate(queries)
        if (table in sql and "FOR UPDATE" in sql) or ((found := NO_OP_WRITE.match(sql)) and found[1] == table)
    ]
    bumps = [i for i, sql in enumerate(queries) if (found := BUMP.match(sql)) and found[1] == table]
    return bool(locks and bumps and locks[0] < bumps[0])


def test_reassigning_the_counsellor_locks_the_participant_before_raising_its_version(world: World) -> None:
    leader = get_participant_for_user(world.leader, world.participant.pk, what=COUNSELLOR)
    with CaptureQueriesContext(connection) as captured:
        participant_assign_counsellor(actor=world.leader, access=leader, counsellor=world.colleague)
    assert _locks_then_bumps([query["sql"] for query in captured.captured_queries])
    assert Participant.objects.get(pk=world.participant.pk).version == 2
    new_counsellor = get_participant_for_user(world.colleague, world.participant.pk, for_write=True)
    with pytest.raises(VersionConflict):  # an edit of the page as it was before the reassignment
        participant_update(actor=world.colleague, access=new_counsellor, expected_version=1, phone="400 00 000")
