"""A volunteer coordinator on a phone enters a monthly schedule ("elke eerste dinsdag") at a saved
place, publishes (first refused for a missing contact), and residents see the rule and the next date;
then archives it and undoes that. Every page fits 390 px and passes axe."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, admin_member, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def coordinator():
    from tests.factories import LocationFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Bewonersinitiatief Vogeldorp")
    user = admin_member(organisation, "coordinator@vogeldorp.example")
    LocationFactory(
        organisation=organisation, name="Buurthuis Vogeldorp", street="Meeuwenlaan 1", gebied_slug="oud-noord"
    )
    return {"organisation": organisation, "user": user}


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def shoot(page, name):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / f"{name}.png", full_page=True)


def test_a_monthly_first_tuesday_on_a_phone(live_server, new_page, coordinator, console):
    from django.utils import timezone

    from activities import schedule
    from activities.schedule import Rule

    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=1)
    log_in(page, live_server.url, coordinator["user"].email)
    page.goto(f"{live_server.url}/organisatie/{coordinator['organisation'].pk}/activiteiten/nieuw/")

    page.get_by_label("Naam van de activiteit").fill("Koffieochtend Vogeldorp")
    page.get_by_label("Korte samenvatting (één zin)").fill("Elke eerste dinsdag koffie en een praatje.")
    page.get_by_label("Verbondenheid en betrokkenheid").check()
    page.get_by_label("Ontmoeting").check()
    page.get_by_label("Ouderen").check()
    # "Elke maand op de …", then the week without the day: the form says what is missing, at the field.
    page.locator("#id_schedule-0-repeat_2").check()
    page.locator("#id_schedule-0-week_of_month").select_option(label="eerste")
    page.locator("#id_schedule-0-start").fill("10:00")
    page.locator("#id_schedule-0-end").fill("12:00")
    page.get_by_role("radio", name=re.compile("^Buurthuis Vogeldorp, Meeuwenlaan 1")).check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.locator(".error-summary")).to_contain_text("Kies de dag.")
    expect(page.locator("#id_schedule-0-day_error")).to_contain_text("Kies de dag.")
    expect(page.locator("#id_schedule-0-repeat_2")).to_be_checked()
    expect(page.locator("#id_schedule-0-week_of_month")).to_have_value("1")
    expect(page.locator("#id_schedule-0-start")).to_have_value("10:00")
    fits(page, MOBILE["width"])
    shoot(page, "schedule-form-errors-mobile")
    assert_accessible(page)

    page.locator("#id_schedule-0-day").select_option(label="dinsdag")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".preview-banner")).to_contain_text("Status: Concept")
    # Publishing is refused without a way to reach someone; the list links to the field.
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-error")).to_contain_text("Nog niet gepubliceerd")
    page.get_by_role("link", name=re.compile("^Een telefoonnummer of e-mailadres")).click()
    page.locator("#id_contact_phone").fill("020 123 4567")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name=re.compile("^Publiceren")).click()
    expect(page.locator(".message-success")).to_contain_text("staat nu op de website")

    public = new_page(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=1)
    public.goto(f"{live_server.url}/activiteiten/?q=koffieochtend")
    rule = Rule("monthly", 1, datetime.time(10), datetime.time(12), week_of_month=1)
    next_time = schedule.describe_next([rule], timezone.localdate(), schedule.school_holidays())
    assert next_time.startswith("Volgende keer: ") and "dinsdag " in next_time
    expect(public.locator(".results")).to_contain_text(next_time)
    # The "when" filters, open, with their counts: the activity is on a weekday morning.
    public.goto(f"{live_server.url}/activiteiten/?dagdeel=ochtend")
    expect(public.locator("#n-f-dagdeel-ochtend")).to_have_text("(1)")
    expect(public.locator("#n-f-dagdeel-avond")).to_have_text("(0)")
    fits(public, MOBILE["width"])
    shoot(public, "schedule-catalogue-mobile")
    assert_accessible(public)
    public.get_by_role("link", name="Koffieochtend Vogeldorp").click()
    expect(public.get_by_text("Elke eerste dinsdag van de maand, 10:00–12:00")).to_be_visible()
    expect(public.locator(".next-time")).to_have_text(next_time)
    fits(public, MOBILE["width"])
    shoot(public, "schedule-detail-mobile")
    assert_accessible(public)

    desktop = new_page(viewport=DESKTOP)
    desktop.goto(public.url)
    shoot(desktop, "schedule-detail-desktop")
    assert_accessible(desktop)
    desktop.goto(f"{live_server.url}/activiteiten/?dagdeel=ochtend")
    shoot(desktop, "schedule-catalogue-desktop")
    assert_accessible(desktop)
    # Archived after a confirmation, and undone from the message.
    page.goto(f"{live_server.url}/organisatie/{coordinator['organisation'].pk}/")
    page.get_by_role("row", name=re.compile("Koffieochtend Vogeldorp")).get_by_role(
        "link", name=re.compile("^Archiveren")
    ).click()
    expect(page.get_by_role("button", name="Ja, archiveren")).to_be_visible()  # the question is there
    fits(page, MOBILE["width"])
    assert_accessible(page)
    page.get_by_role("button", name="Ja, archiveren").click()
    expect(page.locator(".message-success")).to_contain_text("gearchiveerd")
    public.goto(f"{live_server.url}/activiteiten/?q=koffieochtend")
    expect(public.locator(".results")).not_to_contain_text("Koffieochtend Vogeldorp")
    page.locator(".message-success").get_by_role("link", name="Terugzetten als concept").click()
    expect(page.get_by_role("button", name="Ja, terugzetten als concept")).to_be_visible()  # the page is there
    fits(page, MOBILE["width"])
    page.get_by_role("button", name="Ja, terugzetten als concept").click()
    expect(page.locator(".message-success")).to_contain_text("is teruggezet als concept")

    assert console.csp_violations == []


def test_the_schedule_form_fits_a_phone_and_a_desktop(live_server, new_page, coordinator):
    for name, viewport in [("mobile", MOBILE), ("desktop", DESKTOP)]:
        page = new_page(viewport=viewport)
        log_in(page, live_server.url, coordinator["user"].email)
        page.goto(f"{live_server.url}/organisatie/{coordinator['organisation'].pk}/activiteiten/nieuw/")
        fits(page, viewport["width"])
        page.locator("fieldset.schedule-row").first.screenshot(path=SCREENSHOT_DIR / f"schedule-row-{name}.png")
        assert_accessible(page)
