"""The audit log keeps an event's organisation as an id, not a foreign key: `audit` imports no app.

The column and its index stay; only the constraint to the organisation table goes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="auditevent",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="activities.organisation",
                    ),
                ),
            ],
            state_operations=[
                migrations.RemoveField(model_name="auditevent", name="organisation"),
                migrations.AddField(
                    model_name="auditevent",
                    name="organisation_id",
                    field=models.BigIntegerField(blank=True, db_index=True, null=True),
                ),
            ],
        ),
    ]
