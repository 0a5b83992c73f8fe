"""A resident on a phone types what, for whom, where and when ("ouderen in noord vanmiddag") on the home
page: the page ticks the when-filters, names them in its heading, shows a result above the fold and lets
one tap take a filter away; accessible, and no wider than the screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, SCREENSHOT_DIR, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EVERY_DAY = ["ma", "di", "wo", "do", "vr", "za", "zo"]


@pytest.fixture
def afternoons():
    from tests.factories import ActivityFactory

    ActivityFactory(
        title="Middagsoos De Meeuw",
        summary="Thee, een spelletje en een praatje.",
        doelgroepen=["ouderen"],
        location__gebied_slug="oud-noord",
        schedule=[(day, "14:00", "16:00") for day in EVERY_DAY],
    )
    ActivityFactory(
        title="Avondkoor De Meeuw",
        summary="Zingen met buren.",
        doelgroepen=["ouderen"],
        location__gebied_slug="oud-noord",
        schedule=[(day, "19:30", "21:00") for day in EVERY_DAY],
    )
    ActivityFactory(
        title="Middagwandeling Zuid",
        doelgroepen=["ouderen"],
        location__gebied_slug="oud-zuid",
        schedule=[(day, "14:00", "15:00") for day in EVERY_DAY],
    )


def test_ouderen_in_noord_vanmiddag_from_the_home_page(live_server, new_page, afternoons):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=1)
    page.goto(f"{live_server.url}/")
    page.get_by_label("Waar zoek je naar?").fill("ouderen in noord vanmiddag")
    page.get_by_role("button", name="Zoeken").click()

    expect(page).to_have_url(re.compile(r"wanneer=vandaag.*dagdeel=middag"))
    expect(page.locator("#id_q")).to_have_value("ouderen in noord")
    expect(page.locator("#result-count")).to_have_text("1 activiteit gevonden in Noord vandaag ’s middags")
    first = page.locator("#resultaten .result").first
    expect(first).to_contain_text("Middagsoos De Meeuw")
    assert first.bounding_box()["y"] < 740
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    page.screenshot(path=str(SCREENSHOT_DIR / "resident-ouderen-noord-vanmiddag-phone.png"))
    assert_accessible(page)

    # One tap takes "’s middags" away: the evening choir in Noord comes too.
    page.locator(".chips").get_by_role("link", name=re.compile("Middag")).click()
    expect(page.locator("#result-count")).to_have_text("2 activiteiten gevonden in Noord vandaag")
