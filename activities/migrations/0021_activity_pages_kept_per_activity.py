"""An activity's page is kept until that activity changes, not until anything in the catalogue does.

The page shows the activity, its organisation's name, its place, schedule, themes and doelgroepen.
activities_catalogue_change (0012) already lists the activity for each of those but one: an
organisation's change only moved the version. Listing all its activities would make every app
server update its filter index for each of them (a second for an organisation with hundreds) while
no filter changed; instead the change writes one row that says "every activity's page", marked as
not touching the filters (`facts` false: activities.index.changed_since skips it). Organisations
change rarely; activities often. An index on (activity_id, version) finds an activity's last change
at once (activities.catalogue_cache.activity_stamp).
"""

from importlib import import_module

from django.db import migrations

ORGANISATION_ROW = """
CREATE OR REPLACE FUNCTION activities_catalogue_organisation_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM activities_activity WHERE status = 'published' AND organisation_id = OLD.id))
       OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM activities_activity WHERE status = 'published' AND organisation_id = NEW.id))
    THEN
        PERFORM activities_catalogue_mark();
        INSERT INTO activities_catalogue_change (activity_id, facts) VALUES (NULL, false);
    END IF;
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
        schema_editor.execute("ALTER TABLE activities_catalogue_change ADD COLUMN facts boolean NOT NULL DEFAULT true")
        schema_editor.execute(ORGANISATION_ROW)
        schema_editor.execute(f"CREATE INDEX {INDEX} ON activities_catalogue_change (activity_id, version)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(ORGANISATION_MARKS)
        schema_editor.execute("DELETE FROM activities_catalogue_change WHERE NOT facts")
        schema_editor.execute("ALTER TABLE activities_catalogue_change DROP COLUMN facts")


class Migration(migrations.Migration):
    dependencies = [("activities", "0020_unchanged_rows_keep_the_version")]
    operations = [migrations.RunPython(forward, backward)]
