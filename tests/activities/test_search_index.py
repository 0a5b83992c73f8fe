"""The in-memory search index (activities.search_index) after changes: updated from the changed
activities alone, it finds exactly what an index built from scratch finds."""

import datetime

import pytest

from activities import search
from activities.catalogue_cache import catalogue_version
from activities.models import Activity
from activities.search import find, normalize
from activities.search_index import SearchIndex, search_index
from activities.selectors import ranked_matches
from tests.activities.test_index import committed, make_catalogue
from tests.factories import ActivityFactory


def queries():
    """Every word of every activity (drafts and archived ones too), its beginning, and a typo of it."""
    words = set()
    for title, summary in Activity.objects.values_list("title", "summary"):
        words.update(normalize(f"{title} {summary}").split())
    typed = set()
    for word in words:
        typed.update([word, word[:4], word[1:] + word[0]])
    return [*sorted(typed), "koffie noord", "taalcafe de pijp", "wandelen voor mijn vader", "gratis schaken"]


def assert_same_answers(index):
    built = SearchIndex.build()
    assert index.size == built.size
    for query in queries():
        assert find(query, index) == find(query, built), query


def change_catalogue():
    """Every kind of change: unpublish, publish, a new word, a word that leaves, checked today."""
    published = list(Activity.objects.published().order_by("pk"))
    draft = Activity.objects.filter(status=Activity.Status.DRAFT).first()
    Activity.objects.filter(pk=published[0].pk).update(status=Activity.Status.ARCHIVED)
    Activity.objects.filter(pk=draft.pk).update(status=Activity.Status.PUBLISHED)
    renamed = published[1]
    renamed.title = "Sjoelcompetitie Noord"
    renamed.save()
    renamed.refresh_search_text()
    Activity.objects.filter(pk=published[2].pk).update(last_verified=datetime.date(2026, 11, 27))
    return renamed


@committed
def test_after_changes_the_updated_index_finds_what_a_new_one_finds(django_assert_max_num_queries):
    make_catalogue(count=40)
    first = search_index(catalogue_version())
    renamed = change_catalogue()

    version = catalogue_version()
    with django_assert_max_num_queries(2):  # the changes, the changed activities
        updated = search_index(version)
    assert updated is not first
    assert_same_answers(updated)
    assert find("sjoelcompetitie", updated).ids == (renamed.pk,)
    # The earlier index is untouched, for a request that still holds it.
    assert find("sjoelcompetitie", first).ids == ()


@committed
def test_a_save_that_changes_no_word_keeps_the_index_and_its_matches(monkeypatch):
    make_catalogue(count=20)
    activity = Activity.objects.published().first()
    index = search_index(catalogue_version())
    assert ranked_matches("taal", catalogue_version()) == list(find("taal", index).ids)

    # A phone number, a time and a place's wheelchair flag are not what the search reads.
    Activity.objects.filter(pk=activity.pk).update(contact_phone="020 765 43 21")
    activity.schedule.update(start=datetime.time(8, 30))
    type(activity.location).objects.filter(pk=activity.location_id).update(wheelchair_accessible=True)
    computed = []
    monkeypatch.setattr(search, "find", lambda query, index: computed.append(query) or find(query, index))
    assert search_index(catalogue_version()) is index
    assert ranked_matches("taal", catalogue_version()) == list(find("taal", index).ids)
    assert computed == []  # the matches were kept

    # A word it reads makes a new index, and new matches.
    Activity.objects.filter(pk=activity.pk).update(summary="Nu met taalles erbij.")
    assert search_index(catalogue_version()) is not index
    assert activity.pk in ranked_matches("taalles", catalogue_version())
    assert_same_answers(search_index(catalogue_version()))


@committed
def test_an_unpublished_activitys_own_words_are_neither_found_nor_suggested():
    make_catalogue(count=10)
    only = ActivityFactory(title="Kantklossen", summary="Klossen met kant.")
    search_index(catalogue_version())
    Activity.objects.filter(pk=only.pk).update(status=Activity.Status.DRAFT)

    index = search_index(catalogue_version())
    assert "kantklossen" not in index.typo_choices
    outcome = find("kantklossn", index)
    assert outcome.ids == () and outcome.corrections == ()
    assert_same_answers(index)


@committed
def test_many_changes_in_a_row_stay_the_same_as_a_new_index():
    make_catalogue(count=30, seed=4)
    search_index(catalogue_version())
    for round_number in range(6):
        activity = Activity.objects.published().order_by("?").first()
        activity.title = f"{activity.title} ronde{round_number}"
        activity.save()
        activity.refresh_search_text()
        Activity.objects.filter(pk=activity.pk).update(last_verified=datetime.date(2026, 1, 1 + round_number))
        search_index(catalogue_version())
    assert_same_answers(search_index(catalogue_version()))


@pytest.mark.django_db
def test_equal_matches_take_turns_between_stadsdelen_most_recently_checked_first():
    checked = datetime.date(2026, 11, 1)
    noord = [
        ActivityFactory(
            title="Buurtkoor", location__gebied_slug="oud-noord", last_verified=checked - datetime.timedelta(n)
        )
        for n in range(3)
    ]
    zuid = ActivityFactory(title="Buurtkoor", location__gebied_slug="oud-zuid", last_verified=checked)
    west = ActivityFactory(title="Buurtkoor", location__gebied_slug="westerpark", last_verified=None)

    ids = find("buurtkoor", SearchIndex.build()).ids
    first_round, second_round = set(ids[:3]), ids[3:]
    assert first_round == {noord[0].pk, zuid.pk, west.pk}
    assert second_round == (noord[1].pk, noord[2].pk)
