"""A list shown is one audit event naming every participant in it, instead of one event per row.

The existing per-row list events are merged: rows of one list share the actor, what was listed, the basis and
the second they were written. The trail is append-only, so its triggers (migrations 0002 and 0009) are lifted for
the merge and put back after it; on SQLite they go with the old table when it is rebuilt in any case.
"""

import importlib
from collections import defaultdict
from typing import Any

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TRIGGERS = [
    importlib.import_module("kvp.audit.migrations.0002_append_only_triggers"),
    importlib.import_module("kvp.audit.migrations.0009_refuse_replace_and_truncate"),
]
SAME_LIST = ("actor_id", "actor_roles", "actor_office_name", "object_type", "basis", "reason")


def lift_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for triggers in reversed(TRIGGERS):
        triggers.drop(apps, schema_editor)


def restore_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for triggers in TRIGGERS:
        triggers.create(apps, schema_editor)


def _checks_now(schema_editor: BaseDatabaseSchemaEditor) -> None:
    """PostgreSQL defers foreign-key checks to the end of the transaction, and refuses to alter a table with checks
    pending: run them now, so the schema changes after a data step can follow in the same migration."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def _keeping_time(apps: StateApps) -> Any:
    event = apps.get_model("audit", "AuditEvent")
    event._meta.get_field("at").auto_now_add = False  # the merged event keeps the list's time
    return event


def merge_list_rows(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    event = _keeping_time(apps)
    office_ids = dict(apps.get_model("accounts", "Office").objects.values_list("name", "pk"))
    rows = event.objects.filter(action="list", participant__isnull=False).order_by("at", "pk")
    lists: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in rows.iterator():
        lists[(*(getattr(row, name) for name in SAME_LIST), row.at.replace(microsecond=0))].append(row)
    event.objects.bulk_create(
        event(
            **{name: getattr(shown[0], name) for name in SAME_LIST},
            actor_office_id=office_ids.get(shown[0].actor_office_name),
            at=shown[0].at,
            action="list",
            listed=" ".join(dict.fromkeys(row.participant_id.hex for row in shown)),
        )
        for shown in lists.values()
    )
    rows.delete()
    _checks_now(schema_editor)


def split_list_events(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    event = _keeping_time(apps)
    merged = event.objects.filter(action="list", participant__isnull=True)
    event.objects.bulk_create(
        event(
            **{name: getattr(shown, name) for name in SAME_LIST},
            at=shown.at,
            action="list",
            participant_id=key,
            object_id=key,
        )
        for shown in merged.iterator()
        for key in shown.listed.split()
    )
    merged.delete()
    _checks_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_attendance"),
        ("audit", "0009_refuse_replace_and_truncate"),
        ("participants", "0002_transfer_requests"),
    ]

    operations = [
        migrations.RunPython(lift_triggers, restore_triggers),
        migrations.AddField(
            model_name="auditevent",
            name="actor_office",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.office",
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="listed",
            field=models.TextField(blank=True, verbose_name="listed"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="participant",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audit_events",
                to="participants.participant",
                verbose_name="participant",
            ),
        ),
        migrations.RunPython(merge_list_rows, split_list_events),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.CheckConstraint(
                condition=models.Q(participant__isnull=False, listed="")
                | (models.Q(participant__isnull=True, action="list") & ~models.Q(listed="")),
                name="audit_event_names_its_participants",
            ),
        ),
        migrations.RunPython(restore_triggers, lift_triggers),
    ]
