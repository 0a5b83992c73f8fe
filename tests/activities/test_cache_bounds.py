"""The catalogue's caches keep canonical addresses only, and every cache has a limit it keeps to."""

import json

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse

from activities import catalogue_cache, views
from activities.memory_cache import SizeBoundedLocMemCache
from tests.factories import ActivityFactory

LIST = reverse("activities:list")
EXPORT = reverse("activities:export")
CACHES = ("default", "exports", "local", "cards")

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def _empty_caches():
    for name in CACHES:
        caches[name].clear()
    yield
    for name in CACHES:
        caches[name].clear()


@pytest.fixture
def catalogue(_empty_caches):
    taalcafe = ActivityFactory(title="Taalcafé Noord", themes=["taal"], location__gebied_slug="oud-noord")
    ActivityFactory(title="Taalles Noord", themes=["taal"], location__gebied_slug="oud-noord")
    ActivityFactory(title="Wandelclub Zuid", themes=["sport"], location__gebied_slug="oud-zuid")
    return taalcafe


def rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), coalesce(sum(length(value)), 0) FROM {table}")
        return cursor.fetchone()


def cache_rows():
    return rows("portal_cache")[0] + rows("portal_export_cache")[0]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@committed
def test_junk_parameters_make_no_cache_rows(catalogue):
    client = Client()
    plain = client.get(LIST).content
    client.get(catalogue.get_absolute_url())
    export = body(client.get(EXPORT, {"gebied": "oud-noord"}))
    before = cache_rows()
    assert before > 0

    for n in range(25):
        assert client.get(LIST, {"utm_junk": n}).content == plain
        assert client.get(catalogue.get_absolute_url(), {"fbclid": n}).status_code == 200
        assert body(client.get(EXPORT, {"gebied": "oud-noord", "zz": n})) == export

    assert cache_rows() == before
    assert b"utm_junk" not in plain


@committed
def test_the_same_search_written_differently_is_one_entry(catalogue):
    client = Client()
    first = client.get(f"{LIST}?thema=taal&gebied=oud-noord&gratis=1&q=taal").content
    before = cache_rows()
    for query in [
        "gebied=oud-noord&thema=taal&gratis=on&q=taal",
        "q=++taal+&thema=taal&thema=taal&gebied=oud-noord&gratis=true",
        "gratis=1&gebied=oud-noord&thema=taal&q=taal&page=1",
    ]:
        assert client.get(f"{LIST}?{query}").content == first
    assert cache_rows() == before


@committed
def test_unknown_filter_values_and_pages_past_the_end_are_shown_not_kept(catalogue):
    client = Client()
    client.get(LIST)
    before = cache_rows()
    for n in range(10):
        response = client.get(LIST, {"thema": f"bestaat-niet-{n}"})
        assert response.status_code == 200 and "Taalcafé Noord" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
        assert client.get(LIST, {"page": 100 + n}).status_code == 200
    assert cache_rows() == before


@committed
def test_a_long_search_is_cut_to_one_canonical_entry(catalogue):
    client = Client()
    words = "taal " * 200
    first = client.get(LIST, {"q": words + "a"}).content.decode()
    before = cache_rows()
    assert client.get(LIST, {"q": words + "b"}).content.decode() == first
    assert "Taalcafé Noord" in first
    assert cache_rows() == before


@committed
def test_the_shared_cache_keeps_to_its_number_of_entries(catalogue, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "OPTIONS": {"MAX_ENTRIES": 20}},
    }
    client = Client()
    for n in range(60):
        assert client.get(LIST, {"q": f"taal{n}"}).status_code == 200
    # Django's database cache culls a third when it passes its limit.
    assert rows("portal_cache")[0] <= 21


@committed
def test_a_value_too_large_to_share_stays_in_this_process(catalogue, monkeypatch):
    monkeypatch.setattr(catalogue_cache, "SHARED_VALUE_BYTES", 1000)
    catalogue_cache.put("groot", "x" * 5000)
    catalogue_cache.put("klein", "x" * 10)
    assert caches["default"].get("groot") is None and caches["local"].get("groot") == "x" * 5000
    assert caches["default"].get("klein") == "x" * 10


@committed
def test_exports_have_their_own_bounded_table_and_large_ones_are_streamed(catalogue, settings, monkeypatch):
    settings.CACHES = {
        **settings.CACHES,
        "exports": {**settings.CACHES["exports"], "OPTIONS": {"MAX_ENTRIES": 3}},
    }
    client = Client()
    pages_before = rows("portal_cache")[0]
    for gebied in ["oud-noord", "oud-zuid", "westerpark", "oud-west-de-baarsjes", "noord-oost", "centrum-west"]:
        data = json.loads(body(client.get(EXPORT, {"gebied": gebied})))
        assert isinstance(data["activities"], list)
    assert rows("portal_export_cache")[0] <= 4
    assert rows("portal_cache")[0] == pages_before

    caches["exports"].clear()
    monkeypatch.setattr(views, "EXPORT_CACHE_CHARACTERS", 100)
    for _ in range(2):
        response = client.get(EXPORT)
        assert response.streaming and len(json.loads(body(response))["activities"]) == 3
    assert rows("portal_export_cache")[0] == 0


def test_process_memory_keeps_to_its_bytes_and_drops_the_least_recently_used():
    memory = SizeBoundedLocMemCache("test-bounded", {"OPTIONS": {"MAX_BYTES": 10_000, "MAX_ENTRIES": 1000}})
    memory.clear()
    for n in range(100):
        memory.set(f"page-{n}", "x" * 1000)
        memory.get("page-0")  # kept in use
    assert memory.held_bytes <= 10_000
    assert memory.get("page-0") is not None and memory.get("page-99") is not None
    assert memory.get("page-50") is None
    memory.set("too-large", "x" * 20_000)
    assert memory.get("too-large") is None and memory.held_bytes <= 10_000
    memory.delete("page-0")
    memory.clear()
    assert memory.held_bytes == 0


@pytest.mark.parametrize("name", ["local", "cards"])
def test_each_process_cache_has_a_byte_limit(name, settings):
    assert settings.CACHES[name]["OPTIONS"]["MAX_BYTES"] <= 64 * 1024 * 1024
    assert isinstance(caches[name], SizeBoundedLocMemCache)
