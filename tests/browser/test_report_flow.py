"""A half-year report in the browser: the organisation adds a photo and submits it (the 10% rule asks
for a sentence first), the reviewer asks for changes, the organisation resubmits, the reviewer accepts,
and the monitor's numbers and the organisation's own results move with it. Every page axe-clean; the
organisation's pages without sideways scrolling at 390 px."""

import io

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def flow(people, settings, tmp_path):
    from subsidies.models import Regeling
    from tests.subsidies.conftest import Flow, make_ronde

    settings.MEDIA_ROOT = tmp_path
    regeling = Regeling.objects.get(slug="sociale-basis")
    return Flow(people, {"noord": make_ronde(regeling, "noord")}, regeling)


def check(page, width):
    assert_accessible(page)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} scrolls sideways: {scroll}px wide"


def photo():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), "orange").save(buffer, format="JPEG")
    return {"name": "buurtkamer.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def monitor_figures(page, base):
    """Noord's row of the monitor: realised participants and volunteers, and accepted reports."""
    page.goto(f"{base}/beoordeling/monitor/")
    reach = page.locator("table:has(#tabel-bereik) tbody tr", has=page.locator("th", has_text="Noord")).locator("td")
    reports = page.locator("table:has(#tabel-verslagen) tbody tr", has=page.locator("th", has_text="Noord"))
    return {
        "participants": reach.nth(2).inner_text(),
        "volunteers": reach.nth(4).inner_text(),
        "accepted": reports.locator("td").nth(3).inner_text(),
    }


def test_half_year_report_submitted_sent_back_resubmitted_accepted(live_server, new_page, flow, people, console):
    from subsidies.workflow import Status

    base = live_server.url
    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    first = aanvraag.obligations.order_by("period_start").first()
    planned = aanvraag.activiteiten.get()

    staff = new_page(viewport=DESKTOP)
    log_in(staff, base, people.reviewer_noord.email)
    assert monitor_figures(staff, base) == {"participants": "0", "volunteers": "0", "accepted": "0"}

    org = new_page(viewport=MOBILE)
    log_in(org, base, people.member_a.email)
    org.goto(f"{base}/organisatie/aanvragen/{aanvraag.pk}/")
    check(org, MOBILE["width"])
    org.get_by_role("link", name="Halfjaarverslag").first.click()
    expect(org.locator("h1")).to_contain_text("Halfjaarverslag")
    check(org, MOBILE["width"])
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    org.screenshot(path=SCREENSHOT_DIR / "report-form-390.png", full_page=True)
    org.get_by_label("Wat ging goed?").fill("Elke week kwamen er nieuwe buren.")
    expect(org.locator("#autosave")).to_contain_text("Concept bewaard om")
    org.reload()
    expect(org.get_by_label("Wat ging goed?")).to_have_value("Elke week kwamen er nieuwe buren.")

    org.get_by_label("Het verhaal van één bewoner").fill("Een buurvrouw kwam na maanden weer naar buiten.")
    org.locator("#foto").set_input_files(photo())
    org.get_by_role("button", name="Foto toevoegen").click()
    expect(org.locator(".error-summary")).to_contain_text("Schrijf wat er op de foto staat.")
    check(org, MOBILE["width"])
    org.locator("#foto").set_input_files(photo())
    org.get_by_label("Wat staat er op de foto?").fill("Buren koken samen in de buurtkamer.")
    org.get_by_label("De mensen die herkenbaar op de foto staan").check()
    org.get_by_role("button", name="Foto toevoegen").click()
    expect(org.get_by_role("img", name="Buren koken samen in de buurtkamer.")).to_be_visible()
    check(org, MOBILE["width"])
    org.screenshot(path=SCREENSHOT_DIR / "report-photo-390.png", full_page=True)

    org.locator(f"#participants-{planned.pk}").fill("2")
    org.locator(f"#volunteers-{planned.pk}").fill("6")
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

    staff.goto(f"{base}/beoordeling/verslagen/")
    check(staff, DESKTOP["width"])
    staff.get_by_role("link", name=aanvraag.dossiernummer).first.click()
    image = staff.get_by_role("img", name="Buren koken samen in de buurtkamer.")
    image.scroll_into_view_if_needed()
    assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") == 1200  # served, made smaller
    staff.screenshot(path=SCREENSHOT_DIR / "report-review-photo-1280.png", full_page=True)
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

    # The accepted report counts: 2 participants and 6 volunteers, one accepted report, in Noord.
    assert monitor_figures(staff, base) == {"participants": "2", "volunteers": "6", "accepted": "1"}
    check(staff, DESKTOP["width"])
    staff.get_by_label("Over welk deel?").select_option(label="Bereik en vrijwilligers")
    staff.get_by_label("Voor welk stadsdeel?").select_option(label="Noord")
    staff.get_by_label("Uw duiding").fill("Het bereik van de buurtkamer bleef achter door een lekkage.")
    staff.get_by_role("button", name="Duiding opslaan").click()
    org.goto(f"{base}/organisatie/{people.org_a.pk}/resultaten/")
    rows = org.locator(f"table:has(#tabel-activiteit-{planned.pk}) tbody tr")
    expect(rows.nth(0).locator("td").nth(1)).to_have_text("2")  # deelnemers gerealiseerd
    expect(rows.nth(2).locator("td").nth(1)).to_have_text("6")  # vrijwilligers gerealiseerd
    expect(org.locator("#duiding + p + .notes")).to_contain_text("bleef achter door een lekkage")
    check(org, MOBILE["width"])
    org.screenshot(path=SCREENSHOT_DIR / "organisation-results-390.png", full_page=True)
    org.set_viewport_size(DESKTOP)
    check(org, DESKTOP["width"])
    org.screenshot(path=SCREENSHOT_DIR / "organisation-results-1280.png", full_page=True)
    # The refusals answer 422 on purpose; the browser logs each as a failed resource.
    errors = [line for line in console.unexpected if "(Unprocessable Entity)" not in line]
    assert not errors, errors


def test_report_form_screenshots(live_server, new_page, flow, people):
    from subsidies.workflow import Status

    aanvraag = flow.to(Status.VERLEEND, track="structureel")
    first = aanvraag.obligations.order_by("period_start").first()
    page = new_page(viewport=DESKTOP)
    log_in(page, live_server.url, people.member_a.email)
    page.goto(f"{live_server.url}/organisatie/verslagen/{first.pk}/")
    check(page, DESKTOP["width"])
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / "report-form-1280.png", full_page=True)
