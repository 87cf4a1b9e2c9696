"""Make the parameter history append-only in the database itself, not only in the model: a change is a new row."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLE = "parameters_parametervalue"

SQLITE = [
    f"CREATE TRIGGER parameter_value_no_update BEFORE UPDATE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'parameter values are append-only'); END",
    f"CREATE TRIGGER parameter_value_no_delete BEFORE DELETE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'parameter values are append-only'); END",
]
POSTGRES = [
    "CREATE FUNCTION parameter_value_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'parameter values are append-only'; END; $$ LANGUAGE plpgsql",
    f"CREATE TRIGGER parameter_value_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION parameter_value_append_only()",
]
DROP = {
    "sqlite": ["DROP TRIGGER parameter_value_no_update", "DROP TRIGGER parameter_value_no_delete"],
    "postgresql": [f"DROP TRIGGER parameter_value_no_change ON {TABLE}", "DROP FUNCTION parameter_value_append_only()"],
}


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("parameters", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
