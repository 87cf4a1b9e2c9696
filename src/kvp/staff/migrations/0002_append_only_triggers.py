"""Make the staff management log append-only in the database itself, not only in the model."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLE = "staff_staffevent"

SQLITE = [
    f"CREATE TRIGGER staff_event_no_update BEFORE UPDATE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'staff management events are append-only'); END",
    f"CREATE TRIGGER staff_event_no_delete BEFORE DELETE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'staff management events are append-only'); END",
]
POSTGRES = [
    "CREATE FUNCTION staff_event_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'staff management events are append-only'; END; $$ LANGUAGE plpgsql",
    f"CREATE TRIGGER staff_event_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION staff_event_append_only()",
    # Truncating an empty log destroys nothing (a test database's flush does it); a log with events is kept.
    "CREATE FUNCTION staff_event_refuse_truncate() RETURNS trigger AS $$ "
    f"BEGIN IF EXISTS (SELECT 1 FROM {TABLE}) THEN RAISE EXCEPTION 'staff management events are append-only'; "
    "END IF; RETURN NULL; END; $$ LANGUAGE plpgsql",
    f"CREATE TRIGGER staff_event_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION staff_event_refuse_truncate()",
]
DROP = {
    "sqlite": ["DROP TRIGGER staff_event_no_update", "DROP TRIGGER staff_event_no_delete"],
    "postgresql": [
        f"DROP TRIGGER staff_event_no_truncate ON {TABLE}",
        "DROP FUNCTION staff_event_refuse_truncate()",
        f"DROP TRIGGER staff_event_no_change ON {TABLE}",
        "DROP FUNCTION staff_event_append_only()",
    ],
}


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("staff", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
