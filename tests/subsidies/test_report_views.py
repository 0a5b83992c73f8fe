"""The report screens: scoping of every URL, the form (save, submit, the 10% rule, resubmit), the
review, the notes both sides see, and the vaststelling with its beschikking."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import StaffRole
from subsidies import demo, reporting
from subsidies.models import ReportObligation, Vaststelling
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def granted(flow):
    """An incidenteel subsidy of org A in Noord: one final report."""
    return flow.to(Status.VERLEEND)


@pytest.fixture
def obligation(granted):
    return granted.obligations.get()


def report_url(obligation):
    return reverse("organisations:report", args=[obligation.pk])


def review_url(obligation):
    return reverse("staff:report", args=[obligation.pk])


def form_data(response, **changes):
    """Everything the form shows, as the browser would post it back (no unticked checkboxes, no file)."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is False or name.startswith("foto"):
            continue
        data[name] = "" if value is None else value
    data.update(changes)
    return data


def planned_of(obligation):
    return obligation.aanvraag.activiteiten.get()


def submitted(flow, obligation, accept=None):
    demo.report_everything(obligation.aanvraag, cast=flow.cast, only=[obligation], accept=accept)
    obligation.refresh_from_db()
    return obligation


# Scoping ----------------------------------------------------------------------------------------


def all_urls(obligation):
    aanvraag = obligation.aanvraag.pk
    org = [
        ("get", report_url(obligation)),
        ("get", reverse("organisations:report-versions", args=[obligation.pk])),
        ("post", reverse("organisations:report-note", args=[aanvraag])),
        ("get", reverse("organisations:vaststelling-document", args=[aanvraag])),
        ("get", reverse("organisations:vaststelling-document-pdf", args=[aanvraag])),
    ]
    staff = [
        ("get", review_url(obligation)),
        ("post", reverse("staff:report-note", args=[aanvraag])),
        ("get", reverse("staff:vaststelling", args=[aanvraag])),
        ("get", reverse("staff:vaststelling-document", args=[aanvraag])),
        ("get", reverse("staff:vaststelling-document-pdf", args=[aanvraag])),
    ]
    return org, staff


def test_another_organisation_gets_404_on_every_report_url(client, flow, people):
    aanvraag = flow.to(Status.VASTGESTELD)
    obligation = aanvraag.obligations.get()
    org, _staff = all_urls(obligation)
    client.force_login(people.member_b)
    for method, url in org:
        assert getattr(client, method)(url, {"bericht-text": "Hallo"}).status_code == 404, url
    client.force_login(people.member_a)
    for method, url in org:
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_a_reviewer_of_another_stadsdeel_gets_404_on_every_staff_url(client, flow, people):
    aanvraag = flow.to(Status.VASTGESTELD)
    _org, staff = all_urls(aanvraag.obligations.get())
    client.force_login(people.reviewer_zuid)
    for method, url in staff:
        assert getattr(client, method)(url, {"bericht-text": "Hallo"}).status_code == 404, url
    client.force_login(people.decider_noord)
    for method, url in staff:
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_anonymous_is_sent_to_login_everywhere(client, flow):
    aanvraag = flow.to(Status.VASTGESTELD)
    org, staff = all_urls(aanvraag.obligations.get())
    for method, url in [*org, *staff, ("get", reverse("staff:reports"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_staff_list_shows_only_the_person_s_stadsdelen(client, flow, people, obligation):
    submitted(flow, obligation)
    client.force_login(people.reviewer_zuid)
    assert obligation.aanvraag.dossiernummer not in client.get(reverse("staff:reports")).content.decode()
    client.force_login(people.reviewer_noord)
    response = client.get(reverse("staff:reports"))
    assert obligation.aanvraag.dossiernummer in response.content.decode()
    _title, _anchor, to_review, _empty = response.context["sections"][0]
    assert list(to_review) == [obligation]


def test_the_staff_list_names_overdue_and_due_soon(client, flow, people, granted):
    structureel = flow.to(Status.VERLEEND, track="structureel")
    first, second = structureel.obligations.order_by("period_start")
    today = timezone.localdate()
    ReportObligation.objects.filter(pk=first.pk).update(due_on=today - datetime.timedelta(days=3))
    ReportObligation.objects.filter(pk=second.pk).update(due_on=today + datetime.timedelta(days=5))
    client.force_login(people.reviewer_noord)
    page = client.get(reverse("staff:reports")).content.decode()
    assert "3 dagen te laat" in page and "nog 5 dagen" in page


# The organisation's form ------------------------------------------------------------------------


def test_the_aanvraag_overview_lists_its_reports_with_their_due_date(client, people, granted):
    client.force_login(people.member_a)
    page = client.get(reverse("organisations:aanvraag-detail", args=[granted.pk])).content.decode()
    assert "Verslagen" in page and report_url(granted.obligations.get()) in page


def test_the_form_is_prefilled_and_has_no_person_fields(client, people, obligation):
    client.force_login(people.member_a)
    response = client.get(report_url(obligation))
    assert response.status_code == 200
    planned = planned_of(obligation)
    form = response.context["form"]
    assert form[f"volunteers-{planned.pk}"].value() == planned.volunteers
    assert "schatting uit jullie aanvraag" in response.content.decode()
    assert not any(word in name for name in form.fields for word in ("naam", "name", "email", "adres", "telefoon"))


def test_saving_keeps_everything_and_a_bad_count_loses_nothing(client, people, obligation):
    client.force_login(people.member_a)
    planned = planned_of(obligation)
    response = client.get(report_url(obligation))
    data = form_data(response, went_well="Veel nieuwe buren.", **{f"visits-{planned.pk}": "120", "opslaan": ""})
    assert client.post(report_url(obligation), data).status_code == 302
    report = obligation.report
    report.refresh_from_db()
    assert report.went_well == "Veel nieuwe buren."
    assert report.figures.get().visits == 120
    assert obligation.versions.count() == 0

    bad = {**data, f"meetings-{planned.pk}": "veel", "story": "Een buurman kwam elke week."}
    response = client.post(report_url(obligation), bad)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Vul een heel getal in" in page and "Een buurman kwam elke week." in page and 'value="veel"' in page


def test_submit_refuses_a_deviation_without_explanation_naming_it_at_the_top_and_at_the_field(
    client, people, obligation
):
    client.force_login(people.member_a)
    planned = planned_of(obligation)
    response = client.get(report_url(obligation))
    data = form_data(response, **{f"participants-{planned.pk}": "1", "story": "Het verhaal.", "indienen": ""})
    response = client.post(report_url(obligation), data)
    assert response.status_code == 422
    page = response.content.decode()
    anchor = f"uitleg-{planned.pk}-participants"
    assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
    assert response.context["form"].errors[anchor][0].startswith(f"{planned.title}, deelnemers: gepland")
    obligation.refresh_from_db()
    assert obligation.state == ReportObligation.State.OPEN
    assert obligation.report.story == "Het verhaal."  # saved before the refusal: nothing typed is lost

    data[anchor] = "De ruimte was drie maanden dicht."
    assert client.post(report_url(obligation), data).status_code == 302
    obligation.refresh_from_db()
    assert obligation.state == ReportObligation.State.SUBMITTED
    assert obligation.versions.get().content["figures"][0]["explanations"]["participants"].startswith("De ruimte")
    assert client.post(report_url(obligation), data).status_code == 302  # read-only now
    assert obligation.versions.count() == 1


def test_changes_asked_show_the_comment_and_the_form_again_then_both_versions_side_by_side(
    client, flow, people, obligation
):
    submitted(flow, obligation)
    client.force_login(people.reviewer_noord)
    response = client.post(review_url(obligation), {"decision": "wijzigingen", "comment": ""})
    assert response.status_code == 422
    assert "Schrijf wat de organisatie moet veranderen." in response.content.decode()
    response = client.post(review_url(obligation), {"decision": "wijzigingen", "comment": "Vertel meer over de buurt."})
    assert response.status_code == 302

    client.force_login(people.member_a)
    response = client.get(report_url(obligation))
    assert "Vertel meer over de buurt." in response.content.decode() and response.context["form"] is not None
    data = form_data(response, signals="Meer vraag naar taalles.", indienen="")
    assert client.post(report_url(obligation), data).status_code == 302
    obligation.refresh_from_db()
    assert obligation.state == ReportObligation.State.SUBMITTED and obligation.versions.count() == 2

    response = client.get(reverse("organisations:report-versions", args=[obligation.pk]) + "?versie=2")
    changed = {row["label"]: (row["older"], row["newer"]) for row in response.context["compare"] if row["changed"]}
    assert changed["Welke signalen hoorden jullie uit de buurt?"] == ("", "Meer vraag naar taalles.")
    assert "Wat ging goed?" not in changed

    client.force_login(people.reviewer_noord)
    response = client.get(review_url(obligation))
    assert response.context["older"].number == 1 and response.context["newer"].number == 2
    assert client.post(review_url(obligation), {"decision": "goedkeuren"}).status_code == 302
    obligation.refresh_from_db()
    assert obligation.state == ReportObligation.State.ACCEPTED


def test_only_a_reviewer_reviews(client, flow, people, obligation):
    submitted(flow, obligation)
    client.force_login(people.decider_noord)
    assert client.get(review_url(obligation)).context["form"] is None
    assert client.post(review_url(obligation), {"decision": "goedkeuren"}).status_code == 403


# Notes ------------------------------------------------------------------------------------------


def test_a_late_report_prompts_a_note_that_both_sides_see(client, people, obligation):
    ReportObligation.objects.filter(pk=obligation.pk).update(due_on=timezone.localdate() - datetime.timedelta(days=2))
    client.force_login(people.reviewer_noord)
    page = client.get(review_url(obligation)).content.decode()
    assert "Dit verslag is te laat." in page and "geen sanctie" in page
    url = reverse("staff:report-note", args=[obligation.aanvraag_id])
    response = client.post(
        url, {"bericht-text": "Lukt het om het verslag te sturen?", "bericht-obligation": obligation.pk}
    )
    assert response.status_code == 302 and response["Location"].endswith(review_url(obligation) + "#berichten")

    client.force_login(people.member_a)
    page = client.get(report_url(obligation)).content.decode()
    assert "Lukt het om het verslag te sturen?" in page and "stadsdeel Noord" in page
    url = reverse("organisations:report-note", args=[obligation.aanvraag_id])
    client.post(url, {"bericht-text": "Volgende week, de coördinator was ziek."})
    client.force_login(people.reviewer_noord)
    page = client.get(reverse("staff:aanvraag", args=[obligation.aanvraag_id])).content.decode()
    assert "Volgende week, de coördinator was ziek." in page and "Buurthuis Noord" in page


def test_a_missed_target_prompts_a_conversation(client, flow, people, obligation):
    report = reporting.report_start(obligation=obligation, user=people.member_a)
    planned = planned_of(obligation)
    reporting.report_save(
        report=report,
        user=people.member_a,
        texts={},
        spending={},
        indicators={},
        figures={planned.pk: {"participants": 1, "explanations": {f: "Zo liep het." for f in reporting.COMPARED}}},
    )
    reporting.report_submit(report=report, user=people.member_a)
    client.force_login(people.reviewer_noord)
    response = client.get(review_url(obligation))
    assert response.context["missed"][0][:2] == (planned.title, "deelnemers")
    assert "Niet alles ging zoals gepland" in response.content.decode()


# Vaststelling -----------------------------------------------------------------------------------


def test_vaststelling_lower_with_motivation_and_the_beschikking_for_both_sides(client, flow, people, obligation):
    submitted(flow, obligation, accept=True)
    aanvraag = obligation.aanvraag
    url = reverse("staff:vaststelling", args=[aanvraag.pk])
    client.force_login(people.reviewer_noord)
    assert client.get(url).status_code == 403  # a beslisser's task

    client.force_login(people.decider_noord)
    response = client.get(url)
    assert response.context["form"]["amount"].value() == "4.000"  # the granted amount
    response = client.post(url, {"vaststelling-amount": "999.999", "vaststelling-motivation": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert "niet hoger zijn dan het verleende bedrag" in page and "Schrijf waarom u dit bedrag vaststelt." in page

    response = client.post(url, {"vaststelling-amount": "3.000", "vaststelling-motivation": "Minder bijeenkomsten."})
    assert response.status_code == 302
    vaststelling = Vaststelling.objects.get(aanvraag=aanvraag)
    assert vaststelling.amount_cents == 3_000_00
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.VASTGESTELD

    html = client.get(reverse("staff:vaststelling-document", args=[aanvraag.pk])).content.decode()
    assert "Wij stellen uw subsidie lager vast" in html and "€ 3.000" in html and "Minder bijeenkomsten." in html
    client.force_login(people.member_a)
    pdf = client.get(reverse("organisations:vaststelling-document-pdf", args=[aanvraag.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert (
        "Download de vaststellingsbeschikking"
        in client.get(reverse("organisations:aanvraag-detail", args=[aanvraag.pk])).content.decode()
    )


def test_vaststelling_four_eyes_and_too_early_are_clear_messages(client, flow, people, obligation):
    url = reverse("staff:vaststelling", args=[obligation.aanvraag_id])
    data = {"vaststelling-amount": "4.000", "vaststelling-motivation": "Alles gedaan."}
    client.force_login(people.decider_noord)
    response = client.post(url, data)
    assert response.status_code == 422 and "nog niet goedgekeurd" in response.content.decode()

    stadsdeel = obligation.aanvraag.ronde.stadsdeel
    StaffRole.objects.create(user=people.decider_noord, role=StaffRole.Role.REVIEWER, stadsdeel=stadsdeel)
    submitted(flow, obligation)
    reporting.report_review(obligation=obligation, user=people.decider_noord, accept=True)
    response = client.post(url, data)
    assert response.status_code == 422 and "(vier ogen)" in response.content.decode()
    assert not Vaststelling.objects.exists()


# Saved as you type ------------------------------------------------------------------------------


def test_htmx_saves_the_draft_as_it_is_typed_and_only_counts_a_mistake(client, people, obligation):
    client.force_login(people.member_a)
    planned = planned_of(obligation)
    data = form_data(client.get(report_url(obligation)), went_well="Nieuwe buren.", autosave="1")
    response = client.post(report_url(obligation), data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "Concept bewaard om" in response.content.decode()
    assert "<html" not in response.content.decode()  # only the status line, for htmx to swap in
    obligation.report.refresh_from_db()
    assert obligation.report.went_well == "Nieuwe buren."

    data.update({"went_well": "Anders.", f"meetings-{planned.pk}": "veel"})
    response = client.post(report_url(obligation), data, headers={"HX-Request": "true"})
    assert "Nog niet bewaard" in response.content.decode()
    obligation.report.refresh_from_db()
    assert obligation.report.went_well == "Nieuwe buren."

    reporting.report_submit(report=obligation.report, user=people.member_a)
    response = client.post(report_url(obligation), data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "al ingediend" in response.content.decode()
    assert obligation.versions.count() == 1
