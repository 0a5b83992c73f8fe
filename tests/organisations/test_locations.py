"""An organisation's activity form never changes a location another organisation relies on."""

import pytest

from activities.models import Activity, Location
from audit.models import AuditEvent
from tests.organisations.test_activity_forms import form_data

pytestmark = pytest.mark.django_db


def noord_place(people):
    """The place Noord's published activity uses, as another organisation would type it."""
    location = people.activity_a.location
    return {
        "location_name": location.name,
        "location_street": location.street,
        "location_postcode": location.postcode,
        "location_gebied": location.gebied_id,
    }


def test_another_organisation_cannot_flip_a_shared_wheelchair_flag(client, people):
    assert people.activity_a.location.wheelchair_accessible is False
    client.force_login(people.member_b)

    response = client.post(
        f"/organisatie/{people.org_b.pk}/activiteiten/nieuw/",
        form_data(**noord_place(people), location_wheelchair_accessible="on"),
    )

    assert response.status_code == 302
    people.activity_a.location.refresh_from_db()
    assert people.activity_a.location.wheelchair_accessible is False
    created = Activity.objects.get(title="Wandelclub De Meeuw")
    assert created.location != people.activity_a.location
    assert created.location.organisation == people.org_b
    assert not AuditEvent.objects.filter(organisation_id=people.org_a.pk, action=AuditEvent.Action.CREATE).exists()


def test_editing_one_activity_leaves_its_colleagues_location_alone(client, people):
    """Two activities of one organisation at one place: ticking wheelchair access on one changes only that one."""
    client.force_login(people.member_a)
    sibling = Activity.objects.get(pk=people.activity_a.pk)
    sibling.pk, sibling.slug, sibling.title = None, "tweede", "Tweede activiteit"
    sibling.save()
    shared = people.activity_a.location

    response = client.post(
        f"/organisatie/activiteiten/{people.activity_a.pk}/",
        form_data(**noord_place(people), location_wheelchair_accessible="on", version="1"),
    )

    assert response.status_code == 302
    shared.refresh_from_db()
    assert shared.wheelchair_accessible is False
    assert Activity.objects.get(pk=sibling.pk).location == shared
    assert Activity.objects.get(pk=people.activity_a.pk).location.wheelchair_accessible is True


def test_two_identical_locations_do_not_break_the_form(client, people):
    client.force_login(people.member_a)
    location = people.activity_a.location
    location.pk = None
    location.save()  # the same place twice, as the admin allows

    response = client.post(
        f"/organisatie/activiteiten/{people.activity_a.pk}/", form_data(**noord_place(people), version="1")
    )

    assert response.status_code == 302
    assert Location.objects.filter(name=location.name).count() == 2
