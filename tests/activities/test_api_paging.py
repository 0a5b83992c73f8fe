"""The open-data API (/api/activiteiten.json): a page at a time with its count, paging links and
licence; every page is still an exchange document that imports."""

import json

import pytest
from django.urls import reverse

from activities import views
from activities.exchange import import_catalogue, parse
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
URL = reverse("activities:export")


def get(client, **params):
    response = client.get(URL, params)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, json.loads(body)


@pytest.fixture
def five():
    for n in range(5):
        ActivityFactory(slug=f"activiteit-{n}", title=f"Activiteit {n}", location__gebied_slug="oud-noord")
    ActivityFactory(slug="in-zuid", title="In Zuid", location__gebied_slug="oud-zuid")


def test_pages_follow_each_other_with_count_and_links(client, five):
    _response, first = get(client, stadsdeel="noord", page_size="2")
    assert first["count"] == 5
    assert [a["id"] for a in first["activities"]] == ["activiteit-0", "activiteit-1"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/activiteiten.json?stadsdeel=noord&page=2&page_size=2"
    _response, second = get(client, stadsdeel="noord", page="2", page_size="2")
    assert [a["id"] for a in second["activities"]] == ["activiteit-2", "activiteit-3"]
    assert second["previous"] == "http://testserver/api/activiteiten.json?stadsdeel=noord&page_size=2"
    _response, last = get(client, stadsdeel="noord", page="3", page_size="2")
    assert [a["id"] for a in last["activities"]] == ["activiteit-4"]
    assert last["next"] is None


def test_without_paging_the_answer_is_the_whole_catalogue(client, five, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_PAGE_SIZE", 4)
    _response, data = get(client)
    assert data["count"] == 6 and len(data["activities"]) == 6
    assert data["next"] is None and data["previous"] is None


def test_asking_for_a_page_gives_pages_of_the_default_size(client, five, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_PAGE_SIZE", 4)
    _response, data = get(client, page="1")
    assert data["count"] == 6 and len(data["activities"]) == 4
    assert data["next"] == "http://testserver/api/activiteiten.json?page=2&page_size=4"


def test_every_answer_names_its_licence(client, five):
    _response, data = get(client, gebied="oud-zuid")
    assert data["licence"] == {
        "name": "CC0 1.0 Universeel (Publiek Domein)",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
    }


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": "1001"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "veel"}, "page_size"),
        ({"page": "-1"}, "page"),
    ],
)
def test_a_page_size_beyond_the_maximum_or_a_wrong_page_is_refused(client, five, params, field):
    response, data = get(client, **params)
    assert response.status_code == 400
    assert list(data["errors"]) == [field]


def test_a_page_past_the_end_is_not_found(client, five):
    response, data = get(client, page="3", page_size="5")
    assert response.status_code == 404
    assert data["errors"]["page"] == ["Er zijn maar 2 pagina's."]


def test_a_page_imports_again_unchanged(client, five):
    _response, page = get(client, page="2", page_size="3")
    result = import_catalogue(payload=parse(json.dumps(page)))
    assert (result.created, result.updated) == (0, 3)


def test_head_answers_like_get(client, five):
    head = client.head(URL, {"page_size": "2"})
    assert head.status_code == 200
    assert head["Content-Type"] == "application/json; charset=utf-8"
    body = b"".join(head.streaming_content) if head.streaming else head.content
    assert body == b""
