"""A stadsdorp volunteer applies for a klein initiatief on a phone: one screen, errors named at
their field, nothing lost, submitted; every page axe-clean and without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, admin_member, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def volunteer():
    from organisations.models import Organisation
    from subsidies.models import Regeling
    from tests.factories import OrganisationFactory
    from tests.subsidies.conftest import make_ronde

    organisation = OrganisationFactory(name="Stadsdorp Buiksloot", kind=Organisation.Kind.STADSDORP, kvk="")
    admin_member(organisation, "els@buiksloot.example", name="Els")
    make_ronde(Regeling.objects.get(slug="sociale-basis"), "noord")
    return organisation


def check(page):
    assert_accessible(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], f"{page.url} scrolls sideways: {width}px wide"


def test_klein_initiatief_on_a_phone(live_server, new_page, volunteer, console):
    page = new_page(viewport=MOBILE)
    log_in(page, live_server.url, "els@buiksloot.example")
    page.get_by_role("link", name="Subsidies", exact=True).click()
    expect(page.locator("h1")).to_have_text("Subsidies")
    check(page)

    stadsdeel = page.get_by_label("Voor welk stadsdeel?")
    stadsdeel.select_option(label=stadsdeel.locator("option", has_text="Noord: ").text_content())
    page.get_by_label(re.compile("Klein initiatief")).check()
    page.get_by_role("button", name="Aanvraag beginnen").click()
    expect(page.locator("h1")).to_have_text("Het korte formulier")
    check(page)

    page.get_by_label("Naam van het project").fill("Koffieochtend in de Buikslotermeer")
    page.get_by_label("Jullie plan in het kort").fill("Elke dinsdag koffie voor buren die alleen wonen.")
    page.get_by_label("Wat kost het in totaal?").fill("1.800")
    page.get_by_label("Hoeveel geld vragen jullie?").fill("vijftienhonderd")
    page.get_by_role("button", name="Opslaan en verder").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Schrijf een bedrag in euro’s")
    expect(page.get_by_label("Naam van het project")).to_have_value("Koffieochtend in de Buikslotermeer")
    check(page)
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Hoeveel geld vragen jullie?")).to_be_focused()

    page.get_by_label("Hoeveel geld vragen jullie?").fill("1.500")
    page.get_by_label("Veiligheid").fill("Onze vrijwilligers hebben een VOG.")
    page.get_by_label("Inclusiviteit").fill("Iedereen is welkom, de ruimte is rolstoeltoegankelijk.")
    page.get_by_role("button", name="Opslaan en verder").click()

    expect(page.locator("h1")).to_have_text("Koffieochtend in de Buikslotermeer")
    expect(page.get_by_text("Alles is ingevuld.")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.locator(".message-success")).to_contain_text("ingediend")
    expect(page.locator(".summary-facts").first).to_contain_text("Ingediend")
    check(page)

    page.get_by_role("link", name="Aanvraag intrekken").click()
    page.get_by_role("button", name="Ja, aanvraag intrekken").click()
    expect(page.locator(".error-summary")).to_contain_text("Schrijf waarom")
    check(page)
    assert console.csp_violations == []
