"""Documents of an aanvraag are private: a name nobody can guess, never under the public media URL."""

import pytest
from django.core.files.base import ContentFile

from subsidies import services
from subsidies.models import Attachment

pytestmark = pytest.mark.django_db


def test_an_attachment_is_stored_privately_under_a_random_name(flow, people, client, settings):
    aanvraag = flow.concept(complete=False)
    attachment = services.attachment_add(
        aanvraag=aanvraag,
        user=people.member_a,
        kind="jaarrekening",
        upload=ContentFile(b"%PDF-1.4 x", name="Jaarrekening 2026.pdf"),
    )
    attachment = Attachment.objects.get(pk=attachment.pk)
    assert attachment.original_name == "Jaarrekening 2026.pdf"
    assert "Jaarrekening" not in attachment.file.name and attachment.file.name.endswith(".pdf")
    assert not (settings.MEDIA_ROOT / attachment.file.name).exists()
    with attachment.file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 x"
    for guess in [attachment.file.name, "aanvragen/2026/Jaarrekening 2026.pdf"]:
        assert client.get(f"/media/{guess}").status_code == 404
