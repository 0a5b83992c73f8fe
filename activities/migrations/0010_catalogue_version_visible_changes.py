"""The catalogue's version moves on only for changes a resident can see (see migration 0005).

Before, every write to a catalogue table moved it, so an organisation typing a draft emptied every
cache of every app server; and the organisation's own row (now `organisations_organisation`, whose
name and kind the pages show) moved nothing. Now row triggers decide:

- an activity: when it is published before or after the change;
- its themes, doelgroepen and schedule: when their activity is published;
- a location or an organisation: when a published activity refers to it;
- bouwstenen, themes, doelgroepen, stadsdelen and gebieden: always (every filter lists them).

A change nobody can see neither marks the transaction dirty nor moves the version, so its reads
keep using the caches.
"""

from django.db import migrations

# Tables whose every change is visible keep 0005's statement trigger.
ROW_CHECKED = {
    "activities_activity": "activities_catalogue_activity_touched",
    "activities_activity_themes": "activities_catalogue_part_touched",
    "activities_activity_doelgroepen": "activities_catalogue_part_touched",
    "activities_scheduleslot": "activities_catalogue_part_touched",
    "activities_location": "activities_catalogue_location_touched",
    "organisations_organisation": "activities_catalogue_organisation_touched",
}

PUBLISHED = "SELECT 1 FROM activities_activity WHERE status = 'published' AND"

FUNCTIONS = [
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_mark() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM set_config('activities.catalogue_dirty', 'on', true);
        PERFORM set_config('activities.catalogue_pending', 'on', true);
    END $$
    """,
    # Once this transaction has a visible change, the other rows of a bulk write need no lookup.
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_activity_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('activities.catalogue_pending', true) IS DISTINCT FROM 'on'
           AND ((TG_OP <> 'INSERT' AND OLD.status = 'published') OR (TG_OP <> 'DELETE' AND NEW.status = 'published'))
        THEN
            PERFORM activities_catalogue_mark();
        END IF;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION activities_catalogue_part_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('activities.catalogue_pending', true) IS DISTINCT FROM 'on'
           AND ((TG_OP <> 'INSERT' AND EXISTS ({PUBLISHED} id = OLD.activity_id))
                OR (TG_OP <> 'DELETE' AND EXISTS ({PUBLISHED} id = NEW.activity_id)))
        THEN
            PERFORM activities_catalogue_mark();
        END IF;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION activities_catalogue_location_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('activities.catalogue_pending', true) IS DISTINCT FROM 'on'
           AND ((TG_OP <> 'INSERT' AND EXISTS ({PUBLISHED} location_id = OLD.id))
                OR (TG_OP <> 'DELETE' AND EXISTS ({PUBLISHED} location_id = NEW.id)))
        THEN
            PERFORM activities_catalogue_mark();
        END IF;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION activities_catalogue_organisation_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('activities.catalogue_pending', true) IS DISTINCT FROM 'on'
           AND ((TG_OP <> 'INSERT' AND EXISTS ({PUBLISHED} organisation_id = OLD.id))
                OR (TG_OP <> 'DELETE' AND EXISTS ({PUBLISHED} organisation_id = NEW.id)))
        THEN
            PERFORM activities_catalogue_mark();
        END IF;
        RETURN NULL;
    END $$
    """,
]

FORWARD = [*FUNCTIONS]
for table, function in ROW_CHECKED.items():
    FORWARD += [
        f"DROP TRIGGER IF EXISTS catalogue_touched ON {table}",
        f"CREATE TRIGGER catalogue_touched AFTER INSERT OR UPDATE OR DELETE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]
FORWARD += [
    # 0005's commit and truncate triggers, for the table 0005 did not cover.
    "CREATE CONSTRAINT TRIGGER catalogue_commit AFTER INSERT OR UPDATE OR DELETE ON organisations_organisation"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION activities_catalogue_commit()",
    "CREATE TRIGGER catalogue_truncated AFTER TRUNCATE ON organisations_organisation"
    " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_truncated()",
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS catalogue_truncated ON organisations_organisation",
    "DROP TRIGGER IF EXISTS catalogue_commit ON organisations_organisation",
    "DROP TRIGGER IF EXISTS catalogue_touched ON organisations_organisation",
]
for table in ROW_CHECKED:
    if table != "organisations_organisation":
        BACKWARD += [
            f"DROP TRIGGER IF EXISTS catalogue_touched ON {table}",
            f"CREATE TRIGGER catalogue_touched AFTER INSERT OR UPDATE OR DELETE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_touched()",
        ]
BACKWARD += [
    f"DROP FUNCTION IF EXISTS {function}()" for function in dict.fromkeys(ROW_CHECKED.values())
] + ["DROP FUNCTION IF EXISTS activities_catalogue_mark()"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("activities", "0009_organisation_moved")]
    operations = [migrations.RunPython(forward, backward)]
