"""On PostgreSQL: a version number of the public catalogue, for caches of what is derived from it.

The catalogue page's facet counts and filter options are costly at 50,000 activities and
change rarely, so they are cached under this version (activities.filters). Triggers on every
table the catalogue page reads keep it honest, whatever writes (the ORM, bulk updates, raw SQL,
imports):

- a statement trigger marks the writing transaction "dirty", so reads in that same transaction
  skip the cache (they see uncommitted changes that no cached copy has);
- a deferred row trigger bumps the version once, at commit, so other connections move on to a
  new version as soon as the change is visible to them. Taking the version row's lock only at
  commit keeps writers from queueing on it for their whole transaction.

Versions come from a sequence, so a rolled-back transaction never lets a number come back
with other data behind it. SQLite has none of this; there the catalogue is not cached.
"""

from django.db import migrations

TABLES = [
    "activities_activity",
    "activities_activity_themes",
    "activities_activity_doelgroepen",
    "activities_scheduleslot",
    "activities_location",
    "activities_bouwsteen",
    "activities_theme",
    "activities_doelgroep",
    "stadsdelen_stadsdeel",
    "stadsdelen_gebied",
]

FORWARD = [
    "CREATE SEQUENCE IF NOT EXISTS activities_catalogue_version_seq",
    "CREATE TABLE IF NOT EXISTS activities_catalogue_version ("
    " id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),"
    " version bigint NOT NULL)",
    "INSERT INTO activities_catalogue_version (id, version)"
    " VALUES (1, nextval('activities_catalogue_version_seq')) ON CONFLICT (id) DO NOTHING",
    # Immediate, per statement: this transaction has changed the catalogue.
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_touched() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM set_config('activities.catalogue_dirty', 'on', true);
        PERFORM set_config('activities.catalogue_pending', 'on', true);
        RETURN NULL;
    END $$
    """,
    # Deferred to commit, per row, but bumping once per batch of statements.
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('activities.catalogue_pending', true) = 'on' THEN
            PERFORM set_config('activities.catalogue_pending', 'off', true);
            UPDATE activities_catalogue_version SET version = nextval('activities_catalogue_version_seq');
        END IF;
        RETURN NULL;
    END $$
    """,
    # TRUNCATE has no row triggers: bump at once.
    """
    CREATE OR REPLACE FUNCTION activities_catalogue_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM set_config('activities.catalogue_dirty', 'on', true);
        UPDATE activities_catalogue_version SET version = nextval('activities_catalogue_version_seq');
        RETURN NULL;
    END $$
    """,
]
for table in TABLES:
    FORWARD += [
        f"CREATE TRIGGER catalogue_touched AFTER INSERT OR UPDATE OR DELETE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_touched()",
        f"CREATE CONSTRAINT TRIGGER catalogue_commit AFTER INSERT OR UPDATE OR DELETE ON {table}"
        " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION activities_catalogue_commit()",
        f"CREATE TRIGGER catalogue_truncated AFTER TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_truncated()",
    ]

BACKWARD = [
    statement
    for table in TABLES
    for statement in [
        f"DROP TRIGGER IF EXISTS catalogue_truncated ON {table}",
        f"DROP TRIGGER IF EXISTS catalogue_commit ON {table}",
        f"DROP TRIGGER IF EXISTS catalogue_touched ON {table}",
    ]
] + [
    "DROP FUNCTION IF EXISTS activities_catalogue_truncated()",
    "DROP FUNCTION IF EXISTS activities_catalogue_commit()",
    "DROP FUNCTION IF EXISTS activities_catalogue_touched()",
    "DROP TABLE IF EXISTS activities_catalogue_version",
    "DROP SEQUENCE IF EXISTS activities_catalogue_version_seq",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0004_activity_creation_key_activity_photo_and_more"),
        ("stadsdelen", "0002_amsterdam_2022"),
    ]
    operations = [migrations.RunPython(forward, backward)]
