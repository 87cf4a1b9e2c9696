"""Carry the undated parameter values over as dated national ones.

Until now a value applied to every day, past and future, and every office. To keep every amount already
computed the same, each becomes a national value valid from the day the qualification programme was
introduced (1 November 2007): no rule in the system is about an earlier day. The old table is read with SQL
when it exists, so this app does not depend on the programme app's migrations; the programme app removes the
old table afterwards (programme 0017 depends on this migration).
"""

import datetime

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.utils.dateparse import parse_datetime

OLD_TABLE = "programme_ruleparameter"
PROGRAMME_INTRODUCED = datetime.date(2007, 11, 1)


def carry_over(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    value_model = apps.get_model("parameters", "ParameterValue")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, value, changed_by_id, changed_at FROM {OLD_TABLE} ORDER BY id")
        rows = cursor.fetchall()
    value_model.objects.bulk_create(
        value_model(
            name=name,
            office=None,
            valid_from=PROGRAMME_INTRODUCED,
            value=value,
            reason="Value set before parameters were dated; carried over as valid from the programme's start.",
            changed_by_id=changed_by_id,
            changed_at=_aware(changed_at),
        )
        for name, value, changed_by_id, changed_at in rows
    )


def _aware(moment: datetime.datetime | str) -> datetime.datetime | None:
    """SQLite hands raw SQL's timestamps back as text in UTC, PostgreSQL as aware datetimes."""
    parsed = moment if isinstance(moment, datetime.datetime) else parse_datetime(moment)
    return parsed.replace(tzinfo=datetime.UTC) if parsed is not None and parsed.tzinfo is None else parsed


class Migration(migrations.Migration):
    dependencies = [("parameters", "0002_append_only_triggers")]
    # Irreversible in effect: the history is append-only, so going back leaves the carried-over rows in place.
    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
