"""Amsterdam's school holidays (regio Noord, the Rijksoverheid's dates for 2025-2026 and 2026-2027) as rows
that the admin extends; a change to them moves the catalogue's version and rebuilds the filter index,
as the "when" filters and the next dates depend on them."""

import datetime

from django.db import migrations, models

HOLIDAYS = [
    ("Herfstvakantie 2025", "2025-10-18", "2025-10-26"),
    ("Kerstvakantie 2025-2026", "2025-12-20", "2026-01-04"),
    ("Voorjaarsvakantie 2026", "2026-02-21", "2026-03-01"),
    ("Meivakantie 2026", "2026-04-25", "2026-05-03"),
    ("Zomervakantie 2026", "2026-07-04", "2026-08-16"),
    ("Herfstvakantie 2026", "2026-10-17", "2026-10-25"),
    ("Kerstvakantie 2026-2027", "2026-12-19", "2027-01-03"),
    ("Voorjaarsvakantie 2027", "2027-02-20", "2027-02-28"),
    ("Meivakantie 2027", "2027-04-24", "2027-05-02"),
    ("Zomervakantie 2027", "2027-07-10", "2027-08-22"),
]

TABLE = "activities_schoolholiday"
# The catalogue version's triggers of 0005/0010, on this table too: a change here rebuilds the index.
TRIGGERS = [
    f"CREATE TRIGGER catalogue_touched AFTER INSERT OR UPDATE OR DELETE ON {TABLE}"
    " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_touched()",
    f"CREATE CONSTRAINT TRIGGER catalogue_commit AFTER INSERT OR UPDATE OR DELETE ON {TABLE}"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION activities_catalogue_commit()",
    f"CREATE TRIGGER catalogue_truncated AFTER TRUNCATE ON {TABLE}"
    " FOR EACH STATEMENT EXECUTE FUNCTION activities_catalogue_truncated()",
]


def add_holidays(apps, schema_editor):
    SchoolHoliday = apps.get_model("activities", "SchoolHoliday")
    SchoolHoliday.objects.bulk_create(
        SchoolHoliday(
            name=name,
            first_day=datetime.date.fromisoformat(first),
            last_day=datetime.date.fromisoformat(last),
        )
        for name, first, last in HOLIDAYS
    )


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in TRIGGERS:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in ["catalogue_truncated", "catalogue_commit", "catalogue_touched"]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("activities", "0017_schedule_rules")]

    operations = [
        migrations.CreateModel(
            name="SchoolHoliday",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(help_text="Bijvoorbeeld: Herfstvakantie 2027", max_length=100, verbose_name="naam"),
                ),
                ("first_day", models.DateField(verbose_name="eerste dag")),
                ("last_day", models.DateField(verbose_name="laatste dag")),
            ],
            options={
                "verbose_name": "schoolvakantie",
                "verbose_name_plural": "schoolvakanties",
                "ordering": ["first_day"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("last_day__gte", models.F("first_day"))),
                        name="school_holiday_ends_after_start",
                    )
                ],
            },
        ),
        migrations.RunPython(add_triggers, drop_triggers),
        migrations.RunPython(add_holidays, migrations.RunPython.noop),
    ]
