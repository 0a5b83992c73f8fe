"""The staff's subsidy screens under /beoordeling/: work list, dossier, actions, batch, documents, scoping."""

import csv
import datetime
import io
import json
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import StaffRole
from activities.models import Bouwsteen
from audit.models import AuditEvent
from stadsdelen.models import Gebied
from subsidies import reporting, services
from subsidies.models import Aanvraag, Aanvulling, Besluit, GeplandeActiviteit, Ronde, Score, StatusChange
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db

LIST = reverse("staff:aanvragen")


def dossier_url(aanvraag, name="aanvraag"):
    return reverse(f"staff:{name}", kwargs={"pk": aanvraag.pk})


def dossiers(response):
    return [aanvraag.dossiernummer for aanvraag, _term in response.context["result"].rows]


# The work list ------------------------------------------------------------------------------------


def test_the_list_shows_the_stadsdeel_s_aanvragen_but_no_concepts(client, flow, people):
    submitted = flow.to(Status.INGEDIEND)
    flow.to(Status.CONCEPT)
    zuid = flow.concept(ronde=flow.rondes["zuid"])
    services.aanvraag_submit(aanvraag=zuid, user=people.member_a)

    client.force_login(people.reviewer_noord)
    response = client.get(LIST)
    assert response.status_code == 200
    assert dossiers(response) == [submitted.dossiernummer]

    client.force_login(people.reviewer_zuid)
    assert dossiers(client.get(LIST)) == [zuid.dossiernummer]


def test_filters_narrow_the_list(client, flow, people):
    small = flow.to(Status.INGEDIEND, track="klein-initiatief", requested=1_000_00)
    big = flow.to(Status.IN_BEHANDELING, requested=40_000_00)
    client.force_login(people.reviewer_noord)

    assert dossiers(client.get(LIST, {"status": "in_behandeling"})) == [big.dossiernummer]
    assert dossiers(client.get(LIST, {"track": small.track_id})) == [small.dossiernummer]
    assert dossiers(client.get(LIST, {"bedrag_min": "5.000"})) == [big.dossiernummer]
    assert dossiers(client.get(LIST, {"bedrag_max": "1000"})) == [small.dossiernummer]
    # Only the full form plans activities: bouwsteen and gebied come from those.
    verbondenheid = Bouwsteen.objects.get(slug="verbondenheid")
    assert dossiers(client.get(LIST, {"bouwsteen": verbondenheid.pk})) == [big.dossiernummer]
    assert dossiers(client.get(LIST, {"gebied": Gebied.objects.get(slug="oud-noord").pk})) == [big.dossiernummer]
    assert set(dossiers(client.get(LIST, {"organisatie": "buurthuis"}))) == {small.dossiernummer, big.dossiernummer}
    assert dossiers(client.get(LIST, {"organisatie": "iemand anders"})) == []
    both = {small.dossiernummer, big.dossiernummer}
    assert set(dossiers(client.get(LIST, {"ronde": flow.rondes["noord"].pk}))) == both


def test_a_wrong_amount_says_so_at_the_field(client, flow, people):
    flow.to(Status.INGEDIEND)
    client.force_login(people.reviewer_noord)
    html = client.get(LIST, {"bedrag_min": "veel"}).content.decode()
    assert "Vul een bedrag in euro" in html
    assert 'href="#id_bedrag_min"' in html


def _received(aanvraag, days_ago):
    Aanvraag.objects.filter(pk=aanvraag.pk).update(received_on=timezone.localdate() - datetime.timedelta(days=days_ago))


def test_overdue_and_nearly_due_are_marked_in_words_and_sort_first(client, flow, people):
    # Eight weeks (56 days) to decide.
    fresh = flow.to(Status.INGEDIEND)
    soon = flow.to(Status.IN_BEHANDELING)
    late = flow.to(Status.ADVIES)
    suspended = flow.to(Status.AANVULLING_GEVRAAGD)
    _received(soon, 50)
    _received(late, 60)
    client.force_login(people.reviewer_noord)

    response = client.get(LIST)
    assert dossiers(response) == [late.dossiernummer, soon.dossiernummer, fresh.dossiernummer, suspended.dossiernummer]
    html = response.content.decode()
    assert "Te laat: 4 dagen over de termijn" in html
    assert "Bijna: nog 6 dagen" in html
    assert "Opgeschort: aanvulling open" in html

    assert dossiers(client.get(LIST, {"termijn": "te-laat"})) == [late.dossiernummer]
    assert dossiers(client.get(LIST, {"termijn": "binnen-14-dagen"})) == [soon.dossiernummer]
    assert dossiers(client.get(LIST, {"termijn": "later"})) == [fresh.dossiernummer]
    assert dossiers(client.get(LIST, {"termijn": "opgeschort"})) == [suspended.dossiernummer]


def test_sorting_by_amount(client, flow, people):
    low = flow.to(Status.INGEDIEND, requested=1_000_00)
    high = flow.to(Status.INGEDIEND, requested=9_000_00)
    client.force_login(people.reviewer_noord)
    assert dossiers(client.get(LIST, {"sorteer": "-bedrag"})) == [high.dossiernummer, low.dossiernummer]
    assert dossiers(client.get(LIST, {"sorteer": "bedrag"})) == [low.dossiernummer, high.dossiernummer]


def test_csv_and_xlsx_export_exactly_the_filtered_list(client, flow, people):
    wanted = flow.to(Status.IN_BEHANDELING, requested=2_500_50)
    flow.to(Status.INGEDIEND)
    client.force_login(people.reviewer_noord)

    response = client.get(LIST, {"status": "in_behandeling", "formaat": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Dossiernummer"
    assert [row[0] for row in rows[1:]] == [wanted.dossiernummer]
    assert rows[1][7] == "2500,50"

    response = client.get(LIST, {"status": "in_behandeling", "formaat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in values[1:]] == [wanted.dossiernummer]
    assert values[1][7] == 2500.5
    assert values[1][12] == "Verbondenheid en betrokkenheid"


def _many(flow, count):
    """`count` submitted aanvragen, cheaply: copies of one, each with an aanvulling and a plan."""
    source = flow.to(Status.IN_BEHANDELING)
    planned = source.activiteiten.first()
    for _index in range(count - 1):
        copy = Aanvraag.objects.get(pk=source.pk)
        copy.pk, copy.dossiernummer = None, f"SB-X-{Aanvraag.objects.count():04d}"
        copy.save()
        Aanvulling.objects.create(
            aanvraag=copy,
            question="?",
            asked_by=flow.people.reviewer_noord,
            asked_on=timezone.localdate() - datetime.timedelta(days=10),
            due_on=timezone.localdate() - datetime.timedelta(days=3),
            received_on=timezone.localdate() - datetime.timedelta(days=5),
        )
        GeplandeActiviteit.objects.create(
            aanvraag=copy, title=planned.title, bouwsteen=planned.bouwsteen, gebied=planned.gebied
        )


@pytest.mark.parametrize("params", [{}, {"formaat": "csv"}, {"formaat": "xlsx"}, {"sorteer": "organisatie"}])
def test_the_list_and_its_exports_run_the_same_queries_for_3_or_40_rows(client, flow, people, params):
    client.force_login(people.reviewer_noord)
    _many(flow, 3)
    client.get(LIST, params)  # session and user loaded once
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST, params).status_code == 200
    _many(flow, 37)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST, params)
    assert response.status_code == 200
    assert len(many) == len(few)


def test_the_list_page_stays_within_a_fixed_number_of_queries(client, flow, people, django_assert_max_num_queries):
    _many(flow, 60)
    client.force_login(people.reviewer_noord)
    with django_assert_max_num_queries(14):
        response = client.get(LIST, {"page": 2})
    assert len(response.context["result"].rows) == 10
    assert response.context["result"].count == 60


# The dossier ---------------------------------------------------------------------------------------


def test_the_dossier_shows_what_changed_after_an_aanvulling(client, flow, people):
    aanvraag = flow.to(Status.AANVULLING_GEVRAAGD)
    summary_before = aanvraag.summary
    client.force_login(people.reviewer_noord)
    html = client.get(dossier_url(aanvraag)).content.decode()
    assert "Opgeschort" in html
    assert Aanvulling.objects.get(aanvraag=aanvraag).question in html

    services.aanvraag_update(
        aanvraag=aanvraag,
        user=people.member_a,
        projectnaam="Buurtkamer open",
        recurrence="eenmalig",
        summary="Elke week een open buurtkamer, nu ook op zaterdag.",
        requested_cents=aanvraag.requested_cents,
        contact_name="Noor",
        contact_email="noor@noord.example",
    )
    services.aanvraag_submit(aanvraag=aanvraag, user=people.member_a)

    response = client.get(dossier_url(aanvraag))
    assert response.status_code == 200
    changes = response.context["dossier"].changes
    assert changes == [
        (
            1,
            2,
            [
                (
                    "Wat willen jullie doen?",
                    summary_before,
                    "Elke week een open buurtkamer, nu ook op zaterdag.",
                )
            ],
        )
    ]
    html = response.content.decode()
    assert "Wat veranderde van versie 1 naar 2" in html
    assert "nu ook op zaterdag" in html
    assert "uiterlijk" in html  # the term runs again, with its last day


def test_the_dossier_shows_last_year_other_aanvragen_and_warns_of_double_funding(client, flow, people, regeling):
    today = timezone.localdate()
    last_ronde = Ronde.objects.create(
        regeling=regeling,
        stadsdeel=people.noord,
        name="vorig jaar",
        period_start=datetime.date(today.year, 1, 1),
        period_end=datetime.date(today.year, 12, 31),
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=30),
        plafond_cents=100_000_00,
    )
    last_year = flow.to(Status.VERLEEND, ronde=last_ronde)
    zuid = flow.concept(ronde=flow.rondes["zuid"])
    services.aanvraag_submit(aanvraag=zuid, user=people.member_a)
    # The same plan ("Buurtkamer") granted in Zuid for the same tijdvak.
    reviewer = people.reviewer_zuid
    StaffRole.objects.create(user=people.decider_noord, role=StaffRole.Role.DECIDER, stadsdeel=people.zuid)
    services.aanvraag_accept(aanvraag=zuid, user=reviewer)
    for condition in services.conditions_for(zuid):
        services.aanvraag_score(aanvraag=zuid, user=reviewer, condition=condition, verdict="voldoet")
    services.aanvraag_advise(aanvraag=zuid, user=reviewer, advice="verlenen", amount_cents=None, motivation="Goed.")
    services.aanvraag_decide(
        aanvraag=zuid, user=people.decider_noord, outcome="verleend", amount_cents=None, motivation="Ja."
    )
    current = flow.to(Status.IN_BEHANDELING)

    client.force_login(people.reviewer_noord)
    response = client.get(dossier_url(current))
    dossier = response.context["dossier"]
    assert dossier.last_year == last_year
    assert {a.pk for a in dossier.others} == {last_year.pk, zuid.pk}
    assert [w.other.aanvraag for w in dossier.warnings] == [zuid]
    html = response.content.decode()
    assert "mogelijk dubbele financiering" in html
    assert f"in {zuid.dossiernummer}, Zuid" in html
    # Last year's grant is beside it, not a warning: its tijdvak does not overlap.
    assert last_year.dossiernummer in html


def test_a_pending_aanvraag_in_another_stadsdeel_is_not_shown(client, flow, people):
    zuid = flow.concept(ronde=flow.rondes["zuid"])
    services.aanvraag_submit(aanvraag=zuid, user=people.member_a)
    current = flow.to(Status.INGEDIEND)
    client.force_login(people.reviewer_noord)
    html = client.get(dossier_url(current)).content.decode()
    assert zuid.dossiernummer not in html


def test_the_dossier_runs_a_fixed_number_of_queries(client, flow, people, django_assert_max_num_queries):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.decider_noord)
    client.get(dossier_url(aanvraag))
    with django_assert_max_num_queries(40):
        assert client.get(dossier_url(aanvraag)).status_code == 200


# Actions -------------------------------------------------------------------------------------------

FORMS = ["accept", "aanvulling", "scores", "advice", "send_back", "decide"]


@pytest.mark.parametrize(
    ("status", "person", "expected"),
    [
        (Status.INGEDIEND, "reviewer_noord", {"aanvulling"}),
        (Status.INGEDIEND, "decider_noord", set()),
        (Status.IN_BEHANDELING, "reviewer_noord", {"scores", "advice"}),
        (Status.IN_BEHANDELING, "decider_noord", set()),
        (Status.ADVIES, "reviewer_noord", set()),
        (Status.ADVIES, "decider_noord", {"send_back", "decide"}),
        (Status.VERLEEND, "decider_noord", set()),
    ],
)
def test_each_action_is_shown_only_to_who_may_take_it(client, flow, people, status, person, expected):
    aanvraag = flow.to(status)
    client.force_login(getattr(people, person))
    response = client.get(dossier_url(aanvraag))
    assert set(response.context["forms"]) == expected
    assert ("accept" in response.context["actions"]) == (status == Status.INGEDIEND and person == "reviewer_noord")


def test_a_forbidden_action_is_refused(client, flow, people):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.reviewer_noord)
    response = client.post(dossier_url(aanvraag, "aanvraag-decide"), {"besluit-outcome": "verleend"})
    assert response.status_code == 403
    assert not Besluit.objects.exists()


def test_accept(client, flow, people):
    aanvraag = flow.to(Status.INGEDIEND)
    client.force_login(people.reviewer_noord)
    response = client.post(dossier_url(aanvraag, "aanvraag-accept"))
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.IN_BEHANDELING
    assert aanvraag.reviewer == people.reviewer_noord


def test_asking_an_aanvulling_needs_a_question_and_a_future_date(client, flow, people):
    aanvraag = flow.to(Status.INGEDIEND)
    client.force_login(people.reviewer_noord)
    url = dossier_url(aanvraag, "aanvraag-aanvulling")
    response = client.post(url, {"aanvulling-question": " ", "aanvulling-due_on": str(timezone.localdate())})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Schrijf wat de organisatie moet aanvullen." in html
    assert "Kies een datum na vandaag." in html
    assert 'href="#id_aanvulling-due_on"' in html

    due = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(url, {"aanvulling-question": "De begroting klopt niet.", "aanvulling-due_on": str(due)})
    assert response.status_code == 302
    aanvulling = Aanvulling.objects.get(aanvraag=aanvraag)
    assert (aanvulling.question, aanvulling.due_on) == ("De begroting klopt niet.", due)


def test_scores_need_a_motivation_unless_it_meets_the_condition(client, flow, people):
    aanvraag = flow.to(Status.IN_BEHANDELING)
    first, second, *_rest = list(services.conditions_for(aanvraag))
    client.force_login(people.reviewer_noord)
    html = client.get(dossier_url(aanvraag)).content.decode()
    assert first.description.splitlines()[0] in html  # the condition's current wording

    url = dossier_url(aanvraag, "aanvraag-score")
    data = {f"oordeel-verdict_{first.pk}": "voldoet", f"oordeel-verdict_{second.pk}": "voldoet_niet"}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Schrijf waarom de aanvraag hier niet voldoet." in response.content.decode()
    assert not Score.objects.exists()

    data[f"oordeel-motivation_{second.pk}"] = "Geen samenwerking met de buurt."
    assert client.post(url, data).status_code == 302
    assert dict(Score.objects.values_list("condition_id", "verdict")) == {
        first.pk: "voldoet",
        second.pk: "voldoet_niet",
    }


def test_advice_needs_every_condition_scored_and_a_sensible_partial_amount(client, flow, people):
    aanvraag = flow.to(Status.IN_BEHANDELING, requested=4_000_00)
    client.force_login(people.reviewer_noord)
    url = dossier_url(aanvraag, "aanvraag-advise")
    data = {"advies-advice": "deels", "advies-amount": "5.000", "advies-motivation": "Te duur."}

    response = client.post(url, data)
    assert response.status_code == 422
    assert "minder dan het gevraagde bedrag (€ 4.000)" in response.content.decode()

    data["advies-amount"] = "2.500"
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Geef eerst een oordeel over elke voorwaarde" in response.content.decode()

    flow.score_all(aanvraag)
    assert client.post(url, data).status_code == 302
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.advice, aanvraag.advice_cents) == (Status.ADVIES, "deels", 2_500_00)


def test_the_beslisser_sends_an_advice_back_with_a_reason(client, flow, people):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.decider_noord)
    url = dossier_url(aanvraag, "aanvraag-send-back")
    assert client.post(url, {"terug-reason": ""}).status_code == 422
    assert client.post(url, {"terug-reason": "Kijk nog eens naar het bereik."}).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.IN_BEHANDELING
    assert StatusChange.objects.filter(aanvraag=aanvraag).last().reason == "Kijk nog eens naar het bereik."


def _decision(**extra):
    today = timezone.localdate()
    return {
        "besluit-outcome": "verleend",
        "besluit-motivation": "Past bij de opgave van de buurt.",
        "besluit-obligations": "Eindverslag voor 1 maart.",
        "besluit-verzenddatum": str(today),
        "besluit-ingangsdatum": str(today),
        "besluit-vervaldatum": str(today + datetime.timedelta(days=300)),
        **extra,
    }


def test_the_decide_form_shows_plafond_and_prefilled_obligations(client, flow, people):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.decider_noord)
    html = client.get(dossier_url(aanvraag)).content.decode()
    assert "Subsidieplafond van deze ronde: € 100.000" in html
    assert services.default_obligations(aanvraag) in html


def test_deciding_makes_the_besluit(client, flow, people):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.decider_noord)
    response = client.post(dossier_url(aanvraag, "aanvraag-decide"), _decision())
    assert response.status_code == 302
    besluit = Besluit.objects.get(aanvraag=aanvraag)
    assert (besluit.outcome, besluit.amount_cents, besluit.obligations) == (
        "verleend",
        aanvraag.requested_cents,
        "Eindverslag voor 1 maart.",
    )


def test_four_eyes_is_a_clear_message(client, flow, people):
    StaffRole.objects.create(user=people.reviewer_noord, role=StaffRole.Role.DECIDER, stadsdeel=people.noord)
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.reviewer_noord)
    response = client.post(dossier_url(aanvraag, "aanvraag-decide"), _decision())
    assert response.status_code == 422
    assert "Een andere beslisser moet besluiten (vier ogen)" in response.content.decode()
    assert not Besluit.objects.exists()


def test_over_the_plafond_is_a_clear_message(client, flow, people):
    aanvraag = flow.to(Status.ADVIES, requested=4_000_00)
    Ronde.objects.filter(pk=flow.rondes["noord"].pk).update(plafond_cents=3_000_00)
    client.force_login(people.decider_noord)
    response = client.post(dossier_url(aanvraag, "aanvraag-decide"), _decision())
    assert response.status_code == 422
    assert "er is nog € 3.000 over" in response.content.decode()
    assert not Besluit.objects.exists()


def test_a_wrong_date_order_and_a_missing_motivation_keep_what_was_typed(client, flow, people):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.decider_noord)
    today = timezone.localdate()
    data = _decision(**{"besluit-motivation": "", "besluit-vervaldatum": str(today - datetime.timedelta(days=1))})
    response = client.post(dossier_url(aanvraag, "aanvraag-decide"), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Schrijf waarom u zo besluit" in html
    assert "Deze datum ligt vóór" in html
    assert "Eindverslag voor 1 maart." in html


# Batch ---------------------------------------------------------------------------------------------

BATCH = reverse("staff:batch")


def test_batch_grants_each_chosen_klein_initiatief_with_its_own_history(client, flow, people):
    one = flow.to(Status.ADVIES, track="klein-initiatief", requested=1_000_00)
    two = flow.to(Status.ADVIES, track="klein-initiatief", requested=2_000_00)
    left = flow.to(Status.ADVIES, track="klein-initiatief", requested=3_000_00)
    full = flow.to(Status.ADVIES)
    client.force_login(people.decider_noord)

    response = client.get(BATCH)
    assert [a.pk for a in response.context["candidates"]] == [one.pk, two.pk, left.pk]
    assert full.dossiernummer not in response.content.decode()

    response = client.post(BATCH, {"aanvragen": [one.pk, two.pk, full.pk], "motivation": "Mooie initiatieven."})
    assert response.status_code == 422  # the full-form one is no choice here

    response = client.post(BATCH, {"aanvragen": [one.pk, two.pk], "motivation": "Mooie initiatieven."})
    assert response.status_code == 302
    assert set(Besluit.objects.values_list("aanvraag_id", "amount_cents")) == {(one.pk, 1_000_00), (two.pk, 2_000_00)}
    for aanvraag in (one, two):
        assert StatusChange.objects.filter(aanvraag=aanvraag, to_status=Status.VERLEEND).count() == 1
    left.refresh_from_db()
    assert left.status == Status.ADVIES


def test_batch_needs_a_choice_and_a_motivation(client, flow, people):
    flow.to(Status.ADVIES, track="klein-initiatief")
    client.force_login(people.decider_noord)
    html = client.post(BATCH, {}).content.decode()
    assert "Kies minstens één aanvraag." in html
    assert "Schrijf een motivering." in html


def test_batch_over_the_plafond_decides_nothing(client, flow, people):
    one = flow.to(Status.ADVIES, track="klein-initiatief", requested=2_000_00)
    two = flow.to(Status.ADVIES, track="klein-initiatief", requested=2_000_00)
    Ronde.objects.filter(pk=flow.rondes["noord"].pk).update(plafond_cents=3_000_00)
    client.force_login(people.decider_noord)
    response = client.post(BATCH, {"aanvragen": [one.pk, two.pk], "motivation": "Ja."})
    assert response.status_code == 422
    assert "Er is nog niets besloten." in response.content.decode()
    assert not Besluit.objects.exists()


# Documents -----------------------------------------------------------------------------------------


def test_beschikking_as_html_with_only_its_own_style_allowed_and_as_pdf(client, flow, people):
    aanvraag = flow.to(Status.VERLEEND)
    client.force_login(people.reviewer_noord)
    response = client.get(dossier_url(aanvraag, "aanvraag-beschikking"))
    assert response.status_code == 200
    assert "Wij verlenen u de subsidie" in response.content.decode()
    assert "'sha256-" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]

    response = client.get(dossier_url(aanvraag, "aanvraag-beschikking-pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_no_beschikking_before_the_besluit(client, flow, people):
    aanvraag = flow.to(Status.ADVIES)
    client.force_login(people.reviewer_noord)
    assert client.get(dossier_url(aanvraag, "aanvraag-beschikking")).status_code == 404
    assert client.get(dossier_url(aanvraag, "aanvraag-beschikking-pdf")).status_code == 404


def test_a_dossier_download_is_in_the_administrators_audit_log_only(client, flow, people):
    aanvraag = flow.to(Status.VERLEEND)
    client.force_login(people.reviewer_noord)
    client.get(dossier_url(aanvraag, "aanvraag-dossier-zip"))
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.actor == people.reviewer_noord
    assert (event.object_type, event.object_id) == ("subsidies.Aanvraag", str(aanvraag.pk))
    assert event.organisation_id is None  # not in the organisation's logboek


def test_a_note_is_audited(flow, people):
    aanvraag = flow.to(Status.IN_BEHANDELING)
    note = reporting.note_add(aanvraag=aanvraag, user=people.reviewer_noord, text="Wanneer kan ik langskomen?")
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, object_type="subsidies.Note")
    assert event.object_id == str(note.pk) and event.actor == people.reviewer_noord
    assert event.organisation_id == aanvraag.organisation_id


def test_the_dossier_export_holds_everything(client, flow, people):
    aanvraag = flow.to(Status.VERLEEND)
    client.force_login(people.reviewer_noord)
    response = client.get(dossier_url(aanvraag, "aanvraag-dossier-zip"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    number = aanvraag.dossiernummer
    names = set(archive.namelist())
    assert f"{number}/dossier-{number}.pdf" in names
    assert f"{number}/beschikking-{number}.pdf" in names
    assert f"{number}/versies/versie-1.json" in names
    assert any(name.startswith(f"{number}/bijlagen/") for name in names)
    version = json.loads(archive.read(f"{number}/versies/versie-1.json"))
    assert version["inhoud"]["projectnaam"] == "Buurtkamer open"
    assert archive.read(f"{number}/dossier-{number}.pdf").startswith(b"%PDF")


def test_the_dossier_export_holds_the_reports_their_reviews_and_photos(client, flow, people):
    from subsidies import reporting
    from tests.subsidies.test_report_photos import jpeg

    aanvraag = flow.to(Status.VERLEEND)
    obligation = aanvraag.obligations.get()
    report = reporting.report_start(obligation=obligation, user=people.member_a)
    photo = reporting.report_photo_add(
        report=report, user=people.member_a, upload=jpeg(), caption="Het koor zingt.", people_agreed=True
    )
    draft_only = reporting.report_photo_add(
        report=report, user=people.member_a, upload=jpeg(), caption="Nog niet klaar.", people_agreed=True
    )
    reporting.report_photo_remove(photo=draft_only, user=people.member_a)
    reporting.report_submit(report=report, user=people.member_a)
    reporting.report_review(obligation=obligation, user=people.reviewer_noord, accept=False, comment="Meer graag.")
    client.force_login(people.reviewer_noord)
    archive = zipfile.ZipFile(io.BytesIO(client.get(dossier_url(aanvraag, "aanvraag-dossier-zip")).content))
    folder = f"{aanvraag.dossiernummer}/verslagen/final-{obligation.period_start:%Y-%m}"
    version = json.loads(archive.read(f"{folder}/versie-1.json"))
    assert version["uitkomst"] == "changes_requested" and version["opmerking"] == "Meer graag."
    assert version["inhoud"]["photos"] == [{"id": photo.pk, "caption": "Het koor zingt."}]
    photos = [name for name in archive.namelist() if "/fotos/" in name]
    assert photos == [f"{folder}/fotos/{photo.pk}.jpg"]
    assert archive.read(photos[0]).startswith(b"\xff\xd8\xff")


# Scoping -------------------------------------------------------------------------------------------

PER_AANVRAAG = [
    ("get", "aanvraag"),
    ("post", "aanvraag-accept"),
    ("post", "aanvraag-aanvulling"),
    ("post", "aanvraag-score"),
    ("post", "aanvraag-advise"),
    ("post", "aanvraag-send-back"),
    ("post", "aanvraag-decide"),
    ("get", "aanvraag-beschikking"),
    ("get", "aanvraag-beschikking-pdf"),
    ("get", "aanvraag-dossier-zip"),
]
AREA = [("get", "staff:aanvragen"), ("get", "staff:batch"), ("post", "staff:batch")]


@pytest.fixture
def granted(flow):
    return flow.to(Status.VERLEEND)


@pytest.mark.parametrize(("method", "name"), PER_AANVRAAG)
def test_a_zuid_reviewer_gets_404_on_a_noord_aanvraag(client, people, granted, method, name):
    client.force_login(people.reviewer_zuid)
    assert getattr(client, method)(dossier_url(granted, name)).status_code == 404


@pytest.mark.parametrize(("method", "name"), PER_AANVRAAG)
def test_an_organisation_member_is_refused(client, people, granted, method, name):
    client.force_login(people.member_a)
    assert getattr(client, method)(dossier_url(granted, name)).status_code in {403, 404}


@pytest.mark.parametrize(("method", "name"), [(m, f"staff:{n}") for m, n in PER_AANVRAAG] + AREA)
def test_anonymous_goes_to_login(client, granted, method, name):
    url = reverse(name, kwargs={"pk": granted.pk}) if name.startswith("staff:aanvraag") else reverse(name)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("method", "name"), AREA)
def test_an_organisation_member_gets_403_on_the_staff_lists(client, people, method, name):
    client.force_login(people.member_a)
    assert getattr(client, method)(reverse(name)).status_code == 403


def test_a_zuid_beslisser_cannot_batch_decide_noord(client, flow, people):
    noord = flow.to(Status.ADVIES, track="klein-initiatief")
    zuid_decider = people.reviewer_zuid
    StaffRole.objects.create(user=zuid_decider, role=StaffRole.Role.DECIDER, stadsdeel=people.zuid)
    client.force_login(zuid_decider)
    assert noord.dossiernummer not in client.get(BATCH).content.decode()
    response = client.post(BATCH, {"aanvragen": [noord.pk], "motivation": "Ja."})
    assert response.status_code == 422
    assert not Besluit.objects.exists()
