"""On PostgreSQL: trigram indexes for substring and typo-tolerant search, and a Dutch full-text index.

SQLite has neither; there the search uses the same columns without indexes.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS activity_search_text_trgm"
    " ON activities_activity USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS activity_search_title_trgm"
    " ON activities_activity USING gin (search_title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS activity_search_text_dutch"
    " ON activities_activity USING gin (to_tsvector('dutch'::regconfig, COALESCE(search_text, '')))",
]
BACKWARD = [
    "DROP INDEX IF EXISTS activity_search_text_dutch",
    "DROP INDEX IF EXISTS activity_search_title_trgm",
    "DROP INDEX IF EXISTS activity_search_text_trgm",
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
    dependencies = [("activities", "0002_kader")]
    operations = [migrations.RunPython(forward, backward)]
