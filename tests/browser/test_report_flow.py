"""A half-year report in the browser: the organisation submits it (the 10% rule asks for a sentence
first), the reviewer asks for changes, the organisation resubmits, the reviewer accepts. Every page
axe-clean; the organisation's pages without sideways scrolling at 390 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def flow(people, settings, tmp_path):
    from subsidies.models import Regeling
    from tests.subsidies.conftest import Flow, make_ronde

    settings.MEDIA_ROOT = tmp_path
    regeling = Regeling.objects.get(slug="sociale-basis")
    return Flow(people, {"noord": make_ronde(regeling, "noord")}, regeling)


def log_in(page, base, user):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def check(page, width):
    assert_accessible(page)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} scrolls sideways: {scroll}px wide"


def test_half_year_report_submitted_sent_back_resubmitted_accepted(live_server, new_page, flow, people, console):
    from subsidies.workflow import Status

    base = live_server.url
    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    first = aanvraag.obligations.order_by("period_start").first()
    planned = aanvraag.activiteiten.get()

    org = new_page(viewport=MOBILE)
    log_in(org, base, people.member_a)
    org.goto(f"{base}/organisatie/aanvragen/{aanvraag.pk}/")
    check(org, MOBILE["width"])
    org.get_by_role("link", name="Halfjaarverslag").first.click()
    expect(org.locator("h1")).to_contain_text("Halfjaarverslag")
    check(org, MOBILE["width"])
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    org.screenshot(path=SCREENSHOT_DIR / "report-form-390.png", full_page=True)

    org.locator(f"#participants-{planned.pk}").fill("2")
    org.get_by_label("Het verhaal van één bewoner").fill("Een buurvrouw kwam na maanden weer naar buiten.")
    org.get_by_role("button", name="Indienen").click()
    summary = org.locator(".error-summary")
    expect(summary).to_contain_text("deelnemers: gepland")
    expect(org.get_by_label("Het verhaal van één bewoner")).to_have_value(
        "Een buurvrouw kwam na maanden weer naar buiten."
    )
    check(org, MOBILE["width"])
    summary.get_by_role("link").first.click()
    explanation = org.locator(f"#uitleg-{planned.pk}-participants")
    expect(explanation).to_be_focused()
    explanation.fill("De ruimte was twee maanden dicht door een lekkage.")
    org.get_by_role("button", name="Indienen").click()
    expect(org.locator(".message-success")).to_contain_text("ingediend")
    check(org, MOBILE["width"])

    staff = new_page(viewport=DESKTOP)
    log_in(staff, base, people.reviewer_noord)
    staff.goto(f"{base}/beoordeling/verslagen/")
    check(staff, DESKTOP["width"])
    staff.get_by_role("link", name=aanvraag.dossiernummer).first.click()
    staff.get_by_role("button", name="Wijzigingen vragen").click()
    expect(staff.locator(".error-summary")).to_contain_text("Schrijf wat de organisatie moet veranderen.")
    check(staff, DESKTOP["width"])
    staff.get_by_label("Opmerking voor de organisatie").fill("Vertel ook welke signalen jullie uit de buurt hoorden.")
    staff.get_by_role("button", name="Wijzigingen vragen").click()
    expect(staff.locator(".message-success")).to_contain_text("kan het verslag aanpassen")

    org.goto(f"{base}/organisatie/verslagen/{first.pk}/")
    expect(org.locator("#opmerking + p")).to_contain_text("welke signalen")
    check(org, MOBILE["width"])
    org.get_by_label("Welke signalen hoorden jullie uit de buurt?").fill("Veel vragen over de energierekening.")
    org.get_by_role("button", name="Indienen").click()
    expect(org.locator(".message-success")).to_contain_text("ingediend")
    org.get_by_role("link", name="Versie 2").click()
    expect(org.locator("table.compare")).to_contain_text("Veel vragen over de energierekening.")
    check(org, MOBILE["width"])

    staff.reload()
    expect(staff.locator("table.compare thead")).to_contain_text("Versie 1")
    expect(staff.locator("table.compare tr.changed")).to_contain_text("Veel vragen over de energierekening.")
    check(staff, DESKTOP["width"])
    staff.get_by_role("button", name="Goedkeuren").click()
    expect(staff.locator(".summary-facts")).to_contain_text("Goedgekeurd")
    check(staff, DESKTOP["width"])
    # The refusals answer 422 on purpose; the browser logs each as a failed resource.
    errors = [line for line in console.unexpected if "(Unprocessable Entity)" not in line]
    assert not errors, errors


def test_report_form_screenshots(live_server, new_page, flow, people):
    from subsidies.workflow import Status

    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    first = aanvraag.obligations.order_by("period_start").first()
    page = new_page(viewport=DESKTOP)
    log_in(page, live_server.url, people.member_a)
    page.goto(f"{live_server.url}/organisatie/verslagen/{first.pk}/")
    check(page, DESKTOP["width"])
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / "report-form-1280.png", full_page=True)
