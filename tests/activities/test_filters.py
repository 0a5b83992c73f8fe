"""Each catalogue filter, their combinations and the counts per option."""

import pytest
from django.http import QueryDict

from activities.selectors import catalogue_search, listed_activities
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def search(query_string):
    return catalogue_search(QueryDict(query_string))


def titles(query_string):
    return sorted(a.title for a in listed_activities(search(query_string)["page"].object_list))


@pytest.fixture
def catalogue():
    ActivityFactory(
        title="Taalcafé Noord",
        location__gebied_slug="oud-noord",
        location__wheelchair_accessible=True,
        bouwsteen_slug="zelfredzaamheid",
        themes=["taal", "ontmoeting"],
        doelgroepen=["nieuwkomers"],
        schedule=[("di", "10:00", "12:00")],
    )
    ActivityFactory(
        title="Wandelclub Noord-Oost",
        location__gebied_slug="noord-oost",
        bouwsteen_slug="verbondenheid",
        themes=["gezondheid-en-bewegen"],
        doelgroepen=["ouderen"],
        schedule=[("di", "14:00", "15:00"), ("do", "14:00", "15:00")],
        volunteers_wanted="Een wandelleider.",
    )
    ActivityFactory(
        title="Buurtkoor Zuid",
        location__gebied_slug="de-pijp-rivierenbuurt",
        bouwsteen_slug="verbondenheid",
        themes=["kunst-en-cultuur", "ontmoeting"],
        doelgroepen=["ouderen", "alle-amsterdammers"],
        schedule=[("ma", "19:30", "21:30")],
        free=False,
        cost="€ 5 per maand",
    )
    ActivityFactory(
        title="Schuldhulp op afspraak",
        location__gebied_slug="oud-noord",
        bouwsteen_slug="zelfredzaamheid",
        themes=["geldzaken-en-schulden"],
        doelgroepen=["mensen-met-weinig-geld"],
    )
    ActivityFactory(title="Archief", status="archived", location__gebied_slug="oud-noord", themes=["taal"])


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        ("", ["Buurtkoor Zuid", "Schuldhulp op afspraak", "Taalcafé Noord", "Wandelclub Noord-Oost"]),
        ("stadsdeel=noord", ["Schuldhulp op afspraak", "Taalcafé Noord", "Wandelclub Noord-Oost"]),
        ("stadsdeel=zuid", ["Buurtkoor Zuid"]),
        (
            "stadsdeel=zuid&stadsdeel=noord",
            ["Buurtkoor Zuid", "Schuldhulp op afspraak", "Taalcafé Noord", "Wandelclub Noord-Oost"],
        ),
        ("gebied=oud-noord", ["Schuldhulp op afspraak", "Taalcafé Noord"]),
        ("bouwsteen=verbondenheid", ["Buurtkoor Zuid", "Wandelclub Noord-Oost"]),
        ("thema=ontmoeting", ["Buurtkoor Zuid", "Taalcafé Noord"]),
        ("thema=taal&thema=gezondheid-en-bewegen", ["Taalcafé Noord", "Wandelclub Noord-Oost"]),
        ("doelgroep=ouderen", ["Buurtkoor Zuid", "Wandelclub Noord-Oost"]),
        ("dag=di", ["Taalcafé Noord", "Wandelclub Noord-Oost"]),
        ("dag=ma&dag=do", ["Buurtkoor Zuid", "Wandelclub Noord-Oost"]),
        ("gratis=1", ["Schuldhulp op afspraak", "Taalcafé Noord", "Wandelclub Noord-Oost"]),
        ("toegankelijk=1", ["Taalcafé Noord"]),
        ("vrijwilligers=1", ["Wandelclub Noord-Oost"]),
        # Combinations narrow: AND between filters, OR within one.
        ("stadsdeel=noord&thema=ontmoeting", ["Taalcafé Noord"]),
        ("stadsdeel=noord&dag=di&doelgroep=ouderen", ["Wandelclub Noord-Oost"]),
        ("thema=ontmoeting&gratis=1&dag=di", ["Taalcafé Noord"]),
        ("q=koor&stadsdeel=noord", []),
        ("q=wandel&stadsdeel=noord&vrijwilligers=1", ["Wandelclub Noord-Oost"]),
    ],
)
def test_filters(catalogue, query_string, expected):
    assert titles(query_string) == expected


def test_a_multi_valued_filter_never_duplicates(catalogue):
    # Taalcafé has both themes, Wandelclub both days: each is listed once.
    assert search("thema=taal&thema=ontmoeting")["page"].paginator.count == 2
    assert search("dag=di&dag=do")["page"].paginator.count == 2


def test_counts_per_option_ignore_their_own_facet(catalogue):
    counts = search("stadsdeel=noord&thema=taal")["counts"]
    # Theme counts are within Noord, whatever theme is ticked.
    assert counts["thema"]["taal"] == 1
    assert counts["thema"]["gezondheid-en-bewegen"] == 1
    assert "kunst-en-cultuur" not in counts["thema"]
    # Stadsdeel counts are within the ticked theme, whatever stadsdeel is ticked.
    assert counts["stadsdeel"] == {"noord": 1}
    assert counts["gratis"] == {"1": 1}


def test_unknown_values_are_reported_and_ignored(catalogue):
    result = search("thema=bestaat-niet&stadsdeel=noord")
    assert "thema" in result["errors"]
    assert result["page"].paginator.count == 3


def test_invalid_day_is_reported(catalogue):
    result = search("dag=maandag")
    assert "dag" in result["errors"]


def sql_titles(query_string):
    from activities.filters import ActivityFilter
    from activities.selectors import published_activities

    queryset = ActivityFilter(QueryDict(query_string), queryset=published_activities()).qs
    return sorted(queryset.values_list("title", flat=True))


def test_activities_for_everyone_count_for_every_doelgroep(catalogue):
    ActivityFactory(title="Open inloop", location__gebied_slug="noord-oost", doelgroepen=["alle-amsterdammers"])
    ActivityFactory(title="Jongerenavond", location__gebied_slug="noord-oost", doelgroepen=["jongeren"])
    for_older_people = ["Buurtkoor Zuid", "Open inloop", "Wandelclub Noord-Oost"]
    # The page (in-memory index) and the open data (django-filter) agree.
    assert titles("doelgroep=ouderen") == sql_titles("doelgroep=ouderen") == for_older_people
    assert titles("doelgroep=ouderen&stadsdeel=noord") == ["Open inloop", "Wandelclub Noord-Oost"]
    assert (
        titles("doelgroep=jongeren")
        == sql_titles("doelgroep=jongeren")
        == ["Buurtkoor Zuid", "Jongerenavond", "Open inloop"]
    )
    # Only the activities for everyone: nobody else's doelgroep counts for them.
    assert titles("doelgroep=alle-amsterdammers") == ["Buurtkoor Zuid", "Open inloop"]
    counts = search("stadsdeel=noord")["counts"]["doelgroep"]
    assert counts["ouderen"] == 2
    assert counts["jongeren"] == 2
    # A doelgroep without activities of its own still finds the ones for everyone.
    assert counts["lhbtiq"] == 1
