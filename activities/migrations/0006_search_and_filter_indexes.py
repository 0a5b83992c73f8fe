"""On PostgreSQL: make the search's Dutch word-form match cost what it really costs, and index days.

1. The search tests `to_tsvector('dutch', search_text) @@ query`. The planner prices to_tsvector
   at a fraction of a page read, but on an activity's text it takes tens of microseconds, so
   between a few thousand and some 40,000 activities it chose a (parallel) sequential scan that
   rebuilds the vector of every row: 700 ms for "taal" at 20,000 activities, against 17 ms
   through the indexes. `activities_dutch_vector` computes the same vector, declares a realistic
   cost, and is not inlined (plpgsql), so the planner keeps to the indexes at every size. The
   GIN index moves to this expression; the one of 0003 is dropped.
2. The `dag` filter and its facet ask `activity_id … WHERE day IN (…)`; an index on
   (day, activity_id) answers that from the index alone.

Plain SQL, as in 0003, so the model state does not change. SQLite has none of this.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION activities_dutch_vector(text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 2000 AS $$
    BEGIN
        RETURN to_tsvector('dutch'::regconfig, COALESCE($1, ''));
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS activity_search_vector"
    " ON activities_activity USING gin (activities_dutch_vector(search_text))",
    "DROP INDEX IF EXISTS activity_search_text_dutch",
    "CREATE INDEX IF NOT EXISTS scheduleslot_day_activity ON activities_scheduleslot (day, activity_id)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS scheduleslot_day_activity",
    "CREATE INDEX IF NOT EXISTS activity_search_text_dutch"
    " ON activities_activity USING gin (to_tsvector('dutch'::regconfig, COALESCE(search_text, '')))",
    "DROP INDEX IF EXISTS activity_search_vector",
    "DROP FUNCTION IF EXISTS activities_dutch_vector(text)",
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
    dependencies = [("activities", "0005_catalogue_version")]
    operations = [migrations.RunPython(forward, backward)]
