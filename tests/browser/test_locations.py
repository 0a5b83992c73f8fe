"""A volunteer coordinator on a phone: places entered once and picked per activity, online activities,
and publishing that waits for a way to reach someone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, admin_member, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def coordinator():
    from tests.factories import ActivityFactory, LocationFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Stadsdorp Vogeldorp")
    admin_member(organisation, "coordinator@vogeldorp.example")
    anker = LocationFactory(
        organisation=organisation, name="Buurthuis Het Anker", street="Buikslotermeerplein 5", postcode="1025 XL"
    )
    ActivityFactory(organisation=organisation, location=anker, title="Koffieochtend", contact_email="k@v.example")
    LocationFactory(organisation=organisation, name="Oude gymzaal aan de Vogeldorpslaan", street="Zwanenplein 2")
    other = OrganisationFactory(name="Buurtcentrum Zuid")
    LocationFactory(organisation=other, name="Zaal van een ander", gebied_slug="oud-zuid")
    return organisation


def fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], (page.url, width)


def shoot(page, name):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / f"locations-{name}.png", full_page=True)


def fill_activity(page, title):
    page.get_by_label("Naam van de activiteit").fill(title)
    page.get_by_label("Korte samenvatting (één zin)").fill("Elke week samen iets doen.")
    page.get_by_label("Verbondenheid en betrokkenheid").check()
    page.get_by_label("Ontmoeting", exact=True).check()
    page.get_by_label("Ouderen").check()


def test_places_once_online_and_publishing_on_a_phone(live_server, new_page, coordinator, console):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=1)
    log_in(page, live_server.url, "coordinator@vogeldorp.example")

    # The locations page: each place with how many activities use it.
    page.get_by_role("link", name="Plekken").click()
    expect(page.locator("h1")).to_have_text("Plekken")
    expect(page.locator(".location-list")).to_contain_text("1 activiteit op deze plek.")
    fits(page)
    assert_accessible(page)
    shoot(page, "list-mobile")

    # Editing a shared place says which activities change.
    page.get_by_role("link", name=re.compile("^Buurthuis Het Anker")).click()
    expect(page.locator(".notice")).to_contain_text("Dit verandert ook 1 activiteit:")
    expect(page.locator(".notice")).to_contain_text("Koffieochtend")
    fits(page)
    assert_accessible(page)
    shoot(page, "edit-mobile")
    page.get_by_label("Toegankelijk met een rolstoel").check()
    page.get_by_role("button", name="Opslaan voor 1 activiteit").click()
    expect(page.locator(".message-success")).to_contain_text("1 activiteit toont het nieuwe adres")

    # A new place with mistakes: summary at the top, messages at the fields, nothing lost.
    page.get_by_role("link", name="Nieuwe plek").click()
    page.get_by_label("Naam van de plek").fill("Tuinhuis")
    page.get_by_label("Postcode").fill("10")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul ‘Straat en huisnummer’ in.")
    expect(page.get_by_label("Naam van de plek")).to_have_value("Tuinhuis")
    fits(page)
    assert_accessible(page)
    shoot(page, "new-errors-mobile")

    # An unused place is deleted after a confirmation page (no JavaScript needed).
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/locaties/")
    page.get_by_role("link", name=re.compile("^Verwijderen.*Oude gymzaal")).click()
    expect(page.get_by_role("button", name="Ja, verwijderen")).to_be_visible()  # the page is there
    fits(page)
    assert_accessible(page)
    page.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.locator(".message-success")).to_contain_text("is verwijderd")
    expect(page.locator(".location-list")).not_to_contain_text("Oude gymzaal")

    # An activity at a saved place: picked from the list, never retyped.
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/activiteiten/nieuw/")
    expect(page.get_by_text("Zaal van een ander")).to_have_count(0)
    expect(page.locator(".new-place")).to_be_hidden()
    fill_activity(page, "Breiclub Het Anker")
    page.get_by_role("radio", name=re.compile("^Buurthuis Het Anker, Buikslotermeerplein 5")).check()
    fits(page)
    assert_accessible(page)
    shoot(page, "activity-form-mobile")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".preview-banner")).to_contain_text("Status: Concept")

    # Publishing is refused without a way to reach someone; the list links to the field.
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-error")).to_contain_text("Nog niet gepubliceerd")
    page.get_by_role("link", name=re.compile("^Een telefoonnummer of e-mailadres")).click()
    page.locator("#id_contact_phone").fill("020 123 4567")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-success")).to_contain_text("“Breiclub Het Anker” staat nu op de website.")
    public = page.context.new_page()
    public.goto(f"{live_server.url}/activiteiten/?q=breiclub")
    expect(public.locator(".results")).to_contain_text("Buurthuis Het Anker")

    # An online activity: no place, a link to join.
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/activiteiten/nieuw/")
    fill_activity(page, "Digicafé online")
    page.get_by_role("radio", name=re.compile("^Online")).check()
    expect(page.locator(".online-link")).to_be_visible()
    page.get_by_label(re.compile("^Link om mee te doen")).fill("https://meet.jit.si/digicafe-vogeldorp")
    page.get_by_label("E-mailadres voor vragen").fill("digi@vogeldorp.example")
    shoot(page, "online-form-mobile")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-success")).to_contain_text("“Digicafé online” staat nu op de website.")

    public.goto(f"{live_server.url}/activiteiten/?stadsdeel=online")
    expect(public.locator("#result-count")).to_have_text("1 online activiteit gevonden")
    fits(public)
    shoot(public, "catalogue-online-mobile")
    public.get_by_role("link", name="Digicafé online").click()
    expect(public.get_by_role("link", name=re.compile("^Doe online mee"))).to_have_attribute(
        "href", "https://meet.jit.si/digicafe-vogeldorp"
    )
    fits(public)
    shoot(public, "online-detail-mobile")
    assert_accessible(public)
    assert console.csp_violations == []


def test_the_locations_pages_at_desktop_width(live_server, new_page, coordinator):
    page = new_page(viewport=DESKTOP)
    log_in(page, live_server.url, "coordinator@vogeldorp.example")
    for name, path in {
        "list": f"/organisatie/{coordinator.pk}/locaties/",
        "new": f"/organisatie/{coordinator.pk}/locaties/nieuw/",
        "activity-form": f"/organisatie/{coordinator.pk}/activiteiten/nieuw/",
    }.items():
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
        shoot(page, f"{name}-desktop")
