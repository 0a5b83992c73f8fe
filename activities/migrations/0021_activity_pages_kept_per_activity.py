"""An activity's page is kept until that activity changes, not until anything in the catalogue does.

The page shows the activity, its organisation's name, its place, schedule, themes and doelgroepen.
activities_catalogue_change (0012) already lists the activity for each of those but one: an
organisation's change only moved the version. Its trigger now lists the organisation's published
activities, as a location's does. An index on (activity_id, version) finds an activity's last
change at once (activities.catalogue_cache.activity_stamp).
"""

from importlib import import_module

from django.db import migrations

ORGANISATION_LISTS = """
CREATE OR REPLACE FUNCTION activities_catalogue_organisation_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    activity bigint;
BEGIN
    FOR activity IN
        SELECT id FROM activities_activity WHERE status = 'published'
        AND organisation_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)
    LOOP
        PERFORM activities_catalogue_changed(activity);
    END LOOP;
    RETURN NULL;
END $$
"""

# As migration 0010 made it: only move the version.
ORGANISATION_MARKS = next(
    function
    for function in import_module("activities.migrations.0010_catalogue_version_visible_changes").FUNCTIONS
    if "activities_catalogue_organisation_touched()" in function
)

INDEX = "activities_catalogue_change_activity"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ORGANISATION_LISTS)
        schema_editor.execute(f"CREATE INDEX {INDEX} ON activities_catalogue_change (activity_id, version)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(ORGANISATION_MARKS)


class Migration(migrations.Migration):
    dependencies = [("activities", "0020_unchanged_rows_keep_the_version")]
    operations = [migrations.RunPython(forward, backward)]
