"""An organisation reads what the monitor knows about it: its own figures against its plan, the
stadsdeel's duiding where it has subsidy, and its messages; never another organisation's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import StaffRole
from stadsdelen.models import Gebied, Stadsdeel
from subsidies import demo, reporting, services
from subsidies.models import Track
from subsidies.monitor import organisation_results
from subsidies.monitor_notes import monitor_note_add
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


def results_url(organisation):
    return reverse("organisations:results", args=[organisation.pk])


def report(obligation, user, *, participants, meetings, volunteers):
    draft = reporting.report_start(obligation=obligation, user=user)
    reporting.report_save(
        report=draft,
        user=user,
        texts={},
        spending={},
        indicators={},
        figures={
            figure.planned_id: {
                "participants": participants,
                "meetings": meetings,
                "volunteers": volunteers,
                "explanations": {field: "Zo liep het." for field in reporting.COMPARED},
            }
            for figure in draft.figures.all()
        },
    )
    reporting.report_submit(report=draft, user=user)


@pytest.fixture
def both(flow, people, regeling):
    """Org A: a structureel subsidy in Noord, its first half year accepted (30 participants, 20 meetings,
    5 volunteers) and its second only submitted. Org B: an incidenteel subsidy in Zuid, accepted with
    other figures."""
    a = flow.to(Status.VERLEEND, track="structureel")
    first, second = a.obligations.order_by("period_start")
    report(first, people.member_a, participants=30, meetings=20, volunteers=5)
    reporting.report_review(obligation=first, user=people.reviewer_noord, accept=True)
    report(second, people.member_a, participants=99, meetings=99, volunteers=99)

    decider_zuid = people.user("beslisser.zuid@example.org")
    StaffRole.objects.create(
        user=decider_zuid, role=StaffRole.Role.DECIDER, stadsdeel=Stadsdeel.objects.get(slug="zuid")
    )
    b = services.aanvraag_create(
        organisation=people.org_b,
        ronde=flow.rondes["zuid"],
        track=Track.objects.get(regeling=regeling, slug="incidenteel"),
        user=people.member_b,
        projectnaam="Buurtkoor Zuid zingt",
    )
    demo.fill(
        b,
        user=people.member_b,
        requested_cents=3_000_00,
        gebied=Gebied.objects.get(slug="de-pijp-rivierenbuurt"),
        title="Koor in de Pijp",
    )
    cast = demo.Cast(applicant=people.member_b, reviewer=people.reviewer_zuid, decider=decider_zuid)
    b = demo.bring_to(b, Status.VERLEEND, cast=cast)
    report(b.obligations.get(), people.member_b, participants=77, meetings=66, volunteers=11)
    reporting.report_review(obligation=b.obligations.get(), user=people.reviewer_zuid, accept=True)
    reporting.note_add(aanvraag=b, user=people.reviewer_zuid, text="Mooi bereik in de Pijp, bedankt.")
    reporting.note_add(aanvraag=a, user=people.reviewer_noord, text="Hoe gaat het met de vrijwilligers?")

    noord, zuid = Stadsdeel.objects.get(slug="noord"), Stadsdeel.objects.get(slug="zuid")
    monitor_note_add(user=people.reviewer_noord, view="bereik", stadsdeel=noord, text="Bereik in Oud-Noord stijgt.")
    monitor_note_add(user=people.reviewer_zuid, view="bereik", stadsdeel=zuid, text="Zuid: minder vrijwilligers.")
    monitor_note_add(user=people.admin, view="verslagen", stadsdeel=None, text="De stad: verslagen vaker op tijd.")
    return a, b


def test_the_organisation_sees_its_plan_against_accepted_reports_only(people, both):
    a, _b = both
    results = organisation_results(people.org_a)
    assert [grant.aanvraag for grant in results.grants] == [a]
    (table,) = results.grants[0].tables
    assert table.caption == "Buurtkamer (Oud-Noord)"
    # Planned 40 participants, 45 meetings, 6 volunteers; only the accepted half year counts.
    assert table.rows == [["Unieke deelnemers", 40, 30], ["Bijeenkomsten", 45, 20], ["Vrijwilligers", 6, 5]]
    assert results.grants[0].reports_accepted == 1


def test_the_page_shows_own_figures_the_stadsdeel_s_duiding_and_messages_and_nothing_of_another(client, people, both):
    a, b = both
    client.force_login(people.member_a)
    response = client.get(results_url(people.org_a))
    assert response.status_code == 200
    page = response.content.decode()
    for seen in [a.dossiernummer, "Buurtkamer", "Bereik in Oud-Noord stijgt.", "De stad: verslagen vaker op tijd."]:
        assert seen in page
    assert "Hoe gaat het met de vrijwilligers?" in page
    for unseen in [b.dossiernummer, "Koor in de Pijp", "Zuid: minder vrijwilligers.", "Mooi bereik in de Pijp"]:
        assert unseen not in page

    client.force_login(people.member_b)
    page = client.get(results_url(people.org_b)).content.decode()
    assert "Koor in de Pijp" in page and "Zuid: minder vrijwilligers." in page and "Mooi bereik in de Pijp" in page
    assert "Bereik in Oud-Noord stijgt." not in page and a.dossiernummer not in page


def test_the_page_costs_the_same_queries_with_more_messages(client, people, both, django_assert_num_queries):
    a, _b = both
    client.force_login(people.member_a)
    client.get(results_url(people.org_a))
    with CaptureQueriesContext(connection) as counted:
        client.get(results_url(people.org_a))
    for number in range(5):
        reporting.note_add(aanvraag=a, user=people.member_a, text=f"Antwoord {number}.")
    with django_assert_num_queries(len(counted.captured_queries)):
        page = client.get(results_url(people.org_a)).content.decode()
    assert "Antwoord 4." in page and "Buurthuis Noord" in page


def test_another_organisation_s_results_are_a_404_and_anonymous_logs_in(client, people, both):
    client.force_login(people.member_b)
    assert client.get(results_url(people.org_a)).status_code == 404
    client.logout()
    assert "/accounts/login/" in client.get(results_url(people.org_a))["Location"]


def test_without_a_grant_the_page_says_so_and_shows_no_duiding(client, people, flow):
    monitor_note_add(
        user=people.reviewer_noord, view="bereik", stadsdeel=Stadsdeel.objects.get(slug="noord"), text="Noord."
    )
    flow.to(Status.INGEDIEND)
    client.force_login(people.member_a)
    response = client.get(results_url(people.org_a))
    assert response.context["results"].grants == [] and response.context["results"].notes == []
    assert "Nog geen verleende subsidie." in response.content.decode()


def test_the_subsidies_page_links_to_the_results(client, people):
    client.force_login(people.member_a)
    page = client.get(reverse("organisations:subsidies", args=[people.org_a.pk])).content.decode()
    assert results_url(people.org_a) in page
