"""A search that says when ("koffie vanmiddag") ticks the when-filters instead of searching for the word."""

import re

import pytest
from django.urls import reverse

from activities.search import when_words
from tests.factories import ActivityFactory

LIST = reverse("activities:list")


@pytest.mark.parametrize(
    ("query", "rest", "ticks"),
    [
        ("koffie vanmiddag", "koffie", [("wanneer", "vandaag"), ("dagdeel", "middag")]),
        ("Ouderen in Noord vanavond", "Ouderen in Noord", [("wanneer", "vandaag"), ("dagdeel", "avond")]),
        ("taalcafé deze week", "taalcafé", [("wanneer", "week")]),
        ("schaken in het weekend", "schaken", [("wanneer", "weekend")]),
        ("’s avonds koken", "koken", [("dagdeel", "avond")]),
        ("breien op dinsdagochtend", "breien", [("dag", "di"), ("dagdeel", "ochtend")]),
        ("zaterdags voetbal", "voetbal", [("dag", "za")]),
        ("VANDAAG!", "", [("wanneer", "vandaag")]),
        # Part of another word, or a word that means two things ("morgen"), is searched as it is.
        ("avondeten", "avondeten", []),
        ("morgen", "morgen", []),
        ("weekendkamp in de pijp", "weekendkamp in de pijp", []),
    ],
)
def test_words_that_say_when(query, rest, ticks):
    assert when_words(query) == (rest, ticks)


@pytest.mark.django_db
def test_a_search_that_says_when_ticks_those_filters(client):
    ActivityFactory(
        title="Koffieochtend", schedule=[(day, "10:00", "12:00") for day in ["ma", "di", "wo", "do", "vr", "za", "zo"]]
    )

    response = client.get(LIST, {"q": "koffie vanochtend", "gratis": "1", "page": "2"})

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?q=koffie&gratis=1&wanneer=vandaag&dagdeel=ochtend"
    page = client.get(response["Location"]).content.decode()
    assert "Koffieochtend" in page
    assert re.search(r'id="f-wanneer-vandaag"[^>]*checked', page)
    assert re.search(r'id="f-dagdeel-ochtend"[^>]*checked', page)


@pytest.mark.django_db
def test_with_htmx_the_results_follow_and_the_address_shows_the_filters(client):
    ActivityFactory(
        title="Taalcafé", schedule=[(day, "19:00", "21:00") for day in ["ma", "di", "wo", "do", "vr", "za", "zo"]]
    )
    ActivityFactory(title="Taalles overdag", schedule=[("di", "10:00", "12:00")])

    response = client.get(LIST, {"q": "taal vanavond"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Push-Url"] == f"{LIST}?q=taal&wanneer=vandaag&dagdeel=avond"
    assert "Taalcafé" in response.content.decode() and "Taalles overdag" not in response.content.decode()


@pytest.mark.django_db
def test_a_filter_already_ticked_is_not_doubled(client):
    response = client.get(LIST, {"q": "vandaag", "wanneer": "vandaag"})
    assert response["Location"] == f"{LIST}?q=&wanneer=vandaag"
