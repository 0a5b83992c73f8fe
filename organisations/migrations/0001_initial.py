"""Organisation, Membership and Invitation move here from `activities` and `accounts`.

The rows stay where they are: the tables are renamed and the models' state moves, so no row is
copied or lost (tests/organisations/test_migration.py loads the old schema and checks).
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import organisations.models

MOVED = [
    # (old app, model, old table, new table)
    ("activities", "Organisation", "activities_organisation", "organisations_organisation"),
    ("accounts", "Membership", "accounts_membership", "organisations_membership"),
    ("accounts", "Invitation", "accounts_invitation", "organisations_invitation"),
]


def move_tables(apps, schema_editor):
    _move(apps, schema_editor, forward=True)


def move_tables_back(apps, schema_editor):
    _move(apps, schema_editor, forward=False)


def _move(apps, schema_editor, forward):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for old_app, model_name, old_table, new_table in MOVED:
        # Database operations see the state before this migration, in both directions.
        model = apps.get_model(old_app, model_name)
        source, target = (old_table, new_table) if forward else (new_table, old_table)
        schema_editor.alter_db_table(model, source, target)
        old_label, new_label = f"{old_app}.{model_name}", f"organisations.{model_name}"
        if not forward:
            old_label, new_label = new_label, old_label
        # Permissions, admin history and the audit log keep pointing at the same objects.
        ContentType.objects.filter(app_label=old_label.split(".")[0], model=model_name.lower()).update(
            app_label=new_label.split(".")[0]
        )
        AuditEvent.objects.filter(object_type=old_label).update(object_type=new_label)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("activities", "0008_published_verified_index"),
        ("accounts", "0001_initial"),
        ("audit", "0002_organisation_by_id"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(move_tables, move_tables_back)],
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="naam")),
                        (
                            "kvk",
                            models.CharField(
                                blank=True,
                                max_length=8,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^\\d{8}$", "Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678."
                                    )
                                ],
                                verbose_name="KvK-nummer",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("welfare", "Welzijnsorganisatie"),
                                    ("buurtteam", "Buurtteam"),
                                    ("sport_culture", "Sport- of cultuurinstelling"),
                                    ("stadsdorp", "Stadsdorp"),
                                    ("residents_initiative", "Bewonersinitiatief"),
                                    ("volunteer_org", "Vrijwilligersorganisatie"),
                                    ("migrant_org", "Migrantenzelforganisatie"),
                                ],
                                max_length=32,
                                verbose_name="soort organisatie",
                            ),
                        ),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mailadres")),
                        ("phone", models.CharField(blank=True, max_length=32, verbose_name="telefoon")),
                    ],
                    options={
                        "verbose_name": "organisatie",
                        "verbose_name_plural": "organisaties",
                        "ordering": ["name"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("kvk", ""), _negated=True),
                                fields=("kvk",),
                                name="organisation_unique_kvk",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("is_admin", models.BooleanField(default=False, verbose_name="beheerder van de organisatie")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="organisations.organisation",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lidmaatschap",
                        "verbose_name_plural": "lidmaatschappen",
                        "constraints": [models.UniqueConstraint(fields=("user", "organisation"), name="membership_unique")],
                    },
                ),
                migrations.CreateModel(
                    name="Invitation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mailadres")),
                        ("is_admin", models.BooleanField(default=False, verbose_name="wordt beheerder")),
                        ("token", models.CharField(default=organisations.models._token, editable=False, max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("expires_at", models.DateTimeField(default=organisations.models._in_two_weeks)),
                        ("accepted_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "invited_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "uitnodiging",
                        "verbose_name_plural": "uitnodigingen",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
    ]
