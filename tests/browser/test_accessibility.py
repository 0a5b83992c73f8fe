"""Public pages: zero axe-core violations (WCAG 2.2 A and AA) and no Content Security Policy violations."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PUBLIC_PAGES = {
    "home": "/",
    "catalogue": "/activiteiten/",
    "catalogue-filtered": "/activiteiten/?q=taal&stadsdeel=noord&thema=taal&dag=di&gratis=1",
    "catalogue-empty": "/activiteiten/?q=zwemmen",
    "catalogue-bad-link": "/activiteiten/?thema=bestaat-niet&q=koffie",
    "detail": "/activiteiten/taalcafe-de-meeuw/?q=taal",
    "detail-by-appointment": "/activiteiten/taalles-voor-beginners/",
    "print": "/activiteiten/afdrukken/?q=taal",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_axe_violations(live_server, page, catalogue, console, path):
    response = page.goto(f"{live_server.url}{path}")
    assert response.ok, f"{path} answered {response.status}"
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert console.csp_violations == []


@pytest.mark.parametrize("path", ["/", "/activiteiten/?q=taal&gratis=1", "/activiteiten/taalcafe-de-meeuw/"])
def test_public_page_on_a_phone_has_no_axe_violations(live_server, new_page, catalogue, path):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}{path}")
    assert_accessible(page)


def test_catalogue_stays_accessible_after_htmx_updates(live_server, page, catalogue):
    page.goto(f"{live_server.url}/activiteiten/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.locator("#id_q").press_sequentially("taal", delay=30)
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden")
    page.get_by_label(re.compile(r"^Gratis")).check()
    expect(page.locator("#result-count")).to_have_text("1 gratis activiteit gevonden")
    page.locator("#feedback").get_by_label("Ja").check()
    page.locator("#feedback").get_by_role("button", name="Verstuur").click()
    expect(page.locator("#feedback").get_by_role("status")).to_be_visible()
    assert_accessible(page)


def test_no_csp_violations_while_using_the_site(live_server, page, catalogue, console):
    """Every page loads its scripts and styles from files; htmx swaps add no inline code."""
    for path in PUBLIC_PAGES.values():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
    page.goto(f"{live_server.url}/activiteiten/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.locator("#id_q").press_sequentially("wandel", delay=30)
    expect(page.locator("#result-count")).to_have_text("1 activiteit gevonden")
    page.get_by_label(re.compile(r"^Gratis")).check()
    expect(page).to_have_url(re.compile(r"[?&]gratis=1"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=wandel$"))
    expect(page.locator("#result-count")).to_have_text("1 activiteit gevonden")
    page.locator("#feedback").get_by_label("Ja").check()
    page.locator("#feedback").get_by_role("button", name="Verstuur").click()
    expect(page.locator("#feedback").get_by_role("status")).to_be_visible()
    # Searching again after the thanks message still updates everything out of band.
    page.locator("#id_q").fill("")
    page.locator("#id_q").press_sequentially("taal", delay=30)
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden")
    expect(page.locator("#feedback-query")).to_have_value("q=taal")
    assert console.csp_violations == [], "\n".join(console.csp_violations)
    # Nor any other script error, e.g. an out-of-band swap without a target.
    assert console.unexpected == [], "\n".join(console.unexpected)
    # The CSP header is really there, so the check above means something.
    response = page.goto(f"{live_server.url}/activiteiten/")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy


def test_csp_listener_catches_a_violation(live_server, page, catalogue, console):
    """Guard for the check above: an inline script on a page with this policy is reported."""
    page.goto(f"{live_server.url}/activiteiten/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert console.csp_violations, console.errors
