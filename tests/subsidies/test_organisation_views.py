"""The organisation's subsidy screens, as a member uses them: start (or copy), fill each step,
submit, answer an aanvulling, withdraw, and read the besluit. Other organisations and staff stay out."""

import io
import re
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Bouwsteen, Doelgroep
from stadsdelen.models import Gebied
from subsidies import services
from subsidies.models import Aanvraag, Track
from subsidies.money import euros
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, people):
    client.force_login(people.member_a)
    return client


def track(slug):
    return Track.objects.get(regeling__slug="sociale-basis", slug=slug)


def url(name, aanvraag, *args):
    return reverse(f"organisations:{name}", args=[aanvraag.pk, *args])


def field_errors(response):
    """The messages shown next to fields, in page order."""
    return re.findall(r'<ul class="errorlist"[^>]*>\s*<li>(.*?)</li>', response.content.decode())


def gegevens(**overrides):
    data = {
        "projectnaam": "Buurtkamer De Meeuw",
        "recurrence": "periodiek",
        "summary": "Elke week een open buurtkamer.",
        "requested": "4.500,50",
        "contact_name": "Noor",
        "contact_email": "noor@meeuw.example",
    }
    return data | overrides


def rows(prefix, lines, total=None):
    data = {
        f"{prefix}-TOTAL_FORMS": str(total or len(lines)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "60",
    }
    for number, line in enumerate(lines):
        data.update({f"{prefix}-{number}-{name}": value for name, value in line.items()})
    return data


def pdf(name="begroting.pdf", size=None):
    content = b"%PDF-1.4\n" + b"x" * ((size or 100) - 9)
    return SimpleUploadedFile(name, content, content_type="application/pdf")


# The subsidies page ------------------------------------------------------------------------------


def test_subsidies_page_lists_aanvragen_with_the_applicants_label_and_the_open_rondes(member, flow, people):
    flow.to(Status.ADVIES)
    home = member.get(reverse("organisations:organisation", args=[people.org_a.pk]))
    page_url = reverse("organisations:subsidies", args=[people.org_a.pk])
    assert page_url in home.content.decode()

    response = member.get(page_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "SB-" in html and "Buurtkamer open" in html and "Noord" in html
    assert "In behandeling" in html
    assert "Advies gegeven" not in html  # the staff's label stays with the staff
    assert "Aanvraag beginnen" in html
    assert "Klein initiatief" in html


def test_start_a_klein_initiatief(member, flow, people):
    response = member.post(
        reverse("organisations:subsidies", args=[people.org_a.pk]),
        {"ronde": flow.rondes["noord"].pk, "track": track("klein-initiatief").pk, "copy_from": ""},
    )
    aanvraag = Aanvraag.objects.get(organisation=people.org_a)
    assert response.status_code == 302
    assert response["Location"] == url("aanvraag-gegevens", aanvraag)
    assert aanvraag.status == Status.CONCEPT and aanvraag.track.slug == "klein-initiatief"


def test_start_needs_a_ronde_and_a_track(member, people, rondes):
    response = member.post(reverse("organisations:subsidies", args=[people.org_a.pk]), {"ronde": "", "track": ""})
    assert response.status_code == 422
    assert "Kies de ronde." in field_errors(response)
    assert "Kies wat voor subsidie jullie vragen." in field_errors(response)
    assert 'class="error-summary"' in response.content.decode()
    assert not Aanvraag.objects.exists()


def test_begin_with_last_years_aanvraag(member, flow, people):
    earlier = flow.to(Status.VERLEEND)
    response = member.post(
        reverse("organisations:subsidies", args=[people.org_a.pk]),
        {"ronde": flow.rondes["noord"].pk, "track": track("incidenteel").pk, "copy_from": earlier.pk},
    )
    copy = Aanvraag.objects.exclude(pk=earlier.pk).get()
    assert response.status_code == 302
    assert copy.copied_from == earlier and copy.status == Status.CONCEPT
    assert copy.projectnaam == earlier.projectnaam
    assert copy.begroting.count() == earlier.begroting.count()
    assert copy.activiteiten.count() == 1 and copy.statements.count() == earlier.statements.count()
    assert not hasattr(copy, "besluit")


def test_another_organisations_aanvraag_cannot_be_copied(member, flow, people, rondes):
    theirs = services.aanvraag_create(
        organisation=people.org_b, ronde=rondes["zuid"], track=track("incidenteel"), user=people.member_b
    )
    response = member.post(
        reverse("organisations:subsidies", args=[people.org_a.pk]),
        {"ronde": rondes["noord"].pk, "track": track("incidenteel").pk, "copy_from": theirs.pk},
    )
    assert response.status_code == 422
    assert Aanvraag.objects.count() == 1


# The steps ---------------------------------------------------------------------------------------


def test_gegevens_saves_the_draft_with_a_dutch_amount_and_goes_to_the_next_step(member, flow):
    aanvraag = flow.concept(complete=False)
    response = member.post(url("aanvraag-gegevens", aanvraag), gegevens())
    assert response.status_code == 302 and response["Location"] == url("aanvraag-begroting", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.requested_cents == 4_500_50
    assert aanvraag.projectnaam == "Buurtkamer De Meeuw" and aanvraag.recurrence == "periodiek"
    again = member.get(url("aanvraag-gegevens", aanvraag)).content.decode()
    assert 'value="4.500,50"' in again


@pytest.mark.parametrize("typed", ["vierduizend", "4,500,00", "-50", "12,345"])
def test_a_bad_amount_is_named_at_its_field_and_nothing_typed_is_lost(member, flow, typed):
    aanvraag = flow.concept(complete=False)
    response = member.post(url("aanvraag-gegevens", aanvraag), gegevens(requested=typed))
    html = response.content.decode()
    assert response.status_code == 422
    assert "Schrijf een bedrag in euro’s, bijvoorbeeld 4.500 of 4.500,50." in field_errors(response)
    assert '<a href="#id_requested">' in html
    assert 'value="Buurtkamer De Meeuw"' in html and "Elke week een open buurtkamer." in html
    assert f'value="{typed}"' in html
    aanvraag.refresh_from_db()
    assert aanvraag.projectnaam == "Buurtkamer open"  # not saved


def test_klein_initiatief_asks_at_most_its_maximum(member, flow):
    aanvraag = flow.concept(track="klein-initiatief", complete=False)
    response = member.post(url("aanvraag-gegevens", aanvraag), gegevens(requested="6.000", total_costs="7.000"))
    assert response.status_code == 422
    assert "Bij Klein initiatief kun je hoogstens € 5.000 vragen." in field_errors(response)


def test_klein_initiatief_is_one_screen_and_can_be_submitted_from_it(member, flow):
    aanvraag = flow.concept(track="klein-initiatief", complete=False)
    page = member.get(url("aanvraag-gegevens", aanvraag)).content.decode()
    conditions = list(services.conditions_for(aanvraag))
    assert conditions and all(c.title in page and c.description in page for c in conditions)
    assert "Stappen van de aanvraag" not in page  # no steps: one screen
    assert "Wat kost het in totaal?" in page

    data = gegevens(requested="1.200", total_costs="1.500")
    data |= {f"condition_{c.slug}": f"Zo doen we {c.title}." for c in conditions}
    response = member.post(url("aanvraag-gegevens", aanvraag), data)
    assert response["Location"] == url("aanvraag-detail", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.costs_cents() == 1_500_00 and aanvraag.begroting.count() == 1
    assert aanvraag.statements.count() == len(conditions)
    for step in ["begroting", "activiteiten", "voorwaarden", "bijlagen"]:
        assert member.get(url(f"aanvraag-{step}", aanvraag)).status_code == 404

    response = member.post(url("aanvraag-submit", aanvraag))
    aanvraag.refresh_from_db()
    assert response.status_code == 302 and aanvraag.status == Status.INGEDIEND


def test_klein_initiatief_asks_no_more_than_it_costs(member, flow):
    aanvraag = flow.concept(track="klein-initiatief", complete=False)
    response = member.post(url("aanvraag-gegevens", aanvraag), gegevens(requested="2.000", total_costs="1.500"))
    assert response.status_code == 422
    assert "Jullie vragen meer dan het project kost. Vraag hoogstens € 1.500." in field_errors(response)


def test_begroting_saves_costs_and_income_and_shows_the_deficit(member, flow):
    aanvraag = flow.concept(complete=False)
    data = rows(
        "costs",
        [
            {"category": "activiteiten", "description": "Koffie en thee", "amount": "1.250,50"},
            {"category": "huisvesting", "description": "Huur zaal", "amount": "3000"},
            {},
        ],
    ) | rows("income", [{"category": "eigen_bijdrage", "description": "Bijdrage bezoekers", "amount": "250"}, {}])
    response = member.post(url("aanvraag-begroting", aanvraag), data)
    assert response.status_code == 302 and response["Location"] == url("aanvraag-activiteiten", aanvraag)
    assert aanvraag.costs_cents() == 4_250_50 and aanvraag.income_cents() == 250_00

    page = member.get(url("aanvraag-begroting", aanvraag)).content.decode()
    assert "€ 4.000,50" in page  # the deficit
    assert "jullie vragen hoogstens het tekort" in page
    assert 'value="1.250,50"' in page
    assert page.count('name="costs-') >= 3 * 5  # saved rows and three empty ones


def test_begroting_names_each_bad_row_and_keeps_the_rest(member, flow):
    aanvraag = flow.concept()
    before = aanvraag.costs_cents()
    data = rows(
        "costs",
        [
            {"category": "personeel", "description": "Coördinator", "amount": "2.000"},
            {"category": "overig", "description": "Drukwerk", "amount": "twee tientjes"},
            {"category": "", "description": "", "amount": "40"},
        ],
    ) | rows("income", [{}])
    response = member.post(url("aanvraag-begroting", aanvraag), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Kosten, regel 2, Bedrag: Schrijf een bedrag in euro’s" in html
    assert "Kosten, regel 3, Soort: Kies de soort." in html
    assert 'href="#id_costs-1-amount"' in html
    assert 'value="Coördinator"' in html and 'value="twee tientjes"' in html
    assert aanvraag.costs_cents() == before


def test_the_requested_amount_above_the_deficit_is_pointed_out(member, flow):
    aanvraag = flow.concept(requested=9_000_00)
    services.begroting_set(
        aanvraag=aanvraag,
        user=flow.people.member_a,
        lines=[services.BudgetLine(category="overig", description="Alles", amount_cents=1_000_00)],
    )
    page = member.get(url("aanvraag-begroting", aanvraag)).content.decode()
    assert "Let op:" in page and "meer dan het tekort van € 1.000" in page


def activity_row(**overrides):
    row = {
        "title": "Taalcafé",
        "bouwsteen": Bouwsteen.objects.get(slug="zelfredzaamheid").pk,
        "gebied": Gebied.objects.get(slug="oud-noord").pk,
        "doelgroepen": [Doelgroep.objects.get(slug="nieuwkomers").pk],
        "participants": "30",
        "meetings": "40",
        "volunteers": "4",
        "activity": "",
    }
    return row | overrides


def test_activiteiten_saves_planned_activities_linked_to_the_catalogue(member, flow, people):
    aanvraag = flow.concept(complete=False)
    response = member.post(
        url("aanvraag-activiteiten", aanvraag),
        rows("activities", [activity_row(activity=people.activity_a.pk), {}]),
    )
    assert response.status_code == 302 and response["Location"] == url("aanvraag-voorwaarden", aanvraag)
    planned = aanvraag.activiteiten.get()
    assert planned.title == "Taalcafé" and planned.participants == 30 and planned.activity == people.activity_a
    assert [group.slug for group in planned.doelgroepen.all()] == ["nieuwkomers"]
    assert "Activiteit 1: Taalcafé" in member.get(url("aanvraag-activiteiten", aanvraag)).content.decode()


def test_activiteiten_refuses_half_rows_and_foreign_catalogue_activities(member, flow, people):
    aanvraag = flow.concept(complete=False)
    data = rows(
        "activities",
        [
            activity_row(doelgroepen=[], participants="veel"),
            activity_row(title="Koor", activity=people.activity_b.pk),
            activity_row(title="Wandelen", gebied=Gebied.objects.get(slug="de-pijp-rivierenbuurt").pk),
        ],
    )
    response = member.post(url("aanvraag-activiteiten", aanvraag), data)
    errors = field_errors(response)
    assert response.status_code == 422
    assert "Vul een heel getal in, bijvoorbeeld 12." in errors
    assert any("Selecteer een geldige keuze" in error or "geldige" in error for error in errors)
    assert 'value="Koor"' in response.content.decode()
    assert not aanvraag.activiteiten.exists()


def test_activiteiten_can_be_removed(member, flow):
    aanvraag = flow.concept()
    planned = aanvraag.activiteiten.get()
    row = activity_row(title=planned.title, remove="on")
    response = member.post(url("aanvraag-activiteiten", aanvraag), rows("activities", [row, {}]))
    assert response.status_code == 302
    assert not aanvraag.activiteiten.exists()


def test_voorwaarden_are_grouped_with_their_descriptions_and_saved(member, flow):
    aanvraag = flow.concept(complete=False)
    conditions = list(services.conditions_for(aanvraag))
    page = member.get(url("aanvraag-voorwaarden", aanvraag)).content.decode()
    assert "Uitvoering" in page and "Samenwerking" in page
    assert page.index("Uitvoering") < page.index("Samenwerking")
    for condition in conditions:
        assert f'id="id_condition_{condition.slug}"' in page and condition.description in page
    data = {f"condition_{c.slug}": "" for c in conditions} | {
        "condition_veiligheid": "Alle vrijwilligers hebben een VOG."
    }
    response = member.post(url("aanvraag-voorwaarden", aanvraag), data)
    assert response["Location"] == url("aanvraag-bijlagen", aanvraag)
    assert list(aanvraag.statements.values_list("text", flat=True)) == ["Alle vrijwilligers hebben een VOG."]


# Attachments -------------------------------------------------------------------------------------


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile("plan.docx", buffer.getvalue())


def odt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile("plan.odt", buffer.getvalue())


@pytest.mark.parametrize(
    "upload",
    [
        lambda: pdf(),
        docx,
        odt,
        lambda: SimpleUploadedFile("foto.PNG", b"\x89PNG\r\n\x1a\n" + b"0" * 50),
        lambda: SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0" + b"0" * 50),
    ],
)
def test_accepted_attachments_are_stored_and_downloaded(member, flow, upload, settings, tmp_path):
    aanvraag = flow.concept(complete=False)
    file = upload()
    response = member.post(url("aanvraag-bijlagen", aanvraag), {"kind": "activiteitenplan", "file": file})
    assert response.status_code == 302
    attachment = aanvraag.attachments.get()
    assert attachment.original_name == file.name
    download = member.get(url("attachment", aanvraag, attachment.pk))
    assert download.status_code == 200
    assert file.name in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: SimpleUploadedFile("begroting.pdf", b"MZ\x90\x00 not a pdf"), "Dit bestand kunnen we niet gebruiken"),
        (
            lambda: SimpleUploadedFile("begroting.exe", b"%PDF-1.4 but named .exe"),
            "Dit bestand kunnen we niet gebruiken",
        ),
        (lambda: SimpleUploadedFile("plan.docx", b"PK\x03\x04 broken zip"), "Dit bestand kunnen we niet gebruiken"),
        (lambda: SimpleUploadedFile("cijfers.xlsx", docx().read()), "Dit bestand kunnen we niet gebruiken"),
        (
            lambda: pdf(size=10 * 1024 * 1024 + 1),
            "Het bestand is te groot (10,0 MB). Een bijlage mag hoogstens 10 MB zijn.",
        ),
    ],
)
def test_bad_uploads_are_refused_at_the_field(member, flow, upload, message):
    aanvraag = flow.concept(complete=False)
    response = member.post(url("aanvraag-bijlagen", aanvraag), {"kind": "jaarrekening", "file": upload()})
    assert response.status_code == 422
    assert any(error.startswith(message) for error in field_errors(response))
    assert '<option value="jaarrekening" selected>' in response.content.decode()
    assert not aanvraag.attachments.exists()


def test_upload_needs_a_kind_and_a_file(member, flow):
    aanvraag = flow.concept(complete=False)
    response = member.post(url("aanvraag-bijlagen", aanvraag), {"kind": ""})
    assert response.status_code == 422
    assert field_errors(response) == ["Kies wat voor bijlage het is.", "Kies een bestand."]


def test_an_attachment_can_be_removed_while_the_aanvraag_is_a_concept(member, flow):
    aanvraag = flow.concept()
    attachment = aanvraag.attachments.get()
    page = member.get(url("aanvraag-bijlagen", aanvraag)).content.decode()
    assert "Begroting: <strong>toegevoegd</strong>" in page
    response = member.post(url("attachment-remove", aanvraag, attachment.pk))
    assert response.status_code == 302
    assert not aanvraag.attachments.exists()


# Overview, submitting, aanvulling, withdrawing ----------------------------------------------------


def test_submitting_an_incomplete_aanvraag_lists_what_is_missing_with_links(member, flow):
    aanvraag = flow.concept(complete=False)
    overview = member.get(url("aanvraag-detail", aanvraag)).content.decode()
    assert "Dit ontbreekt nog" in overview

    response = member.post(url("aanvraag-submit", aanvraag))
    html = response.content.decode()
    assert response.status_code == 422
    assert "Nog niet ingediend. Dit ontbreekt nog:" in html
    assert f'href="{url("aanvraag-gegevens", aanvraag)}#id_summary">Schrijf kort wat jullie willen doen.' in html
    assert f'href="{url("aanvraag-begroting", aanvraag)}#id_costs-0-category">Vul de kosten in.' in html
    assert f'href="{url("aanvraag-activiteiten", aanvraag)}#id_activities-0-title"' in html
    assert f'href="{url("aanvraag-voorwaarden", aanvraag)}#id_condition_veiligheid"' in html
    assert f'href="{url("aanvraag-bijlagen", aanvraag)}#id_kind">Voeg een bijlage toe: Begroting.' in html
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.CONCEPT and aanvraag.projectnaam == "Buurtkamer open"


def test_submitting_a_complete_aanvraag_makes_it_read_only(member, flow, django_capture_on_commit_callbacks):
    aanvraag = flow.concept()
    with django_capture_on_commit_callbacks(execute=True):
        response = member.post(url("aanvraag-submit", aanvraag))
    aanvraag.refresh_from_db()
    assert response.status_code == 302 and aanvraag.status == Status.INGEDIEND
    assert len(mail.outbox) == 1

    overview = member.get(url("aanvraag-detail", aanvraag)).content.decode()
    assert "Ingediend" in overview and "Aanvraag indienen" not in overview
    assert aanvraag.summary in overview
    step = member.get(url("aanvraag-gegevens", aanvraag))
    assert step.status_code == 302 and step["Location"] == url("aanvraag-detail", aanvraag)
    member.post(url("aanvraag-gegevens", aanvraag), gegevens(projectnaam="Stiekem anders"))
    aanvraag.refresh_from_db()
    assert aanvraag.projectnaam == "Buurtkamer open"


def test_an_aanvulling_is_shown_and_answered_by_editing_and_submitting_again(member, flow):
    aanvraag = flow.to(Status.AANVULLING_GEVRAAGD)
    overview = member.get(url("aanvraag-detail", aanvraag)).content.decode()
    aanvulling = aanvraag.open_aanvulling()
    due = aanvulling.due_on
    assert "Aanvulling nodig" in overview
    assert aanvulling.question in overview
    assert f"{due.day} " in overview and str(due.year) in overview
    assert "Aanvulling indienen" in overview

    member.post(url("aanvraag-gegevens", aanvraag), gegevens(requested="4.000", summary="Met offerte."))
    response = member.post(url("aanvraag-submit", aanvraag))
    aanvraag.refresh_from_db()
    assert response.status_code == 302
    assert aanvraag.status == Status.INGEDIEND and aanvraag.summary == "Met offerte."
    assert aanvraag.versies.count() == 2


def test_withdraw_needs_a_reason_on_a_confirm_page(member, flow):
    aanvraag = flow.to(Status.INGEDIEND)
    page = member.get(url("aanvraag-withdraw", aanvraag))
    assert page.status_code == 200 and "Ja, aanvraag intrekken" in page.content.decode()

    response = member.post(url("aanvraag-withdraw", aanvraag), {"reason": "   "})
    assert response.status_code == 422
    assert field_errors(response) == ["Schrijf waarom jullie de aanvraag intrekken."]
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND

    response = member.post(url("aanvraag-withdraw", aanvraag), {"reason": "Geen vrijwilligers meer."})
    aanvraag.refresh_from_db()
    assert response.status_code == 302 and aanvraag.status == Status.INGETROKKEN
    assert aanvraag.history.last().reason == "Geen vrijwilligers meer."
    overview = member.get(url("aanvraag-detail", aanvraag)).content.decode()
    assert "Ingetrokken" in overview and "Aanvraag intrekken" not in overview


# The besluit and the beschikking -----------------------------------------------------------------


def test_before_the_besluit_nothing_of_the_assessment_shows(member, flow):
    aanvraag = flow.to(Status.ADVIES)
    overview = member.get(url("aanvraag-detail", aanvraag)).content.decode()
    assert "In behandeling" in overview
    assert aanvraag.advice_motivation not in overview
    assert "Voldoet" not in overview and "Besluit" not in overview
    assert member.get(url("aanvraag-beschikking-pdf", aanvraag)).status_code == 404
    assert member.get(url("aanvraag-beschikking", aanvraag)).status_code == 404


def test_after_the_besluit_the_organisation_reads_it_and_downloads_the_beschikking(member, flow):
    aanvraag = flow.to(Status.DEELS_VERLEEND, requested=4_000_00)
    besluit = aanvraag.besluit
    overview = member.get(url("aanvraag-detail", aanvraag)).content.decode()
    assert "Besluit genomen" in overview
    assert "Besluit: Deels verleend" in overview
    assert euros(besluit.amount_cents) in overview and besluit.motivation in overview
    assert besluit.obligations[:40] in overview
    assert f"{besluit.bezwaar_deadline.day} " in overview

    response = member.get(url("aanvraag-beschikking-pdf", aanvraag))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert aanvraag.dossiernummer in response["Content-Disposition"]

    html = member.get(url("aanvraag-beschikking", aanvraag))
    assert html.status_code == 200 and aanvraag.dossiernummer in html.content.decode()
    policy = html["Content-Security-Policy"]
    assert "style-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy


# Who may come in ---------------------------------------------------------------------------------

PAGES = [
    ("GET", "aanvraag-detail"),
    ("GET", "aanvraag-gegevens"),
    ("POST", "aanvraag-gegevens"),
    ("GET", "aanvraag-begroting"),
    ("POST", "aanvraag-begroting"),
    ("GET", "aanvraag-activiteiten"),
    ("POST", "aanvraag-activiteiten"),
    ("GET", "aanvraag-voorwaarden"),
    ("POST", "aanvraag-voorwaarden"),
    ("GET", "aanvraag-bijlagen"),
    ("POST", "aanvraag-bijlagen"),
    ("GET", "attachment"),
    ("POST", "attachment-remove"),
    ("POST", "aanvraag-submit"),
    ("GET", "aanvraag-withdraw"),
    ("POST", "aanvraag-withdraw"),
    ("GET", "aanvraag-beschikking"),
    ("GET", "aanvraag-beschikking-pdf"),
]


def _request(client, method, name, aanvraag):
    args = [aanvraag.attachments.get().pk] if name.startswith("attachment") else []
    data = {"reason": "Weg ermee.", "projectnaam": "Overgenomen", "recurrence": "eenmalig"}
    return client.get(url(name, aanvraag, *args)) if method == "GET" else client.post(url(name, aanvraag, *args), data)


@pytest.fixture
def decided(flow):
    """A granted aanvraag of organisation A, with an attachment, so every page has something to show."""
    return flow.to(Status.VERLEEND)


@pytest.mark.parametrize(("method", "name"), PAGES)
def test_another_organisation_gets_404_on_every_page(client, people, decided, method, name):
    client.force_login(people.member_b)
    assert _request(client, method, name, decided).status_code == 404
    decided.refresh_from_db()
    assert decided.status == Status.VERLEEND and decided.attachments.exists()


@pytest.mark.parametrize(("method", "name"), PAGES)
def test_staff_cannot_use_the_organisation_screens(client, people, decided, method, name):
    client.force_login(people.reviewer_noord)
    assert _request(client, method, name, decided).status_code in {403, 404}


def test_another_organisations_subsidies_page_is_404_and_staff_get_403(client, people, rondes):
    page = reverse("organisations:subsidies", args=[people.org_a.pk])
    client.force_login(people.member_b)
    assert client.get(page).status_code == 404
    assert client.post(page, {}).status_code == 404
    client.force_login(people.decider_noord)
    assert client.get(page).status_code == 403


def test_a_member_of_the_organisation_who_did_not_start_it_may_work_on_it(client, people, flow):
    aanvraag = flow.concept()
    client.force_login(people.colleague_a)
    assert client.get(url("aanvraag-detail", aanvraag)).status_code == 200
    assert client.post(url("aanvraag-submit", aanvraag)).status_code == 302
