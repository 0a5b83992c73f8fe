"""The monitor in a browser: a Noord reviewer reads it on a phone and on a desktop, downloads a table
and adds a duiding; axe-clean, no sideways scrolling at 390 px, charts drawn without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def flow(people, settings, tmp_path):
    from subsidies.models import Regeling
    from tests.subsidies.conftest import Flow, make_ronde

    settings.MEDIA_ROOT = tmp_path
    regeling = Regeling.objects.get(slug="sociale-basis")
    return Flow(people, {"noord": make_ronde(regeling, "noord")}, regeling)


# JavaScript stays on: with it off, Playwright hung here after the first page (the monitor needs no
# JavaScript; the SVG charts and tables come from the server).
@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["390", "1280"])
def test_monitor(live_server, new_page, flow, people, console, viewport):
    from subsidies import demo
    from subsidies.workflow import Status

    demo.report_everything(flow.to(Status.VERLEEND, requested=4_000_00), cast=flow.cast)
    page = new_page(viewport=viewport)
    log_in(page, live_server.url, people.reviewer_noord.email)
    page.get_by_role("link", name="Monitor: geld, bereik en aanbod").click()
    expect(page.locator("h1")).to_have_text("Monitor")
    expect(page.locator("svg[aria-labelledby='grafiek-bereik-titel grafiek-bereik-uitleg']")).to_be_visible()
    expect(page.locator(".table-wrap[aria-labelledby='tabel-bereik']")).to_contain_text("40")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV – Per stadsdeel: verslagen op tijd").click()
    assert download.value.suggested_filename.startswith("monitor-verslagen-")

    page.get_by_label("Over welk deel?").select_option(label="Bereik en vrijwilligers")
    page.get_by_label("Voor welk stadsdeel?").select_option(label="Noord")
    page.get_by_label("Uw duiding").fill("Minder deelnemers door de verbouwing van het buurthuis.")
    page.get_by_role("button", name="Duiding opslaan").click()
    expect(page.locator(".notes")).to_contain_text("verbouwing van het buurthuis")
    assert_accessible(page)
    assert not console.csp_violations
