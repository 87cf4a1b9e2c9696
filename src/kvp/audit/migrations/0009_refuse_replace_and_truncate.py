"""Close the two ways round the append-only triggers of migration 0002.

SQLite's `INSERT OR REPLACE` / `REPLACE INTO` deletes the row it conflicts with without firing delete
triggers; its BEFORE INSERT trigger fires first, so refusing an insert whose id already exists leaves
nothing to replace (an upsert's DO UPDATE is refused by the update trigger). PostgreSQL's row triggers do
not fire on TRUNCATE: a statement trigger refuses it while the trail holds any event.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLE = "audit_auditevent"

CREATE = {
    "sqlite": [
        f"CREATE TRIGGER audit_no_replace BEFORE INSERT ON {TABLE} "
        f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
    ],
    "postgresql": [
        # Truncating an empty trail destroys nothing (a test database's flush does it); a trail with events is kept.
        "CREATE FUNCTION audit_refuse_truncate() RETURNS trigger AS $$ "
        f"BEGIN IF EXISTS (SELECT 1 FROM {TABLE}) THEN RAISE EXCEPTION 'audit events are append-only'; END IF; "
        "RETURN NULL; END; $$ LANGUAGE plpgsql",
        f"CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {TABLE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()",
    ],
}
DROP = {
    "sqlite": ["DROP TRIGGER audit_no_replace"],
    "postgresql": [f"DROP TRIGGER audit_no_truncate ON {TABLE}", "DROP FUNCTION audit_refuse_truncate()"],
}


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in CREATE.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0008_object_type_registered_by_apps")]
    operations = [migrations.RunPython(create, drop)]
