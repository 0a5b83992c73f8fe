"""Load balancers and link checkers ask with HEAD: the public pages answer it as they answer GET."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import ActivityFactory

PAGES = [
    "/activiteiten/",
    "/activiteiten/?q=taal",
    "/activiteiten/afdrukken/",
    "/activiteiten/meeuw-taalcafe/",
    "/activiteiten/meeuw-taalcafe.ics",
    "/api/activiteiten.json",
]


@pytest.fixture
def taalcafe():
    return ActivityFactory(slug="meeuw-taalcafe", title="Taalcafé De Meeuw", schedule=[("di", "10:00", "12:00")])


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_head_answers_like_get_without_a_body(client, taalcafe, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    body = b"".join(head.streaming_content) if head.streaming else head.content
    assert body == b""


@pytest.mark.django_db
def test_head_of_a_page_that_does_not_exist_is_a_404(client):
    assert client.head("/activiteiten/bestaat-niet/").status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_head_request_leaves_no_empty_page_in_the_cache(taalcafe):
    for name in ("default", "local", "cards"):
        caches[name].clear()
    for url in ("/activiteiten/?q=taal", "/activiteiten/meeuw-taalcafe/"):
        assert Client().head(url).status_code == 200
        assert "Taalcafé De Meeuw" in Client().get(url).content.decode()
