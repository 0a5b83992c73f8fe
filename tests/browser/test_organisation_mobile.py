"""The whole organisation area on a phone (390 px): nothing wider than the screen, axe-clean; screenshots."""

import pytest
from django.contrib.auth.hashers import make_password

from tests.browser.conftest import MOBILE, PASSWORD, SCREENSHOT_DIR, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def area():
    """A coordinator of two organisations (so the dashboard lists them), with activities in every state."""
    import datetime

    from accounts.models import User
    from activities.models import Activity
    from activities.services import activity_verify
    from organisations.models import Membership
    from tests.factories import ActivityFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Stichting Bewonersinitiatief Vogeldorp en omstreken")
    other = OrganisationFactory(name="Stadsdorp Noord-Oost")
    user = User.objects.create(
        email="coordinator.met.een.lang.adres@vogeldorp.example", password=make_password(PASSWORD)
    )
    for each in (organisation, other):
        Membership.objects.create(user=user, organisation=each, is_admin=True)
    published = ActivityFactory(
        organisation=organisation,
        title="Samen koken en eten in het buurthuis aan de Meeuwenlaan",
        last_verified=datetime.date(2024, 1, 1),
        contact_email="koken@vogeldorp.example",
    )
    ActivityFactory(organisation=organisation, title="Wandelclub", status=Activity.Status.DRAFT)
    ActivityFactory(organisation=organisation, title="Oude taalcafé", status=Activity.Status.ARCHIVED)
    activity_verify(activity=ActivityFactory(organisation=organisation, title="Klusjesdienst"), user=user)
    return {"organisation": organisation, "published": published, "user": user}


def test_every_organisation_page_fits_a_phone_and_passes_axe(live_server, new_page, area, console):
    page = new_page(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=1)
    log_in(page, live_server.url, area["user"].email)
    org, activity = area["organisation"].pk, area["published"].pk
    pages = {
        "dashboard": "/organisatie/",
        "organisation": f"/organisatie/{org}/",
        "archived": f"/organisatie/{org}/?status=archived",
        "new": f"/organisatie/{org}/activiteiten/nieuw/",
        "edit": f"/organisatie/activiteiten/{activity}/",
        "preview": f"/organisatie/activiteiten/{activity}/voorbeeld/",
        "archive-confirm": f"/organisatie/activiteiten/{activity}/status/?naar=archived",
        "colleagues": f"/organisatie/{org}/collegas/",
        "log": f"/organisatie/{org}/logboek/",
        "locations": f"/organisatie/{org}/locaties/",
        "location-new": f"/organisatie/{org}/locaties/nieuw/",
        "location-edit": f"/organisatie/locaties/{area['published'].location_id}/",
    }
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    widths = {}
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.ok, path
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=SCREENSHOT_DIR / f"organisation-{name}-mobile.png", full_page=True)
        assert_accessible(page)
    # A form sent with mistakes: the summary at the top and the messages at their fields fit too.
    page.goto(f"{live_server.url}{pages['new']}")
    page.get_by_role("button", name="Opslaan").click()
    widths["new-errors"] = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=SCREENSHOT_DIR / "organisation-new-errors-mobile.png", full_page=True)
    assert_accessible(page)
    print(widths)
    assert {name: width for name, width in widths.items() if width > MOBILE["width"]} == {}
    assert console.csp_violations == []
