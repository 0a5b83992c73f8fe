"""The whole path of an aanvraag in the browser (issue: subsidies): the organisation submits, the
reviewer asks for an aanvulling, the organisation completes it, the reviewer assesses and advises, a
different person with the beslisser role grants it, and the organisation downloads the beschikking."""

import datetime

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def cast(settings, tmp_path):
    """Org A in Noord with a complete concept aanvraag; a reviewer and a beslisser for Noord."""
    from accounts.models import StaffRole, User
    from organisations.models import Membership
    from stadsdelen.models import Gebied, Stadsdeel
    from subsidies import demo, services
    from subsidies.models import Regeling, Track
    from tests.factories import OrganisationFactory
    from tests.subsidies.conftest import make_ronde

    settings.MEDIA_ROOT = tmp_path

    def person(email):
        return User.objects.create(email=email, name=email.split("@")[0].title(), password=make_password(PASSWORD))

    organisation = OrganisationFactory(name="Buurthuis De Meeuw")
    member = person("coordinator@meeuw.example")
    Membership.objects.create(user=member, organisation=organisation, is_admin=True)
    noord = Stadsdeel.objects.get(slug="noord")
    reviewer, decider = person("beoordelaar@noord.example"), person("beslisser@noord.example")
    StaffRole.objects.create(user=reviewer, role=StaffRole.Role.REVIEWER, stadsdeel=noord)
    StaffRole.objects.create(user=decider, role=StaffRole.Role.DECIDER, stadsdeel=noord)
    regeling = Regeling.objects.get(slug="sociale-basis")
    aanvraag = services.aanvraag_create(
        organisation=organisation,
        ronde=make_ronde(regeling, "noord"),
        track=Track.objects.get(regeling=regeling, slug="incidenteel"),
        user=member,
        projectnaam="Buurtkamer De Meeuw",
    )
    demo.fill(aanvraag, user=member, requested_cents=6_000_00, gebied=Gebied.objects.get(slug="oud-noord"))
    return {"aanvraag": aanvraag, "member": member, "reviewer": reviewer, "decider": decider}


def test_from_submission_to_beschikking(live_server, new_page, cast, console):
    base, aanvraag = live_server.url, cast["aanvraag"]
    org_page = f"{base}/organisatie/aanvragen/{aanvraag.pk}/"
    dossier = f"{base}/beoordeling/aanvragen/{aanvraag.pk}/"

    organisation = new_page()
    log_in(organisation, base, cast["member"].email)
    organisation.goto(org_page)
    organisation.get_by_role("button", name="Aanvraag indienen").click()
    expect(organisation.locator(".message-success")).to_contain_text("ingediend")

    reviewer = new_page()
    log_in(reviewer, base, cast["reviewer"].email)
    reviewer.goto(f"{base}/beoordeling/aanvragen/")
    reviewer.get_by_role("link", name=aanvraag.dossiernummer).click()
    assert_accessible(reviewer)
    reviewer.get_by_label("Wat ontbreekt er?").fill("Stuur de offerte voor de huur van de ruimte mee.")
    due = timezone.localdate() + datetime.timedelta(days=14)
    reviewer.get_by_label("Aanvullen vóór").fill(due.isoformat())
    reviewer.get_by_role("button", name="Vraag om aanvulling versturen").click()
    expect(reviewer.locator("body")).to_contain_text("Aanvulling gevraagd")

    organisation.goto(org_page)
    expect(organisation.locator("body")).to_contain_text("Stuur de offerte voor de huur van de ruimte mee.")
    assert_accessible(organisation)
    organisation.get_by_role("button", name="Aanvulling indienen").click()
    expect(organisation.locator(".message-success")).to_be_visible()

    reviewer.goto(dossier)
    reviewer.get_by_role("button", name="Ontvankelijk, in behandeling nemen").click()
    for radio in reviewer.get_by_role("radio", name="Voldoet", exact=True).all():
        radio.check()
    reviewer.get_by_role("button", name="Oordelen opslaan").click()
    reviewer.get_by_role("radio", name="Verlenen", exact=True).check()
    reviewer.locator("#advies").locator("..").get_by_label("Motivering").fill(
        "Past bij het uitvoeringsplan van Oud-Noord."
    )
    reviewer.get_by_role("button", name="Advies geven").click()
    expect(reviewer.locator("body")).to_contain_text("Advies")

    decider = new_page()
    log_in(decider, base, cast["decider"].email)
    decider.goto(dossier)
    assert_accessible(decider)
    decider.get_by_role("radio", name="Verleend", exact=True).check()
    decider.locator("#besluiten").locator("..").get_by_label("Motivering").fill("Volgens het advies.")
    decider.get_by_role("button", name="Besluit nemen").click()
    expect(decider.locator("body")).to_contain_text("Verleend")

    organisation.goto(org_page)
    expect(organisation.locator("body")).to_contain_text("Besluit genomen")
    with organisation.expect_download() as download:
        organisation.get_by_role("link", name="Download de beschikking (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert_accessible(organisation)
    assert not console.unexpected, console.unexpected
