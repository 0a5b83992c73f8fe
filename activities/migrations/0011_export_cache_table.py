"""The table of the open-data export's cache (settings.CACHES["exports"]), as 0007 made the shared one."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("activities", "0010_catalogue_version_visible_changes")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
