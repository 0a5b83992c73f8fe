"""The staff area's home (/beoordeling/): how current the catalogue is, for one's own stadsdelen only."""

import datetime

import pytest
from django.utils import timezone

from activities.models import Activity
from audit.models import AuditEvent
from subsidies.models import Regeling
from subsidies.workflow import Status
from tests.factories import ActivityFactory
from tests.subsidies.conftest import Flow, make_ronde

pytestmark = pytest.mark.django_db
URL = "/beoordeling/"


def row(name, published, stale):
    return f'<tr><th scope="row">{name}</th><td class="number">{published}</td><td class="number">{stale}</td></tr>'


@pytest.fixture
def catalogue(people):
    """Beside the people's two activities (checked today): stale ones in Zuid and Noord, and ones that do not count."""
    today = timezone.localdate()
    Activity.objects.filter(pk__in=[people.activity_a.pk, people.activity_b.pk]).update(last_verified=today)

    def zuid(title, **extra):
        return ActivityFactory(organisation=people.org_b, title=title, location__gebied_slug="oud-zuid", **extra)

    zuid("Wandelclub Zuid", last_verified=today - datetime.timedelta(days=400))
    zuid("Schaakclub Zuid", last_verified=today - datetime.timedelta(days=200))
    zuid("Kookclub Zuid", last_verified=today - datetime.timedelta(days=30))
    zuid("Concept Zuid", status=Activity.Status.DRAFT, last_verified=today - datetime.timedelta(days=500))
    zuid("Gestopt Zuid", status=Activity.Status.ARCHIVED, last_verified=today - datetime.timedelta(days=500))
    ActivityFactory(
        organisation=people.org_a,
        title="Breiclub Noord",
        location__gebied_slug="noord-oost",
        last_verified=today - datetime.timedelta(days=300),
    )
    return people


def test_a_zuid_reviewer_sees_only_zuid(client, catalogue):
    client.force_login(catalogue.reviewer_zuid)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    # Four published in Zuid (the people's Buurtkoor and three clubs); two checked over half a year ago.
    assert row("Zuid", 4, 2) in html
    assert "<td>Noord</td>" not in html and "<td>Centrum</td>" not in html
    # The longest unchecked first; drafts and archived activities are not in the catalogue.
    assert html.index("Wandelclub Zuid") < html.index("Schaakclub Zuid")
    for absent in ["Kookclub Zuid", "Concept Zuid", "Gestopt Zuid", "Breiclub Noord", "Taalcafé Noord"]:
        assert absent not in html


def test_a_noord_reviewer_sees_only_noord(client, catalogue):
    client.force_login(catalogue.reviewer_noord)
    html = client.get(URL).content.decode()
    assert row("Noord", 2, 1) in html
    assert "<td>Zuid</td>" not in html
    assert "Breiclub Noord" in html
    assert "Wandelclub Zuid" not in html and "Schaakclub Zuid" not in html


def test_when_all_is_checked_it_says_so(client, people):
    Activity.objects.update(last_verified=timezone.localdate())
    client.force_login(people.reviewer_zuid)
    html = client.get(URL).content.decode()
    assert row("Zuid", 1, 0) in html
    assert "Alles is gecontroleerd in het afgelopen half jaar." in html


def test_the_functional_administrator_sees_every_stadsdeel(client, catalogue):
    client.force_login(catalogue.admin)
    html = client.get(URL).content.decode()
    assert row("Noord", 2, 1) in html and row("Zuid", 4, 2) in html
    assert row("Weesp", 0, 0) in html


def test_anonymous_visitors_are_sent_to_the_login(client, catalogue):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_an_organisation_member_is_refused_and_it_is_logged(client, catalogue):
    client.force_login(catalogue.member_b)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Wandelclub Zuid" not in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PERMISSION_DENIED, actor=catalogue.member_b, path=URL
    ).exists()


def test_subsidies_that_wait_and_what_is_left_under_the_plafond(client, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    regeling = Regeling.objects.get(slug="sociale-basis")
    flow = Flow(people, {"noord": make_ronde(regeling, "noord"), "zuid": make_ronde(regeling, "zuid")}, regeling)
    flow.to(Status.INGEDIEND)
    flow.to(Status.ADVIES)
    flow.to(Status.VERLEEND, requested=10_000_00)

    client.force_login(people.decider_noord)
    response = client.get(URL)
    noord = next(row for row in response.context["subsidies"]["per_stadsdeel"] if row["stadsdeel"].slug == "noord")
    assert noord["waiting"]["ingediend"] == 1 and noord["waiting"]["advies"] == 1
    (ronde,) = noord["rondes"]
    assert ronde.left == ronde.plafond_cents - 10_000_00
    html = response.content.decode()
    assert "Naar de werklijst" in html and "€ 90.000" in html

    client.force_login(people.reviewer_zuid)
    zuid_view = client.get(URL).context["subsidies"]["per_stadsdeel"]
    assert [row["stadsdeel"].slug for row in zuid_view] == ["zuid"]
    assert zuid_view[0]["waiting"]["ingediend"] == 0
