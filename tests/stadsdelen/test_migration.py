"""Moving the gebieden to the city's 2022 codes keeps every row and every link that points at them."""

import csv
import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("stadsdelen", "0002_amsterdam_2022")
AFTER = ("stadsdelen", "0004_gebied_codes_2022")
GEBIEDEN = Path(__file__).resolve().parents[2] / "stadsdelen" / "data" / "gebieden.csv"


@pytest.fixture
def old_schema(transactional_db):
    executor = MigrationExecutor(connection)
    # Every other app stays at its newest migration: the rows that link to a gebied live there.
    targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "stadsdelen"] + [BEFORE]
    executor.migrate(targets)
    apps = executor.loader.project_state(targets).apps
    # The rows a serialized rollback put back keep their ids but not the sequence: the migration adds a gebied.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [apps.get_model("stadsdelen", "Gebied")]):
            cursor.execute(sql)
    yield targets, apps
    call_command("migrate", verbosity=0)


# serialized_rollback: the flush after this test would take the data migrations' rows from the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_codes_move_in_place_and_every_link_stays(old_schema):
    targets, apps = old_schema
    Gebied = apps.get_model("stadsdelen", "Gebied")
    Stadsdeel = apps.get_model("stadsdelen", "Stadsdeel")
    oud_noord = Gebied.objects.get(code="DX18")
    weesp = Gebied.objects.get(code="DX24")
    noord = Stadsdeel.objects.get(code="N")
    wijken = dict(apps.get_model("stadsdelen", "Wijk").objects.values_list("pk", "gebied_id"))
    organisation = apps.get_model("organisations", "Organisation").objects.create(name="Buurthuis", kind="welfare")
    Location = apps.get_model("activities", "Location")
    meeuw = Location.objects.create(organisation=organisation, name="De Meeuw", postcode="1021 AA", gebied=oud_noord)
    vesting = Location.objects.create(organisation=organisation, name="Vesting", postcode="1381 AA", gebied=weesp)
    user = apps.get_model("accounts", "User").objects.create(email="beoordelaar@noord.example")
    role = apps.get_model("accounts", "StaffRole").objects.create(user=user, role="reviewer", stadsdeel=noord)
    ronde = apps.get_model("subsidies", "Ronde").objects.create(
        regeling=apps.get_model("subsidies", "Regeling").objects.first(),
        stadsdeel=noord,
        name="2027",
        period_start=datetime.date(2027, 1, 1),
        period_end=datetime.date(2027, 12, 31),
        opens_on=datetime.date(2026, 9, 1),
        closes_on=datetime.date(2026, 10, 31),
        plafond_cents=100_000_00,
    )
    before = dict(Gebied.objects.values_list("pk", "slug"))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    after = [node for node in targets if node != BEFORE] + [AFTER]
    executor.migrate(after)
    apps = executor.loader.project_state(after).apps

    Gebied = apps.get_model("stadsdelen", "Gebied")
    with open(GEBIEDEN, encoding="utf-8") as f:
        city = {row["code"]: (row["naam"], row["stadsdeelCode"]) for row in csv.DictReader(f)}
    assert {g.code: (g.name, g.stadsdeel.code) for g in Gebied.objects.select_related("stadsdeel")} == city
    # The same rows under their new codes, with the same slugs; Sloterdijk Nieuw-West is the one new row.
    assert {pk: slug for pk, slug in Gebied.objects.values_list("pk", "slug") if pk in before} == before
    assert Gebied.objects.exclude(pk__in=before).get().slug == "sloterdijk-nieuw-west"
    Location = apps.get_model("activities", "Location")
    assert Location.objects.get(pk=meeuw.pk).gebied.code == "GN19"
    assert Location.objects.get(pk=vesting.pk).gebied.code == "GS25"
    assert dict(apps.get_model("stadsdelen", "Wijk").objects.values_list("pk", "gebied_id")) == wijken
    assert apps.get_model("accounts", "StaffRole").objects.get(pk=role.pk).stadsdeel_id == noord.pk
    assert apps.get_model("subsidies", "Ronde").objects.get(pk=ronde.pk).stadsdeel_id == noord.pk
