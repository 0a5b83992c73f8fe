"""The monitor (/beoordeling/monitor/) against a fixture whose totals are worked out by hand below.

Noord's ronde (plafond € 100.000), all planned activities in Oud-Noord, 40 participants and
6 volunteers planned each (subsidies.demo.fill), reports filled in as planned:
  A1 incidenteel, verleend € 4.000: final report accepted (40 participants, 6 volunteers);
     due 10 days ago, submitted 12 days ago: on time.
  A2 incidenteel, deels verleend € 8.000 → € 6.000: report submitted, not yet reviewed (not realised);
     due 5 days ago, submitted yesterday: late.
  A3 afgewezen, A4 advies: not subsidised, counted nowhere.
Zuid's ronde (plafond € 100.000), in De Pijp-Rivierenbuurt:
  B1 incidenteel, verleend € 10.000: final report accepted (40, 6); due in 30 days: not counted for on time.
Catalogue in Noord: Taalcafé Noord (no theme, checked 30 days ago), X1 in Oud-Noord (ontmoeting, taal;
checked 10 days ago), X2 in Oud-Noord (taal; checked 400 days ago), X3 a draft (sport): not counted.
"""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import StaffRole, User
from activities.models import Activity
from audit.models import AuditEvent
from stadsdelen.models import Gebied, Stadsdeel
from subsidies import demo, services
from subsidies.models import Indicator, IndicatorFigure, MonitorNote, ReportObligation, Track
from subsidies.monitor import monitor
from subsidies.workflow import Status
from tests.factories import ActivityFactory

URL = "/beoordeling/monitor/"
TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def _report_dates(aanvraag, *, due_on, submitted_on):
    ReportObligation.objects.filter(aanvraag=aanvraag).update(due_on=due_on, submitted_on=submitted_on)


@pytest.fixture
def fixture(flow, people, regeling):
    a1 = flow.to(Status.VERLEEND, requested=4_000_00)
    demo.report_everything(a1, cast=flow.cast)
    _report_dates(a1, due_on=days(-10), submitted_on=days(-12))
    a2 = flow.to(Status.DEELS_VERLEEND, requested=8_000_00)
    demo.report_everything(a2, cast=flow.cast, accept=None)
    _report_dates(a2, due_on=days(-5), submitted_on=days(-1))
    flow.to(Status.AFGEWEZEN, requested=2_000_00)
    flow.to(Status.ADVIES, requested=3_000_00)

    decider_zuid = User.objects.create_user("beslisser.zuid@example.org", "een-lang-wachtwoord-2026")
    StaffRole.objects.create(user=decider_zuid, role=StaffRole.Role.DECIDER, stadsdeel=people.zuid)
    cast_zuid = demo.Cast(applicant=people.member_b, reviewer=people.reviewer_zuid, decider=decider_zuid)
    b1 = services.aanvraag_create(
        organisation=people.org_b,
        ronde=flow.rondes["zuid"],
        track=Track.objects.get(regeling=regeling, slug="incidenteel"),
        user=people.member_b,
        projectnaam="Buurtkoor",
    )
    demo.fill(
        b1, user=people.member_b, requested_cents=10_000_00, gebied=Gebied.objects.get(slug="de-pijp-rivierenbuurt")
    )
    b1 = demo.bring_to(b1, Status.VERLEEND, cast=cast_zuid)
    demo.report_everything(b1, cast=cast_zuid)
    _report_dates(b1, due_on=days(30), submitted_on=days(-2))

    Activity.objects.filter(pk=people.activity_a.pk).update(last_verified=days(-30))
    ActivityFactory(
        organisation=people.org_a,
        location__gebied_slug="oud-noord",
        themes=["ontmoeting", "taal"],
        last_verified=days(-10),
    )
    ActivityFactory(
        organisation=people.org_a, location__gebied_slug="oud-noord", themes=["taal"], last_verified=days(-400)
    )
    ActivityFactory(
        organisation=people.org_a,
        location__gebied_slug="oud-noord",
        themes=["sport"],
        status=Activity.Status.DRAFT,
        last_verified=days(-1),
    )

    eenzaamheid = Indicator.objects.get(slug="eenzaamheid")
    IndicatorFigure.objects.create(
        indicator=eenzaamheid, year=2024, value=Decimal("12.5"), source="Gezondheidsmonitor", entered_by=people.admin
    )
    IndicatorFigure.objects.create(
        indicator=eenzaamheid,
        stadsdeel=people.noord,
        year=2024,
        value=Decimal("15"),
        source="Gezondheidsmonitor Noord",
        entered_by=people.admin,
    )
    return flow


def rows(result, key):
    return {row[0]: row[1:] for row in result.tables[key].rows}


def test_totals_for_a_noord_reviewer(fixture, people):
    result = monitor(people.reviewer_noord, {})
    assert list(rows(result, "geld")) == ["Noord"]
    # plafond, verleend, share, left (cents), verleende aanvragen
    assert rows(result, "geld")["Noord"] == [10_000_000, 1_000_000, Decimal(10), 9_000_000, 2]
    # activities, participants planned/realised, volunteers planned/realised
    assert rows(result, "bereik")["Noord"] == [2, 80, 40, 12, 6]
    # due, on time, share, accepted
    assert rows(result, "verslagen")["Noord"] == [2, 1, Decimal(50), 1]
    gebieden = {row[1]: row[2:] for row in result.tables["gebieden"].rows}
    assert gebieden["Oud-Noord (ontwikkelbuurt)"] == [2, 80, 40, 12, 6]
    assert gebieden["Noord-Oost (ontwikkelbuurt)"] == [0, 0, 0, 0, 0]
    assert rows(result, "bouwstenen")["Verbondenheid en betrokkenheid"] == [2, 80, 40, 12, 6]
    assert rows(result, "bouwstenen")["Samenredzaamheid"] == [0, 0, 0, 0, 0]


def test_the_city_for_the_functional_administrator(fixture, people):
    result = monitor(people.admin, {})
    geld = rows(result, "geld")
    assert len(geld) == Stadsdeel.objects.current().count()
    assert geld["Zuid"] == [10_000_000, 1_000_000, Decimal(10), 9_000_000, 1]
    assert geld["Centrum"] == [0, 0, None, 0, 0]
    assert rows(result, "bereik")["Zuid"] == [1, 40, 40, 6, 6]
    assert rows(result, "verslagen")["Zuid"] == [0, 0, None, 1]
    assert rows(result, "bouwstenen")["Verbondenheid en betrokkenheid"] == [3, 120, 80, 18, 12]
    assert result.tables["rondes"].rows[-1][:2] == ["Zuid", f"Subsidieregeling Sociale Basis {TODAY.year + 1}"]


def test_filters_narrow_and_never_widen(fixture, people):
    assert list(rows(monitor(people.admin, {"stadsdeel": "zuid"}), "geld")) == ["Zuid"]
    # Zuid is not a choice for Noord's reviewer: left out, Noord stays.
    assert list(rows(monitor(people.reviewer_noord, {"stadsdeel": "zuid"}), "geld")) == ["Noord"]
    other_year = monitor(people.reviewer_noord, {"jaar": str(TODAY.year + 1)})
    assert rows(other_year, "geld")["Noord"][1] == 1_000_000
    noord = fixture.rondes["noord"]
    assert rows(monitor(people.reviewer_noord, {"ronde": str(noord.pk)}), "verslagen")["Noord"][:2] == [2, 1]
    assert rows(monitor(people.admin, {"ronde": str(noord.pk)}), "geld")["Zuid"][:2] == [0, 0]


def test_indicators(fixture, people):
    year = TODAY.year + 1
    noord = {row[0]: row for row in monitor(people.reviewer_noord, {}).tables["indicatoren"].rows}
    # Only A1's report is accepted in Noord: 40 participants, 6 volunteers, 6 × 40 volunteer hours.
    assert noord["Unieke deelnemers"][7:] == [Decimal(40), year, "1 goedgekeurd verslag"]
    assert noord["Vrijwilligersuren"][7] == Decimal(240)
    assert noord["Volwassenen die zich sterk eenzaam voelen"][7:] == [Decimal(15), 2024, "Gezondheidsmonitor Noord"]
    assert noord["Deelnemers die voor het eerst meedoen"][7] is None
    city = {row[0]: row for row in monitor(people.admin, {}).tables["indicatoren"].rows}
    assert city["Actieve vrijwilligers"][7] == Decimal(12)
    assert city["Volwassenen die zich sterk eenzaam voelen"][7:] == [Decimal("12.5"), 2024, "Gezondheidsmonitor"]


def test_coverage_and_freshness(fixture, people):
    result = monitor(people.reviewer_noord, {})
    coverage = result.tables["dekking"]
    names = [column.label for column in coverage.columns]
    oud_noord = next(row for row in coverage.rows if row[1] == "Oud-Noord (ontwikkelbuurt)")
    assert oud_noord[names.index("Ontmoeting")] == 1
    assert oud_noord[names.index("Taal")] == 2
    assert oud_noord[names.index("Sport")] == 0
    assert oud_noord[-1] == 3
    cells = coverage.display_rows()[[row[1] for row in coverage.rows].index("Oud-Noord (ontwikkelbuurt)")]
    assert cells[names.index("Sport")] == {"text": "geen", "number": True, "gap": True}
    assert rows(result, "actueel")["Noord"] == [3, 2, Decimal(200) / 3]
    assert rows(result, "organisaties")["Buurthuis Noord"] == [3, 2, Decimal(200) / 3]
    zuid = monitor(people.admin, {"stadsdeel": "zuid"}).tables["dekking"].rows
    assert not any("ontwikkelbuurt" in row[1] for row in zuid)


def test_page_charts_and_exports(client, fixture, people):
    client.force_login(people.reviewer_noord)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('<figure class="chart">') == 4
    assert "€ 10.000 van € 100.000" in html
    assert 'aria-labelledby="tabel-dekking"' in html
    assert "Buurtcentrum Zuid" not in html

    csv = client.get(URL, {"tabel": "geld", "formaat": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[1] == "Noord;100000;10000;10,0;90000;2"

    xlsx = client.get(URL, {"tabel": "verslagen", "formaat": "xlsx", "stadsdeel": "noord"})
    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[2]] == ["Noord", 2, 1, 50, 1]
    assert client.get(URL, {"tabel": "geheim", "formaat": "csv"}).status_code == 404


def test_who_may_see_it(client, people):
    assert client.get(URL).status_code == 302
    client.force_login(people.member_a)
    assert client.get(URL).status_code == 403
    client.force_login(people.reviewer_zuid)
    assert client.get(URL).status_code == 200


def test_duiding(client, fixture, people):
    client.force_login(people.reviewer_noord)
    answer = client.post(
        reverse("staff:monitor-note"),
        {"duiding-view": "bereik", "duiding-stadsdeel": "noord", "duiding-text": "Het bereik daalde: verbouwing."},
    )
    assert answer.status_code == 302 and answer["Location"].endswith("#bereik")
    note = MonitorNote.objects.get()
    assert (note.author, note.stadsdeel, note.view) == (people.reviewer_noord, people.noord, "bereik")
    assert AuditEvent.objects.filter(object_type="subsidies.MonitorNote", actor=people.reviewer_noord).exists()
    assert "Het bereik daalde: verbouwing." in client.get(URL).content.decode()
    # Not for another stadsdeel, nor for the whole city: the form says so and nothing is saved.
    refused = client.post(
        reverse("staff:monitor-note"), {"duiding-view": "bereik", "duiding-stadsdeel": "zuid", "duiding-text": "Nee."}
    )
    assert refused.status_code == 422
    refused = client.post(
        reverse("staff:monitor-note"), {"duiding-view": "bereik", "duiding-stadsdeel": "", "duiding-text": "Nee."}
    )
    assert refused.status_code == 422
    assert MonitorNote.objects.count() == 1
    client.force_login(people.reviewer_zuid)
    assert "Het bereik daalde" not in client.get(URL).content.decode()


def _more_data(flow, people, count):
    """`count` more granted aanvragen with accepted reports, and catalogue activities."""
    for _n in range(count):
        aanvraag = flow.to(Status.VERLEEND, requested=1_000_00)
        demo.report_everything(aanvraag, cast=flow.cast)
        ActivityFactory(organisation=people.org_a, location__gebied_slug="noord-oost", themes=["sport"])


# Session, user, staff roles, and the monitor's own reads; the same at every size.
MAX_QUERIES = 22


@pytest.mark.parametrize("user", ["reviewer_noord", "admin"])
def test_constant_queries(client, fixture, people, django_assert_max_num_queries, user):
    client.force_login(getattr(people, user))
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(URL).status_code == 200
    _more_data(fixture, people, 4)
    MonitorNote.objects.create(stadsdeel=people.noord, view="budget", text="Duiding.", author=people.reviewer_noord)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(URL, {"tabel": "rondes", "formaat": "xlsx"}).status_code == 200


def test_public_summary_on_a_stadsdeel_catalogue_page(client, people):
    ActivityFactory(
        organisation=people.org_a,
        location__gebied_slug="noord-oost",
        bouwsteen_slug="samenredzaamheid",
        volunteers_wanted="Wij zoeken iemand die koffie zet.",
    )
    html = client.get("/activiteiten/", {"stadsdeel": "noord"}).content.decode()
    summary = html[html.index('class="stadsdeel-summary"') : html.index("</section>", html.index("stadsdeel-summary"))]
    assert "In Noord staan 2 activiteiten in de catalogus." in summary
    assert "Elkaar helpen en steunen</a>: 1" in summary and "Mensen ontmoeten en samen iets doen</a>: 1" in summary
    assert "Zoekt vrijwilligers</a>: 1" in summary
    assert "€" not in summary and "Buurthuis Noord" not in summary
    # With another filter or a search the counts would describe the search: no summary.
    for params in [
        {"stadsdeel": ["noord", "zuid"]},
        {"stadsdeel": "noord", "q": "taal"},
        {"stadsdeel": "noord", "gratis": "1"},
    ]:
        assert "stadsdeel-summary" not in client.get("/activiteiten/", params).content.decode()
