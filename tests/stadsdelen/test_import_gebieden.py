"""`manage.py import_gebieden`: the city's open-data files update the gebiedsindeling in place, by code."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from stadsdelen.models import Buurt, Gebied, Stadsdeel, Wijk
from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "stadsdelen" / "data"


def run(*files, niveau=None):
    out = io.StringIO()
    call_command("import_gebieden", *map(str, files), *(["--niveau", niveau] if niveau else []), stdout=out)
    return out.getvalue()


def shipped_gebieden():
    with open(DATA / "gebieden.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def gebieden_csv(tmp_path, rows, delimiter=";"):
    """A gebieden file as the city writes it (semicolons, the parent's code in stadsdeelCode)."""
    path = tmp_path / "gebieden.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["code", "naam", "stadsdeelCode"], delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def geojson(tmp_path, name, features):
    path = tmp_path / name
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": p, "geometry": {"type": "Point", "coordinates": [4.9, 52.4]}}
                    for p in features
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in (Stadsdeel, Gebied, Wijk, Buurt)]


def test_the_shipped_files_are_what_the_migrations_made():
    output = run(DATA / "stadsdelen.csv", DATA / "gebieden.csv")

    assert "stadsdelen: 0 nieuw, 0 gewijzigd, 8 ongewijzigd, 0 beëindigd" in output
    assert "gebieden: 0 nieuw, 0 gewijzigd, 25 ongewijzigd, 0 beëindigd" in output
    assert Gebied.objects.current().count() == 25
    sloterdijk = Gebied.objects.get(code="GF06")
    assert (sloterdijk.slug, sloterdijk.name, sloterdijk.stadsdeel.slug) == (
        "sloterdijk-nieuw-west",
        "Sloterdijk Nieuw-West",
        "nieuw-west",
    )
    # G + the stadsdeel's letter + 01..25 through the stadsdelen in the order A, E, F, K, M, N, T, S.
    codes = list(Gebied.objects.order_by("code").values_list("code", "stadsdeel__code"))
    assert sorted(int(code[2:]) for code, _ in codes) == list(range(1, 26))
    assert all(code[1] == stadsdeel for code, stadsdeel in codes)
    assert not Gebied.objects.filter(code__startswith="DX").exists()


def test_a_renamed_gebied_keeps_its_slug_and_every_link(tmp_path):
    location = LocationFactory(gebied_slug="oud-noord")
    oud_noord = Gebied.objects.get(slug="oud-noord")
    wijken = set(oud_noord.wijken.values_list("pk", flat=True))
    rows = shipped_gebieden()
    for row in rows:
        if row["code"] == "GN19":
            row["naam"] = "Oud-Noord, Buiksloterham"

    output = run(gebieden_csv(tmp_path, rows))

    assert "gebieden: 0 nieuw, 1 gewijzigd, 24 ongewijzigd, 0 beëindigd" in output
    renamed = Gebied.objects.get(code="GN19")
    assert (renamed.pk, renamed.slug, renamed.name) == (oud_noord.pk, "oud-noord", "Oud-Noord, Buiksloterham")
    location.refresh_from_db()
    assert location.gebied_id == oud_noord.pk
    assert set(renamed.wijken.values_list("pk", flat=True)) == wijken


def test_a_gebied_missing_from_the_file_is_ended_not_deleted(tmp_path):
    location = LocationFactory(gebied_slug="weesp-driemond")
    rows = [row for row in shipped_gebieden() if row["code"] != "GS25"]

    output = run(gebieden_csv(tmp_path, rows, delimiter=","))

    assert "gebieden: 0 nieuw, 0 gewijzigd, 24 ongewijzigd, 1 beëindigd" in output
    weesp = Gebied.objects.get(code="GS25")
    assert weesp.valid_until == timezone.localdate()
    assert not Gebied.objects.current().filter(code="GS25").exists()
    location.refresh_from_db()
    assert location.gebied_id == weesp.pk

    # Back in the city's file: current again, the same row.
    output = run(DATA / "gebieden.csv")

    assert "gebieden: 0 nieuw, 1 gewijzigd, 24 ongewijzigd, 0 beëindigd" in output
    assert Gebied.objects.current().get(code="GS25").pk == weesp.pk


def test_a_new_gebied_gets_a_slug_from_its_name(tmp_path):
    rows = [*shipped_gebieden(), {"code": "GS26", "naam": "Weespersluis", "stadsdeelCode": "S"}]

    output = run(gebieden_csv(tmp_path, rows))

    assert "gebieden: 1 nieuw, 0 gewijzigd, 25 ongewijzigd, 0 beëindigd" in output
    new = Gebied.objects.get(code="GS26")
    assert (new.slug, new.stadsdeel.code, new.valid_from) == ("weespersluis", "S", timezone.localdate())


def test_geojson_buurten_with_a_new_buurt_and_the_ontwikkelbuurt_flag(tmp_path):
    tuindorp = Wijk.objects.get(name="Tuindorp Buiksloot")
    assert not tuindorp.has_ontwikkelbuurt
    buurten = geojson(
        tmp_path,
        "buurten-2022-geo.json",
        [
            {"code": "N62a", "naam": "Tuindorp Buiksloot-Oost", "wijkCode": tuindorp.code, "ontwikkelbuurt": "ja"},
            {"code": "N62b", "naam": "Tuindorp Buiksloot-West", "wijkCode": tuindorp.code, "ontwikkelbuurt": "nee"},
        ],
    )

    output = run(buurten)

    assert "buurten: 2 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 beëindigd" in output
    oost = Buurt.objects.get(code="N62a")
    assert (oost.wijk_id, oost.slug, oost.is_ontwikkelbuurt) == (tuindorp.pk, "tuindorp-buiksloot-oost", True)
    tuindorp.refresh_from_db()
    assert tuindorp.has_ontwikkelbuurt
    # The monitor's wijken without buurten keep what they had.
    assert Wijk.objects.get(name="Volewijck").has_ontwikkelbuurt


def test_a_wijken_file_with_the_stadsdeel_code_too_is_read_as_wijken(tmp_path):
    """The city's wijken files also carry the stadsdeel's code; the most specific parent column decides."""
    wijken = geojson(
        tmp_path,
        "wijken.geojson",
        [
            {"code": w.code, "naam": w.name, "gebiedCode": w.gebied.code, "stadsdeelCode": "N"}
            for w in Wijk.objects.select_related("gebied")
        ]
        + [{"code": "FA", "naam": "Sloterdijk Nieuw-West", "gebiedCode": "GF06", "stadsdeelCode": "F"}],
    )

    output = run(wijken)

    assert f"wijken: 1 nieuw, 0 gewijzigd, {Wijk.objects.count() - 1} ongewijzigd, 0 beëindigd" in output
    assert Wijk.objects.get(code="FA").gebied.slug == "sloterdijk-nieuw-west"


def test_niveau_names_the_level_of_a_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("code,naam\nA,Centrum\nE,West\n", encoding="utf-8")

    with pytest.raises(CommandError, match=r"export\.csv, regel 2, veld stadsdeelcode: onbekende code ''"):
        run(path, niveau="gebieden")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "GN19", "stadsdeelCode": "X"}, "regel 20, veld stadsdeelCode: onbekende code 'X'"),
        ({"code": "GN20", "naam": ""}, "regel 21, veld naam: leeg"),
        ({"code": "GN20", "new_code": "GN19"}, "regel 21, veld code: 'GN19' staat ook op gebieden.csv, regel 20"),
    ],
)
def test_a_bad_row_rejects_every_file_and_changes_nothing(tmp_path, change, message):
    stadsdelen = tmp_path / "stadsdelen.csv"
    stadsdelen.write_text("code,naam\nA,Amsterdam-Centrum\nE,West\nF,Nieuw-West\nK,Zuid\nM,Oost\nN,Noord\n", "utf-8")
    rows = shipped_gebieden()
    for row in rows:
        if row["code"] == change["code"]:
            row["naam"] = change.get("naam", "Nieuwe naam")
            row["stadsdeelCode"] = change.get("stadsdeelCode", row["stadsdeelCode"])
            row["code"] = change.get("new_code", row["code"])
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run(stadsdelen, gebieden_csv(tmp_path, rows))

    assert message in str(error.value)
    assert "Er is niets veranderd." in str(error.value)
    assert snapshot() == before


def test_a_bad_ontwikkelbuurt_value_names_the_feature(tmp_path):
    buurten = geojson(
        tmp_path,
        "buurten.json",
        [
            {"code": "N62a", "naam": "Tuindorp Buiksloot-Oost", "wijkCode": "N62", "ontwikkelbuurt": "ja"},
            {"code": "N62b", "naam": "Tuindorp Buiksloot-West", "wijkCode": "N62", "ontwikkelbuurt": "misschien"},
        ],
    )

    with pytest.raises(CommandError, match=r"buurten\.json, feature 2, veld ontwikkelbuurt: 'misschien'"):
        run(buurten)

    assert not Buurt.objects.exists()


def test_an_empty_file_would_end_everything_and_is_refused(tmp_path):
    path = tmp_path / "gebieden.csv"
    path.write_text("code;naam;stadsdeelCode\n", encoding="utf-8")

    with pytest.raises(CommandError, match="geen rijen"):
        run(path)

    assert Gebied.objects.current().count() == 25
