"""The table of the shared cache (settings.CACHES on PostgreSQL), so that `migrate` is the only
step a deployment needs. createcachetable creates what CACHES names and skips what exists."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("activities", "0006_search_and_filter_indexes")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
