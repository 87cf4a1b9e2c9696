"""Seed the dated rates known when KVP was built (kvp.rules.rate_history)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from kvp.rules import rate_history

SOURCES = {
    "base_amounts": "S10; 2026 unverified",
    "factors": "S7, S2",
    "child_supplements": "S4, S8, S9; dates unverified for KVP",
}


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rate = apps.get_model("programme", "Rate")
    table = rate_history.KNOWN_RATES
    rate.objects.bulk_create(
        rate(series=series, valid_from=row.valid_from, value=row.value, source=SOURCES[series])
        for series in SOURCES
        for row in getattr(table, series)
    )


def unseed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("programme", "Rate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_rates")]
    operations = [migrations.RunPython(seed, unseed)]
