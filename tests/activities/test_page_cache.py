"""Public catalogue pages and open-data exports come from the cache, and are never stale or someone else's."""

import gzip
import json

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from activities import catalogue_cache, views
from activities.models import Activity, Location, ScheduleSlot, Theme
from organisations.models import Organisation
from tests.factories import ActivityFactory

LIST = reverse("activities:list")

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _empty_caches():
    for name in ("default", "exports", "local", "cards"):
        caches[name].clear()
    yield
    for name in ("default", "exports", "local", "cards"):
        caches[name].clear()


@committed
def test_a_repeated_visit_is_served_from_the_cache(django_assert_num_queries):
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    client = Client()
    first = client.get(LIST, {"q": "taal"})
    with django_assert_num_queries(1):  # the catalogue's version
        second = client.get(LIST, {"q": "taal"})
    assert second.content == first.content
    assert "Taalcafé Noord" in second.content.decode()
    assert "Cookie" in second["Vary"] and "HX-Request" in second["Vary"]
    assert "Content-Security-Policy" in second


@committed
def test_a_page_rendered_by_one_app_server_serves_the_others(django_assert_num_queries):
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    first = Client().get(LIST, {"q": "taal"})
    caches["local"].clear()  # as in another process: only the shared cache (PostgreSQL) has it
    with django_assert_num_queries(2):  # the catalogue's version, the page from the shared cache
        second = Client().get(LIST, {"q": "taal"})
    assert second.content == first.content


@committed
def test_a_committed_change_shows_at_once():
    activity = ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    client = Client()
    assert "Taalcafé Noord" in client.get(LIST, {"q": "taal"}).content.decode()
    assert "Taalcafé Noord" in client.get(activity.get_absolute_url()).content.decode()

    Activity.objects.filter(pk=activity.pk).update(title="Taalcafé De Banne", summary="Nu op dinsdag.")

    html = client.get(LIST, {"q": "taal"}).content.decode()
    assert "Taalcafé De Banne" in html and "Nu op dinsdag." in html
    assert "Taalcafé De Banne" in client.get(activity.get_absolute_url()).content.decode()
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.ARCHIVED)
    assert client.get(activity.get_absolute_url()).status_code == 404


@committed
def test_the_htmx_fragment_and_the_whole_page_are_kept_apart():
    ActivityFactory(title="Wandelclub", themes=["gezondheid-en-bewegen"])
    client = Client()
    page = client.get(LIST, {"q": "wandel"}).content.decode()
    fragment = client.get(LIST, {"q": "wandel"}, headers={"HX-Request": "true"}).content.decode()
    again = client.get(LIST, {"q": "wandel"}).content.decode()
    assert "<html" in page and "<html" in again
    assert "<html" not in fragment and "Wandelclub" in fragment


@committed
def test_a_logged_in_user_never_gets_a_visitors_page(django_user_model):
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    Client().get(LIST)
    user = django_user_model.objects.create_user("bewoner@example.org", "een-lang-wachtwoord-2026")
    client = Client()
    client.force_login(user)
    assert "Uitloggen" in client.get(LIST).content.decode()
    assert "Uitloggen" not in Client().get(LIST).content.decode()


@committed
def test_a_visitor_still_sees_their_message_on_a_cached_page():
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    client = Client(enforce_csrf_checks=True)
    client.get(LIST, {"q": "taal"})
    response = client.post(reverse("activities:feedback"), {"found": "ja", "next": f"{LIST}?q=taal"}, follow=True)
    assert "Dank je wel" in response.content.decode()
    assert "Dank je wel" not in Client().get(LIST, {"q": "taal"}).content.decode()


@committed
def test_pages_are_cached_per_host(settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    activity = ActivityFactory(title="Taalcafé Noord")
    client = Client()
    client.get(activity.get_absolute_url(), HTTP_HOST="a.example")
    html = client.get(activity.get_absolute_url(), HTTP_HOST="b.example").content.decode()
    assert "//b.example/" in html and "//a.example/" not in html


def export(client, query=""):
    response = client.get(reverse("activities:export") + query)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, json.loads(body)


@committed
def test_an_export_of_a_gebied_is_kept_until_the_catalogue_changes():
    activity = ActivityFactory(title="Taalcafé Noord", location__gebied_slug="oud-noord")
    client = Client()
    first, data = export(client, "?gebied=oud-noord")
    assert first.streaming and [a["title"] for a in data["activities"]] == ["Taalcafé Noord"]
    second, again = export(client, "?gebied=oud-noord")
    assert not second.streaming and again == data
    assert second["Access-Control-Allow-Origin"] == "*"

    Activity.objects.filter(pk=activity.pk).update(title="Taalcafé De Banne")
    _response, changed = export(client, "?gebied=oud-noord")
    assert [a["title"] for a in changed["activities"]] == ["Taalcafé De Banne"]


@committed
def test_a_large_export_is_always_streamed(monkeypatch):
    ActivityFactory.create_batch(3)
    monkeypatch.setattr(views, "EXPORT_CACHE_CHARACTERS", 100)
    client = Client()
    export(client)
    response, data = export(client)
    assert response.streaming and len(data["activities"]) == 3


@committed
def test_a_browser_that_accepts_gzip_gets_the_kept_page_compressed(django_assert_num_queries):
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    plain = Client().get(LIST, {"q": "taal"})
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    with django_assert_num_queries(1):  # the catalogue's version; compressed once, when it was kept
        compressed = Client().get(LIST, {"q": "taal"}, headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


@committed
def test_a_logged_in_member_gets_the_page_as_it_is():
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    client = Client()
    client.force_login(User.objects.create_user(email="lid@example.org", password="x"))
    response = client.get(LIST, {"q": "taal"}, headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in response
    assert "Taalcafé Noord" in response.content.decode()


# An activity's page is kept until that activity changes (migration 0021), not at every change.


@committed
def test_an_activitys_page_is_kept_while_other_activities_change(django_assert_num_queries):
    kept = ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    other = ActivityFactory(title="Wandelclub Zuid", location__gebied_slug="oud-zuid")
    first = Client().get(kept.get_absolute_url())

    Activity.objects.filter(pk=other.pk).update(title="Wandelclub De Pijp")
    Activity.objects.filter(pk=other.pk).update(status=Activity.Status.ARCHIVED)
    with django_assert_num_queries(2):  # the catalogue's version, the activity's last change
        again = Client().get(kept.get_absolute_url())
    assert again.content == first.content


@committed
def test_an_activitys_page_follows_everything_it_shows():
    activity = ActivityFactory(
        title="Taalcafé Noord", themes=["taal"], schedule=[("di", "10:00", "12:00")], organisation__name="Buurthuis"
    )
    url = activity.get_absolute_url()

    def page():
        return Client().get(url).content.decode()

    assert "Buurthuis" in page()
    Organisation.objects.filter(pk=activity.organisation_id).update(name="Buurtcentrum De Meeuw")
    assert "Buurtcentrum De Meeuw" in page()
    Location.objects.filter(pk=activity.location_id).update(name="Het Klaslokaal")
    assert "Het Klaslokaal" in page()
    ScheduleSlot.objects.filter(activity=activity).update(day=3)  # Thursday
    assert "donderdag" in page().lower()
    Theme.objects.filter(slug="taal").update(name="Taal en lezen")
    assert "Taal en lezen" in page()
    Activity.objects.filter(pk=activity.pk).update(summary="Nu ook op zaterdag.")
    assert "Nu ook op zaterdag." in page()
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DRAFT)
    assert Client().get(url).status_code == 404


# A deploy never serves the pages of the release before it (their wording, their static files' names).


@pytest.fixture
def release(settings):
    def set_release(name):
        settings.RELEASE = name
        catalogue_cache.release.cache_clear()

    yield set_release
    settings.RELEASE = ""
    catalogue_cache.release.cache_clear()


@committed
def test_a_new_release_makes_its_own_pages(release):
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    release("2026.11.1")
    Client().get(LIST, {"q": "taal"})
    caches["local"].clear()  # the new release's processes start empty; the shared cache does not
    release("2026.11.2")
    with CaptureQueriesContext(connection) as queries:
        Client().get(LIST, {"q": "taal"})
    assert len(queries) > 2  # not the version and the page from the shared cache: made anew


@pytest.mark.django_db
def test_without_a_release_name_the_code_names_it(release, tmp_path, monkeypatch, settings):
    template = tmp_path / "page.html"
    template.write_text("<p>Welkom</p>")
    settings.BASE_DIR = tmp_path
    monkeypatch.setattr(catalogue_cache, "_release_files", lambda: iter([template]))
    release("")
    before = catalogue_cache.release()
    template.write_text("<p>Welkom in de buurt</p>")
    catalogue_cache.release.cache_clear()
    assert catalogue_cache.release() != before
