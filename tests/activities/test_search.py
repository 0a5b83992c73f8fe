"""Dutch search: accents, compounds, word forms, typos, synonyms, places and ranking, as a resident types them.

Runs on PostgreSQL and, through scripts/test, on SQLite: both must find the same.
"""

import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse

from activities.models import Synonym, ZeroResultQuery
from activities.selectors import catalogue_search, listed_activities
from activities.services import search_found_nothing
from tests.factories import ActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def search(params):
    query = QueryDict(mutable=True)
    query.update(params)
    return catalogue_search(query)


def titles(params):
    return [a.title for a in listed_activities(search(params)["page"].object_list)]


@pytest.fixture
def catalogue():
    """Compounds are split against the catalogue's own words: `cafe` and `groep` occur on their own."""
    ActivityFactory(title="Taalcafé De Meeuw", summary="Oefen Nederlands met een taalmaatje.")
    ActivityFactory(
        title="Wandelclub Zuidoost", summary="Samen een uur lopen door het park.", location__gebied_slug="gaasperdam"
    )
    ActivityFactory(title="Formulierencafé", summary="Hulp bij brieven en toeslagen.", free=False)
    ActivityFactory(title="Koffieochtend", summary="Koffie en een praatje.", description="Ook voor wie wil wandelen.")
    ActivityFactory(title="Schuldhulp", summary="Hulp bij geldzaken.", status="draft")
    ActivityFactory(title="Lotgenotengroep diabetes", summary="Een groep voor wie diabetes heeft.")
    ActivityFactory(title="Repair Café", summary="Breng je kapotte spullen mee.")
    ActivityFactory(title="Huiswerkbegeleiding", summary="Hulp bij huiswerk.", location__gebied_slug="oud-oost")


def test_accent_insensitive(catalogue):
    assert "Taalcafé De Meeuw" in titles({"q": "cafe"})
    assert titles({"q": "CAFÉ"})[0] == "Repair Café"
    assert "Formulierencafé" in titles({"q": "CAFÉ"})


def test_prefix_of_compound(catalogue):
    assert titles({"q": "taal"}) == ["Taalcafé De Meeuw"]
    assert "Wandelclub Zuidoost" in titles({"q": "wandel"})


def test_word_forms_widen_and_never_narrow(catalogue):
    assert "Wandelclub Zuidoost" in titles({"q": "wandelen"})
    # The stemmer cuts "ge" out of these (lotnoot, beleid); the words themselves still find them.
    assert titles({"q": "lotgenoten"}) == ["Lotgenotengroep diabetes"]
    assert titles({"q": "begeleiding"}) == ["Huiswerkbegeleiding"]


def test_words_match_at_their_start_not_inside_another_word(catalogue):
    assert "Wandelclub Zuidoost" not in titles({"q": "uidoo"})
    assert "Taalcafé De Meeuw" not in titles({"q": "aalc"})


def test_compounds_match_by_their_parts(catalogue):
    assert titles({"q": "wandelgroep"})[0] == "Wandelclub Zuidoost"
    assert titles({"q": "groep"}) == ["Lotgenotengroep diabetes"]
    assert "Huiswerkbegeleiding" in titles({"q": "huiswerk hulp"})


def test_title_matches_rank_first(catalogue):
    assert titles({"q": "wandelen"}) == ["Wandelclub Zuidoost", "Koffieochtend"]


def test_a_word_that_matches_nothing_lowers_the_score_instead_of_emptying_the_list(catalogue):
    assert titles({"q": "taalcafe voor mijn moeder"}) == ["Taalcafé De Meeuw"]
    assert titles({"q": "taal wandelen"})[:2] == ["Taalcafé De Meeuw", "Wandelclub Zuidoost"]
    assert titles({"q": "taal meeuw"})[0] == "Taalcafé De Meeuw"


def test_typo_is_corrected_against_the_catalogue(catalogue):
    assert titles({"q": "wandelclb"}) == ["Wandelclub Zuidoost"]
    assert titles({"q": "diabetis"}) == ["Lotgenotengroep diabetes"]
    result = search({"q": "formulerencafe"})
    assert [a.title for a in listed_activities(result["page"].object_list)] == ["Formulierencafé"]
    (correction,) = result["search"].corrections
    assert correction.typed == "formulerencafe" and correction.suggestions == ("formulierencafe",)
    assert correction.certain


def test_a_typo_of_a_word_only_the_synonyms_know_is_read_as_that_synonym(catalogue):
    ActivityFactory(title="Beweegclub voor ouderen", summary="Rustig bewegen.")
    result = search({"q": "seniorne"})  # no activity says "senioren"; the synonyms do
    assert [a.title for a in listed_activities(result["page"].object_list)] == ["Beweegclub voor ouderen"]
    (correction,) = result["search"].corrections
    assert (correction.typed, correction.suggestions) == ("seniorne", ("senioren",))


def test_a_compound_typed_apart_finds_the_compound(catalogue):
    ActivityFactory(title="Fotoclub", summary="Samen foto's maken.")
    for n in range(4):  # a common compound weighs less than a rare one that only shares its part
        ActivityFactory(title=f"Wandelclub {n}", summary="Lopen.")
    assert titles({"q": "wandel club"})[0].startswith("Wandelclub")
    assert titles({"q": "formulieren cafe"})[0] == "Formulierencafé"


def test_an_uncertain_correction_asks_bedoelde_je(client, catalogue):
    ActivityFactory(title="Kaartclub", summary="Samen kaarten.")
    ActivityFactory(title="Kaasclub", summary="Samen kaas proeven.")
    page = client.get(reverse("activities:list"), {"q": "kaatclub"}).content.decode()
    assert "Bedoelde je" in page and "kaartclub" in page and "kaasclub" in page


def test_synonyms_are_data(catalogue):
    assert "Taalcafé De Meeuw" in titles({"q": "taalles"})
    assert titles({"q": "suikerziekte"}) == ["Lotgenotengroep diabetes"]
    assert titles({"q": "bakkie"}) == []
    Synonym.objects.create(words="bakkie, koffie")
    assert titles({"q": "bakkie"}) == ["Koffieochtend"]


def test_gratis_is_a_filter(catalogue):
    result = search({"q": "gratis hulp"})
    found = [a.title for a in listed_activities(result["page"].object_list)]
    assert "Formulierencafé" not in found and "Huiswerkbegeleiding" in found
    assert result["search"].filters == ("gratis",)


def test_a_place_in_the_query_is_a_place(client, catalogue):
    result = search({"q": "wandelen zuidoost"})
    assert [a.title for a in listed_activities(result["page"].object_list)] == ["Wandelclub Zuidoost"]
    assert result["place"] == ("stadsdeel", "zuidoost", "Zuidoost")
    page = client.get(reverse("activities:list"), {"q": "wandelen zuidoost"}).content.decode()
    assert "We zoeken alleen in Zuidoost." in page
    assert "?q=wandelen" in page and "Zoek in heel Amsterdam" in page


def test_a_gebied_in_the_query_and_a_place_without_results(catalogue):
    assert titles({"q": "huiswerk oud-oost"}) == ["Huiswerkbegeleiding"]
    result = search({"q": "huiswerk zuidoost"})
    assert result["place_empty"] and [a.title for a in listed_activities(result["page"].object_list)] == [
        "Huiswerkbegeleiding"
    ]


def test_oost_is_a_place_and_never_finds_zuidoost(catalogue):
    assert titles({"q": "oost"}) == ["Huiswerkbegeleiding"]


def test_drafts_are_never_found(catalogue):
    assert "Schuldhulp" not in titles({"q": "schuldhulp"})


def test_empty_and_punctuation_queries_list_everything(catalogue):
    assert len(titles({"q": "  !!  "})) == 7


def test_a_search_that_finds_nothing_is_counted_without_who_or_where(client, catalogue):
    client.get(reverse("activities:list"), {"q": "Xylofoonles"})
    response = client.get(reverse("activities:list"), {"q": "xylofoonles"})
    client.get(reverse("activities:list"), {"q": "taal"})
    (row,) = ZeroResultQuery.objects.all()
    assert (row.query, row.count) == ("xylofoonles", 2)
    assert row.month == datetime.date.today().replace(day=1)
    assert "no-store" in response["Cache-Control"]
    assert [field.name for field in ZeroResultQuery._meta.get_fields()] == ["id", "query", "month", "count"]


def test_counts_are_per_month():
    search_found_nothing(words="schaakles", today=datetime.date(2026, 10, 31))
    search_found_nothing(words="schaakles", today=datetime.date(2026, 11, 1))
    assert sorted(ZeroResultQuery.objects.values_list("month", "count")) == [
        (datetime.date(2026, 10, 1), 1),
        (datetime.date(2026, 11, 1), 1),
    ]
