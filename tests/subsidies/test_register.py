"""/subsidies/: the public register shows granted subsidies only, and never a person's name."""

import csv
import io

import pytest

from subsidies.workflow import Status

pytestmark = pytest.mark.django_db

NOT_PUBLIC = [
    Status.CONCEPT,
    Status.INGEDIEND,
    Status.IN_BEHANDELING,
    Status.AANVULLING_GEVRAAGD,
    Status.ADVIES,
    Status.AFGEWEZEN,
    Status.INGETROKKEN,
]


def csv_rows(client, query=""):
    response = client.get(f"/subsidies/?{query}&formaat=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_only_granted_subsidies_are_public(client, flow):
    hidden = []
    for status in NOT_PUBLIC:
        aanvraag = flow.to(status)
        aanvraag.projectnaam = f"Geheim {status}"
        aanvraag.save()
        hidden.append(aanvraag)
    granted = flow.to(Status.VERLEEND, requested=3_000_00)
    partly = flow.to(Status.DEELS_VERLEEND, requested=2_000_00)

    page = client.get("/subsidies/").content.decode()
    rows = csv_rows(client)

    for aanvraag in hidden:
        assert aanvraag.dossiernummer not in page
        assert "Geheim" not in page
        assert all(aanvraag.dossiernummer not in row for row in rows)
    assert granted.dossiernummer in page and partly.dossiernummer in page
    assert rows[0] == [
        "Dossiernummer",
        "Aanvrager",
        "Regeling",
        "Stadsdeel",
        "Projectnaam",
        "Eenmalig of periodiek",
        "Bedrag aangevraagd",
        "Bedrag verleend",
        "Subsidiejaar",
    ]
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number[granted.dossiernummer][6:8] == ["3000,00", "3000,00"]
    assert by_number[partly.dossiernummer][6:8] == ["2000,00", "1500,00"]
    assert by_number[granted.dossiernummer][3] == "Noord"
    assert len(rows) == 3


def test_an_initiative_without_kvk_is_not_named(client, flow, people):
    people.org_a.kvk = ""
    people.org_a.kind = "stadsdorp"
    people.org_a.name = "Stadsdorp van Jan Jansen"
    people.org_a.save()
    flow.to(Status.VERLEEND)

    page = client.get("/subsidies/").content.decode()
    assert "Jan Jansen" not in page
    assert "bewonersinitiatief in Oud-Noord" in page
    assert client.get("/subsidies/?q=Jansen").context["page"].paginator.count == 0
    assert all("Jansen" not in cell for row in csv_rows(client) for cell in row)


def test_search_and_filters(client, flow):
    granted = flow.to(Status.VERLEEND)
    assert client.get("/subsidies/?q=buurtkamer").context["page"].paginator.count == 1
    assert client.get(f"/subsidies/?q={granted.dossiernummer}").context["page"].paginator.count == 1
    assert client.get("/subsidies/?stadsdeel=zuid").context["page"].paginator.count == 0
    assert client.get(f"/subsidies/?jaar={granted.ronde.year}").context["page"].paginator.count == 1
    assert client.get("/subsidies/?jaar=1999").context["page"].paginator.count == 0
    assert len(csv_rows(client, "stadsdeel=noord")) == 2
    assert len(csv_rows(client, "stadsdeel=noord&regeling=sociale-basis")) == 2
    assert len(csv_rows(client, "stadsdeel=zuid")) == 1
    assert client.head("/subsidies/").status_code == 200


def test_register_runs_a_constant_number_of_queries(client, flow, django_assert_max_num_queries):
    for _ in range(3):
        flow.to(Status.VERLEEND, requested=1_000_00)
    with django_assert_max_num_queries(8):
        client.get("/subsidies/")
