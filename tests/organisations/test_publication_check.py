"""Publishing checks what residents need: someone to reach. Refused with a list, each item linked to its field."""

import pytest

from activities.models import Activity
from activities.services import NotReadyToPublish, activity_set_status
from audit.models import AuditEvent
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(people):
    return ActivityFactory(organisation=people.org_a, title="Buurtmaaltijd", status=Activity.Status.DRAFT)


def test_an_activity_without_phone_or_email_misses_a_contact(draft):
    assert [item.field for item in draft.missing_for_publication()] == ["contact_phone"]
    draft.contact_email = "eten@noord.example"
    assert draft.missing_for_publication() == []
    draft.contact_email, draft.contact_phone = "", "020 123 4567"
    assert draft.missing_for_publication() == []


def test_the_status_service_refuses_to_publish_and_says_what_is_missing(draft, people):
    with pytest.raises(NotReadyToPublish) as refused:
        activity_set_status(activity=draft, user=people.member_a, status=Activity.Status.PUBLISHED)
    assert [item.field for item in refused.value.missing] == ["contact_phone"]
    draft.refresh_from_db()
    assert draft.status == Activity.Status.DRAFT
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PUBLISH).exists()


def test_archiving_and_taking_offline_need_nothing(draft, people):
    activity_set_status(activity=draft, user=people.member_a, status=Activity.Status.ARCHIVED)
    draft.refresh_from_db()
    assert draft.status == Activity.Status.ARCHIVED


def test_the_refusal_lists_what_is_missing_with_a_link_to_the_field(client, draft, people):
    client.force_login(people.member_a)
    response = client.post(f"/organisatie/activiteiten/{draft.pk}/status/", {"status": "published"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/organisatie/activiteiten/{draft.pk}/voorbeeld/"
    assert "Nog niet gepubliceerd: bewoners missen nog iets." in html
    assert f'<a href="/organisatie/activiteiten/{draft.pk}/#id_contact_phone">Een telefoonnummer of e-mailadres' in html
    form = client.get(f"/organisatie/activiteiten/{draft.pk}/").content.decode()
    assert "Nodig voor publiceren" in form and 'id="id_contact_phone"' in form
    draft.refresh_from_db()
    assert draft.status == Activity.Status.DRAFT


def test_after_adding_a_phone_number_publishing_works(client, draft, people):
    client.force_login(people.member_a)
    Activity.objects.filter(pk=draft.pk).update(contact_phone="020 123 4567")
    preview = client.get(f"/organisatie/activiteiten/{draft.pk}/voorbeeld/").content.decode()
    assert "Nodig voor publiceren" not in preview
    response = client.post(f"/organisatie/activiteiten/{draft.pk}/status/", {"status": "published"}, follow=True)
    assert "“Buurtmaaltijd” staat nu op de website." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Activity.Status.PUBLISHED
