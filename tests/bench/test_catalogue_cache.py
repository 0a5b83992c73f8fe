"""The catalogue's facet counts, options and result pages are cached under the catalogue's
version (migration 0005); every change must show at once, whoever makes it and however."""

import pytest
from django.db import connection, transaction
from django.http import QueryDict

from activities.catalogue_cache import catalogue_version
from activities.models import Activity, Theme
from activities.selectors import catalogue_search, facets, listed_activities
from tests.factories import ActivityFactory


def search(query_string=""):
    return catalogue_search(QueryDict(query_string))


def titles(result):
    return [activity.title for activity in listed_activities(result["page"].object_list)]


@pytest.mark.django_db
def test_changes_in_this_transaction_bypass_the_cache():
    ActivityFactory(title="Taalcafé Noord", themes=["taal"])
    assert search("thema=taal")["counts"]["thema"] == {"taal": 1}
    assert catalogue_version() is None  # uncommitted changes: nothing cached may be used
    ActivityFactory(title="Taalles Zuid", themes=["taal"])
    result = search("thema=taal")
    assert result["counts"]["thema"] == {"taal": 2}
    assert titles(result) == ["Taalcafé Noord", "Taalles Zuid"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_clean_transaction_reads_from_the_cache_and_gets_the_same(django_assert_max_num_queries):
    ActivityFactory(title="Taalcafé Noord", themes=["taal"], location__gebied_slug="oud-noord")
    ActivityFactory(title="Taalles Zuid", themes=["taal"], location__gebied_slug="oud-zuid")
    ActivityFactory(title="Wandelclub", themes=["sport"])
    assert catalogue_version() is not None
    first = search("q=taal&stadsdeel=noord")
    assert titles(first) == ["Taalcafé Noord"]
    assert first["counts"]["stadsdeel"] == {"noord": 1, "zuid": 1}
    # The index, the search's matches and the filter options now come from memory.
    with django_assert_max_num_queries(3):  # the version, checking the ticked stadsdeel, the page's rows
        second = search("q=taal&stadsdeel=noord")
    assert second["counts"] == first["counts"]
    assert titles(second) == titles(first)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_committed_change_moves_the_version_on():
    before = catalogue_version()
    activity = ActivityFactory(title="Wandelclub", themes=["gezondheid-en-bewegen"])
    after_insert = catalogue_version()
    assert after_insert is not None and after_insert != before
    assert titles(search("q=wandel")) == ["Wandelclub"]

    # A bulk update bypasses the ORM's signals, not the triggers.
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.ARCHIVED)
    assert catalogue_version() != after_insert
    assert titles(search("q=wandel")) == []

    # So does a change to a theme's name: the options are cached too.
    theme = Theme.objects.get(slug="sport")
    version = catalogue_version()
    Theme.objects.filter(pk=theme.pk).update(name="Sport en spel")
    assert catalogue_version() != version
    result = search()
    groups, _flags = facets(result["filterset"], result["counts"])
    labels = [option["label"] for group in groups if group["name"] == "thema" for option in group["options"]]
    assert "Sport en spel" in labels


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_never_brings_a_version_back():
    before = catalogue_version()
    with transaction.atomic():
        ActivityFactory(title="Nooit bewaard")
        transaction.set_rollback(True)
    assert catalogue_version() == before
    ActivityFactory(title="Wel bewaard")
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM activities_catalogue_version_seq")
        (last,) = cursor.fetchone()
    assert catalogue_version() == last > before
    assert titles(search("q=bewaard")) == ["Wel bewaard"]
