"""A write that leaves a row as it was moves the catalogue's version no more.

"Klopt nog" pressed twice on one day, or a location saved without a change, rewrote the row with the
same values, and the row triggers of 0010 counted that as a visible change: every cached page of every
app server was made again for nothing. The update triggers now fire only when the row differs
(`OLD.* IS DISTINCT FROM NEW.*`); inserts and deletes are checked as before. PostgreSQL allows such a
condition on an update trigger only, so each table gets two triggers where it had one.
"""

from importlib import import_module

from django.db import migrations

ROW_CHECKED = import_module("activities.migrations.0010_catalogue_version_visible_changes").ROW_CHECKED


def _statements(split):
    statements = []
    for table, function in ROW_CHECKED.items():
        statements += [
            f"DROP TRIGGER IF EXISTS catalogue_touched ON {table}",
            f"DROP TRIGGER IF EXISTS catalogue_updated ON {table}",
        ]
        if split:
            statements += [
                f"CREATE TRIGGER catalogue_touched AFTER INSERT OR DELETE ON {table}"
                f" FOR EACH ROW EXECUTE FUNCTION {function}()",
                f"CREATE TRIGGER catalogue_updated AFTER UPDATE ON {table}"
                f" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION {function}()",
            ]
        else:
            statements.append(
                f"CREATE TRIGGER catalogue_touched AFTER INSERT OR UPDATE OR DELETE ON {table}"
                f" FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
    return statements


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in _statements(split=True):
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in _statements(split=False):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("activities", "0019_more_synonyms")]
    operations = [migrations.RunPython(forward, backward)]
