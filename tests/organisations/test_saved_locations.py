"""An organisation enters a place once and picks it for its activities; online activities have none.

Changing a saved location is an explicit edit of that location (the page names the activities it
changes, the log records it); a location in use cannot be deleted; another organisation's
location can never be picked, not even with a forged form.
"""

import re

import pytest

from activities.models import Activity, Location
from activities.services import (
    ActivityData,
    LocationInUse,
    NotTheOrganisationsLocation,
    Place,
    activity_create,
    location_create,
    location_delete,
    location_update,
)
from audit.models import AuditEvent
from stadsdelen.models import Gebied
from tests.factories import ActivityFactory, LocationFactory
from tests.organisations.test_activity_forms import form_data

pytestmark = pytest.mark.django_db


def place(**changes):
    values = {
        "name": "Het Anker",
        "street": "Buikslotermeerplein 5",
        "postcode": "1025 XL",
        "gebied": Gebied.objects.get(slug="noord-oost"),
        "wheelchair_accessible": False,
    }
    values.update(changes)
    return Place(**values)


@pytest.fixture
def anker(people):
    """A saved location of Noord's organisation with two activities."""
    location = LocationFactory(organisation=people.org_a, name="Het Anker", street="Buikslotermeerplein 5")
    ActivityFactory(organisation=people.org_a, location=location, title="Koffieochtend", slug="koffie")
    ActivityFactory(organisation=people.org_a, location=location, title="Breiclub", slug="brei")
    return location


# Services ------------------------------------------------------------------------------------------


def test_a_created_location_belongs_to_the_organisation_and_is_logged(people):
    location = location_create(organisation=people.org_a, user=people.member_a, place=place())

    assert location.organisation == people.org_a
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, object_type="activities.Location")
    assert event.organisation_id == people.org_a.pk
    assert event.changes["after"]["street"] == "Buikslotermeerplein 5"


def test_an_edit_changes_every_activity_there_and_logs_the_accessibility_change(people, anker):
    location_update(
        location=anker, user=people.member_a, place=place(street="Buikslotermeerplein 7", wheelchair_accessible=True)
    )

    for activity in Activity.objects.filter(slug__in=["koffie", "brei"]):
        assert activity.location.street == "Buikslotermeerplein 7"
        assert activity.location.wheelchair_accessible is True
    event = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE, object_type="activities.Location")
    assert event.actor == people.member_a and event.organisation_id == people.org_a.pk
    assert event.changes["wheelchair_accessible"] == {"before": False, "after": True}
    assert event.changes["street"] == {"before": "Buikslotermeerplein 5", "after": "Buikslotermeerplein 7"}
    assert event.changes["activities"] == ["brei", "koffie"]
    assert "name" not in event.changes


def test_a_moved_location_forgets_its_old_coordinates(people, anker):
    assert anker.lat is not None
    location_update(location=anker, user=people.member_a, place=place(street="Ergens anders 1"))
    anker.refresh_from_db()
    assert (anker.lat, anker.lon) == (None, None)


def test_a_location_in_use_is_not_deleted(people, anker):
    with pytest.raises(LocationInUse) as refused:
        location_delete(location=anker, user=people.member_a)
    assert refused.value.count == 2
    assert Location.objects.filter(pk=anker.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DELETE).exists()


def test_an_unused_location_is_deleted_and_logged(people):
    unused = LocationFactory(organisation=people.org_a, name="Oude zaal")
    location_delete(location=unused, user=people.member_a)
    assert not Location.objects.filter(pk=unused.pk).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETE)
    assert event.object_id == str(unused.pk) and event.changes["before"]["name"] == "Oude zaal"


def activity_data(**changes):
    from activities.models import Bouwsteen

    values = {"title": "Digicafé", "summary": "Hulp met je telefoon.", "bouwsteen": Bouwsteen.objects.first()}
    values.update(changes)
    return ActivityData(**values)


def test_an_activity_takes_a_saved_location_of_its_own_organisation(people, anker):
    activity = activity_create(organisation=people.org_a, user=people.member_a, data=activity_data(location=anker))
    assert activity.location == anker
    assert Location.objects.filter(organisation=people.org_a).count() == 2  # anker and the fixture's own


def test_the_service_refuses_another_organisations_location(people):
    with pytest.raises(NotTheOrganisationsLocation):
        activity_create(
            organisation=people.org_a, user=people.member_a, data=activity_data(location=people.activity_b.location)
        )
    assert not Activity.objects.filter(title="Digicafé").exists()


def test_an_online_activity_has_no_place_and_keeps_its_link(people):
    activity = activity_create(
        organisation=people.org_a,
        user=people.member_a,
        data=activity_data(online=True, online_url="https://meet.jit.si/digicafe", place=place()),
    )
    assert (activity.online, activity.location, activity.online_url) == (True, None, "https://meet.jit.si/digicafe")
    assert [item.field for item in activity.missing_for_publication()] == ["contact_phone"]


def test_staff_of_every_stadsdeel_see_online_activities_and_other_organisations_do_not(people):
    online = activity_create(
        organisation=people.org_a, user=people.member_a, data=activity_data(online=True, place=place())
    )
    assert Activity.objects.visible_to(people.reviewer_zuid).filter(pk=online.pk).exists()
    assert Activity.objects.visible_to(people.reviewer_noord).filter(pk=online.pk).exists()
    assert not Activity.objects.visible_to(people.member_b).filter(pk=online.pk).exists()


def test_publishing_needs_a_place_or_online(people):
    activity = ActivityFactory(organisation=people.org_a, location=None, status=Activity.Status.DRAFT)
    assert [item.field for item in activity.missing_for_publication()] == ["place", "contact_phone"]
    activity.online = True
    activity.contact_email = "vraag@noord.example"
    assert activity.missing_for_publication() == []


# The pages ---------------------------------------------------------------------------------------


@pytest.fixture
def member(client, people):
    client.force_login(people.member_a)
    return people


def test_the_locations_page_lists_each_location_with_its_activities(client, member, anker):
    html = client.get(f"/organisatie/{member.org_a.pk}/locaties/").content.decode()
    assert "Het Anker" in html and "2 activiteiten op deze plek." in html
    assert f"/organisatie/locaties/{anker.pk}/verwijderen/" not in html  # in use: no delete link


def test_the_edit_page_says_which_activities_change_and_saves_for_all(client, member, anker):
    url = f"/organisatie/locaties/{anker.pk}/"
    html = client.get(url).content.decode()
    assert "Dit verandert ook 2 activiteiten:" in html
    assert html.index("Breiclub") < html.index("Koffieochtend")

    response = client.post(
        url,
        {
            "name": "Het Anker",
            "street": "Buikslotermeerplein 5",
            "postcode": "1025xl",
            "gebied": Gebied.objects.get(slug="noord-oost").pk,
            "wheelchair_accessible": "on",
        },
        follow=True,
    )

    assert "2 activiteiten tonen het nieuwe adres." in response.content.decode()
    anker.refresh_from_db()
    assert anker.wheelchair_accessible is True and anker.postcode == "1025 XL"


def test_a_bad_location_edit_keeps_what_was_typed(client, member, anker):
    response = client.post(f"/organisatie/locaties/{anker.pk}/", {"name": "Nieuwe naam", "postcode": "12"})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'class="error-summary"' in html and 'href="#id_street"' in html and 'href="#id_gebied"' in html
    assert 'value="Nieuwe naam"' in html
    anker.refresh_from_db()
    assert anker.name == "Het Anker"


def test_deleting_asks_first_and_refuses_a_location_in_use(client, member, anker):
    html = client.get(f"/organisatie/locaties/{anker.pk}/verwijderen/").content.decode()
    assert "kan niet weg" in html and "Koffieochtend" in html
    response = client.post(f"/organisatie/locaties/{anker.pk}/verwijderen/", follow=True)
    assert "niet verwijderd: er zijn nog activiteiten op deze plek" in response.content.decode()
    assert Location.objects.filter(pk=anker.pk).exists()


def test_an_unused_location_is_deleted_after_confirmation(client, member):
    unused = LocationFactory(organisation=member.org_a, name="Oude zaal")
    url = f"/organisatie/locaties/{unused.pk}/verwijderen/"
    assert "“Oude zaal” verwijderen?" in client.get(url).content.decode()
    assert Location.objects.filter(pk=unused.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Location.objects.filter(pk=unused.pk).exists()


def test_another_organisations_location_pages_are_not_found(client, member):
    other = member.activity_b.location
    assert client.get(f"/organisatie/locaties/{other.pk}/").status_code == 404
    assert client.post(f"/organisatie/locaties/{other.pk}/verwijderen/").status_code == 404
    assert client.get(f"/organisatie/{member.org_b.pk}/locaties/").status_code == 404
    assert Location.objects.filter(pk=other.pk).exists()


def test_the_activity_form_offers_only_the_organisations_own_locations(client, member, anker):
    html = client.get(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/").content.decode()
    assert f'value="{anker.pk}"' in html and "Het Anker, Buikslotermeerplein 5" in html
    assert f'value="{member.activity_b.location.pk}"' not in html
    assert 'value="nieuw"' in html and 'value="online"' in html


def test_picking_a_saved_location_makes_no_new_one(client, member, anker):
    before = Location.objects.count()
    response = client.post(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/", form_data(place=str(anker.pk)))
    assert response.status_code == 302
    assert Activity.objects.get(title="Wandelclub De Meeuw").location == anker
    assert Location.objects.count() == before


def test_a_forged_location_of_another_organisation_is_a_field_error(client, member):
    response = client.post(
        f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/", form_data(place=str(member.activity_b.location.pk))
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert '<a href="#id_place_0">Kies een plek uit de lijst.</a>' in html
    assert 'value="Wandelclub De Meeuw"' in html
    assert not Activity.objects.filter(title="Wandelclub De Meeuw").exists()


def test_a_new_place_is_typed_once_and_saved_to_the_organisations_locations(client, member):
    client.post(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/", form_data())
    location = Activity.objects.get(title="Wandelclub De Meeuw").location
    assert location.organisation == member.org_a
    html = client.get(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/").content.decode()
    assert f'value="{location.pk}"' in html


def test_a_new_place_without_its_address_says_what_is_missing(client, member):
    response = client.post(
        f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/",
        form_data(location_street="", location_gebied=""),
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert '<a href="#id_location_street">Vul de straat en het huisnummer van de nieuwe plek in.</a>' in html
    assert '<a href="#id_location_gebied">Kies het gebied van de nieuwe plek.</a>' in html


def test_the_gebied_list_is_grouped_by_stadsdeel(client, member):
    html = client.get(f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/").content.decode()
    assert '<optgroup label="Noord">' in html
    noord = html[html.index('<optgroup label="Noord">') :]
    assert noord.index("Oud-Noord") < noord.index("</optgroup>")


def test_an_online_activity_from_the_form(client, member):
    response = client.post(
        f"/organisatie/{member.org_a.pk}/activiteiten/nieuw/",
        form_data(place="online", online_url="meet.jit.si/wandelpraat", location_name="", location_gebied=""),
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Wandelclub De Meeuw")
    assert (activity.online, activity.location, activity.online_url) == (True, None, "https://meet.jit.si/wandelpraat")
    edit = client.get(f"/organisatie/activiteiten/{activity.pk}/").content.decode()
    assert re.search(r'<input type="radio" name="place" value="online"[^>]* checked>', edit)


def test_the_online_link_shows_to_residents_only_once_published(client, member):
    activity = ActivityFactory(
        organisation=member.org_a,
        title="Digicafé online",
        location=None,
        online=True,
        online_url="https://meet.jit.si/digicafe",
        contact_email="digi@noord.example",
        status=Activity.Status.DRAFT,
    )
    preview = client.get(f"/organisatie/activiteiten/{activity.pk}/voorbeeld/").content.decode()
    assert 'href="https://meet.jit.si/digicafe"' not in preview
    assert "zodra de activiteit gepubliceerd is" in preview
    client.post(f"/organisatie/activiteiten/{activity.pk}/status/", {"status": "published"})
    client.logout()
    page = client.get(f"/activiteiten/{activity.slug}/").content.decode()
    assert 'href="https://meet.jit.si/digicafe"' in page and "Online: je doet mee via internet" in page
    card = client.get("/activiteiten/?stadsdeel=online").content.decode()
    assert "Digicafé online" in card
    printed = client.get("/activiteiten/afdrukken/?stadsdeel=online").content.decode()
    assert "Online (https://meet.jit.si/digicafe)" in printed
