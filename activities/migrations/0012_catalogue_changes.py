"""Which published activities each catalogue version changed, so a process can update its filter index
(activities.index) from those rows instead of rebuilding it from all 50,000.

The triggers of 0010 also write the ids of the activities a visible change touches (an activity, its
themes, doelgroepen or schedule, or every activity at a changed location); a change to what the filters
are made of (a theme, a gebied…) or one too large to list writes a row without an id: rebuild.
The commit trigger stamps the transaction's rows with the new version and drops rows older than
the last 1,000 versions (activities.index.KEPT_VERSIONS). An organisation's own details change no
filter: they only move the version.
"""

from importlib import import_module

from django.db import migrations

# Activity ids one transaction writes before it writes "rebuild" instead.
MAX_LISTED = 1000

PUBLISHED = "SELECT 1 FROM activities_activity WHERE status = 'published' AND"

FORWARD = [
    "CREATE TABLE activities_catalogue_change (version bigint, activity_id bigint)",
    "CREATE INDEX activities_catalogue_change_version ON activities_catalogue_change (version)",
    f"""
    CREATE OR REPLACE FUNCTION activities_catalogue_changed(activity bigint) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
        listed integer := coalesce(nullif(current_setting('activities.catalogue_listed', true), ''), '0')::integer;
    BEGIN
        PERFORM activities_catalogue_mark();
        IF listed > {MAX_LISTED} THEN
            RETURN;
        END IF;
        PERFORM set_config('activities.catalogue_listed', (listed + 1)::text, true);
        INSERT INTO activities_catalogue_change (activity_id)
        VALUES (CASE WHEN listed = {MAX_LISTED} THEN NULL ELSE activity END);
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_activity_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
            PERFORM activities_catalogue_changed(OLD.id);
        ELSIF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
            PERFORM activities_catalogue_changed(NEW.id);
        END IF;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION activities_catalogue_part_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' AND EXISTS ({PUBLISHED} id = OLD.activity_id) THEN
            PERFORM activities_catalogue_changed(OLD.activity_id);
        END IF;
        IF TG_OP <> 'DELETE' AND EXISTS ({PUBLISHED} id = NEW.activity_id)
           AND (TG_OP = 'INSERT' OR NEW.activity_id <> OLD.activity_id) THEN
            PERFORM activities_catalogue_changed(NEW.activity_id);
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_location_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        activity bigint;
    BEGIN
        FOR activity IN
            SELECT id FROM activities_activity WHERE status = 'published'
            AND location_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)
        LOOP
            PERFORM activities_catalogue_changed(activity);
        END LOOP;
        RETURN NULL;
    END $$
    """,
    # What every filter is made of: the whole index is rebuilt.
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM activities_catalogue_mark();
        INSERT INTO activities_catalogue_change (activity_id) VALUES (NULL);
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        stamped bigint;
    BEGIN
        IF current_setting('activities.catalogue_pending', true) = 'on' THEN
            PERFORM set_config('activities.catalogue_pending', 'off', true);
            PERFORM set_config('activities.catalogue_listed', '0', true);
            UPDATE activities_catalogue_version SET version = nextval('activities_catalogue_version_seq')
            RETURNING version INTO stamped;
            UPDATE activities_catalogue_change SET version = stamped WHERE version IS NULL;
            DELETE FROM activities_catalogue_change WHERE version < stamped - 1000;
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM set_config('activities.catalogue_dirty', 'on', true);
        UPDATE activities_catalogue_version SET version = nextval('activities_catalogue_version_seq');
        INSERT INTO activities_catalogue_change (version, activity_id)
        SELECT version, NULL FROM activities_catalogue_version;
        RETURN NULL;
    END $$
    """,
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        version = import_module("activities.migrations.0005_catalogue_version")
        visible = import_module("activities.migrations.0010_catalogue_version_visible_changes")
        functions = [statement for statement in version.FORWARD if "CREATE OR REPLACE FUNCTION" in statement]
        for statement in [*functions, *visible.FUNCTIONS]:
            schema_editor.execute(statement)
        schema_editor.execute("DROP FUNCTION IF EXISTS activities_catalogue_changed(bigint)")
        schema_editor.execute("DROP TABLE IF EXISTS activities_catalogue_change")


class Migration(migrations.Migration):
    dependencies = [("activities", "0011_export_cache_table")]
    operations = [migrations.RunPython(forward, backward)]
