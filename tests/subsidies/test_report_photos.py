"""Photos with a report's story: checked, made smaller without EXIF, private, with consent, frozen
with the version they were submitted in, and shown only to the organisation and its stadsdeel."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from audit.models import AuditEvent
from subsidies import reporting, services
from subsidies.models import ReportObligation, ReportPhoto
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MAKE = 0x010F


def jpeg(size=(2400, 1600), color="green", name="buurtkamer.jpg"):
    """A phone photo: large, and with the phone's make and a GPS position in its EXIF."""
    exif = Image.Exif()
    exif[MAKE] = "Telefoon"
    exif.get_ifd(GPS_IFD)[2] = (52.0, 23.0, 0.0)
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def obligation(flow):
    return flow.to(Status.VERLEEND).obligations.get()


@pytest.fixture
def report(obligation, people):
    return reporting.report_start(obligation=obligation, user=people.member_a)


def add(report, people, caption="Buren koken samen in de buurtkamer.", upload=None):
    return reporting.report_photo_add(
        report=report, user=people.member_a, upload=upload or jpeg(), caption=caption, people_agreed=True
    )


def report_url(obligation):
    return reverse("organisations:report", args=[obligation.pk])


def photo_urls(obligation, photo):
    return (
        reverse("organisations:report-photo", args=[obligation.pk, photo.pk]),
        reverse("staff:report-photo", args=[obligation.pk, photo.pk]),
    )


def form_data(response, **changes):
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "foto" or value is None or value is False:
            continue
        data[name] = value
    data.update(changes)
    return data


# The service ------------------------------------------------------------------------------------


def test_a_photo_is_stored_smaller_without_exif_privately_under_a_random_name(report, people, client, settings):
    photo = ReportPhoto.objects.get(pk=add(report, people).pk)
    assert photo.file.name.startswith("verslagen/") and "buurtkamer" not in photo.file.name
    assert not (settings.MEDIA_ROOT / photo.file.name).exists()
    assert client.get(f"/media/{photo.file.name}").status_code == 404
    with photo.file.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) == settings.PHOTO_MAX_PIXELS
        assert image.format == "JPEG" and not image.getexif()
    event = AuditEvent.objects.filter(object_id=str(report.obligation_id)).latest("pk")
    assert event.changes == {"foto": "Buren koken samen in de buurtkamer.", "toestemming": True}


def test_no_photo_without_consent_a_caption_or_room_for_it(report, people):
    for caption, agreed in [("Buren koken samen.", False), ("  ", True)]:
        with pytest.raises(services.NotAllowed):
            reporting.report_photo_add(
                report=report, user=people.member_a, upload=jpeg(), caption=caption, people_agreed=agreed
            )
    for _number in range(ReportPhoto.MAX_PER_REPORT):
        add(report, people, upload=jpeg(size=(40, 30)))
    with pytest.raises(services.NotAllowed):
        add(report, people, upload=jpeg(size=(40, 30)))
    assert report.photos.count() == ReportPhoto.MAX_PER_REPORT


def test_another_organisation_cannot_add_a_photo_and_a_submitted_report_takes_none(report, people, flow):
    with pytest.raises(services.NotAllowed):
        reporting.report_photo_add(
            report=report, user=people.member_b, upload=jpeg(), caption="Buren.", people_agreed=True
        )
    reporting.report_submit(report=report, user=people.member_a)
    with pytest.raises(services.NotAllowed):
        add(report, people)


def test_a_submitted_version_keeps_its_photos_when_the_next_draft_drops_them(report, people, flow):
    kept, dropped = add(report, people, "Het koor zingt."), add(report, people, "De tuin in juni.")
    draft_only = add(report, people, "Een proefje.")
    reporting.report_photo_remove(photo=draft_only, user=people.member_a)
    assert not ReportPhoto.objects.filter(pk=draft_only.pk).exists()  # never submitted: gone with its file

    version = reporting.report_submit(report=report, user=people.member_a)
    assert version.content["photos"] == [
        {"id": kept.pk, "caption": "Het koor zingt."},
        {"id": dropped.pk, "caption": "De tuin in juni."},
    ]
    reporting.report_review(
        obligation=report.obligation, user=people.reviewer_noord, accept=False, comment="Meer over de buurt."
    )
    reporting.report_photo_remove(photo=dropped, user=people.member_a)
    dropped.refresh_from_db()
    assert dropped.removed_at is not None and dropped.file.storage.exists(dropped.file.name)
    second = reporting.report_submit(report=report, user=people.member_a)
    assert [photo["id"] for photo in second.content["photos"]] == [kept.pk]


# The screens ------------------------------------------------------------------------------------


def test_adding_a_photo_from_the_form_keeps_what_was_typed(client, people, obligation, settings):
    client.force_login(people.member_a)
    response = client.get(report_url(obligation))
    data = form_data(
        response,
        story="Een buurman kwam elke week.",
        foto=jpeg(),
        **{"foto-tekst": "Buren koken samen.", "foto-toestemming": "on", "foto-toevoegen": ""},
    )
    response = client.post(report_url(obligation), data)
    assert response.status_code == 302 and response["Location"].endswith("#fotos")
    report = ReportObligation.objects.get(pk=obligation.pk).report
    assert report.story == "Een buurman kwam elke week."
    photo = report.photos.get()
    page = client.get(report_url(obligation)).content.decode()
    assert f'src="{photo_urls(obligation, photo)[0]}" alt="Buren koken samen."' in page


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"foto-toestemming": "on"}, "foto-tekst", "Schrijf wat er op de foto staat."),
        ({"foto-tekst": "Buren."}, "foto-toestemming", "Zet een vinkje als de mensen op de foto het goedvinden."),
        (
            {"foto": SimpleUploadedFile("foto.jpg", b"#!/bin/sh\n", content_type="image/jpeg")},
            "foto",
            "Dit bestand is geen foto.",
        ),
        (
            {"foto": SimpleUploadedFile("foto.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", content_type="image/gif")},
            "foto",
            "Dit bestand is geen foto.",
        ),
        ({"foto": None, "foto-tekst": "Buren."}, "foto", "Kies de foto die bij deze tekst hoort."),
    ],
)
def test_a_bad_photo_gets_a_message_at_the_field_and_at_the_top_and_loses_nothing(
    client, people, obligation, changes, field, message
):
    client.force_login(people.member_a)
    response = client.get(report_url(obligation))
    data = form_data(response, story="Een buurman kwam elke week.", foto=jpeg(), opslaan="")
    data.update(changes)
    if data["foto"] is None:
        del data["foto"]
    response = client.post(report_url(obligation), data)
    assert response.status_code == 422
    errors = response.context["form"].errors[field]
    assert errors[0].startswith(message)
    page = response.content.decode()
    assert f'href="#{field}"' in page and "Een buurman kwam elke week." in page
    assert not ReportPhoto.objects.exists()


def test_an_oversized_photo_is_refused_with_its_size(client, people, obligation, settings):
    settings.PHOTO_MAX_BYTES = 1024
    client.force_login(people.member_a)
    response = client.get(report_url(obligation))
    data = form_data(response, foto=jpeg(), opslaan="", **{"foto-tekst": "Buren.", "foto-toestemming": "on"})
    response = client.post(report_url(obligation), data)
    assert response.status_code == 422
    assert "De foto is te groot" in response.context["form"].errors["foto"][0]


def test_a_chosen_photo_is_not_dropped_silently_when_another_field_is_wrong(client, people, obligation):
    client.force_login(people.member_a)
    response = client.get(report_url(obligation))
    planned = obligation.aanvraag.activiteiten.get()
    data = form_data(
        response,
        foto=jpeg(),
        opslaan="",
        **{"foto-tekst": "Buren.", "foto-toestemming": "on", f"meetings-{planned.pk}": "veel"},
    )
    response = client.post(report_url(obligation), data)
    assert response.status_code == 422
    assert response.context["form"].errors["foto"] == ["Kies de foto opnieuw: we bewaren hem pas als de rest klopt."]
    page = response.content.decode()
    assert 'value="Buren."' in page and "checked" in page


def test_the_checkbox_takes_a_photo_off_the_draft(client, people, report):
    photo = add(report, people)
    client.force_login(people.member_a)
    response = client.get(report_url(report.obligation))
    data = form_data(response, opslaan="", **{"foto-weghalen": [str(photo.pk)]})
    assert client.post(report_url(report.obligation), data).status_code == 302
    assert not ReportPhoto.objects.exists()


def test_staff_see_the_photos_of_a_submitted_version_and_never_a_draft_s(client, people, report):
    photo = add(report, people)
    org_url, staff_url = photo_urls(report.obligation, photo)
    client.force_login(people.reviewer_noord)
    assert client.get(staff_url).status_code == 404  # still the organisation's draft

    reporting.report_submit(report=report, user=people.member_a)
    response = client.get(reverse("staff:report", args=[report.obligation_id]))
    assert response.context["photos"] == [{"url": staff_url, "caption": "Buren koken samen in de buurtkamer."}]
    page = response.content.decode()
    assert f'src="{staff_url}"' in page and "Foto’s" in page
    image = client.get(staff_url)
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert image["X-Content-Type-Options"] == "nosniff"
    assert b"".join(image.streaming_content).startswith(b"\xff\xd8\xff")

    client.force_login(people.member_a)
    assert client.get(org_url).status_code == 200
    versions = client.get(reverse("organisations:report-versions", args=[report.obligation_id]))
    assert versions.context["photos"][0]["url"] == org_url


def test_another_organisation_and_another_stadsdeel_get_404_on_a_photo(client, people, report):
    photo = add(report, people)
    reporting.report_submit(report=report, user=people.member_a)
    org_url, staff_url = photo_urls(report.obligation, photo)
    client.force_login(people.member_b)
    assert client.get(org_url).status_code == 404
    client.force_login(people.reviewer_zuid)
    assert client.get(staff_url).status_code == 404
    client.logout()
    for url in (org_url, staff_url):
        assert "/accounts/login/" in client.get(url)["Location"]
