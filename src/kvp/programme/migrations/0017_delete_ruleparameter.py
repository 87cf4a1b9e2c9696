"""The rule parameters live in kvp.parameters now, dated; their values were carried over before this runs."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0016_aftercare'),
        ('parameters', '0003_carry_over_undated_values'),
    ]

    operations = [
        migrations.DeleteModel(
            name='RuleParameter',
        ),
    ]
