"""The organisation's tables (activities, log, aanvragen): on a phone a row reads as a card (nothing to
scroll sideways), on a desktop a row is one line with its buttons in their own cell."""

import pytest

from tests.browser.conftest import DESKTOP, MOBILE, SCREENSHOT_DIR, admin_member, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
# Each table's region, and whether it still scrolls sideways inside itself.
SCROLLS = "[...document.querySelectorAll('.table-wrap')].map(region => region.scrollWidth > region.clientWidth)"


@pytest.fixture
def coordinator():
    from activities.services import activity_duplicate
    from subsidies.models import Regeling
    from subsidies.services import aanvraag_create
    from tests.factories import ActivityFactory, OrganisationFactory
    from tests.subsidies.conftest import make_ronde

    organisation = OrganisationFactory(name="Bewonersinitiatief Vogeldorp")
    user = admin_member(organisation, "coordinator.met.een.lang.adres@vogeldorp.example")
    activity = ActivityFactory(
        organisation=organisation, title="Samen koken en eten in het buurthuis aan de Meeuwenlaan"
    )
    activity_duplicate(activity=activity, user=user)  # a row in the log, with what it changed
    regeling = Regeling.objects.get(slug="sociale-basis")
    aanvraag_create(
        organisation=organisation,
        ronde=make_ronde(regeling, "noord"),
        track=regeling.tracks.first(),
        user=user,
        projectnaam="Buurtkamer open op woensdag",
    )
    return organisation


def test_on_a_phone_the_log_and_the_list_need_no_sideways_scrolling(live_server, new_page, coordinator):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True)
    log_in(page, live_server.url, "coordinator.met.een.lang.adres@vogeldorp.example")
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/logboek/")
    assert page.get_by_text("Wat:").first.is_visible()
    page.screenshot(path=SCREENSHOT_DIR / "organisation-log-mobile.png", full_page=True)
    assert page.evaluate(SCROLLS) == [False]
    assert_accessible(page)
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/")
    assert page.evaluate(SCROLLS) == [False]
    # The aanvragen: the status, what a volunteer comes to see, was the column scrolled out of sight.
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/subsidies/")
    page.screenshot(path=SCREENSHOT_DIR / "organisation-subsidies-mobile.png", full_page=True)
    assert page.evaluate(SCROLLS) == [False]
    assert page.get_by_text("Stadsdeel: Noord").is_visible()
    assert_accessible(page)


def test_on_a_desktop_every_row_is_one_line_with_its_buttons_in_the_last_cell(live_server, new_page, coordinator):
    page = new_page(viewport=DESKTOP)
    log_in(page, live_server.url, "coordinator.met.een.lang.adres@vogeldorp.example")
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/")
    page.screenshot(path=SCREENSHOT_DIR / "organisation-home-desktop.png", full_page=True)
    displays = page.evaluate("[...document.querySelectorAll('tbody td')].map(cell => getComputedStyle(cell).display)")
    assert len(displays) == 8 and set(displays) == {"table-cell"}
    page.goto(f"{live_server.url}/organisatie/{coordinator.pk}/logboek/")
    assert page.get_by_role("columnheader", name="Wat").is_visible()
    assert page.get_by_text("Wat:").first.is_hidden()
