"""A resident on a phone (390 px): the first result in view under folded filters, the filters work
without JavaScript, the detail page's buttons are big enough to tap, and every page is accessible
and no wider than the screen, on a phone and on a desktop. Screenshots go to SCREENSHOT_DIR."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEWPORTS = {"phone": MOBILE, "desktop": DESKTOP}


@pytest.fixture
def demo_catalogue(catalogue):
    from activities.demo import create_catalogue

    create_catalogue(activities=120)
    return catalogue


def phone(new_page, **kwargs):
    return new_page(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=1, **kwargs)


def test_from_the_home_page_the_first_result_shows_without_scrolling(live_server, new_page, demo_catalogue):
    page = phone(new_page)
    page.goto(f"{live_server.url}/")
    page.get_by_label("Waar zoek je naar?").fill("ouderen in noord")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?q=ouderen"))
    # Narrow it down in the folded filters, then fold them again.
    page.wait_for_function("() => window.htmx !== undefined")
    page.locator(".filter-panel > summary").click()
    page.locator("details.facet", has_text="Groep").locator("summary").click()
    page.get_by_label(re.compile(r"^Ouderen")).check()
    expect(page.locator(".filter-panel > summary")).to_contain_text("Filters (1)")
    page.get_by_label(re.compile(r"^Gratis")).check()
    expect(page.locator(".filter-panel > summary")).to_contain_text("Filters (2)")
    expect(page).to_have_url(re.compile(r"doelgroep=ouderen.*gratis=1|gratis=1.*doelgroep=ouderen"))
    expect(page.locator("#result-count")).to_contain_text("gratis activiteit")
    expect(page.locator("#result-count")).to_contain_text("voor ouderen in Noord")
    expect(page.get_by_role("link", name="Haal weg: Ouderen", exact=True)).to_be_visible()

    # The address is shareable: opened fresh, the filters are folded and the first result is in view.
    page.goto(page.url)
    first = page.locator("#resultaten .result").first
    expect(first).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
    top = first.bounding_box()["y"]
    assert top < 740, f"the first result starts at {top}px"
    page.screenshot(path=str(SCREENSHOT_DIR / "resident-ouderen-in-noord-phone.png"))

    # One tap on a chip takes that filter away.
    page.get_by_role("link", name="Haal weg: Gratis", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"gratis=1"))
    expect(page.locator(".filter-panel > summary")).to_contain_text("Filters (1)")

    # The stadsdeel a resident picks on the home page: its summary of the offer comes after the results.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Noord", exact=True).click()
    expect(page.locator(".stadsdeel-summary")).to_be_attached()
    top = page.locator("#resultaten .result").first.bounding_box()["y"]
    assert top < 740, f"in a stadsdeel the first result starts at {top}px"


def test_the_filters_fold_and_work_without_javascript(live_server, new_page, catalogue):
    page = phone(new_page, java_script_enabled=False)
    page.goto(f"{live_server.url}/activiteiten/?q=taal")
    gratis = page.get_by_label(re.compile(r"^Gratis"))
    expect(gratis).to_be_hidden()
    page.locator(".filter-panel > summary").click()
    expect(gratis).to_be_visible()
    gratis.check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"[?&]gratis=1"))
    expect(page.locator("#result-count")).to_have_text("1 gratis activiteit gevonden")
    expect(page.locator(".filter-panel > summary")).to_have_text(re.compile(r"Filters\s+\(1\)"))

    # On a wide screen the filters are simply open, without a button to open them.
    wide = new_page(viewport=DESKTOP, java_script_enabled=False)
    wide.goto(f"{live_server.url}/activiteiten/?q=taal")
    expect(wide.get_by_label(re.compile(r"^Gratis"))).to_be_visible()
    expect(wide.locator(".filter-panel > summary")).to_be_hidden()


def test_the_detail_page_has_its_practical_box_first_and_big_buttons(live_server, new_page, catalogue):
    page = phone(new_page)
    page.goto(f"{live_server.url}/activiteiten/taalcafe-de-meeuw/")
    facts = page.locator(".detail-facts")
    assert facts.bounding_box()["y"] < page.get_by_role("heading", name="Wat is het?").bounding_box()["y"]
    for name in ["Bel", "Mail"]:
        box = page.get_by_role("link", name=re.compile(rf"^{name} ")).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, f"{name}: {box}"
    geo = page.get_by_role("link", name="Open in je kaarten-app")
    assert geo.get_attribute("href").startswith("geo:52.389000,4.912000?q=")
    expect(page.get_by_role("link", name=re.compile("Plan je route"))).to_be_visible()


RESIDENT_PAGES = {
    "home": "/",
    "list": "/activiteiten/?doelgroep=ouderen&stadsdeel=noord&gratis=1",
    "list-nothing-found": "/activiteiten/?gebied=noord-west&doelgroep=ouderen&dag=zo",
    "detail": "/activiteiten/taalcafe-de-meeuw/",
    "print": "/activiteiten/afdrukken/?doelgroep=ouderen&stadsdeel=noord",
}


@pytest.mark.parametrize("device", VIEWPORTS.keys())
def test_resident_pages_are_accessible_and_fit_the_screen(live_server, new_page, demo_catalogue, device):
    mobile = device == "phone"
    page = new_page(viewport=VIEWPORTS[device], is_mobile=mobile, has_touch=mobile, device_scale_factor=1)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for name, path in RESIDENT_PAGES.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.ok, f"{path} answered {response.status}"
        page.screenshot(path=str(SCREENSHOT_DIR / f"resident-{name}-{device}.png"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[device]["width"], f"{path} is {width}px wide on a {device}"
        assert_accessible(page)
        if mobile and name.startswith("list"):
            # With the filters open too.
            page.locator(".filter-panel > summary").click()
            page.screenshot(path=str(SCREENSHOT_DIR / f"resident-{name}-filters-open-{device}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[device]["width"]
            assert_accessible(page)


def test_a_gebied_without_results_hides_in_place(live_server, page, catalogue):
    page.goto(f"{live_server.url}/activiteiten/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("window.__zelfdePagina = true")
    page.locator("details.facet", has_text="Gebied").locator("summary").click()
    oud_zuid = page.get_by_label(re.compile(r"^Oud-Zuid"))
    expect(oud_zuid).to_be_hidden()  # nothing there in this catalogue
    noord_west = page.get_by_label(re.compile(r"^Noord-West"))
    expect(noord_west).to_be_visible()
    page.get_by_label(re.compile(r"^Gratis")).check()
    # Only the paid Taalles is in Noord-West: with "Gratis" that gebied has nothing left.
    expect(noord_west).to_be_hidden()
    expect(page.locator("#result-count")).to_have_text("3 gratis activiteiten gevonden")
    expect(page.get_by_label(re.compile(r"^Gratis"))).to_be_focused()
    assert page.evaluate("window.__zelfdePagina") is True


@pytest.mark.parametrize("device", VIEWPORTS.keys())
def test_the_search_hint_and_the_nothing_found_box_sit_right(live_server, new_page, catalogue, device):
    page = new_page(viewport=VIEWPORTS[device], device_scale_factor=1)
    page.goto(f"{live_server.url}/activiteiten/?q=zzxxqq")
    # The hint is text above the field, whole in the narrow column on a wide screen too.
    hint = page.locator("#q-help")
    expect(hint).to_have_text("Bijvoorbeeld: taal, wandelen of geld.")
    assert hint.evaluate("element => element.scrollWidth <= element.clientWidth")
    # The help box's first line starts at its padding, not a blank line lower.
    box = page.locator(".empty").bounding_box()
    first = page.locator(".empty > p").first.bounding_box()
    assert first["y"] - box["y"] <= 17, f"the first line is {first['y'] - box['y']}px into the box"
