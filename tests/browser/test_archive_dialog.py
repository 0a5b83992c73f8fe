"""Archiving on a phone with JavaScript: the confirm page's question comes up in a dialog over the list."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, SCREENSHOT_DIR, admin_member, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def coordinator():
    from tests.factories import ActivityFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Bewonersinitiatief Vogeldorp")
    admin_member(organisation, "coordinator@vogeldorp.example")
    return ActivityFactory(organisation=organisation, title="Samen koken", contact_email="koken@vogeldorp.example")


def test_archiving_asks_in_a_dialog_that_no_closes_and_yes_archives(live_server, new_page, coordinator, console):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    log_in(page, live_server.url, "coordinator@vogeldorp.example")
    home = page.url
    archive = page.get_by_role("link", name=re.compile("^Archiveren"))

    archive.click()
    dialog = page.get_by_role("dialog", name="“Samen koken” archiveren?")
    expect(dialog).to_be_visible()
    # The question is read first; the yes button is not one stray tap away.
    expect(dialog.get_by_role("heading")).to_be_focused()
    assert page.url == home
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    page.screenshot(path=SCREENSHOT_DIR / "organisation-archive-dialog-mobile.png")
    assert_accessible(page)
    dialog.get_by_role("button", name="Nee, niets veranderen").click()
    expect(dialog).to_be_hidden()
    expect(archive).to_be_focused()
    coordinator.refresh_from_db()
    assert coordinator.status == "published"

    archive.click()
    dialog.get_by_role("button", name="Ja, archiveren").click()
    expect(page.locator(".message-success")).to_contain_text("“Samen koken” is gearchiveerd")
    expect(page.locator(".message-success").get_by_role("link", name="Terugzetten als concept")).to_be_visible()
    coordinator.refresh_from_db()
    assert coordinator.status == "archived"
    assert console.unexpected == []
