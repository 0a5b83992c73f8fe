"""Dutch search: accents, compounds, word forms and ranking, as a resident types them."""

import pytest

from activities.selectors import catalogue_search, listed_activities
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def titles(params):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.update(params)
    return [a.title for a in listed_activities(catalogue_search(query)["page"].object_list)]


@pytest.fixture
def catalogue():
    ActivityFactory(title="Taalcafé De Meeuw", summary="Oefen Nederlands met een taalmaatje.")
    ActivityFactory(title="Wandelclub Noord", summary="Samen een uur lopen door het park.")
    ActivityFactory(title="Formulierencafé", summary="Hulp bij brieven en toeslagen.")
    ActivityFactory(title="Koffieochtend", summary="Koffie en een praatje.", description="Ook voor wie wil wandelen.")
    ActivityFactory(title="Schuldhulp", summary="Hulp bij geldzaken.", status="draft")


def test_accent_insensitive(catalogue):
    assert "Taalcafé De Meeuw" in titles({"q": "cafe"})
    assert "Formulierencafé" in titles({"q": "CAFÉ"})


def test_prefix_of_compound(catalogue):
    assert titles({"q": "taal"}) == ["Taalcafé De Meeuw"]
    assert "Wandelclub Noord" in titles({"q": "wandel"})


def test_word_forms(catalogue):
    assert "Wandelclub Noord" in titles({"q": "wandelen"})


def test_title_matches_rank_first(catalogue):
    assert titles({"q": "wandelen"}) == ["Wandelclub Noord", "Koffieochtend"]


def test_all_words_must_match(catalogue):
    assert titles({"q": "taal meeuw"}) == ["Taalcafé De Meeuw"]
    assert titles({"q": "taal wandelen"}) == []


def test_typo_in_title_still_finds(catalogue):
    assert "Wandelclub Noord" in titles({"q": "wandelclb"})


def test_drafts_are_never_found(catalogue):
    assert titles({"q": "schuldhulp"}) == []


def test_empty_and_punctuation_queries_list_everything(catalogue):
    assert len(titles({"q": "  !!  "})) == 4
