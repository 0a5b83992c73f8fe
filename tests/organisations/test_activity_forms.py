"""An organisation keeps its activities: create, edit, publish, archive, duplicate, confirm; hostile input."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageFile

from activities.models import Activity, Bouwsteen, Doelgroep, Theme
from audit.models import AuditEvent
from stadsdelen.models import Gebied

pytestmark = pytest.mark.django_db
# Single dates in this year read without the year ("Op 3, 10 en 17 december").
YEAR = timezone.localdate().year
HOSTILE = '<script>alert("x")</script>'


def form_data(**overrides):
    data = {
        "title": "Wandelclub De Meeuw",
        "summary": "Samen een uur wandelen.",
        "description": "We lopen door het park.",
        "bouwsteen": Bouwsteen.objects.get(slug="verbondenheid").pk,
        "themes": [Theme.objects.get(slug="gezondheid-en-bewegen").pk],
        "doelgroepen": [Doelgroep.objects.get(slug="ouderen").pk],
        "free": "on",
        "cost": "",
        "volunteers_wanted": "",
        "contact_email": "wandel@example.org",
        "contact_phone": "020 123 4567",
        "photo_alt": "",
        "place": "nieuw",
        "location_name": "Buurthuis De Meeuw",
        "location_street": "Meeuwenlaan 1",
        "location_postcode": "1021aa",
        "location_gebied": Gebied.objects.get(slug="oud-noord").pk,
        "creation_key": "",
        "version": "",
        "schedule-TOTAL_FORMS": "4",
        "schedule-INITIAL_FORMS": "0",
        "schedule-MIN_NUM_FORMS": "0",
        "schedule-MAX_NUM_FORMS": "14",
        "schedule-0-day": "1",
        "schedule-0-start": "10:00",
        "schedule-0-end": "11:30",
    }
    data.update(overrides)
    return data


def jpeg(size=(2400, 1600), color="green"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def member(client, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people.member_a)
    return people


def new_url(people):
    return f"/organisatie/{people.org_a.pk}/activiteiten/nieuw/"


def test_create_makes_a_draft_with_schedule_and_location(client, member):
    response = client.post(new_url(member), form_data())
    activity = Activity.objects.get(title="Wandelclub De Meeuw")
    assert response.status_code == 302
    assert activity.status == Activity.Status.DRAFT
    assert activity.organisation == member.org_a
    assert activity.location.postcode == "1021 AA"
    assert [str(slot) for slot in activity.schedule.all()] == ["Elke dinsdag, 10:00–11:30"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE)
    assert event.actor == member.member_a and event.organisation_id == member.org_a.pk


def test_double_submit_creates_one_activity(client, member):
    key = re.search(r'name="creation_key" value="([^"]+)"', client.get(new_url(member)).content.decode())[1]
    first = client.post(new_url(member), form_data(creation_key=key))
    second = client.post(new_url(member), form_data(creation_key=key))
    assert Activity.objects.filter(title="Wandelclub De Meeuw").count() == 1
    assert first["Location"] == second["Location"]


def test_errors_are_next_to_the_field_and_nothing_typed_is_lost(client, member):
    data = form_data(title="", free="", cost="", location_postcode="10AB", **{"schedule-0-end": "09:00"})
    data["description"] = "Mijn lange beschrijving die ik niet kwijt wil."
    response = client.post(new_url(member), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert not Activity.objects.filter(organisation=member.org_a, status="draft").exists()
    assert 'id="id_title_error"' in html and 'aria-invalid="true"' in html
    assert "Schrijf wat het kost" in html
    assert "4 cijfers en 2 letters" in html
    assert "De eindtijd moet later zijn dan de begintijd." in html
    assert "Mijn lange beschrijving die ik niet kwijt wil." in html
    assert 'value="Meeuwenlaan 1"' in html


def test_script_tags_in_every_text_field_come_back_escaped(client, member):
    fields = ["title", "summary", "description", "cost", "volunteers_wanted", "location_name", "location_street"]
    response = client.post(new_url(member), form_data(free="", **dict.fromkeys(fields, HOSTILE)))
    activity = Activity.objects.get(organisation=member.org_a, status="draft")
    preview = client.get(response["Location"]).content.decode()
    assert HOSTILE not in preview
    assert "&lt;script&gt;" in preview
    client.post(f"/organisatie/activiteiten/{activity.pk}/status/", {"status": "published"})
    public = client.get(activity.get_absolute_url()).content.decode()
    assert HOSTILE not in public
    catalogue = client.get("/activiteiten/", {"q": "script"}).content.decode()
    assert HOSTILE not in catalogue


def test_photo_is_resized_and_needs_alt_text(client, member):
    response = client.post(new_url(member), form_data(photo=jpeg()))
    assert response.status_code == 422
    assert "Beschrijf in een paar woorden" in response.content.decode()
    client.post(new_url(member), form_data(photo=jpeg(), photo_alt="Buren wandelen in het park"))
    activity = Activity.objects.get(title="Wandelclub De Meeuw")
    with Image.open(activity.photo) as image:
        assert max(image.size) == 1200
        assert image.format == "JPEG"


def test_a_file_that_is_not_a_photo_is_refused(client, member):
    fake = SimpleUploadedFile("foto.jpg", b"#!/bin/sh\necho not a photo\n", content_type="image/jpeg")
    response = client.post(new_url(member), form_data(photo=fake, photo_alt="x"))
    assert response.status_code == 422
    assert "geen foto" in response.content.decode()
    assert not Activity.objects.filter(title="Wandelclub De Meeuw").exists()


def test_a_gif_is_refused_by_its_content_whatever_its_name(client, member):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    upload = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")
    response = client.post(new_url(member), form_data(photo=upload, photo_alt="x"))
    assert response.status_code == 422
    assert "Dit bestand is GIF" in response.content.decode()


# 169 megapixels in a few kilobytes; past Pillow's own limit (179 megapixels) its open() refuses too.
@pytest.mark.parametrize(("side", "size"), [(13000, " (13000 × 13000 beeldpunten)"), (20000, "")])
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_small_file_holding_a_huge_image_is_refused_before_it_is_decoded(client, member, monkeypatch, side, size):
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")

    def decode(image):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)
    response = client.post(new_url(member), form_data(photo=upload, photo_alt="Buren"))
    assert response.status_code == 422
    html = response.content.decode()
    assert f"De foto is te groot{size}. Kies een foto van hoogstens 40 miljoen beeldpunten" in html
    assert 'value="Wandelclub De Meeuw"' in html  # the rest of what was typed stays
    assert not Activity.objects.filter(title="Wandelclub De Meeuw").exists()


def test_an_oversized_photo_is_refused(client, member, settings):
    settings.PHOTO_MAX_BYTES = 1000
    response = client.post(new_url(member), form_data(photo=jpeg(), photo_alt="Buren"))
    assert response.status_code == 422
    assert "De foto is te groot" in response.content.decode()


def test_two_people_editing_do_not_silently_overwrite(client, member, django_user_model):
    activity = member.activity_a
    url = f"/organisatie/activiteiten/{activity.pk}/"
    version = re.search(r'name="version" value="(\d+)"', client.get(url).content.decode())[1]
    # A colleague saves first.
    colleague = client.__class__()
    colleague.force_login(member.colleague_a)
    colleague.post(url, form_data(title="Titel van de collega", version=version))
    response = client.post(url, form_data(title="Mijn titel", version=version))
    activity.refresh_from_db()
    assert response.status_code == 409
    assert activity.title == "Titel van de collega"
    assert "Iemand anders heeft deze activiteit veranderd" in response.content.decode()
    assert 'value="Mijn titel"' in response.content.decode()


def test_edit_logs_the_changed_fields(client, member):
    activity = member.activity_a
    url = f"/organisatie/activiteiten/{activity.pk}/"
    client.post(url, form_data(title="Nieuwe titel", version=activity.version))
    event = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE)
    assert event.changes["title"] == {"before": "Taalcafé Noord", "after": "Nieuwe titel"}
    assert "summary" in event.changes


def test_publish_archive_and_back(client, member):
    activity = member.activity_a
    Activity.objects.filter(pk=activity.pk).update(contact_email="taal@noord.example")
    status_url = f"/organisatie/activiteiten/{activity.pk}/status/"
    client.post(status_url, {"status": "archived", "bevestigd": "1"})
    assert client.get(activity.get_absolute_url()).status_code == 404
    client.post(status_url, {"status": "published"})  # not allowed straight from archived
    activity.refresh_from_db()
    assert activity.status == Activity.Status.ARCHIVED
    client.post(status_url, {"status": "draft"})
    client.post(status_url, {"status": "published"})
    assert client.get(activity.get_absolute_url()).status_code == 200
    actions = list(AuditEvent.objects.exclude(action="login").order_by("pk").values_list("action", flat=True))
    assert actions == ["archive", "unpublish", "publish"]


def test_duplicate_makes_a_draft_copy(client, member):
    response = client.post(f"/organisatie/activiteiten/{member.activity_a.pk}/kopieren/")
    copy = Activity.objects.get(title="Taalcafé Noord (kopie)")
    assert copy.status == Activity.Status.DRAFT
    assert response["Location"] == f"/organisatie/activiteiten/{copy.pk}/"
    # What happened, and the way back: the copy is archived after the usual question.
    html = client.get(response["Location"]).content.decode()
    assert "Er is een kopie gemaakt: een concept, bewoners zien hem nog niet." in html
    assert (
        f'href="/organisatie/activiteiten/{copy.pk}/status/?naar=archived">Toch niet nodig? Archiveer de kopie</a>'
        in html
    )


def test_each_kind_of_schedule_in_plain_dutch(client, member):
    rows = {
        "schedule-0-repeat": "maand",
        "schedule-0-week_of_month": "1",
        "schedule-0-day": "1",
        "schedule-0-start": "10:00",
        "schedule-0-end": "12:00",
        "schedule-1-repeat": "om-de-week",
        "schedule-1-day": "2",
        "schedule-1-start": "14:00",
        "schedule-1-end": "16:00",
        "schedule-1-starts_on": "2026-12-02",
        "schedule-1-no_school_holidays": "on",
        "schedule-2-repeat": "data",
        "schedule-2-dates": f"17-12-{YEAR}, 3-12-{YEAR} 10-12-{YEAR}",
        "schedule-2-start": "19:00",
        "schedule-2-end": "21:00",
        "schedule-3-repeat": "week",
        "schedule-3-day": "4",
        "schedule-3-week_of_month": "-1",
        "schedule-3-start": "09:00",
        "schedule-3-end": "10:00",
        "schedule-3-ends_on": "30-06-2027",
    }
    response = client.post(new_url(member), form_data(**rows))
    assert response.status_code == 302
    activity = Activity.objects.get(title="Wandelclub De Meeuw")
    assert sorted(str(slot) for slot in activity.schedule.all()) == [
        "Elke eerste dinsdag van de maand, 10:00–12:00",
        # "Elke week" ignores the week of the month someone picked first.
        "Elke vrijdag, 09:00–10:00, tot en met 30 juni 2027",
        "Om de week op woensdag, 14:00–16:00, vanaf 2 december 2026, niet in de schoolvakanties",
        "Op 3, 10 en 17 december, 19:00–21:00",
    ]
    # Opened again, the form shows each row as it was entered.
    html = client.get(f"/organisatie/activiteiten/{activity.pk}/").content.decode()
    assert f'value="3-12-{YEAR}, 10-12-{YEAR}, 17-12-{YEAR}"' in html
    assert re.search(r'value="om-de-week"[^>]*checked', html)
    assert re.search(r'value="2026-12-02"', html)


@pytest.mark.parametrize(
    ("rows", "field", "message"),
    [
        ({"repeat": "maand", "day": "1"}, "week_of_month", "Kies welke week van de maand"),
        ({"repeat": "om-de-week", "day": "2"}, "starts_on", "Vul de datum van de eerste keer in"),
        ({"repeat": "data"}, "dates", "Schrijf de data op"),
        ({"repeat": "data", "dates": "3-12-2026, 31-02-2027"}, "dates", "“31-02-2027” is geen datum"),
        ({"repeat": "week"}, "day", "Kies de dag."),
        (
            {"repeat": "week", "day": "1", "starts_on": "2027-01-10", "ends_on": "2027-01-03"},
            "ends_on",
            "De laatste keer",
        ),
    ],
)
def test_a_schedule_error_is_at_its_field_and_keeps_what_was_typed(client, member, rows, field, message):
    data = form_data(**{"schedule-0-day": "", "schedule-0-start": "10:00", "schedule-0-end": "12:00"})
    data.update({f"schedule-0-{name}": value for name, value in rows.items()})
    data["schedule-1-dates"] = "not a date at all"  # another row's mistake is shown too
    data["schedule-1-repeat"] = "data"
    data["schedule-1-start"], data["schedule-1-end"] = "13:00", "14:00"
    response = client.post(new_url(member), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert not Activity.objects.filter(title="Wandelclub De Meeuw").exists()
    assert f'id="id_schedule-0-{field}_error"' in html
    assert message in html
    # At the top too, linking to the field.
    summary = html.split('id="fouten"')[1].split("</div>")[0]
    assert f'href="#id_schedule-0-{field}"' in summary
    for name, value in rows.items():
        if name != "repeat":
            assert f'value="{value}"' in html or f'value="{value}" selected' in html
    assert 'value="not a date at all"' in html


def test_dates_typed_under_every_week_without_a_day_are_single_dates(client, member):
    rows = {"schedule-0-repeat": "week", "schedule-0-day": "", "schedule-0-dates": f"5-12-{YEAR}"}
    response = client.post(new_url(member), form_data(**rows))

    assert response.status_code == 302
    activity = Activity.objects.get(title="Wandelclub De Meeuw")
    assert [str(slot) for slot in activity.schedule.all()] == ["Op 5 december, 10:00–11:30"]
