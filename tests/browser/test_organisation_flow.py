"""An organisation member creates, publishes and archives an activity, and the catalogue follows."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, PASSWORD, admin_member, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def member():
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Huis van de Wijk De Meeuw")
    admin_member(organisation, "noor@meeuw.example")
    return organisation


def fits_the_screen(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], page.url


def test_create_publish_archive_and_undo_on_a_phone(live_server, new_page, member, console):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("noor@meeuw.example")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("h1")).to_have_text("Huis van de Wijk De Meeuw")
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe activiteit").click()
    page.get_by_label("Naam van de activiteit").fill("Wandelclub De Meeuw")
    page.get_by_role("button", name="Opslaan").click()
    # Errors are summarised, shown next to their fields, and the title is kept.
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Naam van de activiteit")).to_have_value("Wandelclub De Meeuw")
    assert_accessible(page)

    page.get_by_label("Korte samenvatting (één zin)").fill("Elke week samen een uur wandelen.")
    page.get_by_label("Verbondenheid en betrokkenheid").check()
    page.get_by_label("Gezondheid en bewegen").check()
    page.get_by_label("Ouderen").check()
    page.locator("#id_schedule-0-day").select_option(label="dinsdag")
    page.locator("#id_schedule-0-start").fill("10:00")
    page.locator("#id_schedule-0-end").fill("11:30")
    page.get_by_label("Naam van de plek").fill("Huis van de Wijk De Meeuw")
    page.get_by_label("Straat en huisnummer").fill("Meeuwenlaan 1")
    page.get_by_label("Postcode").fill("1021 AA")
    page.get_by_label("Gebied").select_option(label="Oud-Noord")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.locator(".preview-banner")).to_contain_text("Status: Concept")
    fits_the_screen(page)
    expect(page.locator("h1")).to_have_text("Wandelclub De Meeuw")
    public = page.context.new_page()
    public.goto(f"{live_server.url}/activiteiten/?q=wandel")
    expect(public.locator("#result-count")).to_have_text("0 activiteiten gevonden")

    # Published only with a way to reach someone: refused with the list, each item linked to its field.
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-error")).to_contain_text("Nog niet gepubliceerd")
    fits_the_screen(page)
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Een telefoonnummer of e-mailadres")).click()
    expect(page.locator("#id_contact_phone")).to_be_focused()
    page.locator("#id_contact_phone").fill("020 123 4567")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".publication-check")).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-success")).to_contain_text("staat nu op de website")
    public.reload()
    expect(public.locator("#result-count")).to_have_text("1 activiteit gevonden")
    public.get_by_role("link", name="Wandelclub De Meeuw").click()
    expect(public.locator("h1")).to_have_text("Wandelclub De Meeuw")
    expect(public.get_by_text("Elke dinsdag, 10:00–11:30")).to_be_visible()

    page.get_by_role("row", name=re.compile("Wandelclub De Meeuw")).get_by_role(
        "link", name=re.compile("^Archiveren")
    ).click()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, archiveren").click()
    expect(page.locator(".message-success")).to_contain_text("gearchiveerd")
    public.goto(f"{live_server.url}/activiteiten/?q=wandel")
    expect(public.locator("#result-count")).to_have_text("0 activiteiten gevonden")

    # Undone from the message: back as a concept, and publishable again.
    page.locator(".message-success").get_by_role("link", name="Terugzetten als concept").click()
    expect(page.get_by_role("button", name="Ja, terugzetten als concept")).to_be_visible()  # the page is there
    fits_the_screen(page)
    page.get_by_role("button", name="Ja, terugzetten als concept").click()
    expect(page.locator(".message-success")).to_contain_text("is teruggezet als concept")
    expect(page.get_by_role("row", name=re.compile("Wandelclub De Meeuw"))).to_contain_text("Concept")
    fits_the_screen(page)
    assert_accessible(page)
    assert console.csp_violations == []
