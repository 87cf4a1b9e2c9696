"""The per-row list events stored before lists became one event are merged into one event per list shown, and
the trail is append-only again afterwards. (Migrations commit, so these tests do too.)"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from kvp.audit.models import AuditEvent
from tests import factories
from tests.conftest import World, empty_audit_trail

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("audit", "0009_refuse_replace_and_truncate")]
AFTER = [("audit", "0010_lists_are_one_event")]


@pytest.fixture(autouse=True)
def _migrated_and_empty_afterwards() -> Iterator[None]:
    yield
    migrate(AFTER)  # even when the test failed half-way back
    empty_audit_trail()


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def test_per_row_list_events_become_one_event_per_list(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, first_name="Olena")
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("audit", "AuditEvent")
    old._meta.get_field("at").auto_now_add = False  # rows from the past, at the times given
    shown_at = datetime.datetime(2026, 11, 2, 9, 30, 0, 100, tzinfo=datetime.UTC)
    common = {"actor_id": world.counsellor.pk, "actor_roles": "counsellor", "actor_office_name": "NAV Testby"}
    common |= {"action": "list", "object_type": "participant_list", "basis": "assigned"}
    for at in [shown_at, shown_at + datetime.timedelta(hours=1)]:  # two lists, two rows each
        for person in [world.participant, other]:
            old.objects.create(participant_id=person.pk, object_id=str(person.pk), at=at, **common)
    viewed = common | {"action": "view", "at": shown_at}
    old.objects.create(participant_id=other.pk, object_id=str(other.pk), **viewed)

    migrate(AFTER)

    lists = list(AuditEvent.objects.filter(action="list").order_by("at"))
    assert [(event.at, event.participant_id, event.actor_office) for event in lists] == [
        (shown_at, None, world.office),
        (shown_at + datetime.timedelta(hours=1), None, world.office),
    ]
    assert {event.listed for event in lists} == {f"{world.participant.pk.hex} {other.pk.hex}"}
    assert AuditEvent.objects.about(other.pk).count() == 3
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")


def test_going_back_splits_each_list_event_into_its_rows(world: World) -> None:
    other = factories.participant(world.office, world.counsellor, first_name="Olena")
    AuditEvent.objects.create(
        actor=world.counsellor,
        action="list",
        object_type="participant_list",
        basis="assigned",
        listed=f"{world.participant.pk.hex} {other.pk.hex}",
    )
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("audit", "AuditEvent")
    assert sorted(old.objects.values_list("participant_id", flat=True)) == sorted([world.participant.pk, other.pk])
    migrate(AFTER)
    assert AuditEvent.objects.get().listed == f"{world.participant.pk.hex} {other.pk.hex}"
