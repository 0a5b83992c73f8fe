"""The beschikking renders per outcome, as HTML and as a real PDF."""

import pytest

from subsidies.documents import beschikking_html, beschikking_pdf
from subsidies.money import euros, parse_euros
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


def test_granted_beschikking_names_amount_period_obligations_and_bezwaar(flow):
    besluit = flow.to(Status.VERLEEND, requested=4_250_50).besluit
    html = beschikking_html(besluit)
    assert "Wij verlenen u de subsidie" in html
    assert "€ 4.250,50" in html
    assert besluit.aanvraag.dossiernummer in html
    assert "bezwaar" in html
    pdf = beschikking_pdf(besluit)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_rejection_says_so_and_grants_nothing(flow):
    html = beschikking_html(flow.to(Status.AFGEWEZEN).besluit)
    assert "Wij wijzen uw aanvraag af" in html
    assert "Wij verlenen" not in html


@pytest.mark.parametrize(
    ("text", "cents"),
    [("1.234,50", 123450), ("1234.50", 123450), ("€ 5.000", 500000), ("5000", 500000), ("0,05", 5)],
)
def test_parse_euros(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "-5", "1,234", "12,3456", "NaN", "1e9"])
def test_parse_euros_refuses(text):
    with pytest.raises(ValueError):
        parse_euros(text)


def test_euros():
    assert euros(12345678) == "€ 123.456,78"
    assert euros(500000) == "€ 5.000"
