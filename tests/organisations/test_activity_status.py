"""Nothing is lost by one click: archiving waits for a confirmation, and every status change says how to undo it."""

import pytest

from activities.models import Activity
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, people):
    client.force_login(people.member_a)
    return people


def status_url(activity):
    return f"/organisatie/activiteiten/{activity.pk}/status/"


def test_the_archive_button_leads_to_a_confirmation_page_that_changes_nothing(client, member):
    home = client.get(f"/organisatie/{member.org_a.pk}/").content.decode()
    assert f'href="{status_url(member.activity_a)}?naar=archived"' in home
    page = client.get(status_url(member.activity_a), {"naar": "archived"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "“Taalcafé Noord” archiveren?" in html
    assert 'name="bevestigd"' in html and "Nee, niets veranderen" in html
    member.activity_a.refresh_from_db()
    assert member.activity_a.status == Activity.Status.PUBLISHED


def test_with_htmx_the_question_comes_alone_for_the_dialog_whose_no_closes_it(client, member):
    page = client.get(status_url(member.activity_a), {"naar": "archived"}, headers={"HX-Request": "true"})
    html = page.content.decode()
    assert "<html" not in html
    assert "“Taalcafé Noord” archiveren?</h1>" in html and 'id="bevestigen-vraag"' in html
    assert 'name="bevestigd"' in html
    assert 'formmethod="dialog"' in html and "Nee, niets veranderen</button>" in html
    member.activity_a.refresh_from_db()
    assert member.activity_a.status == Activity.Status.PUBLISHED


def test_an_archive_post_without_the_confirmation_only_asks(client, member):
    response = client.post(status_url(member.activity_a), {"status": "archived"})
    assert response.status_code == 200
    assert "archiveren?" in response.content.decode()
    member.activity_a.refresh_from_db()
    assert member.activity_a.status == Activity.Status.PUBLISHED
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ARCHIVE).exists()


def test_archiving_says_what_happened_and_links_to_putting_it_back(client, member):
    activity = member.activity_a
    response = client.post(status_url(activity), {"status": "archived", "bevestigd": "1"}, follow=True)
    html = response.content.decode()
    assert "“Taalcafé Noord” is gearchiveerd en staat niet meer op de website." in html
    assert f'<a href="{status_url(activity)}?naar=draft">Terugzetten als concept</a>' in html
    archived = client.get(f"/organisatie/{member.org_a.pk}/", {"status": "archived"}).content.decode()
    assert "Taalcafé Noord" in archived and "Terugzetten als concept" in archived
    response = client.post(status_url(activity), {"status": "draft"}, follow=True)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.DRAFT
    html = response.content.decode()
    assert "is teruggezet als concept" in html
    assert f'href="{status_url(activity)}?naar=archived">Ongedaan maken: weer archiveren</a>' in html


def test_publishing_and_taking_offline_each_offer_the_way_back(client, member):
    activity = member.activity_a
    Activity.objects.filter(pk=activity.pk).update(contact_email="taal@noord.example")
    html = client.post(status_url(activity), {"status": "draft"}, follow=True).content.decode()
    assert f'href="{status_url(activity)}?naar=published">Ongedaan maken: weer publiceren</a>' in html
    html = client.post(status_url(activity), {"status": "published"}, follow=True).content.decode()
    assert f'href="{status_url(activity)}?naar=draft">Ongedaan maken: terug naar concept</a>' in html


def test_a_change_that_is_not_allowed_says_so_and_changes_nothing(client, member):
    activity = member.activity_a
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.ARCHIVED)
    response = client.get(status_url(activity), {"naar": "published"}, follow=True)
    assert "Dat kan niet (meer) met deze activiteit" in response.content.decode()
    response = client.post(status_url(activity), {"status": "bestaat-niet"}, follow=True)
    assert "Dat kan niet (meer) met deze activiteit" in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.ARCHIVED


def test_another_organisation_cannot_see_the_confirmation_page(client, people):
    client.force_login(people.member_b)
    assert client.get(status_url(people.activity_a), {"naar": "archived"}).status_code == 404
