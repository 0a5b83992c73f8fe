"""The catalogue's queries use their indexes (PostgreSQL's EXPLAIN), at a few thousand activities.

No planner settings are changed: with 3,000 activities the planner would happily scan the table
if the search's Dutch word-form match were priced as cheap as PostgreSQL prices to_tsvector
(migration 0006 fixes that price), and that scan costs ~200 ms here and ~1 s at 20,000.
"""

import pytest
from django.db import connection
from django.http import QueryDict

from activities import search
from activities.demo import create_catalogue
from activities.filters import ActivityFilter
from activities.models import Activity, Location
from activities.selectors import published_activities, ranked_matches_queryset
from organisations.models import Organisation

SEARCH_INDEXES = ["activity_search_text_trgm", "activity_search_title_trgm", "activity_search_vector"]


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """3,000 demo activities, committed and analysed for the whole module; removed afterwards."""
    with django_db_blocker.unblock():
        assert connection.vendor == "postgresql", "Run the tests with scripts/test (PostgreSQL)."
        last = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (Activity, Location, Organisation)
        }
        create_catalogue(activities=3000)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield
        for model in (Activity, Location, Organisation):
            model.objects.filter(pk__gt=last[model]).delete()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def plan_of(queryset):
    return queryset.explain()


def filtered(query_string):
    filterset = ActivityFilter(QueryDict(query_string), queryset=published_activities())
    assert filterset.is_valid(), filterset.errors
    return filterset


def assert_search_uses_indexes(plan):
    for index in SEARCH_INDEXES:
        assert f"Bitmap Index Scan on {index}" in plan, plan
    assert "Seq Scan on activities_activity " not in plan, plan


@pytest.mark.parametrize("query", ["taal", "wandelen", "cafe", "formulieren", "hulp bij geld"])
def test_search_uses_the_search_indexes(catalogue, db, query):
    plan = plan_of(search.filter_queryset(published_activities(), query))
    assert "Bitmap Index Scan on activity_search_text_trgm" in plan, plan
    assert "Bitmap Index Scan on activity_search_vector" in plan, plan
    assert "Seq Scan on activities_activity " not in plan, plan


def test_search_for_taal_uses_all_three_search_indexes(catalogue, db):
    assert_search_uses_indexes(plan_of(search.filter_queryset(published_activities(), "taal")))


def test_ranked_matches_of_a_search_use_the_search_indexes(catalogue, db):
    assert_search_uses_indexes(plan_of(ranked_matches_queryset("taal")))


def test_a_results_page_fetches_its_activities_by_primary_key(catalogue, db):
    ids = list(published_activities().values_list("pk", flat=True)[:20])
    plan = plan_of(published_activities().for_listing().filter(pk__in=ids))
    assert "Index Scan using activities_activity_pkey" in plan, plan


# The filters below are those of the open-data export (the catalogue page filters in memory).
@pytest.mark.parametrize("query_string", ["q=taal&stadsdeel=noord", "q=wandelen&thema=gezondheid-en-bewegen"])
def test_search_within_other_filters_still_starts_from_the_search_indexes(catalogue, db, query_string):
    plan = plan_of(filtered(query_string).qs)
    for index in SEARCH_INDEXES:
        assert f"Bitmap Index Scan on {index}" in plan, plan
    # The word-form match is never rebuilt row by row outside the index scan.
    assert "Filter: " not in "".join(line for line in plan.splitlines() if "activities_dutch_vector" in line), plan


def test_unfiltered_page_reads_in_title_order_from_the_index(catalogue, db):
    plan = plan_of(published_activities().order_by("title", "pk").for_listing()[:20])
    assert "activities__status_3ea03b_idx" in plan, plan
    assert "Seq Scan on activities_activity " not in plan, plan


def test_day_filter_looks_up_time_slots_by_index(catalogue, db):
    # (At 50,000 activities the counts also read the (day, activity_id) index of migration 0006;
    # 3,000 slots are too few for the planner to prefer it there, and rightly so.)
    plan = plan_of(filtered("dag=di").qs.order_by("title", "pk")[:20])
    assert "Index Scan using activities_scheduleslot" in plan or "scheduleslot_day_activity" in plan, plan
    assert "Seq Scan on activities_scheduleslot" not in plan, plan


def test_theme_filter_uses_an_index_on_the_theme_links(catalogue, db):
    plan = plan_of(filtered("thema=taal").qs.order_by("title", "pk")[:20])
    assert "on activities_activity_themes" in plan and "Index" in plan, plan
    assert "Seq Scan on activities_activity_themes" not in plan, plan


def test_area_filter_finds_activities_through_their_locations(catalogue, db):
    plan = plan_of(filtered("gebied=oud-noord").qs.order_by("title", "pk")[:20])
    assert "Index Scan using activities_activity_location_id" in plan or "activities__status_3ea03b_idx" in plan, plan
    assert "Seq Scan on activities_activity " not in plan, plan
