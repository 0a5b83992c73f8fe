"""Archiving on a phone with JavaScript: the confirm page's question comes up in a dialog over the list."""

import re

import pytest
from django.contrib.auth.hashers import make_password
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, SCREENSHOT_DIR, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def coordinator():
    from accounts.models import User
    from organisations.models import Membership
    from tests.factories import ActivityFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Bewonersinitiatief Vogeldorp")
    user = User.objects.create(email="coordinator@vogeldorp.example", password=make_password(PASSWORD))
    Membership.objects.create(user=user, organisation=organisation, is_admin=True)
    return ActivityFactory(organisation=organisation, title="Samen koken", contact_email="koken@vogeldorp.example")


def test_archiving_asks_in_a_dialog_that_no_closes_and_yes_archives(live_server, new_page, coordinator, console):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mailadres").fill("coordinator@vogeldorp.example")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
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
