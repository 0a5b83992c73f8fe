"""Screenshots of the public pages with demo data, on a phone and a desktop (in SCREENSHOT_DIR, /tmp/shots).

Also checks what a screenshot would show: nothing wider than the screen, and the catalogue page small.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEWPORTS = {"mobile": MOBILE, "desktop": DESKTOP}


@pytest.fixture
def demo_catalogue(catalogue):
    from activities.demo import create_catalogue

    create_catalogue(activities=150)
    return catalogue


@pytest.mark.parametrize("device", VIEWPORTS.keys())
def test_screenshots(live_server, new_page, demo_catalogue, device):
    mobile = device == "mobile"
    page = new_page(viewport=VIEWPORTS[device], is_mobile=mobile, has_touch=mobile, device_scale_factor=1)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    pages = {
        "home": "/",
        "catalogue": "/activiteiten/?q=koffie&stadsdeel=noord&gratis=1",
        "detail": "/activiteiten/taalcafe-de-meeuw/?q=taal",
        "catalogue-empty": "/activiteiten/?q=zwemmen",
        "catalogue-bad-link": "/activiteiten/?thema=bestaat-niet&dag=zondag&q=taal",
        "print": "/activiteiten/afdrukken/?q=taal",
    }
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.ok
        if name.startswith("catalogue"):
            expect(page.locator("#result-count")).to_contain_text("gevonden")
            assert len(response.body()) < 60_000, f"catalogue page is {len(response.body())} bytes"
        page.screenshot(path=str(SCREENSHOT_DIR / f"{name}-{device}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the {device} screen"
        assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    ["/", "/activiteiten/?q=taal&stadsdeel=noord", "/activiteiten/taalcafe-de-meeuw/", "/activiteiten/afdrukken/"],
)
def test_content_reflows_at_320_pixels(live_server, new_page, catalogue, path):
    """WCAG 1.4.10: at 320 CSS pixels wide (400% zoom) nothing needs sideways scrolling."""
    page = new_page(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than 320px"
