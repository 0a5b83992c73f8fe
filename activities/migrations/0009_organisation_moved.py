"""Activities point at `organisations.Organisation`; locations belong to an organisation.

A location whose activities all belong to one organisation becomes that organisation's; one shared
by several organisations keeps none, and no organisation can change it from an activity form.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, Max


def assign_locations(apps, schema_editor):
    Location = apps.get_model("activities", "Location")
    owned = (
        Location.objects.annotate(owners=Count("activities__organisation", distinct=True))
        .filter(owners=1)
        .annotate(owner=Max("activities__organisation"))
        .values_list("pk", "owner")
    )
    for pk, owner in owned.iterator():
        Location.objects.filter(pk=pk).update(organisation_id=owner)


def fire_pending_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0008_published_verified_index"),
        ("organisations", "0001_initial"),
        ("accounts", "0002_move_memberships_to_organisations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="activity",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="organisations.organisation",
                        verbose_name="organisatie",
                    ),
                ),
                migrations.DeleteModel(name="Organisation"),
            ],
        ),
        migrations.AddField(
            model_name="location",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="locations",
                to="organisations.organisation",
                verbose_name="organisatie",
            ),
        ),
        migrations.RunPython(assign_locations, migrations.RunPython.noop),
        # The updates above queued the catalogue's deferred triggers (migration 0005); PostgreSQL creates no
        # index (Django adds the new column's at the end) while trigger events are pending.
        migrations.RunPython(fire_pending_triggers, migrations.RunPython.noop),
    ]
